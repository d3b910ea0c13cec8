"""What a rule sees: the sentence, the article around it, and a claim factory.

:class:`ArticleContext` holds per-article state that rules share (the people
named so far, the publication date, anniversaries the article marks, the last
resolved date). :class:`SentenceContext` wraps one sentence; ``make`` turns a
span inside it into a claim with a stable id, its sentence and its entities.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from checker.config import Settings
from checker.data.folding import fold
from checker.data.language import Language
from checker.data.lexicon import Lexicon
from checker.extract.ids import claim_id
from checker.extract.people import People
from checker.schema.claims import ArticleMeta, ClaimBase, PartialDate, Span
from checker.text.dates import DateMatch, find_dates
from checker.text.sentences import Sentence

C = TypeVar("C", bound=ClaimBase)
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Clause boundaries: punctuation that separates clauses, and dashes between spaces.
_BOUNDARY = re.compile(r"[,;:()]\s*|\s[—–-]{1,2}\s|[\"“”]")


@dataclass
class Anniversary:
    """ "the Nth anniversary of X" on a known day: X happened N years earlier."""

    ordinal: int
    event: str
    year: int | None
    month: int | None
    day: int | None


@dataclass
class ArticleContext:
    seed: str
    text: str
    settings: Settings
    lexicon: Lexicon
    lang: Language
    meta: ArticleMeta
    people: People
    anniversaries: list[Anniversary] = field(default_factory=list)
    anchor: PartialDate | None = None  # last resolved date (for "two months later")
    block_speaker: dict[int, str] = field(default_factory=dict)
    counters: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)

    @property
    def published(self) -> dt.date | None:
        return self.meta.published


@dataclass
class SentenceContext:
    art: ArticleContext
    sentence: Sentence
    section: str = "body"
    claims: list[ClaimBase] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)  # offsets in the sentence
    memo: dict[str, object] = field(default_factory=dict)  # per-sentence results rules share

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def dates(self) -> list[DateMatch]:
        return find_dates(self.sentence.text)

    @cached_property
    def folded(self) -> str:
        return fold(self.sentence.text)

    @cached_property
    def entities(self) -> list[str]:
        found = set(self.art.lexicon.find_entities(self.sentence.text))
        found.update(self.art.people.mentioned(self.sentence.text))
        return sorted(found)

    def is_taken(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.taken)

    def make(self, cls: type[C], rule: str, start: int, end: int, **fields: Any) -> C:
        """A claim of ``cls`` for ``text[start:end]`` of this sentence (offsets in the sentence)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        surface = self.text[start:end]
        kind = str(cls.model_fields["kind"].default)
        key = (kind, rule, fold(surface), self.folded)
        occurrence = self.art.counters[key]
        self.art.counters[key] += 1
        base = self.sentence.start
        claim = cls(
            id=claim_id(self.art.seed, kind, rule, surface, self.text, occurrence),
            text=surface,
            start=base + start,
            end=base + end,
            sentence=Span(start=self.sentence.start, end=self.sentence.end),
            rule=rule,
            entities=self.entities,
            section=self.section,
            **fields,
        )
        self.claims.append(claim)
        return claim

    def normalise(self, text: str) -> str:
        """Folded content words with entities and spellings canonical, synonyms keyed."""
        return normalise(text, self.art.lexicon, self.art.lang)

    def event_words(self, start: int, end: int) -> str:
        """Normalised words of the clause around ``[start, end)`` without the span itself.

        At most 8 words before and 5 after; a bare expression between commas (as
        in captions) takes the words of the whole sentence instead.
        """
        cs, ce = self.clause(start, end)
        before = self.normalise(self.text[cs:start]).split()[-8:]
        after = self.normalise(self.text[end:ce]).split()[:5]
        words = [*before, *after]
        if not words:
            whole = self.normalise(self.text[:start] + " " + self.text[end:]).split()
            words = whole[:13]
        return " ".join(words)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around ``text[start:end]`` (commas inside dates do not split)."""
        return clause_bounds(self.text, start, end, [(m.start, m.end) for m in self.dates])


def normalise(text: str, lexicon: Lexicon, lang: Language) -> str:
    """Words for matching: entities canonical, spellings and synonyms keyed, no stopwords."""
    text = lexicon.replace_entities(text)
    words = []
    for match in WORD.finditer(text):
        word = fold(match.group(0))
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if word in lang.stopwords:
            continue
        words.append(lexicon.synonym_key(word))
    return " ".join(words)


def clause_bounds(
    text: str, start: int, end: int, protected: list[tuple[int, int]]
) -> tuple[int, int]:
    """The stretch of ``text`` between the clause boundaries around ``[start, end)``."""
    left, right = 0, len(text)
    for match in _BOUNDARY.finditer(text):
        s, e = match.span()
        if any(ps <= s < pe for ps, pe in protected):
            continue
        if e <= start:
            left = e
        elif s >= end:
            right = s
            break
    return left, right
