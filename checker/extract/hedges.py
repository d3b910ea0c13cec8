"""Hedges before a figure and the interval of values each allows.

"nearly/almost N" -> [N(1-nearly), N]; "around/about N" -> N(1±approximate);
"more than N" -> (N, ∞); "at least N" -> [N, ∞); "up to N" -> [0, N];
"less than N" -> [0, N); a bare round number -> N(1±round_number); anything
else is exact. The tolerances come from ``[tool.checker.tolerances]``.
"""

from __future__ import annotations

import functools
import re

from checker.config import Tolerances
from checker.data.folding import fold
from checker.data.language import load_language
from checker.data.trie import trie_pattern
from checker.schema.claims import Hedge, Interval
from checker.text.numbers import is_round

_LOOKBACK = 40


@functools.cache
def _hedge_before() -> re.Pattern[str]:
    phrases = sorted(load_language().hedges, key=len, reverse=True)
    body = trie_pattern(phrases)
    return re.compile(rf"(?<![\w-])(?P<h>{body})\s+$", re.IGNORECASE)


def hedge_before(text: str, start: int) -> tuple[Hedge, int]:
    """The hedge written right before ``text[start:]`` and where it begins.

    Returns ``(Hedge.EXACT, start)`` when there is none.
    """
    window_start = max(0, start - _LOOKBACK)
    match = _hedge_before().search(text, window_start, start)
    if match is None:
        return Hedge.EXACT, start
    return Hedge(load_language().hedges[fold(match.group("h"))]), match.start("h")


def interval(value: float, hedge: Hedge, tolerances: Tolerances) -> Interval:
    """The values ``value`` under ``hedge`` allows."""
    if hedge is Hedge.NEARLY:
        return Interval(low=value * (1 - tolerances.nearly), high=value)
    if hedge is Hedge.APPROXIMATE:
        spread = value * tolerances.approximate
        return Interval(low=value - spread, high=value + spread)
    if hedge is Hedge.MORE_THAN:
        return Interval(low=value, low_open=True)
    if hedge is Hedge.AT_LEAST:
        return Interval(low=value)
    if hedge is Hedge.AT_MOST:
        return Interval(low=0.0, high=value)
    if hedge is Hedge.LESS_THAN:
        return Interval(low=0.0, high=value, high_open=True)
    if is_round(value):
        spread = value * tolerances.round_number
        return Interval(low=value - spread, high=value + spread)
    return Interval(low=value, high=value)
