"""C101 quantity: how many of what, compared as hedge intervals."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from checker.classify.intervals import HEDGE_WORDS, number, overlap, scaled, show
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.frame import currency
from checker.frame.quantity import cues, evolving, frame_of, identity, same_moment, series
from checker.schema.claims import Claim, Frame, Hedge, Interval, QuantityClaim
from checker.schema.findings import SlotStatus, Verdict


@register
class QuantityMismatch(Rule):
    """Two sources count the same thing; do their figures allow a common value?

    Each figure is read with its hedge as an interval ("300" -> about 300 within
    the round-number tolerance, "nearly 300" -> [270, 300], "more than 300" ->
    (300, ∞)). Intervals that share a value are compatible: **variance** when
    the hedge, precision or wording differs ("300" / "around 300" / "nearly
    300"), **agreement** when nothing does. Intervals that share no value
    **contradict**: "nearly 300" (at most 300) and "more than 300" cannot both
    hold. A vague count ("several cities") is compatible with any figure: it
    only varies in precision.
    """

    code = "C101"
    name = "quantity mismatch"
    pools = ("quantity",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim)
        differences = wording_differences(_words(a), _words(b), ctx.vocabulary)
        if a.value is None or b.value is None:
            if a.value is None and b.value is None:
                if (a.vague or "") != (b.vague or ""):
                    differences.append("wording")
            else:
                differences.append("precision")
            return _compatible(sorted(set(differences)))
        frame_a, frame_b = frame_of(a), frame_of(b)
        as_of_a, as_of_b = ctx.as_of(a), ctx.as_of(b)
        interval_a, interval_b = stated_interval(a), stated_interval(b)
        if frame_a.dimension != frame_b.dimension:
            interval_b = in_dimension(interval_b, frame_b, frame_a, as_of_b or as_of_a)
            differences.append("unit")
        if frame_a.dimension == "rank" == frame_b.dimension:
            interval_a, interval_b = rank_scopes(frame_a, interval_a, frame_b, interval_b)
        if (
            evolving(frame_a, frame_b)
            and not same_moment(frame_a, frame_b)
            and (a.value != b.value or a.hedge != b.hedge)
            and (
                "running" in (frame_a.bound, frame_b.bound)
                or as_of_a is None
                or as_of_b is None  # a moment unknown is no proof of the same moment
                or as_of_a != as_of_b
            )
        ):
            return Outcome(
                Verdict.UPDATE,
                "one figure reported as it changes: "
                + timeline(((self.value(a, ctx), as_of_a), (self.value(b, ctx), as_of_b)))
                + "; a running, differently dated or undated count is an update, not a clash",
                ("value",),
            )
        if not overlap(interval_a, interval_b) and not same_when_rounded(a, b):
            values: tuple[float, float] | None = (_middle(a.interval), _middle(interval_b))
            if frame_a.dimension == "rank":
                values = None  # ranks are small ordinals: their distance says nothing
            slots, confidence = identity(frame_a, frame_b, as_of_a, as_of_b, values)
            uncertain = confidence < ctx.settings.classify.min_confidence
            shared = ", ".join(s.slot for s in slots if s.status is SlotStatus.SAME)
            return Outcome(
                Verdict.CONTRADICTION,
                f"{self.value(a, ctx)} and {self.value(b, ctx)} {a.unit}: the figures allow "
                f"{_shown(interval_a, a)} and {_shown(interval_b, a)}, which share no value, "
                f"so both cannot be true (same {shared or 'nothing stated'}; "
                f"confidence {confidence:.2f})",
                ("value",),
                uncertain=uncertain,
                confidence=confidence,
                identity=tuple(slots),
            )
        if a.hedge != b.hedge:
            differences.append("hedge")
        elif a.value != b.value:
            differences.append("precision")
        elif _digits(a.text) != _digits(b.text):
            differences.append("format")
        return _compatible(sorted(set(differences)))

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuantityClaim)
        if claim.value is None:
            return claim.vague or "unspecified"
        if _clock(claim):
            return f"{HEDGE_WORDS[claim.hedge]}{clock_time(claim.value)}"
        return f"{HEDGE_WORDS[claim.hedge]}{number(claim.value)}"

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuantityClaim)
        if claim.value is None:
            return f"vague count ({claim.vague or claim.hedge.value}) of {claim.unit}"
        hedge = "exact" if claim.hedge is Hedge.EXACT else claim.hedge.value
        return f"{hedge} figure -> {_shown(claim.interval, claim)} {claim.unit}"


def rank_scopes(
    frame_a: Frame, interval_a: Interval, frame_b: Frame, interval_b: Interval
) -> tuple[Interval, Interval]:
    """Ranks of one record (rule Q005) in scopes of different width: a rank within a
    window or a place ("the second-lowest since 1885", "the third-largest in Europe")
    says the rank ever is at least that, so it is compared with an all-time rank ("a
    record low") as a lower bound, and two windows ("since 1885", "since 2001") bound
    each other's rank from below only: "the first since 1966" and "the second ever" can
    both be true, "a record low" and "the second-lowest since 1885" cannot. Ranks in one
    scope are compared as stated."""

    def widened(frame: Frame, other: Frame, interval: Interval) -> Interval:
        narrower = (frame.period is not None and frame.period != other.period) or (
            frame.place is not None and other.place is None
        )
        return Interval(low=interval.low) if narrower else interval

    return widened(frame_a, frame_b, interval_a), widened(frame_b, frame_a, interval_b)


def in_dimension(
    interval: Interval, source: Frame, target: Frame, when: dt.date | None
) -> Interval:
    """``interval`` of a figure in ``source``'s unit, expressed in ``target``'s: a sum
    through the dated rate table, a length through kilometres. Frames only meet across
    dimensions of one class (:func:`checker.frame.quantity.same_fact`)."""
    kind, _, unit_from = source.dimension.partition(":")
    _, _, unit_to = target.dimension.partition(":")
    if kind == "money" and currency.known(unit_from) and currency.known(unit_to):
        return currency.convert(interval, unit_from, unit_to, when.year if when else None)
    lengths = cues().lengths
    if kind == "length" and unit_from in lengths and unit_to in lengths:
        return scaled(interval, lengths[unit_from] / lengths[unit_to])
    if kind == "points" and unit_from in _POINTS and unit_to in _POINTS:
        return scaled(interval, _POINTS[unit_from] / _POINTS[unit_to])
    return interval


_POINTS = {"pp": 1.0, "bp": 0.01}  # percentage points per unit: 25 basis points = 0.25
_SIGNIFICANT = 2  # a rounded figure keeps at least two digits ("48" for 47.5, not "5")
_NUMERAL = re.compile(r"(?<![\d.])(\d[\d,]*)(?:\.(\d+))?")


def _numeral(claim: QuantityClaim) -> tuple[float, int] | None:
    """The figure as written and its decimal places: "£105.6m" -> (105.6, 1)."""
    match = _NUMERAL.search(claim.text)
    if match is None:
        return None
    whole, decimals = match.group(1).replace(",", ""), match.group(2) or ""
    return float(f"{whole}.{decimals}" if decimals else whole), len(decimals)


def stated_interval(claim: QuantityClaim) -> Interval:
    """The claim's interval, except that a denied figure asserts the complement of its
    bound, and an exact figure written with decimals ("£105.6m", "7.9") means that
    figure: the rounding tolerance of round numbers ("300", "£100m") is for figures
    that look rounded, and these do not."""
    if claim.negated:
        return _denied(claim)
    if _clock(claim):
        return claim.interval  # a time's precision is in its interval (rule Q004)
    written = _numeral(claim)
    if claim.hedge is Hedge.EXACT and claim.value is not None and written and written[1]:
        return Interval(low=claim.value, high=claim.value)
    return claim.interval


def _denied(claim: QuantityClaim) -> Interval:
    """What a denied bound asserts: "neither won more than 50%" -> at most 50; a denied
    exact figure ("did not kill 300") says only what the value is not: anything."""
    value = claim.value
    if value is None:
        return Interval()
    if claim.hedge in (Hedge.MORE_THAN, Hedge.AT_LEAST):
        return Interval(high=value, high_open=claim.hedge is Hedge.AT_LEAST)
    if claim.hedge in (Hedge.LESS_THAN, Hedge.AT_MOST):
        return Interval(low=value, low_open=claim.hedge is Hedge.AT_MOST)
    return Interval()


def _clock(claim: QuantityClaim) -> bool:
    """Whether the claim is a time of day (minutes after midnight)."""
    return claim.frame is not None and claim.frame.dimension.startswith("clock:")


def _shown(interval: Interval, claim: QuantityClaim) -> str:
    """The interval as read in an explanation; a time of day's as times."""
    if not _clock(claim) or interval.low is None or interval.high is None:
        return show(interval)
    return f"[{clock_time(interval.low)}, {clock_time(interval.high)}]"


def clock_time(minutes: float) -> str:
    """Minutes after midnight as a 24-hour time: 1061 -> "17:41"."""
    whole = round(minutes) % (24 * 60)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def same_when_rounded(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two exact figures differ only in precision: the one written with fewer
    decimals is the other rounded or cut to them ("49.4%" / "49.49%", "45%" / "44.96%",
    "48%" / "47.5%"), keeping at least two digits ("5%" is not "5.25%" rounded).
    Figures written with as many decimals ("7.8" / "7.9") must be equal."""
    if a.hedge is not Hedge.EXACT or b.hedge is not Hedge.EXACT or _clock(a) or _clock(b):
        return False
    wa, wb = _numeral(a), _numeral(b)
    if wa is None or wb is None or a.value is None or b.value is None or wa[1] == wb[1]:
        return False
    if (
        wa[0] == 0
        or wb[0] == 0
        or abs(a.value / wa[0] - b.value / wb[0]) > 1e-9 * (a.value / wa[0])
    ):
        return False  # written in different scales ("£105.6m" / "105,600,000")
    (coarse, places), precise = (wa, wb[0]) if wa[1] < wb[1] else (wb, wa[0])
    step = 10.0**-places
    cut = math.floor(precise / step + 1e-9) * step
    if len(str(int(abs(coarse)))) + places < _SIGNIFICANT:
        # One digit: "a 9% stake" is "9.2%" rounded, but a rate or a magnitude is stated
        # to its step ("5%" is not "5.25%", "magnitude 8" not "7.8"), and a one-digit
        # figure is never cut ("7" for "7.8").
        if any(_stated_to_step(c) for c in (a, b)):
            return False
        return math.isclose(round(precise, places), coarse)
    return math.isclose(round(precise, places), coarse) or math.isclose(cut, coarse)


def _stated_to_step(claim: QuantityClaim) -> bool:
    """Whether the figure is a value of a series (a rate, inflation) or a magnitude,
    whose decimals are its substance, not its precision."""
    frame = frame_of(claim)
    return frame.dimension == "magnitude" or series(frame)


def _middle(interval: Interval) -> float:
    if interval.low is not None and interval.high is not None:
        return (interval.low + interval.high) / 2
    return interval.low if interval.low is not None else interval.high or 0.0


def timeline(points: Iterable[tuple[str, dt.date | None]]) -> str:
    """``"150 (3 Aug 2014) -> 381 (4 Aug 2014)"``: values in time order, undated last."""
    ordered = sorted(points, key=lambda p: (p[1] is None, p[1] or dt.date.min, p[0]))
    return " -> ".join(
        f"{value} ({when.day} {when.strftime('%b')} {when.year})" if when else value
        for value, when in ordered
    )


def _words(claim: QuantityClaim) -> str:
    return " ".join(p for p in (claim.actor, claim.action, claim.unit) if p)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _compatible(differences: list[str]) -> Outcome:
    if not differences:
        return AGREE
    return Outcome(
        Verdict.VARIANCE,
        "compatible figures; differs in " + ", ".join(differences),
        tuple(differences),
    )
