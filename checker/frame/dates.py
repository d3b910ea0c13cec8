"""A date's identity: which event it dates, of whom, and how the date is known.

Two dates clash only when they date one event (:mod:`checker.frame.events`). How sure
a clash is also depends on how each date is known: a date written in full in the text
("Nov. 10, 2020") is evidence; a page's own date ("date 2023-01-16" above the text)
dates the page, not the event; a year, weekday or relative date resolved from the
publication date rests on an inference; a weekday resolved in the publisher's time
zone puts the final "on Sunday" in Qatar on Monday in Tokyo (such clashes of resolved
parts only are uncertain variances, :mod:`checker.classify.dates`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from checker.frame import events
from checker.schema.claims import DateClaim, PartialDate, Resolution
from checker.schema.findings import SlotMatch, SlotStatus

# How far into its sentence a page's date label may stand: "date 2023-01-16 ...".
_LABEL_REACH = 16
# Confidence factors (see :func:`identity`).
_PAGE_DATE = 0.3  # a page's own date, not an event's
_PAGE_DATE_NEXT_DAY = 0.75  # ... a day off the event's: the publisher's time zone
_INFERRED = 0.95  # a year resolved from context: the other year's event is possible
_YEAR_UNKNOWN = 0.85  # a year neither stated nor resolved: any year's event is possible


@dataclass(frozen=True)
class DateSide:
    """One date claim as :func:`identity` sees it: the claim, its event tokens, the
    tokens that are names and the names whole."""

    claim: DateClaim
    tokens: Sequence[str]
    names: Collection[str] = ()  # tokens of names, left out of the event words
    subjects: Collection[str] = ()  # the names, each whole: who the event is about


def page_date(claim: DateClaim) -> bool:
    """Whether the date is a page's own date ("date 2023-01-16", "Updated: 16 January
    2023") at the head of its sentence: the first word of its event is a date label."""
    first = events.words(claim.event)[:1]
    near = claim.start - claim.sentence.start <= _LABEL_REACH
    return bool(first) and first[0] in events.cues().labels and near


def inferred(claim: DateClaim) -> bool:
    """Whether a part of the date was resolved from context rather than read."""
    return claim.year_inferred or claim.resolution is not Resolution.STATED


def day_gap(a: PartialDate, b: PartialDate) -> int | None:
    """Days between two complete dates, else ``None``."""
    first, second = _complete(a), _complete(b)
    if first is None or second is None:
        return None
    return abs((first - second).days)


def _complete(date: PartialDate) -> dt.date | None:
    if date.year is None or date.month is None or date.day is None:
        return None
    try:
        return dt.date(date.year, date.month, date.day)
    except ValueError:  # February 29 of a common year
        return None


def _basis(claim: DateClaim) -> str:
    if page_date(claim):
        return "page date"
    if not inferred(claim):
        return "stated"
    if claim.resolution is Resolution.UNRESOLVED:
        return "year unknown"
    return f"{claim.granularity} resolved from {claim.resolution.value}"


def identity(
    a: DateSide, b: DateSide, generic_tokens: Collection[str] = ()
) -> tuple[list[SlotMatch], float]:
    """The slots two clashing dates share, and how sure that makes one event.

    Confidence starts at 1: the event slot (:func:`checker.frame.events.event_slot`),
    the subject slot (:func:`checker.frame.events.subject_slot`), a page's own date on
    either side (x0.3; x0.75 more when the dates are one day apart, as the publisher's
    time zone makes them), a part resolved from context on either side (x0.95: the
    clash is in parts both state, but the resolved year may be another event's; x0.85
    when a year could not be resolved at all). Two
    dates written in full one day apart stay confident: the text states both days.
    """
    slots: list[SlotMatch] = []
    event, confidence = events.event_slot(a.tokens, b.tokens, {*a.names, *b.names}, generic_tokens)
    slots.append(event)
    subject, factor = events.subject_slot(a.subjects, b.subjects)
    slots.append(subject)
    confidence *= factor
    pages = page_date(a.claim) or page_date(b.claim)
    if pages:
        confidence *= _PAGE_DATE
        if day_gap(a.claim.resolved, b.claim.resolved) == 1:
            confidence *= _PAGE_DATE_NEXT_DAY
    if a.claim.resolved.year is None or b.claim.resolved.year is None:
        confidence *= _YEAR_UNKNOWN
    elif inferred(a.claim) or inferred(b.claim):
        confidence *= _INFERRED
    basis_a, basis_b = _basis(a.claim), _basis(b.claim)
    if basis_a == basis_b == "stated":
        slots.append(SlotMatch(slot="basis", status=SlotStatus.SAME, value="stated"))
    elif "stated" in (basis_a, basis_b):
        other = basis_b if basis_a == "stated" else basis_a
        slots.append(SlotMatch(slot="basis", status=SlotStatus.ONE_SIDE, value=other))
    else:
        value = basis_a if basis_a == basis_b else f"{basis_a} / {basis_b}"
        slots.append(SlotMatch(slot="basis", status=SlotStatus.UNSTATED, value=value))
    return slots, round(confidence, 3)
