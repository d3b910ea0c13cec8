"""Claims of all seeds -> facts -> findings -> :class:`Report` (without review decisions).

Stages: :mod:`checker.match` groups claims into facts (blocking, rapidfuzz
scoring, clustering) and finds shared wire copy; :mod:`checker.classify` gives
each fact a verdict with the rule registered for its kind. This module turns
both into the report's findings, locating every claim by line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.classify import Context, judge
from checker.config import Settings
from checker.data import load_lexicon
from checker.frame.quantity import in_story_year
from checker.match import Fact, MatchResult, SeedTexts, Vocabulary, describe, match_claims
from checker.match.cluster import ClaimRef
from checker.match.stories import group_stories
from checker.progress import Progress, no_progress
from checker.schema import (
    VERDICT_ORDER,
    ClaimFile,
    Finding,
    FindingClaim,
    QuantityClaim,
    Report,
    SeedInfo,
    SentenceRef,
    Summary,
    Verdict,
)
from checker.version import CHECKER_VERSION


def compare(
    claim_files: Sequence[ClaimFile], settings: Settings, progress: Progress = no_progress
) -> Report:
    """Cross-reference the claims of every seed. Deterministic: sorted, no timestamps.

    Seed texts (for line/column and sentences) are read from ``settings.seeds_dir``;
    a seed that is not there is located on line 1 by its offsets.
    """
    files = sorted(claim_files, key=lambda f: f.seed)
    lexicon = load_lexicon(settings)
    vocabulary = Vocabulary(lexicon)
    texts = SeedTexts(settings.seeds_dir)
    ctx = Context(
        settings=settings,
        vocabulary=vocabulary,
        published={f.seed: f.article.published for f in files},
    )
    # A story is the unit of comparison: facts are matched only between its articles.
    stories = group_stories(files, settings.stories, lexicon=lexicon)
    findings: list[Finding] = []
    single_facts: list[Fact] = []
    groups = stories.groups()
    for done, (story, seeds) in enumerate(groups.items(), start=1):
        members = set(seeds)
        result = match_claims(
            _dated_by_story([f for f in files if f.seed in members]), settings, vocabulary, texts
        )
        for fact in result.facts:
            findings.append(_finding(fact, result, ctx, texts, story))
        single_facts.extend(result.single_source)
        progress("match", done, len(groups))
    order = {v: i for i, v in enumerate(VERDICT_ORDER)}
    findings.sort(key=lambda f: (order[f.verdict], f.category, f.fact, f.fingerprint))
    single = [
        _located(ref, judge(fact.pool, fact.key, fact.claims, ctx).values[0], "", texts)
        for fact in single_facts
        for ref in fact.claims[:1]
    ]
    single.sort(key=lambda c: (c.seed, c.start, c.end, c.claim_id))
    counts = {v: sum(1 for f in findings if f.verdict is v) for v in Verdict}
    return Report(
        checker_version=CHECKER_VERSION,
        seeds=[SeedInfo(id=f.seed, sha256=f.seed_sha256, metadata=f.article) for f in files],
        summary=Summary(
            sources=len(files),
            claims=sum(len(f.claims) for f in files),
            facts=len(findings) + len(single),
            agreement=counts[Verdict.AGREEMENT],
            variance=counts[Verdict.VARIANCE],
            update=counts[Verdict.UPDATE],
            contradiction=counts[Verdict.CONTRADICTION],
            uncertain=sum(
                1 for f in findings if f.verdict is Verdict.CONTRADICTION and f.uncertain
            ),
            single_source=len(single),
        ),
        findings=findings,
        single_source=single,
    )


def _dated_by_story(files: list[ClaimFile]) -> list[ClaimFile]:
    """The story's files, those without a publication date dated by the story: a figure
    anchored to a year two or more before the story's latest publication year is another
    event's, as it would be in a dated article (:func:`checker.frame.quantity.past_year`)."""
    years = [f.article.published.year for f in files if f.article.published is not None]
    if not years or all(f.article.published is not None for f in files):
        return files
    year = max(years)
    out: list[ClaimFile] = []
    for file in files:
        if file.article.published is not None:
            out.append(file)
            continue
        claims = [
            in_story_year(c, year) if isinstance(c, QuantityClaim) else c for c in file.claims
        ]
        out.append(file.model_copy(update={"claims": claims}))
    return out


def _finding(
    fact: Fact, result: MatchResult, ctx: Context, texts: SeedTexts, story: str
) -> Finding:
    judgement = judge(fact.pool, fact.key, fact.claims, ctx)
    outcome = judgement.outcome
    sources = len(fact.seeds)
    independent = independent_sources(fact, result)
    explanation = outcome.explanation
    if independent < sources:
        plural = "" if independent == 1 else "s"
        explanation += f" ({sources} sources, {independent} independent origin{plural})"
    claims = [
        _located(ref, value, note, texts, ctx.as_of(ref.claim))
        for ref, value, note in zip(
            fact.claims, judgement.values, judgement.normalisations, strict=True
        )
    ]
    if outcome.verdict is Verdict.UPDATE:  # a timeline: in time order, undated last
        claims.sort(key=lambda c: (c.as_of is None, c.as_of or "", c.seed, c.start))
    category = fact.claims[0].claim.kind
    if fact.pool.startswith("proposition") and any(
        c.claim.kind == "statement" for c in fact.claims
    ):
        category = "statement"
    return Finding(
        fingerprint=judgement.fingerprint,
        verdict=outcome.verdict,
        category=category,
        rule=judgement.rule.code,
        rule_name=judgement.rule.name,
        fact=describe(fact, ctx.as_of(fact.claims[0].claim)),
        explanation=explanation,
        differences=list(outcome.differences),
        uncertain=outcome.uncertain,
        confidence=outcome.confidence,
        identity=list(outcome.identity),
        story=story,
        sources=sources,
        independent_sources=independent,
        claims=claims,
    )


def independent_sources(fact: Fact, result: MatchResult) -> int:
    """Seeds of ``fact`` once seeds whose claims share a wire-copy origin count as one."""
    seeds = fact.seeds
    parent = {s: s for s in seeds}

    def find(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    first_seed: dict[int, str] = {}
    for ref in fact.claims:
        span = (ref.seed, ref.claim.sentence.start, ref.claim.sentence.end)
        origin = result.origins.of(ref.seed, result.sentence_index[span])
        if origin is None:
            continue
        other = first_seed.setdefault(origin, ref.seed)
        a, b = find(other), find(ref.seed)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return len({find(s) for s in seeds})


def _located(
    ref: ClaimRef, value: str, note: str, texts: SeedTexts, as_of: dt.date | None = None
) -> FindingClaim:
    claim = ref.claim
    seed_text = texts.get(ref.seed)
    if seed_text is not None:
        line, column = seed_text.position(claim.start)
        end_line, end_column = seed_text.position(claim.end)
        sentence = seed_text.slice(claim.sentence.start, claim.sentence.end)
    else:
        line, column = 1, claim.start + 1
        end_line, end_column = 1, claim.end + 1
        sentence = claim.text
    return FindingClaim(
        seed=ref.seed,
        claim_id=claim.id,
        kind=claim.kind,
        rule=claim.rule,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        sentence=SentenceRef(start=claim.sentence.start, end=claim.sentence.end, text=sentence),
        value=value,
        normalisation=note,
        attributed_to=claim.attributed_to,
        as_of=as_of.isoformat() if as_of is not None else None,
    )
