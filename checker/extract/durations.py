"""Duration rules: how long an event or state lasted, and what lasted."""

from __future__ import annotations

import functools
import re

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.data.trie import trie_pattern
from checker.extract.context import WORD, SentenceContext
from checker.extract.hedges import hedge_before, interval, is_range
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, DurationClaim, Hedge
from checker.text.numbers import fraction_pattern, parse_number

_UNITS = r"minutes?|hours?|days?|weeks?|months?|years?|decades?"
_RELATIVE = {"which", "that", "who", "whom", "whose"}
# Cheap tests that let most sentences skip the full patterns.
_COMPOUND_HINT = re.compile(r"-(?:minute|hour|day|week|month|year|decade)\b")
_UNIT_HINT = re.compile(rf"\b(?:{_UNITS})\b")


@functools.cache
def _number() -> str:
    """A number of time units: digits, words, or either with a fraction ("5-1/4",
    "9½", "twenty-two and a half"); not the end of a slash fraction ("1/2")."""
    from checker.data.language import load_language

    words = trie_pattern(load_language().number_words)
    whole = rf"\d+(?:\.\d+)?|(?i:(?:{words})(?:-(?:{words}))?)"
    return rf"(?<!/)(?:{fraction_pattern(whole)}|{whole})"


@functools.cache
def _compound() -> re.Pattern[str]:
    # "the 44-day war", "a six-month-long occupation"; not "28-year-old" (an age).
    return re.compile(
        rf"\b{_low()}(?P<n>{_number()})-(?P<u>minute|hour|day|week|month|year|decade)(?:-long)?"
        rf"(?!-old)\s+(?P<x>[a-z][\w-]*(?:al|ive|ary|ic|ous|ful|ground|civil)\s+[a-z][\w-]*"
        rf"|[a-z][\w-]*)"
    )


@functools.cache
def _low() -> str:
    """The low end of a range before the figure: "17 to 20", "5-6", "40- to 50",
    "between 17 and 20". A hyphen after a word is no range: "twenty-two" is one number."""
    return (
        rf"(?:between\s+(?P<blo>{_number()})\s+and\s+"
        rf"|(?P<lo>{_number()})(?:(?<=\d)\s?-\s?|\s?–\s?|[-–]?\s+to\s+))?"
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


@functools.cache
def _fractions_of_units() -> tuple[re.Pattern[str], ...]:
    """ "a year and a half", "an hour and a quarter", "two years and a half"; "half an
    hour", "a quarter of an hour" (group ``n`` empty: no whole number)."""
    words = trie_pattern(sorted(_fraction_words(), key=len, reverse=True))
    return (
        re.compile(
            rf"(?<![\w-])(?P<n>(?i:an?)|{_number()})\s+(?P<u>{_UNITS})\s+and\s+a\s+"
            rf"(?P<f>{words})\b"
        ),
        re.compile(
            rf"(?<![\w-])(?P<n>)(?:(?i:an?)\s+)?(?P<f>(?i:{words}))\s+(?:of\s+)?an?\s+"
            rf"(?P<u>minute|hour|day|week|month|year|decade)\b"
        ),
    )


@functools.cache
def _fraction_words() -> dict[str, float]:
    table = load_bundled("numbers.toml")["fractions"]["words"]
    return {fold(str(k)): float(v) for k, v in table.items()}


@functools.cache
def _hedges_after() -> tuple[re.Pattern[str], dict[str, Hedge]]:
    """Hedges right after the unit ("5 years or fewer"): ``hedges.toml`` ``[hedge_after]``."""
    table = load_bundled("hedges.toml")["hedge_after"]
    hedges = {fold(str(p)): Hedge(str(h)) for h, phrases in table.items() for p in phrases}
    body = trie_pattern(sorted(hedges, key=len, reverse=True))
    return re.compile(rf"\s+(?P<h>(?i:{body}))\b"), hedges


def hedge_after(text: str, end: int) -> tuple[Hedge, int] | None:
    """The hedge written right after a duration ending at ``end`` ("... or fewer"), and
    where it ends; ``None`` when there is none."""
    pattern, hedges = _hedges_after()
    m = pattern.match(text, end)
    return None if m is None else (hedges[fold(m.group("h"))], m.end())


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
    ctx: SentenceContext,
    code: str,
    start: int,
    end: int,
    m: re.Match[str],
    event: str,
    fraction: float = 0.0,
    taken: str = "any",
) -> DurationClaim | None:
    """The claim of match ``m`` spanning ``[start, end)`` unless a ``taken`` claim holds
    part of it; ``fraction`` is added to its number ("a year and a half"), or is its
    number when ``m`` has none ("half an hour"). A hedge before the number, or after
    the unit when the span ends there ("5 years or fewer"), sets the interval."""
    surface = m.group("n")
    value = parse_number("a" if fold(surface) == "an" else surface) if surface else 0.0
    if value is None or ctx.is_taken(start, end, taken):
        return None
    value += fraction
    low = _range_low(ctx, m, value)
    hedge, hedge_start = hedge_before(ctx.text, low[1] if low else m.start("n"))
    start = min(start, hedge_start)
    if low is not None:  # "for 17 to 20 years": one range
        hedge = Hedge.RANGE
        value, high = low[0], value
    elif hedge is Hedge.EXACT and end == m.end():
        after = hedge_after(ctx.text, end)
        if after is not None:
            hedge, end = after
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


@functools.cache
def _delay_cues() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """``events.toml`` ``[delays]``: (the cue before a length, the cue after it, the
    nouns of a compound length, the words of a start)."""
    table = load_bundled("events.toml")["delays"]

    def body(key: str) -> str:
        return trie_pattern(sorted((fold(str(p)) for p in table[key]), key=len, reverse=True))

    before = re.compile(rf"(?<![\w-])(?:{body('before')})\s+(?:the\s+|an?\s+)?$")
    after = re.compile(
        rf"\s+(?:(?:{body('late')})\b(?!\s+(?:in|on)\s+the\b)"
        rf"|later\s+than\s+(?:(?:the|its|their|originally)\s+)*(?:{body('later_than')})\b)"
    )
    start = re.compile(rf"(?<![\w-])(?:{body('start')})(?![\w-])")
    return before, after, frozenset(fold(str(n)) for n in table["nouns"]), start


def delay_event(ctx: SentenceContext, first: int, end: int, noun: str = "") -> str | None:
    """The event of a length ``text[first:end]`` that is a delay, else ``None``: "delayed
    by 36 minutes", "kicked off 35 minutes later than planned", "a 36-minute delay"
    (``noun``). A delay of a game, a match, its kick-off or start is "start delay"; any
    other is what was delayed and "delay" ("flight delay"), so that every way of giving
    one delay is one fact."""
    before, after, nouns, start = _delay_cues()
    first = hedge_before(ctx.text, first)[1]  # "delayed for more than half an hour"
    folded = fold(ctx.text[max(0, first - 40) : first])
    if not (fold(noun) in nouns or before.search(folded) is not None or after.match(ctx.text, end)):
        return None
    cs, _ = ctx.clause(first, first)
    if start.search(fold(ctx.text[cs:first])) is not None:
        return "start delay"
    words = [w for w in lasted(ctx, first).split() if not w.startswith(("delay", "postpone"))]
    return " ".join([*words, "delay"])


@functools.cache
def _extensions() -> tuple[frozenset[str], str]:
    """``events.toml`` ``[extensions]``: (the verbs, the key that stands for them all)."""
    table = load_bundled("events.toml")["extensions"]
    return frozenset(fold(str(v)) for v in table["verbs"]), str(table["key"])


_EXTENSION_WINDOW = 8  # words between the verb and "for N years"


def extension_event(ctx: SentenceContext, start: int) -> str | None:
    """The event of "for N years" after a verb that makes a measure run ("expand the
    subsidies for two years", "extending subsidies that expire for three years"): the
    head noun of the verb's object and the verbs' common key ("subsidy extend"), else
    ``None``. A relative clause after the object ("that expire") is not the object."""
    verbs, key = _extensions()
    lang = ctx.art.lang
    cs, _ = ctx.clause(start, start)
    tokens = list(WORD.finditer(ctx.text, cs, start))[-_EXTENSION_WINDOW:]
    verb = next(
        (i for i in range(len(tokens) - 1, -1, -1) if fold(tokens[i].group(0)) in verbs), None
    )
    if verb is None:
        return None
    head = None
    for token in tokens[verb + 1 :]:
        word = fold(token.group(0))
        if word in _RELATIVE:
            break
        if word not in lang.stopwords and not word[:1].isdigit():
            head = token.group(0)
    return None if head is None else f"{ctx.normalise(head)} {key}"


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
    before the number ("the nearly 30-year occupation") sets the interval, and a range
    is one claim ("a 40- to 50-year term", "a five to six-and-a-half-year term").
    A delay ("after a 36-minute delay") has a delay's event (:func:`delay_event`).
    Ages ("a 28-year-old man") are not durations."""
    out: list[ClaimBase] = []
    if not _COMPOUND_HINT.search(ctx.text):
        return out
    for m in _compound().finditer(ctx.text):
        of = _OF_NOUN.match(ctx.text, m.end("x"))  # "a 60-day state of emergency"
        end = of.end() if of else m.end("x")
        event = ctx.normalise(ctx.text[m.start("x") : end])
        event = delay_event(ctx, m.start(), m.end("u"), m.group("x")) or event
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
        first = m.start("lo") if m.group("lo") else m.start("n")
        event = (
            delay_event(ctx, first, m.end())
            or (extension_event(ctx, m.start()) if m.group("p") == "for" else None)
            or lasted(ctx, m.start())
        )
        claim = _make(ctx, "U002", m.start(), m.end(), m, event)
        if claim is not None:
            out.append(claim)
    return out


@rule("U003", "bare duration")
def bare(ctx: SentenceContext) -> list[ClaimBase]:
    """A number of time units elsewhere: "six weeks", "two months later", "a year and a
    half", "half an hour" (a fraction counts). The event is the normalised clause
    around it, or a delay's (:func:`delay_event`: "delayed by 36 minutes", "kicked off
    35 minutes later than planned"). A range ("17 to 20 years", "between two and three
    weeks") is one claim: hedge ``range``, value its low end. A hedge after the unit
    ("5 years or fewer", ``hedges.toml`` ``[hedge_after]``) counts like one before the
    number."""
    out: list[ClaimBase] = []
    if not _UNIT_HINT.search(ctx.text):
        return out
    for pattern in _fractions_of_units():
        for m in pattern.finditer(ctx.text):
            event = delay_event(ctx, m.start(), m.end()) or ctx.event_words(m.start(), m.end())
            fraction = _fraction_words()[fold(m.group("f"))]
            claim = _make(ctx, "U003", m.start(), m.end(), m, event, fraction, "duration")
            if claim is not None:
                out.append(claim)
    for m in _bare().finditer(ctx.text):
        value = parse_number(m.group("n"))
        if value is None:
            continue
        low = _range_low(ctx, m, value)
        first = low[1] if low else m.start("n")
        if ctx.is_taken(first, m.end(), "duration"):
            continue
        event = delay_event(ctx, first, m.end()) or ctx.event_words(first, m.end())
        claim = _make(ctx, "U003", first, m.end(), m, event, taken="duration")
        if claim is not None:
            out.append(claim)
    return out
