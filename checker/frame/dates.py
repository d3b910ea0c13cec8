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
import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
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

# The rule of a level dated by the last time it was reached, and its event's last word.
RECORD_RULE = "D008"
RECORD_MARK = "last"


@dataclass(frozen=True)
class RecordCues:
    """``events.toml`` ``[records]``, folded: how a level's last date is told."""

    irregular: frozenset[str]
    not_superlatives: frozenset[str]
    adjectives: dict[str, str]  # "high" -> "highest"
    placeholders: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    measures: tuple[str, ...]  # longest first
    synonyms: dict[str, str]  # a measure's name -> its first name


@functools.cache
def record_cues() -> RecordCues:
    data = load_bundled("events.toml")["records"]
    synonyms = {fold(str(w)): fold(str(k)) for k, ws in data["synonyms"].items() for w in ws}
    synonyms.update({fold(str(k)): fold(str(k)) for k in data["synonyms"]})
    return RecordCues(
        irregular=frozenset(fold(str(w)) for w in data["irregular"]),
        not_superlatives=frozenset(fold(str(w)) for w in data["not_superlatives"]),
        adjectives={fold(str(k)): fold(str(v)) for k, v in data["adjectives"].items()},
        placeholders=frozenset(fold(str(w)) for w in data["placeholders"]),
        pronouns=frozenset(fold(str(w)) for w in data["pronouns"]),
        determiners=frozenset(fold(str(w)) for w in data["determiners"]),
        measures=tuple(sorted({fold(str(w)) for w in data["measures"]}, key=len, reverse=True)),
        synonyms=synonyms,
    )


def superlative(text_words: Sequence[str]) -> str | None:
    """The superlative a level is stated by, as a word: "highest" for "the highest rate"
    and for "this high", "most expensive" for "so expensive"; ``None`` when the words
    name none ("The last time it stood at 5.25%")."""
    cues = record_cues()
    for i, word in enumerate(text_words):
        nxt = text_words[i + 1] if i + 1 < len(text_words) else ""
        if word in ("most", "least") and nxt.isalpha():
            return f"{word} {nxt}"
        if word in cues.irregular:
            return word
        if (
            word.endswith("est")
            and len(word) > 4
            and word.isalpha()  # "second-lowest" is a rank (Q005)
            and word not in cues.not_superlatives
        ):
            return word
        if word in ("this", "so", "as", "that") and nxt in cues.adjectives:
            return cues.adjectives[nxt]
    return None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def record_measure(claim: DateClaim) -> frozenset[str]:
    """The words of the measure a level's last date belongs to ("interest rate")."""
    return frozenset(_singular(w) for w in events.words(claim.event) if w != RECORD_MARK)


def records_apart(a: DateClaim, b: DateClaim) -> str | None:
    """Why two dates are no one level's last date, or ``None``.

    A level's last date ("the highest rate since March 2008") and another event's date
    are two facts; so are two levels' last dates whose measures differ (each names words
    the other does not: "unemployment rate" / "interest rate"; "rate" / "interest rate"
    may be one) or whose superlatives differ ("highest" / "lowest", "deadliest" /
    "costliest"; "The last time it stood at 5.25%" states none and may be either).
    """
    ra, rb = a.rule == RECORD_RULE, b.rule == RECORD_RULE
    if ra != rb:
        return "a level's last date and another event's date"
    if not ra:
        return None
    ma, mb = record_measure(a), record_measure(b)
    if not (ma <= mb or mb <= ma):
        return f"different measures ({' '.join(sorted(ma))} / {' '.join(sorted(mb))})"
    sa, sb = superlative(events.words(a.text)), superlative(events.words(b.text))
    if sa is not None and sb is not None and sa != sb:
        return f"different records ({sa} / {sb})"
    return None


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
