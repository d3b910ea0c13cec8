"""Resolving the parts of a date the text does not state.

Order of evidence, most specific first:
1. an anniversary the article marks ("the first anniversary of X" on a known
   day): a year-less date with that month and day is X's date, N years back
   (resolution ``event``);
2. the publication date: a future clause means the next occurrence, any other the
   latest one by publication, unless one begins within ``SOON_DAYS`` after it ("until
   January 4" in an article of December 30 is the coming January) (``publication``);
3. nothing: the year stays unknown (``unresolved``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from checker.data.folding import fold
from checker.extract.context import Anniversary, ArticleContext
from checker.schema.claims import Confidence, PartialDate, Resolution

# How many days after publication a year-less date still reads as this year's.
SOON_DAYS = 14


@dataclass(frozen=True)
class Resolved:
    date: PartialDate
    resolution: Resolution
    confidence: Confidence
    year_inferred: bool


def resolve_calendar(
    year: int | None,
    month: int | None,
    day: int | None,
    clause: str,
    event: str,
    art: ArticleContext,
) -> Resolved:
    """Resolve a calendar expression (some parts stated) in a clause about ``event``."""
    stated = PartialDate(year=year, month=month, day=day)
    if year is not None or month is None:
        return Resolved(stated, Resolution.STATED, Confidence.HIGH, False)
    for ann in art.anniversaries:
        if ann.year is not None and ann.month == month and (day is None or ann.day == day):
            shared = set(event.split()) & set(ann.event.split())
            confidence = Confidence.HIGH if shared else Confidence.MEDIUM
            return Resolved(
                PartialDate(year=ann.year, month=month, day=day), Resolution.EVENT, confidence, True
            )
    published = art.published
    if published is None:
        return Resolved(stated, Resolution.UNRESOLVED, Confidence.LOW, True)
    future = is_future(clause, art)
    resolved_year = occurrence_year(published, month, day, future=future)
    return Resolved(
        PartialDate(year=resolved_year, month=month, day=day),
        Resolution.PUBLICATION,
        Confidence.MEDIUM,
        True,
    )


def occurrence_year(published: dt.date, month: int, day: int | None, *, future: bool) -> int:
    """Year of the occurrence of ``month`` (and ``day``) that a text published on
    ``published`` means.

    The occurrences around publication (from four years back, for February 29, to
    the next year) are weighed alike, so the turn of the year is no edge: a future
    clause means the first occurrence that has not ended by publication; otherwise
    one that begins at most ``SOON_DAYS`` after publication is the coming one (news
    writes scheduled events in the present, "a mourning period until January 4" in
    an article of December 30, and a past event cannot postdate its report), else
    the latest one begun by publication. A month without a day spans the month: the
    publication month is this year's.
    """
    spans = [
        (year, first, last)
        for year in range(published.year - 4, published.year + 2)
        if (span := _occurrence(year, month, day)) is not None
        for first, last in [span]
    ]
    if not spans:  # pragma: no cover - every month/day occurs within six years
        return published.year
    if future:
        return next((y for y, _, last in spans if last >= published), spans[-1][0])
    coming = [y for y, first, _ in spans if 0 < (first - published).days <= SOON_DAYS]
    if coming:
        return coming[0]
    begun = [y for y, first, _ in spans if first <= published]
    return begun[-1] if begun else spans[0][0]


def _occurrence(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of ``month``/``day`` in ``year``; ``None`` when it does not
    occur (February 29 of a common year)."""
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


def nearest_year(published: dt.date, month: int, day: int) -> int:
    """Year of the occurrence of month/day closest to ``published`` (anniversary days)."""
    best = published.year
    best_gap: int | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def is_future(clause: str, art: ArticleContext) -> bool:
    folded = f" {fold(clause)} "
    return any(f" {marker} " in folded for marker in art.lang.future_markers)


def add_months(date: dt.date, months: int) -> dt.date:
    month_index = date.month - 1 + months
    year = date.year + month_index // 12
    month = month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def anniversary_of(
    ordinal: int, event: str, same_sentence: tuple[int, int | None] | None, art: ArticleContext
) -> Anniversary:
    """The anniversary a sentence marks: on its own stated month/day, else on publication day."""
    published = art.published
    if published is None:
        return Anniversary(ordinal, event, None, None, None)
    if same_sentence is not None and same_sentence[1] is not None:
        month, day = same_sentence[0], same_sentence[1]
        return Anniversary(
            ordinal, event, nearest_year(published, month, day) - ordinal, month, day
        )
    return Anniversary(ordinal, event, published.year - ordinal, published.month, published.day)


# How many months after a season ends "last <season>" may still mean it or the one
# before ("last summer" in October): the year is then left unresolved.
SEASON_AMBIGUOUS_MONTHS = 3


def calendar_period(published: dt.date, unit: str, step: int) -> tuple[PartialDate, str]:
    """The period ``step`` units from the one holding ``published`` ("last month": step
    -1), as a partial date and its granularity.

    A month or a year is exact. A week is no calendar part: it resolves to the month
    that holds every day it may mean, else to the year, else to nothing. "Last week"
    may mean the previous calendar week or the seven days before publication, so it
    spans from the Monday of the previous week to the day before publication.
    """
    if unit == "month":
        first = add_months(published.replace(day=1), step)
        return PartialDate(year=first.year, month=first.month), "month"
    if unit == "year":
        return PartialDate(year=published.year + step), "year"
    monday = published - dt.timedelta(days=published.weekday())
    first = monday + dt.timedelta(weeks=step)
    last = first + dt.timedelta(days=6)
    if step < 0:
        last = published - dt.timedelta(days=1)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(year=first.year, month=first.month), "month"
    if first.year == last.year:
        return PartialDate(year=first.year), "year"
    return PartialDate(), "year"


def season_year(published: dt.date, first_month: int, step: int) -> int | None:
    """Year of the season beginning in ``first_month`` that a text published on
    ``published`` means by "this" (``step`` 0), "last" (-1), "next" (1) or "N ... ago"
    (-N); ``None`` when the words are ambiguous or the season straddles two years.

    A season lasts three months. One in progress at publication is "this" one ("this
    summer" in July); "last" is a year before it, "next" a year after. One not begun
    this year is "this" coming one, "last" is last year's and "next" may be either
    (unresolved). Within ``SEASON_AMBIGUOUS_MONTHS`` after a season ends, "this" is the
    one just over and "last" may be it or the one before (unresolved); later ("spring"
    in December) "last" is this year's and "this" may be the coming one (unresolved).
    "N summers ago" counts N - 1 years back from "last summer".
    """
    if first_month + 2 > 12:
        return None  # a winter: December to February
    year = published.year
    since_end = published.month - (first_month + 2)  # months since its last month
    this: int | None = year
    last: int | None = year - 1
    following: int | None = year + 1
    if published.month < first_month:  # not begun this year: "next" may be this one
        following = None
    elif 0 < since_end <= SEASON_AMBIGUOUS_MONTHS:  # just over: "last" may be either
        last = None
    elif since_end > SEASON_AMBIGUOUS_MONTHS:  # over for months: "this" may be the next
        this, last = None, year
    if step == 0:
        return this
    if step > 0:
        return None if following is None else following + step - 1
    return None if last is None else last + step + 1
