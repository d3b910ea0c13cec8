"""Hedges before a figure and the interval of values each allows.

"nearly/almost N" -> [N(1-nearly), N]; "around/about N" -> N(1±approximate);
"more than N" -> (N, ∞); "at least N" -> [N, ∞); "up to N" -> [0, N];
"less than N" -> [0, N); a bare round number -> N(1±round_number); a range
("between 400 and 600", "5-6 metres") -> [low, high]; anything else is exact.
The tolerances come from ``[tool.checker.tolerances]``.
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
# Words right before "N to M" that make it a change and a level, not a range:
# "from 62 to 64", "by 0.25% to 5.25%", "rose 2% to 3%".
_NOT_RANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|rise|rises|fell|fall|falls|grew|climbed|jumped|dropped|increased|"
    r"decreased|declined|gained|lost|slipped|surged|raised|cut|lowered)\s+$",
    re.IGNORECASE,
)
_RANGE_RATIO = 10  # the high end of a range is at most this many times its low end


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


def interval(
    value: float, hedge: Hedge, tolerances: Tolerances, high: float | None = None
) -> Interval:
    """The values ``value`` under ``hedge`` allows (``high``: a range's upper end)."""
    if hedge is Hedge.RANGE:
        return Interval(low=value, high=value if high is None else high)
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


def range_interval(low: float, high: float, hedge: Hedge, tolerances: Tolerances) -> Interval:
    """The values a range ``low``-``high`` allows under the hedge written before it:
    the range itself, widened by the hedge ("some 400-600" -> [360, 660]); a range is
    explicit, so no rounding tolerance."""
    if hedge in (Hedge.EXACT, Hedge.RANGE, Hedge.VAGUE):
        return Interval(low=low, high=high)
    below, above = interval(low, hedge, tolerances), interval(high, hedge, tolerances)
    return Interval(
        low=below.low, high=above.high, low_open=below.low_open, high_open=above.high_open
    )


def is_range(text: str, start: int, low: float, high: float, *, between: bool = False) -> bool:
    """Whether "``low`` to ``high``" (or "``low``-``high``") written at ``text[start:]``
    bounds one value: the low end is below the high one (not a vote or a score,
    "220-207"), it is not a change and a level ("from 62 to 64", "by 0.25% to 5.25%"),
    and the ends are close enough ("0.25 to 5.25" is not a range). "between N and M"
    (``between``) is a range whenever N < M."""
    if not low < high:
        return False
    if between:
        return True
    if _NOT_RANGE_BEFORE.search(text, max(0, start - 16), start):
        return False
    return low > 0 and high <= low * _RANGE_RATIO
