"""Duration rules: how long an event or state lasted, and what lasted."""

from __future__ import annotations

import functools
import re

from checker.data.folding import fold
from checker.data.trie import trie_pattern
from checker.extract.context import WORD, SentenceContext
from checker.extract.hedges import hedge_before, interval, is_range
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, DurationClaim, Hedge
from checker.text.numbers import parse_number

_UNITS = r"minutes?|hours?|days?|weeks?|months?|years?|decades?"
_RELATIVE = {"which", "that", "who", "whom", "whose"}
# Cheap tests that let most sentences skip the full patterns.
_COMPOUND_HINT = re.compile(r"-(?:minute|hour|day|week|month|year|decade)\b")
_UNIT_HINT = re.compile(rf"\b(?:{_UNITS})\b")


@functools.cache
def _number() -> str:
    from checker.data.language import load_language

    words = trie_pattern(load_language().number_words)
    return rf"(?:\d+(?:\.\d+)?|(?i:(?:{words})(?:-(?:{words}))?))"


@functools.cache
def _compound() -> re.Pattern[str]:
    # "the 44-day war", "a six-month-long occupation"; not "28-year-old" (an age).
    return re.compile(
        rf"\b(?P<n>{_number()})-(?P<u>minute|hour|day|week|month|year|decade)(?:-long)?"
        rf"(?!-old)\s+(?P<x>[a-z][\w-]*(?:al|ive|ary|ic|ous|ful|ground|civil)\s+[a-z][\w-]*"
        rf"|[a-z][\w-]*)"
    )


@functools.cache
def _low() -> str:
    """The low end of a range before the figure: "17 to 20", "5-6", "between 17 and 20"."""
    return (
        rf"(?:between\s+(?P<blo>{_number()})\s+and\s+"
        rf"|(?P<lo>{_number()})(?:\s?[-–]\s?|\s+to\s+))?"
    )


@functools.cache
def _prepositional() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<p>for|after|over|within|in|during|lasting|spanning)\s+(?P<rest>(?:[a-z]+\s+){{0,3}}?)"
        rf"{_low()}(?P<n>{_number()})\s+(?P<u>{_UNITS})\b"
    )


@functools.cache
def _bare() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){_low()}(?P<n>{_number()})\s+(?P<u>{_UNITS})\b")


def _range_low(ctx: SentenceContext, m: re.Match[str], value: float) -> tuple[float, int] | None:
    """The low end of the range ``m`` states and where it starts ("17 to 20 years"),
    or ``None`` when the figure stands alone."""
    names = m.re.groupindex
    for group, between in (("blo", True), ("lo", False)):
        if group in names and m.group(group) is not None:
            low = parse_number(m.group(group))
            start = m.start(group)
            if low is not None and is_range(ctx.text, start, low, value, between=between):
                return low, (m.start() if between and group == "blo" else start)
    return None


def _unit(raw: str, ctx: SentenceContext) -> str:
    return ctx.art.lang.time_units[fold(raw)]


def _make(
    ctx: SentenceContext, code: str, start: int, end: int, m: re.Match[str], event: str
) -> DurationClaim | None:
    value = parse_number(m.group("n"))
    if value is None or ctx.is_taken(start, end):
        return None
    low = _range_low(ctx, m, value)
    hedge, hedge_start = hedge_before(ctx.text, low[1] if low else m.start("n"))
    start = min(start, hedge_start)
    if low is not None:  # "for 17 to 20 years": one range
        hedge = Hedge.RANGE
        value, high = low[0], value
    claim = ctx.make(
        DurationClaim,
        code,
        start,
        end,
        event=event,
        value=value,
        unit=_unit(m.group("u"), ctx),
        hedge=hedge,
        interval=interval(
            value, hedge, ctx.art.settings.tolerances, high if low is not None else None
        ),
    )
    ctx.take(start, end, "duration")
    return claim


def lasted(ctx: SentenceContext, start: int) -> str:
    """What lasted: the verb phrase before a duration and the noun phrase it is about.

    "settlements and villages occupied by Armenia for ..." -> "settlement village
    occupy armenia"; "Shusha, which was liberated from Armenian occupation after ..."
    -> "shusha retake armenia occupation".
    """
    lang = ctx.art.lang
    cs, _ = ctx.clause(start, start)
    tokens = [m for m in WORD.finditer(ctx.text, cs, start)]
    verb = None
    for index in range(len(tokens) - 1, -1, -1):
        word = fold(tokens[index].group(0))
        if word in lang.finite_verbs or (word.endswith("ed") and len(word) > 4):
            verb = index
            break
    if verb is None:
        return ctx.normalise(ctx.text[cs:start])
    content_before: list[str] = []
    for token in reversed(tokens[:verb]):  # the noun phrase right before the verb
        word = fold(token.group(0))
        if word in lang.stopwords or word in _RELATIVE:
            continue
        if (
            token.group(0)[0].isdigit()
            or word in lang.hedges
            or word in lang.vague
            or word in lang.finite_verbs
            or word.endswith("ed")
            or len(content_before) == 3
        ):
            break
        content_before.insert(0, token.group(0))
    if not content_before and tokens and fold(tokens[0].group(0)) in _RELATIVE:
        # "Shusha, which was liberated ...": what lasted is the antecedent
        content_before = [t.group(0) for t in WORD.finditer(ctx.text, 0, cs)][-1:]
    phrase = " ".join([*content_before, *(t.group(0) for t in tokens[verb:])])
    return ctx.normalise(phrase)


_OF_NOUN = re.compile(r"\s+of\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]{3,}\b")


@rule("U001", "compound duration")
def compound(ctx: SentenceContext) -> list[ClaimBase]:
    """A duration used as an adjective: "the 44-day war", "a six-month-long
    occupation". The thing that lasted is the noun after it ("war"), with its "of"
    complement ("a 60-day state of emergency", "a two-year term of office"); a hedge
    before the number ("the nearly 30-year occupation") sets the interval.
    Ages ("a 28-year-old man") are not durations."""
    out: list[ClaimBase] = []
    if not _COMPOUND_HINT.search(ctx.text):
        return out
    for m in _compound().finditer(ctx.text):
        of = _OF_NOUN.match(ctx.text, m.end("x"))  # "a 60-day state of emergency"
        end = of.end() if of else m.end("x")
        event = ctx.normalise(ctx.text[m.start("x") : end])
        claim = _make(ctx, "U001", m.start(), end, m, event)
        if claim is not None:
            out.append(claim)
    return out


@rule("U002", "prepositional duration")
def prepositional(ctx: SentenceContext) -> list[ClaimBase]:
    """ "for almost 30 years", "after 28 years", "within six weeks": the event is
    the verb phrase before it and what it is about ("settlement village occupy
    armenia"), so that two durations of different things stay apart."""
    out: list[ClaimBase] = []
    if not _UNIT_HINT.search(ctx.text):
        return out
    for m in _prepositional().finditer(ctx.text):
        rest = fold(m.group("rest")).strip()
        if rest and rest not in ctx.art.lang.hedges and rest not in ("a", "the", "just"):
            continue
        event = lasted(ctx, m.start())
        claim = _make(ctx, "U002", m.start(), m.end(), m, event)
        if claim is not None:
            out.append(claim)
    return out


@rule("U003", "bare duration")
def bare(ctx: SentenceContext) -> list[ClaimBase]:
    """A number of time units elsewhere: "six weeks", "two months later". The
    event is the normalised clause around it. A range ("17 to 20 years", "between
    two and three weeks") is one claim: hedge ``range``, value its low end."""
    out: list[ClaimBase] = []
    if not _UNIT_HINT.search(ctx.text):
        return out
    for m in _bare().finditer(ctx.text):
        value = parse_number(m.group("n"))
        if value is None:
            continue
        low = _range_low(ctx, m, value)
        first = low[1] if low else m.start("n")
        if ctx.is_taken(first, m.end(), "duration"):
            continue
        event = ctx.event_words(first, m.end())
        hedge, hedge_start = hedge_before(ctx.text, first)
        high = None
        if low is not None:  # "17 to 20 years": one range
            hedge, high, value = Hedge.RANGE, value, low[0]
        claim = ctx.make(
            DurationClaim,
            "U003",
            hedge_start,
            m.end(),
            event=event,
            value=value,
            unit=_unit(m.group("u"), ctx),
            hedge=hedge,
            interval=interval(value, hedge, ctx.art.settings.tolerances, high),
        )
        ctx.take(hedge_start, m.end(), "duration")
        out.append(claim)
    return out
