"""Hedged values as intervals, with open or closed ends: overlap and display."""

from __future__ import annotations

from checker.schema.claims import Hedge, Interval

# How a hedge reads in an explanation.
HEDGE_WORDS = {
    Hedge.EXACT: "",
    Hedge.APPROXIMATE: "around ",
    Hedge.NEARLY: "nearly ",
    Hedge.AT_LEAST: "at least ",
    Hedge.AT_MOST: "at most ",
    Hedge.MORE_THAN: "more than ",
    Hedge.LESS_THAN: "less than ",
    Hedge.VAGUE: "",
    Hedge.RANGE: "from ",  # the low end: "from 400" (the interval shows [400, 600])
}


def overlap(a: Interval, b: Interval) -> bool:
    """Whether some value lies in both intervals (an open end excludes its bound)."""
    return _below(a, b) and _below(b, a)


def _below(a: Interval, b: Interval) -> bool:
    # a's low end is not above b's high end
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and not a.low_open and not b.high_open


def scaled(interval: Interval, factor: float) -> Interval:
    """The interval in another unit (``factor`` units per old unit)."""
    return Interval(
        low=None if interval.low is None else interval.low * factor,
        high=None if interval.high is None else interval.high * factor,
        low_open=interval.low_open,
        high_open=interval.high_open,
    )


def number(value: float) -> str:
    """``300.0`` -> ``300``, ``2.5`` -> ``2.5``, ``1234567`` -> ``1,234,567``."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def show(interval: Interval) -> str:
    """``[270, 300]``, ``(300, ∞)``: the interval as read in an explanation."""
    low = "-∞" if interval.low is None else number(interval.low)
    high = "∞" if interval.high is None else number(interval.high)
    left = "(" if interval.low_open or interval.low is None else "["
    right = ")" if interval.high_open or interval.high is None else "]"
    return f"{left}{low}, {high}{right}"
