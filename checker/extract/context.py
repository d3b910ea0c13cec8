"""What a rule sees: the sentence, the article around it, and a claim factory.

:class:`ArticleContext` holds per-article state that rules share (the people
named so far, the publication date, anniversaries the article marks, the last
resolved date). :class:`SentenceContext` wraps one sentence; ``make`` turns a
span inside it into a claim with a stable id, its sentence and its entities.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar, overload

from checker.config import Settings
from checker.data.folding import fold
from checker.data.language import Language
from checker.data.lexicon import Lexicon
from checker.extract.frames import negated_figure, quantity_frame
from checker.extract.ids import claim_id
from checker.extract.people import People
from checker.extract.periods import anchor_year
from checker.schema.claims import ArticleMeta, ClaimBase, PartialDate, Span
from checker.text.dates import DateMatch, find_dates
from checker.text.sentences import Sentence

C = TypeVar("C", bound=ClaimBase)
T = TypeVar("T")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Clause boundaries: punctuation that separates clauses, and dashes between spaces.
_BOUNDARY = re.compile(r"[,;:()]\s*|\s[—–-]{1,2}\s|[\"“”]")


# Kinds whose value belongs to a period ("145 killed in 2001", "grew 1.1% in 2023").
# Dates carry their own year; a title or a quote is not anchored by a year nearby.
_ANCHORED = frozenset(("quantity", "duration"))


class lazy(Generic[T]):
    """A per-instance attribute computed on first use (``cached_property`` without its lock,
    which in Python 3.11 costs more than the small values computed here)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> T | lazy[T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Token(NamedTuple):
    start: int
    end: int
    text: str
    folded: str


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
    # the last count with its noun (value, unit, actor, action): "put the total at 1.2 million"
    last_counted: tuple[float, str, str | None, str | None] | None = None
    block_speaker: dict[int, str] = field(default_factory=dict)
    counters: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    memo: dict[str, object] = field(default_factory=dict)  # per-article results rules share

    @property
    def published(self) -> dt.date | None:
        return self.meta.published


@dataclass
class SentenceContext:
    art: ArticleContext
    sentence: Sentence
    section: str = "body"
    claims: list[ClaimBase] = field(default_factory=list)
    masks: dict[str, bytearray] = field(default_factory=dict)  # spans claimed, per kind
    memo: dict[str, object] = field(default_factory=dict)  # per-sentence results rules share
    carried_year: int | None = None  # the year an opener points back at ("At the time, ...")
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.sentence.text  # read by every rule: a plain attribute

    @lazy
    def dates(self) -> list[DateMatch]:
        return find_dates(self.sentence.text)

    @lazy
    def folded(self) -> str:
        return fold(self.sentence.text)

    @lazy
    def tokens(self) -> list[Token]:
        """The sentence's words with offsets and folded forms (computed once)."""
        text, folded = self.text, self.folded
        spans = [m.span() for m in WORD.finditer(text)]
        if len(folded) == len(text):  # folding kept the offsets: slice instead of re-folding
            return [Token(s, e, text[s:e], folded[s:e]) for s, e in spans]
        return [Token(s, e, text[s:e], fold(text[s:e])) for s, e in spans]

    @lazy
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that lie inside ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [t for t in self.tokens[first:last] if t.end <= end]

    @lazy
    def _normalised(self) -> list[tuple[int, int, str]] | None:
        """Per word ``(start, end, key)``: entities canonical, stopwords dropped."""
        art = self.art
        spans = self.entity_spans
        if spans is None:
            return None
        out: list[tuple[int, int, str]] = []
        entity_index = 0
        run: list[Token] = []  # words since the last entity: phrases are matched in them
        for token in self.tokens:
            while entity_index < len(spans) and spans[entity_index][1] <= token.start:
                entity_index += 1
            if entity_index < len(spans) and spans[entity_index][0] <= token.start:
                out.extend(_run_keys(run, art.lexicon, art.lang))
                run = []
                start, end, canonical = spans[entity_index]
                if out and out[-1][0] == start:
                    continue  # the entity was emitted at its first word
                out.append((start, end, " ".join(_keys(canonical, art.lexicon, art.lang))))
                continue
            run.append(token)
        out.extend(_run_keys(run, art.lexicon, art.lang))
        return out

    def normalise_span(self, start: int, end: int) -> str:
        """:func:`normalise` of ``text[start:end]``, from the per-sentence word keys."""
        keys = self._normalised
        if keys is None:
            return self.normalise(self.text[start:end])
        first = bisect.bisect_left(self._key_starts, start)
        last = bisect.bisect_left(self._key_starts, end)
        return " ".join(key for _, e, key in keys[first:last] if e <= end and key)

    @lazy
    def _key_starts(self) -> list[int]:
        return [s for s, _, _ in self._normalised or []]

    @lazy
    def entity_spans(self) -> list[tuple[int, int, str]] | None:
        return self.art.lexicon.entity_spans(self.text)

    @lazy
    def entities(self) -> list[str]:
        spans = self.entity_spans
        if spans is None:
            found = set(self.art.lexicon.find_entities(self.text))
        else:
            found = {canonical for _, _, canonical in spans}
        found.update(self.art.people.mentioned(self.text))
        return sorted(found)

    def is_taken(self, start: int, end: int, kind: str = "any") -> bool:
        """Whether any character of ``text[start:end]`` is claimed (by a ``kind`` claim)."""
        mask = self.masks.get(kind)
        return mask is not None and any(mask[start:end])

    def take(self, start: int, end: int, kind: str) -> None:
        """Mark ``text[start:end]`` as claimed by a ``kind`` claim (and by any claim)."""
        for name in (kind, "any"):
            mask = self.masks.get(name)
            if mask is None:
                mask = self.masks[name] = bytearray(len(self.text))
            mask[start:end] = b"\x01" * (end - start)

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
        if cls.model_fields["kind"].default in _ANCHORED and "period" not in fields:
            fields["period"] = anchor_year(self, start, end)
        if kind == "quantity" and "frame" not in fields:
            fields["frame"] = quantity_frame(self, start, end, fields)
            fields.setdefault("negated", negated_figure(self, start))
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
        before = _event_only(self.normalise_span(cs, start), self.art.lang)[-8:]
        after = _event_only(self.normalise_span(end, ce), self.art.lang)[:5]
        words = [*before, *after]
        if not before:
            # "cut costs by €1 billion ($1.1 billion) by 2026": a parenthetical aside ends
            # no clause for what follows it; the words before the aside are the event's.
            opening = self._aside_before(cs)
            if opening is not None:
                ps, _ = self.clause(opening, opening)
                before = _event_only(self.normalise_span(ps, opening), self.art.lang)[-8:]
                words = [*before, *after]
        if not words:
            window = _CLAUSE_WINDOW
            whole = f"{self.normalise_span(max(0, start - window), start)} "
            whole += self.normalise_span(end, min(len(self.text), end + window))
            words = _event_only(whole, self.art.lang)[:13]
        return " ".join(words)

    def _aside_before(self, position: int) -> int | None:
        """Where the parenthetical that ends just before ``position`` opens, if one does."""
        close = self.text.rfind(")", 0, position)
        if close < 0 or self.text[close + 1 : position].strip():
            return None
        opening = self.text.rfind("(", 0, close)
        return opening if opening > 0 else None

    @lazy
    def date_mask(self) -> bytearray:
        """1 for every character inside a calendar expression (commas there split nothing)."""
        mask = bytearray(len(self.text))
        for match in self.dates:
            mask[match.start : match.end] = b"\x01" * (match.end - match.start)
        return mask

    @lazy
    def _boundaries(self) -> list[tuple[int, int]]:
        mask = self.date_mask
        return [m.span() for m in _BOUNDARY.finditer(self.text) if not mask[m.start()]]

    @lazy
    def _boundary_ends(self) -> list[int]:
        return [e for _, e in self._boundaries]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around ``text[start:end]`` (commas inside dates do not split)."""
        bounds = self._boundaries
        index = bisect.bisect_right(self._boundary_ends, start)  # boundaries ending at or before
        left = bounds[index - 1][1] if index else 0
        right = len(self.text)
        for s, _ in bounds[index:]:
            if s >= end:
                right = s
                break
        # A clause longer than any real one (a run-on without punctuation) is cut
        # to a window at word edges, so rules that read "the clause" stay linear.
        if start - left > _CLAUSE_WINDOW:
            cut = self.text.find(" ", start - _CLAUSE_WINDOW, start)
            left = cut + 1 if cut >= 0 else start
        if right - end > _CLAUSE_WINDOW:
            cut = self.text.rfind(" ", end, end + _CLAUSE_WINDOW)
            right = cut if cut >= 0 else end
        return left, right


def normalise(text: str, lexicon: Lexicon, lang: Language) -> str:
    """Words for matching: entities canonical, spellings and synonyms keyed, no stopwords."""
    return " ".join(_keys(lexicon.replace_entities(text), lexicon, lang))


def _keys(text: str, lexicon: Lexicon, lang: Language) -> list[str]:
    words = [fold(m.group(0)) for m in WORD.finditer(text)]
    keys = (key for _, _, key in _phrase_keys(words, lexicon, lang))
    return [key for key in keys if key]


def _run_keys(tokens: list[Token], lexicon: Lexicon, lang: Language) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of a run of words: a phrase spans its words, no stopwords."""
    keyed = _phrase_keys([t.folded for t in tokens], lexicon, lang)
    return [(tokens[first].start, tokens[end - 1].end, key) for first, end, key in keyed if key]


def _phrase_keys(words: list[str], lexicon: Lexicon, lang: Language) -> list[tuple[int, int, str]]:
    """``(first, end, key)`` per word of ``words`` (folded), and one per wording of several
    words ("stepped down" -> ``resign``), matched before stopwords are dropped."""
    phrases = lexicon.phrases([_bare(w) for w in words]) if words else []
    if not phrases:
        return [(i, i + 1, _word_key(w, lexicon, lang)) for i, w in enumerate(words)]
    out: list[tuple[int, int, str]] = []
    index = 0
    for first, end, key in phrases:
        out.extend((i, i + 1, _word_key(words[i], lexicon, lang)) for i in range(index, first))
        out.append((first, end, key))
        index = end
    out.extend((i, i + 1, _word_key(words[i], lexicon, lang)) for i in range(index, len(words)))
    return out


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _word_key(word: str, lexicon: Lexicon, lang: Language) -> str:
    cache = lexicon.memo
    key = cache.get(word)
    if key is None:
        base = _bare(word)
        key = "" if base in lang.stopwords else lexicon.synonym_key(base)
        cache[word] = key
    return key


def _event_only(keys: str, lang: Language) -> list[str]:
    """Event words without figures and hedges: those are the values, not the event."""
    hedge_words = _hedge_words(lang)
    return [w for w in keys.split() if w not in hedge_words and not _DIGIT.search(w)]


_HEDGE_WORDS: dict[int, frozenset[str]] = {}
_CLAUSE_WINDOW = 300
_DIGIT = re.compile(r"\d")


def _hedge_words(lang: Language) -> frozenset[str]:
    found = _HEDGE_WORDS.get(id(lang))
    if found is None:
        found = frozenset(word for phrase in lang.hedges for word in phrase.split())
        _HEDGE_WORDS[id(lang)] = found
    return found
