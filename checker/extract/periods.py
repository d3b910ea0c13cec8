"""The year a claim's clause is anchored to: "killed 145 people in 2001", "grew 1.1% in
2023", "growth of 0.8% this year", "..., when a magnitude 8.4 quake killed 145 people".

A figure anchored to one year and the same figure anchored to another are different
facts (last year's growth is not this year's forecast; a 2001 earthquake's toll is not
today's). Claims whose clause states no year keep ``period`` null.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.extract.context import SentenceContext

# "since 1991", "from 2019", "until 2030": a span's edge, not the period the claim is in.
_EDGE = re.compile(r"\b(?:since|from|until|till|before|after|by)\s+(?:the\s+)?(?:end\s+of\s+)?$")
_EDGE_WORD = re.compile(r"(?:since|from|until|till|before|after|by)\b", re.I)  # in the match
_RELATIVE = re.compile(r"\b(?P<which>this|last|next)\s+year\b", re.I)
_YEAR = re.compile(r"(?<![\w$£€.,])((?:1[89]|20)\d\d)(?![\w%]|[.,]\d|\s*per\s*cent)")
_SHIFT = {"this": 0, "last": -1, "next": 1}
# A clause opening with "when" or "where" describes the time of the clause before it.
_WHEN = re.compile(r"\s*(?:when|where|as)\b", re.I)


def carry_years(contexts: list[SentenceContext]) -> None:
    """First pass: a body sentence that opens by pointing back at the time just told of
    ("Under him, ...", "At the time, ...", "That year, ...") takes the last year the
    sentence before it states, in the same paragraph."""
    from checker.data.language import load_language

    openers = _openers(tuple(load_language().time_anaphors))
    previous: SentenceContext | None = None
    for ctx in contexts:
        if ctx.section != "body":
            continue
        if (
            previous is not None
            and previous.sentence.block == ctx.sentence.block
            and openers.match(ctx.text)
        ):
            years = _YEAR.findall(previous.text)  # "the 1997 election" is no date claim
            if years:
                ctx.carried_year = int(years[-1])
        previous = ctx


@functools.cache
def _openers(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\s*(?i:{body})\b")


def _years(ctx: SentenceContext, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, year) of the year expressions in ``text[start:end]``."""
    found = []
    for date in ctx.dates:
        if date.year is None or not start <= date.start < end:
            continue
        if _EDGE.search(ctx.text, max(0, date.start - 24), date.start) or _EDGE_WORD.match(
            ctx.text, date.start
        ):
            continue
        found.append((date.start, date.year))
    published = ctx.art.published
    if published is not None:
        for match in _RELATIVE.finditer(ctx.text, start, end):
            found.append((match.start(), published.year + _SHIFT[match.group("which").lower()]))
    return sorted(found)


def anchor_year(ctx: SentenceContext, start: int, end: int) -> int | None:
    """The year the clause around ``[start, end)`` is anchored to, or ``None``.

    The nearest year expression in or after the claim in its clause, else the nearest one
    before it; a clause opening with "when" takes the year of the clause before it; a
    sentence opening by pointing back ("Under him, ...") the year of the sentence before.
    """
    if not ctx.dates and "year" not in ctx.text and ctx.carried_year is None:
        return None
    clause_start, clause_end = ctx.clause(start, end)
    years = _years(ctx, clause_start, clause_end)
    after = [year for offset, year in years if offset >= start]  # inside the claim too
    if after:
        return after[0]
    before = [year for offset, year in years if offset < start]
    if before:
        return before[-1]
    if clause_start > 0 and _WHEN.match(ctx.text, clause_start):
        previous_start, _ = ctx.clause(clause_start - 2, clause_start - 1)
        earlier = _years(ctx, previous_start, clause_start)
        if earlier:
            return earlier[-1][1]
    return ctx.carried_year  # "Under him, Labour won 418 seats": the year just told of
