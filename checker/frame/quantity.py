"""A figure's frame: what is counted and what happened to it, of whom, which event, as
of when, in what dimension. The one home of a quantity's identity.

Extraction calls :func:`build` with the figure's clause (plain text and offsets, no
extractor state); matching asks :func:`same_fact` whether two figures may be one
fact (their frames agree on every slot both state); classification asks
:func:`identity` which slots the two share and how sure that makes it, and
:func:`evolving` whether a difference can be a figure that changes while it is
reported. Cue words live in ``checker/data/frames.toml``.

"181 people on board", "179 dead" and "two survivors" are three facts of one crash;
"the magnitude of the 1960 quake" is not this year's; a depth is not a distance;
"1.5 percent" is not "1.5 percentage points"; a fee "rising to £65m" is a ceiling,
not the fixed fee.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.schema.claims import Frame, Hedge, QuantityClaim
from checker.schema.findings import SlotMatch, SlotStatus

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CURRENCIES = frozenset(["dollars", "pounds", "euros", "yen", "yuan", "rupees", "soles", "francs"])
_POINTS = re.compile(
    r"^\W*(?:percentage|basis)[\s-]+points?\b|^age[\s-]+points?\b|^\W*(?:pp|bps)\b", re.I
)
# "from 5% to 5.25%", "down from 10.1%", "compared with 7.9%": the value before. A
# determiner marks a noun phrase instead ("the toll from the 7.1-magnitude quake").
_FROM = re.compile(r"\b(?:from|compared\s+with|compared\s+to|versus)\s+$", re.I)
# "the Social Democrats led by Ines Moreau took 24.1%": the name after "by" is not whose.
_AGENT = re.compile(r"\bby\s+$", re.I)
_TRAILING_TIME = frozenset(["so far", "thus far", "to date", "so", "thus", "far", "date"])
_OF_NOUNS = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}[\w-]+")
_WITH = frozenset(["with", "including", "plus", "incl"])
_LOCATIVE = re.compile(r"\b(?:in|at|across|outside)\s+(?:the\s+)?$", re.I)
_SAME_PROGRESS = 0.5  # percentage points of a count apart that are still one moment
_AFTER_WORDS = 5
_BEFORE_WORDS = 6
_PRIOR_WORDS = 4
_QUALIFIER_WORDS = 2
_COORDINATORS = frozenset(["and", "or", "but", "while", "whereas"])
# Confidence factors of the identity evidence (see :func:`identity`).
_MEASURE_ONE_SIDE = 0.7
_MEASURE_UNSTATED = 0.45
_SUBJECT_ONE_SIDE = 0.85
_SUBJECT_UNSTATED = 0.95  # most figures are of the story's own event, named nowhere
_SUBJECT_DIFFERENT = 0.7
# Values close to each other are more likely one fact misreported than two facts:
# (largest ratio of the two values, factor).
_PROXIMITY = ((1.2, 1.25), (1.5, 1.0), (3.0, 0.85), (5.0, 0.75), (float("inf"), 0.6))
_TIME_UNKNOWN = 0.9
_TIME_UNKNOWN_MOVING = 0.6  # a toll of unknown date may be any moment of its rise
_TIME_APART = 0.95
_CONVERTED = 0.9
_SOURCE_ONE_SIDE = 0.85
_MODALITY_ONE_SIDE = 0.5
_PERIOD_ONE_SIDE = 0.85
_PERIOD_OPEN = 0.7  # a series (inflation, a rate) of unstated month


@dataclass(frozen=True)
class Cues:
    """``frames.toml``, folded: phrase -> state, and the marker phrase lists."""

    states: dict[str, str]
    evolving: frozenset[str]
    nouns: dict[str, tuple[str, str | None]]
    generic: frozenset[str]
    running: tuple[str, ...]
    ceiling: tuple[str, ...]
    prior: tuple[str, ...]
    lengths: dict[str, float]
    money: dict[str, str]
    owned: frozenset[str]
    change: tuple[str, ...]
    change_after: tuple[str, ...]
    change_verbs: frozenset[str]
    qualifiers: frozenset[str]
    limits: tuple[str, ...]
    severities: frozenset[str]
    forecast: tuple[str, ...]
    other_event: tuple[str, ...]
    tallied: frozenset[str]
    rates_of_change: frozenset[str]
    shocks: dict[str, str]
    vote_verbs: frozenset[str]
    authorities: frozenset[str]
    synonyms: dict[str, str]
    series: frozenset[str]
    percent_nouns: frozenset[str]
    parts: frozenset[str]
    comparison_base: tuple[str, ...]
    adjacent_only: frozenset[str]


@functools.cache
def cues() -> Cues:
    data = load_bundled("frames.toml")
    states = {
        fold(str(phrase)): str(state)
        for state, phrases in data["states"].items()
        for phrase in phrases
    }
    nouns: dict[str, tuple[str, str | None]] = {}
    for noun, measure in data["nouns"].items():
        thing, _, state = str(measure).partition(" ")
        nouns[fold(str(noun))] = (thing, state or None)
    return Cues(
        states=states,
        evolving=frozenset(str(s) for s in data["markers"]["evolving"]),
        nouns=nouns,
        generic=frozenset(fold(str(w)) for w in data["markers"]["generic"]),
        running=tuple(fold(str(w)) for w in data["markers"]["running"]),
        ceiling=tuple(fold(str(w)) for w in data["markers"]["ceiling"]),
        limits=tuple(fold(str(w)) for w in data["markers"]["limits"]),
        prior=tuple(fold(str(w)) for w in data["markers"]["prior"]),
        lengths={fold(str(k)): float(v) for k, v in data["lengths"].items()},
        money={fold(str(k)): str(v) for k, v in data["money"].items()},
        owned=frozenset(_head(fold(str(w))) for w in data["markers"]["owned"]),
        change=tuple(fold(str(w)) for w in data["markers"]["change"]),
        change_after=tuple(fold(str(w)) for w in data["markers"]["change_after"]),
        change_verbs=frozenset(fold(str(w)) for w in data["markers"]["change_verbs"]),
        qualifiers=frozenset(fold(str(w)) for w in data["markers"]["qualifiers"]),
        severities=frozenset(fold(str(w)) for w in data["markers"]["severities"]),
        forecast=tuple(fold(str(w)) for w in data["markers"]["forecast"]),
        other_event=tuple(fold(str(w)) for w in data["markers"]["other_event"]),
        tallied=frozenset(_head(fold(str(w))) for w in data["markers"]["tallied"]),
        rates_of_change=frozenset(_head(fold(str(w))) for w in data["markers"]["rates_of_change"]),
        shocks={fold(str(k)): str(v) for k, v in data["shocks"].items()},
        vote_verbs=frozenset(fold(str(w)) for w in data["markers"]["vote_verbs"]),
        authorities=frozenset(fold(str(w)) for w in data["markers"]["authorities"]),
        synonyms={fold(str(k)): str(v) for k, v in data["synonyms"].items()},
        series=frozenset(fold(str(w)) for w in data["markers"]["series"]),
        percent_nouns=frozenset(
            fold(str(w)) for w in load_bundled("measures.toml")["percent_nouns"]
        ),
        parts=frozenset(fold(str(w)) for w in data["markers"]["parts"]),
        comparison_base=tuple(fold(str(w)) for w in data["markers"]["comparison_base"]),
        adjacent_only=frozenset(fold(str(w)) for w in data["markers"]["adjacent_only"]),
    )


@dataclass(frozen=True)
class FigureInClause:
    """What :func:`build` reads: the figure's sentence, span and clause (offsets in the
    sentence), what extraction already found, and the dates around it."""

    text: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    unit: str
    action: str | None
    hedge: Hedge
    period: int | None
    published: dt.date | None
    clause_dates: Sequence[dt.date] = ()  # full dates stated in the clause
    names: Sequence[tuple[int, int, str]] = ()  # (start, end, folded name) in the sentence
    months: Sequence[tuple[int, int | None, int]] = ()  # (offset, year, month) without a day
    source: str | None = None  # who gives the figure, when the sentence says so
    progress: float | None = None  # how far a vote count had gone ("with 99% counted")
    in_progress_phrase: bool = False  # the figure is that progress ("with 99% counted")
    counting: bool = False  # the article reports a count still going on
    # whose the figure is when a list says so ("Labour and the Conservatives won 34% and
    # 24% respectively": the second figure is the Conservatives'), else None
    listed_owner: str | None = None


def _words(text: str) -> list[str]:
    return [fold(m.group(0)) for m in _WORD.finditer(text)]


def _has(phrases: Sequence[str], words: Sequence[str]) -> bool:
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)


def _allowed(state: str | None, allowed: frozenset[str] | None) -> str | None:
    """``state`` when it may be a state of the figure (``allowed``: lengths' states;
    ``None``: a count's, anything but a depth or a distance)."""
    if state is None:
        return None
    ok = state in allowed if allowed is not None else state not in _PLACES
    return state if ok else None


def _state_in(
    words: Sequence[str], *, backwards: bool = False, allowed: frozenset[str] | None = None
) -> str | None:
    """The state cue among ``words`` nearest the figure: from the first word on, or
    from the last word back; longer cues first ("voted against" before "against")."""
    table = cues().states
    positions = range(len(words) - 1, -1, -1) if backwards else range(len(words))
    for i in positions:
        for width in (3, 2, 1):
            part = words[max(0, i - width + 1) : i + 1] if backwards else words[i : i + width]
            phrase = " ".join(part)
            if (
                len(part) == width
                and phrase in table
                and _allowed(table[phrase], allowed)
                and (i == 0 or phrase not in cues().adjacent_only)
            ):
                return table[phrase]
    return None


_PLACES = frozenset(["depth", "distance"])


def _plain_thing(thing: str) -> str | None:
    """The counted thing without a trailing participle ("drugs starting") and with its
    head in one wording ("foreigners" -> "foreign nationals")."""
    words = thing.split()
    while len(words) > 1 and (
        (words[-1].endswith(("ing", "ed")) and len(words[-1]) > 4)
        or " ".join(words[-2:]) in _TRAILING_TIME
        or words[-1] in _TRAILING_TIME
    ):
        words.pop()  # "drugs starting", "arrests so far": the counted noun ends before
    synonym = cues().synonyms.get(words[-1]) if words else None
    if synonym is not None:
        words = [*words[:-1], *synonym.split()]
    return " ".join(words) or None


def _money_measure(
    thing: str | None,
    span_words: Sequence[str],
    after_words: Sequence[str],
    before_words: Sequence[str],
    fig: FigureInClause | None = None,
) -> str | None:
    """What a sum is the value of: its counted noun, else the nearest money noun in
    the figure's words, just after it, then before it ("a fee rising to £65m"); else a
    price when a noun of a purchase follows it ("the £65m arrival of ...") or when the
    clause names what was bought and calls a sum a fee or a deal ("The record fee ... is
    Chelsea's £106.8m to Benfica for Enzo Fernandez"), or the sum is what it went "for"
    ("Arsenal signed Declan Rice from West Ham for £105m")."""
    table = cues().money
    if thing is not None:
        words = thing.split()
        return table.get(words[-1], table.get(words[0], _head(thing)))
    after = list(after_words[:3])
    if after and after[0] in _WITH:  # "€36m with add-ons": the add-ons make a ceiling
        after = []
    for word in [*span_words, *after, *reversed(before_words)]:
        if word in table:
            return table[word]
    bought = _bought_cues()
    if after and after[0] in bought.nouns_after_sum:
        return "price"
    if fig is None or _per_period(fig) or _bought(fig) is None:
        return None
    clause = _words(fig.text[fig.clause_start : fig.clause_end])
    named = [table[w] for w in clause if table.get(w) in bought.measures]
    if named:
        return named[0]
    if _FOR_SUM.search(fig.text, max(0, fig.start - 12), fig.start):
        return "price"
    return None


def dimension_of(unit: str, after: str) -> tuple[str, str | None]:
    """``(dimension, the counted thing without its dimension word)`` of a unit."""
    words = unit.split()
    if not words:
        return "count", None
    first = words[0]
    rest = " ".join(words[1:]) or None
    if first in _CURRENCIES:
        return f"money:{first}", rest
    if first == "basis" and rest and rest.startswith("point"):
        return "points:bp", None  # "by 25 basis points": 0.25 percentage points
    if first == "percent":
        if _POINTS.match(after) or (rest and "point" in rest):
            return "points:pp", None
        nouns = cues().percent_nouns
        thing = " ".join(w for w in words[1:] if w in nouns) or None
        return "percent", thing  # "percent six", "percent although": no measure named
    if first == "magnitude":
        return "magnitude", "magnitude"
    if unit == "age":
        return "age", None
    if first in cues().lengths:
        return f"length:{first}", rest
    return "count", unit


def _head(thing: str) -> str:
    """The counted noun's head, singular: "dead bodies" -> "body", "senior caps" -> "cap"."""
    word = thing.split()[-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def build(fig: FigureInClause) -> Frame:
    """The frame of one figure (see the module doc)."""
    c = cues()
    text = fig.text
    after_words = _words(text[fig.end : fig.clause_end])[:_AFTER_WORDS]
    before_words = _words(text[fig.clause_start : fig.start])[-_BEFORE_WORDS:]
    span_words = _words(text[fig.start : fig.end])
    dimension, thing = dimension_of(fig.unit, text[fig.end : fig.end + 24])
    state: str | None = None
    if thing is not None:
        thing = _plain_thing(thing)
    if thing is not None and dimension != "magnitude":
        words = thing.split()
        thing = " ".join([*words[:-1], _head(words[-1])])  # "votes" / "vote": one thing
    noun_state: str | None = None
    if thing is not None:
        words = thing.split()
        noun = c.nouns.get(fold(words[-1]))
        if noun is not None:  # "five Indian passengers": Indian passengers aboard
            thing = " ".join([*words[:-1], noun[0]])
            noun_state = noun[1]
    if dimension.startswith("money"):
        thing = _money_measure(thing, span_words, after_words, before_words, fig)
    if dimension == "magnitude":  # of the earthquake, or of its largest aftershock
        # the shock noun nearest the figure: just after it, else the last one before it
        ahead = [c.shocks[w] for w in _words(text[fig.end : fig.clause_end])[:3] if w in c.shocks]
        behind = [c.shocks[w] for w in before_words if w in c.shocks]
        shocks = [*_words(text[fig.start : fig.end])]
        own = [c.shocks[w] for w in shocks if w in c.shocks]
        found = own or ahead or behind[-1:]
        nearest = found[0] if found else None
        thing = f"magnitude of {nearest}" if nearest else "magnitude"
    length = dimension.startswith("length")
    if dimension == "count" or length:
        # The verb of the figure, then the words right after it ("two passengers
        # remained missing"), then what its noun says by itself ("passengers" are
        # aboard), then the figure's own words and those before it.
        action = fold(fig.action) if fig.action else ""
        allowed = _PLACES if length else None  # a count is never a depth or distance
        state = (
            _allowed(c.states.get(action), allowed)
            or _state_in(after_words[:3], allowed=allowed)
            or (None if length else noun_state)
            or _state_in(span_words, allowed=allowed)
            or _state_in(after_words, allowed=allowed)
            or _state_in(before_words, backwards=True, allowed=allowed)
        )
        if state is not None and (state in _PLACES) != length:
            state = None  # a count is never a depth; a length is only a depth or distance
    if thing is None and dimension == "percent":
        # "about 34 per cent of the national vote": the measured noun after "of the ..."
        after_of = _OF_NOUNS.match(text, fig.end)
        if after_of:
            nouns = [w for w in _words(after_of.group(0)) if w in c.percent_nouns]
            thing = nouns[-1] if nouns else None
    if fig.in_progress_phrase:
        thing = "count progress"  # "with 99% of ballots counted" is how far, not a share
    elif thing is None and dimension == "percent" and fig.action in c.vote_verbs:
        thing = "vote"  # "Ogan received 5.2%": a share won is a share of the vote
    if (
        thing is not None
        and dimension_class_of(dimension) in ("percent", "points")
        and any(thing == name or thing in name.split() for _, _, name in fig.names)
    ):
        thing = None  # "Vodafone rose 0.3%": a name is whose, not what is measured
    sentence_words = _without(_words(text), c.comparison_base)
    bound: str | None = None
    if dimension.startswith("money"):
        own_words = [*before_words[-4:], *span_words, *_until_figure(text, fig)]
        if fig.hedge is Hedge.AT_MOST or _has(c.ceiling, own_words):
            bound = "ceiling"  # "£40m plus £5m in add-ons": the add-ons are the £5m's
    elif dimension in ("count", "percent") and (
        _has(c.running, sentence_words)
        or (state in c.evolving and fig.hedge in (Hedge.AT_LEAST, Hedge.MORE_THAN))
    ):
        bound = "running"  # a magnitude, a sum or a depth is not a running count
    elif fig.in_progress_phrase:
        bound = "running"  # how far the count had gone grows with every report
    elif fig.counting and thing is not None and _head(thing) in c.tallied:
        bound = "running"  # a vote share while the votes are being counted
    if bound is None and _has(c.limits, before_words[-_LIMIT_WORDS:]):
        bound = "ceiling"  # "prevented him from buying more than 14.9%": a limit, no holding
    # "the Conservatives lost 251 seats": a step of an owned count, not its tally
    change_of_count = (
        dimension == "count"
        and thing is not None
        and _head(thing) in c.owned
        and fold(fig.action or "") in c.change_verbs
    )
    change = change_of_count or (
        dimension_class_of(dimension) in ("percent", "points", "money")
        and (
            (
                bool(before_words)
                and (before_words[-1] in c.change or " ".join(before_words[-2:]) in c.change)
            )
            or (bool(after_words) and after_words[0] in c.change_after)
        )
    )
    measure: str | None = None
    if thing is not None:
        measure = thing
        if state is not None:
            words = thing.split()
            measure = " ".join([*words[:-1], _head(thing), state])
    qualified = sorted(
        {
            w
            for w in [
                *before_words[-4:],
                *span_words,
                *(thing or "").split(),
                *_noun_words(fig, thing),
            ]
            if w in c.qualifiers
        }
        | _part_of(fig)
        | {w for w in [*before_words[-2:], *after_words[:4]] if state and w in c.severities}
    )
    if measure is not None and qualified:
        measure = f"{measure} ({' '.join(qualified)})"  # operating profit is not net profit
    if bound == "ceiling":
        measure = f"{measure or 'sum'} (maximum)"
    if change and thing is not None and _head(thing) in c.rates_of_change:
        change = False  # "grew 1.1%": growth is itself a change; its figure is its level
    event: str | None = None
    published = fig.published
    if fig.period is not None and published is not None and past_year(fig.period, published.year):
        event = str(fig.period)  # "killed 145 in 2001": a past event, not this year's news
    elif _has(c.prior, [*before_words[-_PRIOR_WORDS:], *span_words]):
        event = "previous"
    elif _FROM.search(text, max(0, fig.start - 20), fig.start):
        event = "previous"  # "from 5% to 5.25%", "down from 10.1%": the value before
    elif not _is_series(thing) and (
        _has(c.other_event, _words(text[: max(0, fig.start - 12)]))
        or _has(c.other_event, _words(text[fig.end : fig.clause_end]))
    ):
        event = "other"  # "two other deadly quakes in Japan, where a magnitude-6.2 ..."
    modality = "forecast" if _has(c.forecast, _modal_scope(fig)) else None
    subject = _owner(fig, measure)
    if not subject and measure is not None and _head(measure.split(" (")[0]) in c.owned:
        # "A third candidate, Sinan Ogan, received 5.2%": the owner in apposition
        before = [n for s, e, n in fig.names if e <= fig.start]
        subject = before[-1:]
    as_of = max(fig.clause_dates) if fig.clause_dates else None
    return Frame(
        measure=measure,
        state=state,
        subject=subject,
        event=event,
        as_of=as_of,
        dimension=dimension,
        bound=bound,
        period=_period(fig),
        change=change,
        modality=modality,
        place=_place(fig),
        source=None if _descriptor(fig, dimension) else fig.source,
        progress=fig.progress if bound == "running" and not fig.in_progress_phrase else None,
    )


def past_year(year: int, current: int) -> bool:
    """Whether a figure anchored to ``year`` tells of a past event when the news is of
    ``current``: two years back or more (last year's figure may still be this story's)."""
    return year < current - 1


def in_story_year(claim: QuantityClaim, year: int) -> QuantityClaim:
    """A claim of an undated article, dated by its story: "Labour won 418 seats in 1997"
    in an article without a date, among articles of 2024, is another event's figure."""
    frame = claim.frame
    if frame is None or frame.event is not None or claim.period is None:
        return claim
    if not past_year(claim.period, year):
        return claim
    return claim.model_copy(update={"frame": frame.model_copy(update={"event": str(claim.period)})})


def frame_of(claim: QuantityClaim) -> Frame:
    """A figure's frame: the one extraction recorded, else (a claims file written by
    hand or by an older extractor) the one its span, unit and action give alone."""
    if claim.frame is not None:
        return claim.frame
    return _fallback(claim.text, claim.unit, claim.action, claim.hedge, claim.period)


@functools.lru_cache(maxsize=4096)
def _fallback(text: str, unit: str, action: str | None, hedge: Hedge, period: int | None) -> Frame:
    return build(
        FigureInClause(
            text=text,
            start=0,
            end=len(text),
            clause_start=0,
            clause_end=len(text),
            unit=unit,
            action=action,
            hedge=hedge,
            period=period,
            published=None,
        )
    )


def _without(words: list[str], phrases: Sequence[str]) -> list[str]:
    """``words`` with each of ``phrases`` taken out ("profit fell 58% from a year earlier":
    "earlier" there is the base of a comparison, not an earlier report)."""
    joined = f" {' '.join(words)} "
    if not any(f" {phrase} " in joined for phrase in phrases):
        return words
    for phrase in phrases:
        joined = joined.replace(f" {phrase} ", " | ")
    return joined.split()


def _noun_words(fig: FigureInClause, thing: str | None) -> list[str]:
    """The words just before the measured noun when the clause names it before the figure:
    "Operating profit for the division fell 64%" -> ["operating"]."""
    if thing is None:
        return []
    head = thing.split()[-1]
    words = _words(fig.text[fig.clause_start : fig.start])
    for index in range(len(words) - 1, -1, -1):
        if _head(words[index]) == head:
            return words[max(0, index - _QUALIFIER_WORDS) : index]
    return []


@functools.cache
def _part_pattern() -> re.Pattern[str]:
    parts = "|".join(sorted(cues().parts, key=len, reverse=True))
    return re.compile(
        rf"\b(?:for|at|in|of)\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+){{0,2}}"
        rf"(?P<part>(?i:{parts}))\b"
    )


def _part_of(fig: FigureInClause) -> set[str]:
    """A figure of a part of the company: "profit for the division fell 64%", "sales at
    its mobile unit": the group's figure is another fact."""
    found = _part_pattern().search(fig.text, fig.clause_start, fig.clause_end)
    return {fold(found.group("part"))} if found else set()


def _until_figure(text: str, fig: FigureInClause) -> list[str]:
    """The few words after a figure, up to the next figure ("£40m plus £5m in add-ons"
    gives "plus")."""
    after = text[fig.end : fig.clause_end]
    cut = re.search(r"[\d$£€¥₹]", after)
    return _words(after[: cut.start()] if cut else after)[:_AFTER_WORDS]


def _descriptor(fig: FigureInClause, dimension: str) -> bool:
    """Whether the figure only describes a noun ("the magnitude 7.1 quake has killed
    200, the government said"): the sentence's source gives the toll, not that."""
    if dimension != "magnitude":
        return False
    after = _words(fig.text[fig.end : fig.end + 24])[:2]
    return any(word in cues().shocks for word in [*_words(fig.text[fig.start : fig.end]), *after])


def _modal_scope(fig: FigureInClause) -> list[str]:
    """The words whose modality the figure shares: its clause up to it and a few words
    after ("is expected to fall to 5%", "could reach €45m"), and the sentence before it
    when the clause is a participle's ("..., giving him 55 per cent")."""
    before = _plain_words(fig.text[fig.clause_start : fig.start], fig.clause_start == 0)
    if not before or before[0].endswith("ing"):
        before = _plain_words(fig.text[: fig.start], True)
    after = _plain_words(fig.text[fig.start : fig.clause_end], False)[:_AFTER_WORDS]
    for index, word in enumerate(after):
        if word in _COORDINATORS:  # "a majority of 174 and a projected total of 412"
            after = after[:index]
            break
    return [*before, *after]


def _plain_words(text: str, opening: bool) -> list[str]:
    """Folded words, without "May" the month (capitalised inside a sentence): only the
    modal "may" makes a figure a forecast."""
    words = []
    for i, match in enumerate(_WORD.finditer(text)):
        word = match.group(0)
        if word == "May" and not (opening and i == 0):
            continue
        words.append(fold(word))
    return words


def _period(fig: FigureInClause) -> str | None:
    """The month named in the figure's clause (nearest after it, else before it)."""
    inside = [m for m in fig.months if fig.clause_start <= m[0] < fig.clause_end]
    if not inside:
        return None
    after = [m for m in inside if m[0] >= fig.end]
    _, year, month = after[0] if after else inside[-1]
    return f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"


# "of the two trains", "of both ships", "of all three teams": the figure counts parts of
# several wholes together.
_SMALL_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SEVERAL_WHOLES = re.compile(
    rf"\s+of\s+(?:the\s+|all\s+)?(?P<n>both|{'|'.join(_SMALL_NUMBERS)}|\d{{1,2}})"
    r"\s+(?P<noun>[a-z][a-z-]*s)\b",
    re.I,
)


_LIMIT_WORDS = 6  # how far before a figure the words of a limit may stand


def _owner(fig: FigureInClause, measure: str | None = None) -> list[str]:
    """Whose the figure is: several wholes named after it ("17 coaches of the two
    trains": ``two trains``, which no single name shares), the name nearest before it in
    its clause ("Erdogan won 49.4%", "Chelsea's £106.8m"), a name inside its span ("43
    England caps"), else the nearest one after it ("a £105m fee for Declan Rice"). A
    figure of a list takes the name of the same rank in a coordinated list of names
    (``listed_owner``). A price is the price of what was bought, when the clause names
    it (:func:`_bought`): not the buying or the selling club's."""
    if fig.listed_owner is not None:
        return [fig.listed_owner]
    wholes = _SEVERAL_WHOLES.match(fig.text, fig.end)
    if wholes is not None:
        # "17 coaches of the two trains": a total over several wholes, not the count of
        # one of them ("15 coaches of the Coromandel Express")
        return [f"{fold(wholes.group('n'))} {fold(wholes.group('noun'))}"]
    if (
        measure is not None
        and measure.split(" (")[0] in _bought_cues().measures
        and not _per_period(fig)
    ):
        bought = _bought(fig)
        if bought is not None:
            return [bought]
    inside = [n for s, e, n in fig.names if fig.start <= s and e <= fig.end]
    if inside:
        return [inside[0]]
    before = [
        n
        for s, e, n in fig.names
        if fig.clause_start <= s and e <= fig.start and not _AGENT.search(fig.text, 0, s)
    ]
    if before:
        return [before[-1]]
    after = [n for s, e, n in fig.names if fig.end <= s and e <= fig.clause_end]
    return after[:1]


def _place(fig: FigureInClause) -> str | None:
    """Where the figure was counted: a name after "in", "at" or "across" in its clause,
    the nearest after the figure, else the nearest before it ("38,000 in Lyon",
    "In Varenne, 52,000 people marched")."""
    places = [
        (s, n)
        for s, e, n in fig.names
        if _LOCATIVE.search(fig.text, max(0, s - 12), s)
        and fig.clause_start - 2 <= s
        and e <= fig.clause_end
    ]
    ahead = [n for s, n in places if s >= fig.start]
    if ahead:
        return ahead[0]
    behind = [n for s, n in places if s < fig.start]
    return behind[-1] if behind else None


def series(frame: Frame) -> bool:
    """Whether the figure is a value of a series that has one value a month or a
    quarter (inflation, unemployment, a rate, prices)."""
    return _is_series(frame.measure)


def _is_series(measure: str | None) -> bool:
    if measure is None:
        return False
    return any(word in cues().series for word in measure.replace("(", " ").split())


def specific(frame: Frame) -> bool:
    """Whether the frame names its fact: a counted thing that is not generic, or a
    generic one with what happened to it ("181 people" alone names nothing)."""
    if frame.measure is None:
        return False
    if not frame.subject and _head(frame.measure.split(" (")[0]) in cues().owned:
        return False  # "49.4% of the vote", "eight goals": whose?
    if dimension_class(frame) in ("money", "percent", "points"):
        return not frame.measure.startswith("sum ")
    if frame.state is not None or frame.dimension in ("magnitude", "age"):
        return True
    return _head(frame.measure) not in cues().generic and frame.measure not in cues().generic


def dimension_class(frame: Frame) -> str:
    """Dimensions that can be compared (through a conversion) share a class."""
    return dimension_class_of(frame.dimension)


def dimension_class_of(dimension: str) -> str:
    """``"money:pounds"`` -> ``"money"``, ``"points:bp"`` -> ``"points"``."""
    return dimension.split(":", 1)[0]


def signature(frame: Frame) -> str:
    """What must be equal for two figures to share a matching key without their frames
    being compared: every slot :func:`same_fact` may split on."""
    subject = ",".join(frame.subject)
    return "|".join(
        str(part)
        for part in (
            frame.measure,
            frame.state,
            dimension_class(frame),
            frame.event,
            subject,
            frame.source,
            frame.place,
            frame.period,
            frame.change,
            frame.bound == "ceiling",
            frame.modality,
        )
    )


def _things(frame: Frame) -> str | None:
    if frame.measure is None:
        return None
    return frame.measure


def same_fact(a: Frame, b: Frame) -> bool:
    """Whether two figures may state one fact: their frames agree on every slot both
    state (dimension, measure, state, event) and their subjects, when both name one,
    share a name. A forecast and an actual figure are two facts (what was expected is
    not what happened)."""
    if dimension_class(a) != dimension_class(b):
        return False
    if a.dimension != b.dimension and not a.dimension.startswith(("money", "length", "points")):
        return False
    if a.state is not None and b.state is not None and a.state != b.state:
        return False
    if specific(a) and specific(b) and core(a) != core(b):
        return False  # what is counted differs ("two Eredivisie titles" / "two league
        # titles" share their head: the words before it only lower the confidence)
    if (a.bound == "ceiling") != (b.bound == "ceiling") and a.measure and b.measure:
        return False
    if a.event != b.event:
        return False  # "two other quakes", "the previous record", "from 5%": another event
    if a.modality != b.modality:
        return False  # "unions had expected 80,000" is no count of the march
    if a.change != b.change:
        return False  # "raised rates by 0.25 points" is a step; "to 5.25%" is a level
    if (
        a.period is not None
        and b.period is not None
        and not _same_month(a.period, b.period)
        and a.dimension != "rank"  # a rank's window only bounds it (C101)
    ):
        return False  # June's inflation is not October's
    if a.place is not None and b.place is not None and not _share([a.place], [b.place]):
        return False  # Lyon's crowd is not Toulouse's; a province's toll is not another's
    if a.source is not None and b.source is not None and not same_source(a.source, b.source):
        return False  # police and organisers each count: reported disagreement
    if a.subject and b.subject and not _share(a.subject, b.subject):
        if several(a) != several(b):
            return False  # "17 coaches of the two trains" is no count of one train's
        return not (owned(a) or owned(b))  # Erdogan's share is not Kilicdaroglu's
    return True


def several(frame: Frame) -> bool:
    """Whether the figure counts parts of several wholes together ("17 coaches of the
    two trains": subject ``two trains``, see :func:`_owner`)."""
    first = frame.subject[0].split()[0] if frame.subject and frame.subject[0] else ""
    return first == "both" or first.isdigit() or first in _SMALL_NUMBERS


def same_source(a: str, b: str) -> bool:
    """One authority named two ways: the same head ("ministry") and the words of one
    within the other's ("the interior ministry" / "the ministry")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return not wa and not wb
    return wa[-1] == wb[-1] and (set(wa) <= set(wb) or set(wb) <= set(wa))


def owned(frame: Frame) -> bool:
    """Whether the figure belongs to its subject: a vote share, seats, goals, a sum
    (whose fee), a rank (whose record), a minute of play (whose goal): then two
    subjects are two facts."""
    if frame.dimension.startswith("money") or frame.dimension in ("rank", "minute"):
        return True
    if frame.measure is None:
        return False
    return _head(frame.measure.split(" (")[0]) in cues().owned


def _same_month(a: str, b: str) -> bool:
    if a.startswith("--") or b.startswith("--"):
        return a[-2:] == b[-2:]
    return a == b


def core(frame: Frame) -> tuple[str, str | None, str]:
    """A measure's head noun, state and qualifier ("(maximum)"), without the words
    before its head: "indian people aboard" -> ("people", "aboard", "")."""
    measure = frame.measure or ""
    base, _, qualifier = measure.partition(" (")
    words = base.split()
    if frame.state is not None and words and words[-1] == frame.state:
        words = words[:-1]
    return (words[-1] if words else "", frame.state, qualifier)


def _share(a: Sequence[str], b: Sequence[str]) -> bool:
    words_a = {w for name in a for w in name.split()}
    words_b = {w for name in b for w in name.split()}
    return bool(words_a & words_b)


def same_moment(a: Frame, b: Frame) -> bool:
    """Whether two running counts were given at one moment of the count: both say how far
    it had gone ("with 99% counted", "with 99.4% counted"), within one point."""
    return (
        a.progress is not None
        and b.progress is not None
        and abs(a.progress - b.progress) <= _SAME_PROGRESS
    )


def evolving(a: Frame, b: Frame) -> bool:
    """Whether the two figures count something that changes while it is reported
    (a toll, arrests, evacuees): then figures of different moments are an update."""
    if "running" in (a.bound, b.bound):
        return True
    states = cues().evolving
    return a.state in states or b.state in states


def identity(
    a: Frame,
    b: Frame,
    as_of_a: dt.date | None,
    as_of_b: dt.date | None,
    values: tuple[float, float] | None = None,
) -> tuple[list[SlotMatch], float]:
    """The slots two clashing figures share, and how sure that makes their identity.

    Confidence starts at 1 and each slot not shown to be the same lowers it: a measure
    one side leaves unsaid (x0.7) or both do (x0.45); two different subjects (x0.7), a
    subject one side names (x0.85) or neither does (x0.95); an unknown moment (x0.9, or
    x0.6 for a count that changes while it is reported) or two moments of a figure that
    does not change (x0.95); a forecast against an actual figure (x0.5); a sum compared
    through a currency conversion (x0.9); an authority only one side names (x0.85); a
    month only one side names (x0.85), or a
    value of a series (inflation, a rate) whose month one side or both leave unsaid
    (x0.7). The values are evidence too: within 20% of each other they are likely one
    fact misreported (x1.25); the further apart, the likelier two facts (x0.85 beyond
    1.5 times, x0.75 beyond 3 times, x0.6 beyond 5 times). At most 1.
    """
    moving = evolving(a, b)
    slots: list[SlotMatch] = []
    confidence = 1.0
    spec_a, spec_b = specific(a), specific(b)
    if spec_a and spec_b and a.measure == b.measure:
        slots.append(SlotMatch(slot="measure", status=SlotStatus.SAME, value=a.measure))
    elif spec_a and spec_b:  # one head, other words before it: "Indian passengers"
        confidence *= _MEASURE_ONE_SIDE
        both = f"{a.measure} / {b.measure}"
        slots.append(SlotMatch(slot="measure", status=SlotStatus.DIFFERENT, value=both))
    elif spec_a or spec_b:
        confidence *= _MEASURE_ONE_SIDE
        stated = a.measure if spec_a else b.measure
        slots.append(SlotMatch(slot="measure", status=SlotStatus.ONE_SIDE, value=stated))
    else:
        confidence *= _MEASURE_UNSTATED
        slots.append(SlotMatch(slot="measure", status=SlotStatus.UNSTATED, value=a.measure))
    if a.subject and b.subject and _share(a.subject, b.subject):
        shared = sorted(set(a.subject) & set(b.subject)) or sorted({*a.subject, *b.subject})
        slots.append(SlotMatch(slot="subject", status=SlotStatus.SAME, value=", ".join(shared)))
    elif a.subject and b.subject:
        confidence *= _SUBJECT_DIFFERENT
        value = f"{', '.join(a.subject)} / {', '.join(b.subject)}"
        slots.append(SlotMatch(slot="subject", status=SlotStatus.DIFFERENT, value=value))
    else:
        named = a.subject or b.subject
        confidence *= _SUBJECT_ONE_SIDE if named else _SUBJECT_UNSTATED
        status = SlotStatus.ONE_SIDE if named else SlotStatus.UNSTATED
        slots.append(SlotMatch(slot="subject", status=status, value=", ".join(named) or None))
    # Figures of another event never meet figures of the story's own (:func:`same_fact`).
    status = SlotStatus.UNSTATED if a.event is None else SlotStatus.SAME
    slots.append(SlotMatch(slot="event", status=status, value=a.event))
    if a.place is not None and b.place is not None:
        slots.append(SlotMatch(slot="place", status=SlotStatus.SAME, value=a.place))
    elif a.place is not None or b.place is not None:
        slots.append(SlotMatch(slot="place", status=SlotStatus.ONE_SIDE, value=a.place or b.place))
    if a.modality != b.modality:
        confidence *= _MODALITY_ONE_SIDE  # "is expected to fall to 5%" is no actual figure
        slots.append(SlotMatch(slot="modality", status=SlotStatus.ONE_SIDE, value="forecast"))
    if a.source is not None and b.source is not None and same_source(a.source, b.source):
        slots.append(SlotMatch(slot="source", status=SlotStatus.SAME, value=a.source))
    elif a.source is not None or b.source is not None:
        confidence *= _SOURCE_ONE_SIDE
        slots.append(
            SlotMatch(slot="source", status=SlotStatus.ONE_SIDE, value=a.source or b.source)
        )
    if series(a) or series(b):
        # A series (inflation, a rate) has a value each month: which month?
        if a.period is None or b.period is None:
            confidence *= _PERIOD_OPEN
            month = a.period or b.period
            status = SlotStatus.ONE_SIDE if month else SlotStatus.UNSTATED
            slots.append(SlotMatch(slot="period", status=status, value=month))
        else:
            slots.append(SlotMatch(slot="period", status=SlotStatus.SAME, value=a.period))
    elif (a.period is None) != (b.period is None):
        confidence *= _PERIOD_ONE_SIDE
        slots.append(
            SlotMatch(slot="period", status=SlotStatus.ONE_SIDE, value=a.period or b.period)
        )
    if as_of_a is not None and as_of_a == as_of_b:
        slots.append(SlotMatch(slot="time", status=SlotStatus.SAME, value=as_of_a.isoformat()))
    elif as_of_a is None or as_of_b is None:
        confidence *= _TIME_UNKNOWN_MOVING if moving else _TIME_UNKNOWN
        known = as_of_a or as_of_b
        slots.append(
            SlotMatch(
                slot="time",
                status=SlotStatus.ONE_SIDE if known else SlotStatus.UNSTATED,
                value=known.isoformat() if known else None,
            )
        )
    else:
        confidence *= _TIME_APART
        value = f"{as_of_a.isoformat()} / {as_of_b.isoformat()}"
        slots.append(SlotMatch(slot="time", status=SlotStatus.ONE_SIDE, value=value))
    if a.dimension == b.dimension:
        slots.append(SlotMatch(slot="dimension", status=SlotStatus.SAME, value=a.dimension))
    else:
        confidence *= _CONVERTED
        value = f"{a.dimension} / {b.dimension}"
        slots.append(SlotMatch(slot="dimension", status=SlotStatus.SAME, value=value))
    if values is not None and min(values) > 0:
        ratio = max(values) / min(values)
        confidence *= next(factor for limit, factor in _PROXIMITY if ratio <= limit)
    return slots, round(min(1.0, confidence), 3)


def label(frame: Frame, unit: str, as_of: dt.date | None = None) -> str:
    """The fact in words, from its frame: "people killed", "fee (maximum) in pounds",
    "magnitude (1960)", "depth in km", "minute of the goal of mikel oyarzabal", with "as
    of 9 Sep" when dated."""
    dimension = frame.dimension
    if dimension == "count" and unit:
        # The counted thing as written ("settlements and villages"), and what happened
        # to it when its words do not say ("people killed").
        words = unit if frame.state is None or frame.state in unit else f"{unit} {frame.state}"
    elif frame.measure is not None:
        words = frame.measure
    elif dimension.startswith("money"):
        words = "sum"
    else:
        words = unit or dimension
    if dimension.startswith("money") or dimension.startswith("length"):
        words += f" in {dimension.split(':', 1)[1]}"
    elif dimension_class_of(dimension) in ("percent", "points") and "percent" not in words:
        points = dimension_class_of(dimension) == "points"
        words = f"{words} ({'percentage points' if points else 'percent'})"
    elif dimension == "magnitude":
        words = frame.measure or "magnitude"
    elif dimension == "minute":
        words = f"minute of the {frame.measure}"  # "minute of the goal of oyarzabal"
    if frame.change:
        words = f"change in {words}"
    if frame.modality == "forecast":
        words = f"{words} (forecast)"
    if frame.subject:
        words += f" of {', '.join(frame.subject)}"
    if frame.event is not None:
        words += f" ({'a previous event' if frame.event == 'previous' else frame.event})"
    if as_of is not None:
        words += f", as of {as_of.day} {as_of.strftime('%b')} {as_of.year}"
    return words


# --- what was bought -------------------------------------------------------------------
# A price belongs to what was bought (a player, a company), not to the buyer or the
# seller. News names the three in many orders; the cue words live in ``[bought]`` of
# ``frames.toml``.

_FOR_SUM = re.compile(r"\bfor\s+(?:a\s+|an\s+)?$", re.I)
_SUM_IN = re.compile(r"[$£€¥₹]|\d[\d.,]*\s*(?:m|bn|million|billion)\b", re.I)
_GAP_WORD = re.compile(r"[a-z0-9][\w'’-]*")
_SELLER = re.compile(r"\s+(?:the\s+)?", re.I)
_NEXT_WORD = re.compile(r"\s*([^\W_][\w'’-]*)?")
_AFTER_SUM_WORDS = 5  # at most this many words between a sum and its "for"
_CLOSE_WORDS = 3  # a "for" this close to the sum wins over a name before it
_PHRASE_GAP_WORDS = 3  # descriptor words between the names of one noun phrase


@dataclass(frozen=True)
class _BoughtCues:
    """``[bought]`` of ``frames.toml``, folded and compiled."""

    measures: frozenset[str]
    before: re.Pattern[str]
    buyer: re.Pattern[str]
    objects: re.Pattern[str]
    after_sum: re.Pattern[str]
    ends: frozenset[str]
    payee_before: frozenset[str]
    payer_after: frozenset[str]
    nouns_after_sum: frozenset[str]
    per_period: re.Pattern[str]


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted({fold(str(p)) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@functools.cache
def _bought_cues() -> _BoughtCues:
    data = load_bundled("frames.toml")["bought"]
    periods = _alternation(data["per_period"])
    return _BoughtCues(
        measures=frozenset(str(w) for w in data["measures"]),
        before=re.compile(rf"\s+(?P<cue>{_alternation(data['before'])})\b", re.I),
        buyer=re.compile(
            rf"\b(?:{_alternation([w for w in data['before'] if not w.endswith('from')])})"
            r"\s+(?:to\s+|for\s+)?(?:the\s+)?$",
            re.I,
        ),
        objects=re.compile(rf"\b(?:{_alternation(data['objects'])})\b", re.I),
        after_sum=re.compile(rf"\b(?:{_alternation(data['after_sum'])})\b", re.I),
        ends=frozenset(fold(str(w)) for w in data["phrase_ends"]),
        payee_before=frozenset(fold(str(w)) for w in data["payee_before"]),
        payer_after=frozenset(fold(str(w)) for w in data["payer_after"]),
        nouns_after_sum=frozenset(fold(str(w)) for w in data["nouns_after_sum"]),
        per_period=re.compile(rf"^[\s-]*(?:a|an|per)[\s-]+(?:{periods})\b", re.I),
    )


def _per_period(fig: FigureInClause) -> bool:
    """Whether the sum is a rate ("£250,000 a week", "$40m per season")."""
    return _bought_cues().per_period.match(fig.text[fig.end : fig.end + 20]) is not None


def _bought(fig: FigureInClause) -> str | None:
    """What the sum in the clause was paid for, when the clause names it: the name of the
    noun phrase after a "for" just after the sum ("£106.8m to Benfica for the midfielder
    Enzo Fernandez", "a £105m fee for Declan Rice") or after a verb or noun of buying
    ("the £65m arrival of Kai Havertz", "signed defender Luis Ortan", "Valmont sold Luis
    Ortan to ..."), or a name just before "cost", "joined", "was bought" or "from" and a
    seller ("Enzo Fernandez cost Chelsea £105.6m", "Kai Havertz from Chelsea in a £65m
    deal"). A "for" within three words of the sum wins; else the nearest name before the
    sum; no other sum between them. None when unsure: two names joined by "and", a name
    that only describes ("the England international"), a name in the words between the
    sum and its "for" that neither receives nor pays ("£1m every time Arsenal qualify
    for ...")."""
    if not fig.names:
        return None
    after = _bought_after(fig)
    if after is not None and after[1] <= _CLOSE_WORDS:
        return after[0]
    before = _bought_before(fig)
    if before is not None:
        return before
    return after[0] if after is not None else None


def _bought_after(fig: FigureInClause) -> tuple[str, int] | None:
    """The thing bought named after the sum, and how many words lie between them."""
    c = _bought_cues()
    text = fig.text
    cues_after = [
        *c.after_sum.finditer(text, fig.end, fig.clause_end),
        *c.objects.finditer(text, fig.end, fig.clause_end),
    ]
    if not cues_after:
        return None
    cue = min(cues_after, key=lambda m: m.start())
    gap = text[fig.end : cue.start()]
    words = gap.split()
    if len(words) > _AFTER_SUM_WORDS or _SUM_IN.search(gap):
        return None
    for s, e, _ in fig.names:
        if fig.end <= s and e <= cue.start():
            before = _words(text[fig.end : s])[-1:]
            next_word = _NEXT_WORD.match(text, e)
            after = fold(next_word.group(1) or "") if next_word else ""
            if not (set(before) & c.payee_before or after in c.payer_after):
                return None  # "£1m every time Arsenal qualify for ...": whose is unclear
    named = _phrase_name(fig, cue.end(), fig.clause_end)
    return (named[1], len(words)) if named is not None else None


def _bought_before(fig: FigureInClause) -> str | None:
    """The thing bought named before the sum in its clause, the nearest one."""
    c = _bought_cues()
    text = fig.text
    found: list[tuple[int, str]] = []
    starts = {s for s, _, _ in fig.names}
    for s, e, name in fig.names:
        if not (fig.clause_start <= s and e <= fig.start):
            continue
        cue = c.before.match(text, e)
        if cue is None or cue.end() > fig.start:
            continue
        if c.buyer.search(text, fig.clause_start, s):
            continue  # "Ortan joined Harbour City from Valmont": the buyer, not bought
        if fold(cue.group("cue")).endswith("from"):
            seller = _SELLER.match(text, cue.end())
            if seller is None or seller.end() not in starts:
                continue  # "from" names a seller only when a name follows it
        found.append((s, name))
    for cue in c.objects.finditer(text, fig.clause_start, fig.start):
        named = _phrase_name(fig, cue.end(), fig.start)
        if named is not None:
            found.append(named)
    found = [(s, n) for s, n in found if not _SUM_IN.search(text, s, fig.start)]
    return max(found)[1] if found else None


def _phrase_name(fig: FigureInClause, start: int, limit: int) -> tuple[int, str] | None:
    """Where and which name ends the noun phrase starting at ``start`` ("the Argentina
    midfielder Enzo Fernandez last January" -> "enzo fernandez"), or None when the phrase
    names nothing, names two things ("Rice and Havertz") or ends in a common noun ("the
    England international")."""
    c = _bought_cues()
    text = fig.text
    chain: list[tuple[int, int, str, bool]] = []  # (start, end, name, joined by "and")
    position = start
    for s, e, name in sorted(fig.names):
        if s < position:
            continue
        if e > limit:
            break
        gap = text[position:s]
        if any(ch in gap for ch in ',;:()"“”') or _SUM_IN.search(gap):
            break
        words = gap.split()
        joined = [fold(w) for w in words] in (["and"], ["&"])
        if joined and not chain:
            break
        if not joined and (
            len(words) > _PHRASE_GAP_WORDS
            or any(not _GAP_WORD.fullmatch(w) or fold(w) in c.ends for w in words)
        ):
            break
        chain.append((s, e, name, joined))
        position = e
    if not chain or chain[-1][3]:
        return None
    first, end, name, _ = chain[-1]
    rest = text[end:limit]
    following = _NEXT_WORD.match(rest)
    word = following.group(1) if following else None
    if word and word[0].islower() and fold(word) not in c.ends:
        return None  # "the England international": the name only describes
    return first, name
