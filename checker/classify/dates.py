"""C102 date: when an event happened, compared part by part."""

from __future__ import annotations

from checker.classify.evidence import event_tokens, generic_tokens, uncertain, words_of
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import squash
from checker.data import fold
from checker.frame import dates as frame
from checker.frame import events
from checker.schema.claims import Claim, Confidence, DateClaim, PartialDate, Resolution
from checker.schema.findings import Verdict

_PARTS = ("year", "month", "day")


@register
class DateMismatch(Rule):
    """Two sources date the same event; are the dates compatible?

    Dates are compared part by part (year, month, day). A part clashes only
    when both sources give it. When a part both sources *state* differs
    ("Nov. 9" / "Nov. 10", "2020" / "2021") the dates **contradict**. When
    the clash rests on a part that one source leaves out and the checker
    *inferred* (a year-less "Sept. 27" resolved from the publication date or
    the event), the finding is a **variance** marked ``uncertain`` with the
    difference ``year_inferred``: worth a look, not a proven error. Compatible
    dates vary in **format** ("Nov. 10" / "November 10") or **precision**
    ("Nov. 10" / "Nov. 10, 2020"), or agree. A period named from the publication
    date ("last month" in an article of 16 May 2023: April 2023; "last year", "two
    summers ago") fixes its parts as firmly as stated ones (resolution ``relative``,
    confidence high): "appointed last month" against "appointed in January" of the
    same article date is a contradiction, as sure as its identity evidence.

    A contradiction carries its identity evidence and a confidence
    (:func:`checker.frame.dates.identity`): the event words both dates share
    (only generic words, "next", "date", "said", prove no event), the names,
    and how each date is known. A page's own date ("date 2023-01-16" heading
    the text) dates the page, in its publisher's time zone, not the event: such
    a clash is uncertain. A year resolved from context lowers the confidence a
    little; a weekday resolved from the publication date ("on Sunday" in Qatar,
    "Monday" in Tokyo) only ever clashes in inferred parts (the uncertain
    variance above). Two dates written in full for the same event words stay
    confident, even one day apart. Event words that name different years or
    ordinals ("first" / "second round") are different events: never a
    contradiction.

    A level dated by the last time it was reached ("the highest rate since March 2008",
    "The last time it stood at 5.25% was in April 2008", rule D008) is compared only
    with another such date of one measure and one superlative
    (:func:`checker.frame.dates.records_apart`): "since 2008" and "since March 2008"
    agree (the year holds the month), March and April 2008 contradict; "highest" and
    "lowest", or a level's last date and another event's date, are two facts.
    """

    code = "C102"
    name = "date mismatch"
    pools = ("date",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, DateClaim) and isinstance(b, DateClaim)
        stated_clash = _clash(fixed(a), fixed(b))
        resolved_clash = _clash(a.resolved, b.resolved)
        if stated_clash or resolved_clash:
            why = frame.records_apart(a, b) or events.apart(words_of(a.event), words_of(b.event))
            if why is not None:
                return Outcome(
                    Verdict.VARIANCE,
                    f"{self.value(a, ctx)} and {self.value(b, ctx)} date events whose words "
                    f"name {why}: two events, not one date stated twice",
                    ("event",),
                    uncertain=True,
                )
        if stated_clash:
            return _contradiction(a, b, stated_clash, ctx)
        if resolved_clash:
            return Outcome(
                Verdict.VARIANCE,
                f"the stated parts agree, but the {resolved_clash} differ once inferred: "
                f"{self.value(a, ctx)} vs {self.value(b, ctx)}; the inference may be wrong",
                ("year_inferred",),
                uncertain=True,
            )
        differences = []
        if _given(a.stated) != _given(b.stated):
            differences.append("precision")
        same_parts = _given(a.stated) == _given(b.stated)
        reworded = fold(squash(a.text)) != fold(squash(b.text))
        if (same_parts and reworded) or (
            not same_parts and _month_words(a.text) != _month_words(b.text)
        ):
            differences.append("format")
        if not differences:
            return AGREE
        return Outcome(
            Verdict.VARIANCE,
            "same date; differs in " + ", ".join(differences),
            tuple(differences),
        )

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, DateClaim)
        shown = _show(claim.resolved)
        return f"{shown} (year inferred)" if claim.year_inferred else shown

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, DateClaim)
        note = f"stated {_show(claim.stated)}"
        if claim.resolved != claim.stated:
            note += f"; resolved {_show(claim.resolved)} from {claim.resolution.value}"
        return note


def _contradiction(a: DateClaim, b: DateClaim, clash: str, ctx: Context) -> Outcome:
    """Stated parts that differ: a contradiction, as sure as the identity evidence."""
    generic = generic_tokens(ctx)
    tokens_a, names_a, who_a = event_tokens(a.event, a.entities, ctx)
    tokens_b, names_b, who_b = event_tokens(b.event, b.entities, ctx)
    slots, confidence = frame.identity(
        frame.DateSide(a, tokens_a, names_a, who_a),
        frame.DateSide(b, tokens_b, names_b, who_b),
        generic,
    )
    notes = []
    if frame.page_date(a) or frame.page_date(b):
        notes.append("a page's own date dates the page, not the event")
    if frame.day_gap(a.resolved, b.resolved) == 1 and notes:
        notes.append("one day apart, as the publisher's time zone makes it")
    if a.resolved.year is None or b.resolved.year is None:
        notes.append("a year unknown")
    elif frame.inferred(a) or frame.inferred(b):
        notes.append("a year resolved from context")
    if fixed(a) is not a.stated or fixed(b) is not b.stated:
        notes.append("a period named from the publication date")
    note = f"; {'; '.join(notes)}" if notes else ""
    return Outcome(
        Verdict.CONTRADICTION,
        f"{_show(fixed(a))} and {_show(fixed(b))}: the stated {clash} differ, and one "
        f"event has one date (same {events.shared_slots(slots)}; confidence "
        f"{confidence:.2f}{note})",
        ("value",),
        uncertain=uncertain(confidence, ctx),
        confidence=confidence,
        identity=tuple(slots),
    )


def fixed(claim: DateClaim) -> PartialDate:
    """The parts the text fixes: those it states, or every resolved part of a period
    named from the publication date ("last month"), which the words pin exactly."""
    if claim.resolution is Resolution.RELATIVE and claim.confidence is Confidence.HIGH:
        return claim.resolved
    return claim.stated


def _clash(a: PartialDate, b: PartialDate) -> str:
    parts = [p for p in _PARTS if _part(a, p) is not None and _part(b, p) is not None]
    differ = [p for p in parts if _part(a, p) != _part(b, p)]
    return " and ".join(f"{p}s" for p in differ)


def _part(date: PartialDate, name: str) -> int | None:
    value: int | None = getattr(date, name)
    return value


def _given(date: PartialDate) -> tuple[bool, ...]:
    return tuple(_part(date, p) is not None for p in _PARTS)


def _show(date: PartialDate) -> str:
    year = f"{date.year:04d}" if date.year is not None else "????"
    month = f"{date.month:02d}" if date.month is not None else "??"
    day = f"{date.day:02d}" if date.day is not None else "??"
    if date.day is None and date.month is not None:
        return f"{year}-{month}"
    if date.month is None and date.day is None:
        return year
    return f"{year}-{month}-{day}"


def _month_words(text: str) -> list[str]:
    return [w for w in fold(text).replace(".", " ").split() if w.isalpha()]
