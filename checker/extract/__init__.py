"""Extraction: paragraphs -> furniture -> sentences -> registered rules -> typed claims.

Public API: :func:`extract_article` and :data:`EXTRACTOR_VERSION` (bumped
whenever the output for the same input changes). Rules live one module per
claim kind and register themselves (:mod:`checker.extract.registry`); they run
in the order imported below.
"""

from __future__ import annotations

from checker.config import Settings
from checker.corpus import Article
from checker.data import load_lexicon
from checker.data.folding import fold
from checker.data.language import load_language

# Importing the rule modules registers their rules (run order: registry.RUN_ORDER).
from checker.extract import (  # noqa: F401
    ages,
    clock,
    dates,
    durations,
    minutes,
    periods,
    quantities,
    quotes,
    ranks,
    roles,
    statements,
)
from checker.extract.context import ArticleContext, SentenceContext
from checker.extract.people import People
from checker.extract.registry import RULES, Rule, ordered_rules
from checker.schema.claims import ClaimBase, ClaimFile
from checker.text.furniture import BODY, CAPTION, Furniture, classify, infer_metadata
from checker.text.sentences import Sentence, split_blocks, split_sentences

EXTRACTOR_VERSION = "1.27.0"

__all__ = ["EXTRACTOR_VERSION", "RULES", "Rule", "extract_article"]

_SECTIONS = {BODY: "body", CAPTION: "caption"}


def extract_article(article: Article, settings: Settings) -> ClaimFile:
    """Extract every claim of one article into a :class:`ClaimFile`.

    Deterministic: the same text, metadata and settings give the same claims
    (ids from content, claims sorted by position). Headings, teasers and source
    lines give no claims; photo captions give only their dates
    (``section: caption``); a sentence repeated in the article is read once.
    """
    lexicon = load_lexicon(settings)
    lang = load_language()
    furniture = classify(split_blocks(article.text), lang)
    meta = infer_metadata(article.text, furniture, article.given)
    art = ArticleContext(
        seed=article.id,
        text=article.text,
        settings=settings,
        lexicon=lexicon,
        lang=lang,
        meta=meta,
        people=People(lexicon),
    )
    # First pass: the people and anniversaries the whole article names, so that
    # rules can resolve a surname or a year-less date that comes before them.
    contexts = [
        SentenceContext(art, sentence, section)
        for section, sentence in _units(furniture, lang.abbreviations)
    ]
    for ctx in contexts:
        if ctx.section == "body":
            roles.discover(ctx)
            dates.discover_anniversaries(ctx)
    periods.carry_years(contexts)
    claims: list[ClaimBase] = []
    rules = ordered_rules()
    for ctx in contexts:
        section = ctx.section
        for item in rules:
            if section in item.sections:
                item.func(ctx)
        claims.extend(ctx.claims)
    claims.sort(key=lambda c: (c.start, c.end, c.rule, c.id))
    return ClaimFile(
        seed=article.id,
        seed_sha256=article.sha256,
        extractor_version=EXTRACTOR_VERSION,
        article=meta,
        claims=claims,
    )


def _units(furniture: list[Furniture], abbreviations: frozenset[str]) -> list[tuple[str, Sentence]]:
    """Body and caption sentences in order; a repeated sentence keeps its first body occurrence."""
    split = [
        (_SECTIONS[item.role], sentence)
        for item in furniture
        if item.role in _SECTIONS
        for sentence in split_sentences(item.block, abbreviations)
    ]
    body_keys = {fold(s.text) for section, s in split if section == "body"}
    seen: set[str] = set()
    units: list[tuple[str, Sentence]] = []
    for section, sentence in split:
        key = fold(sentence.text)
        if key in seen or (section != "body" and key in body_keys):
            continue
        seen.add(key)
        units.append((section, sentence))
    return units
