"""The event a date or a duration belongs to: the words that name it, compared slot by
slot. Shared by :mod:`checker.frame.dates` and :mod:`checker.frame.durations`.

A date or a length of time is a fact about an event ("the fighting ended on Nov. 10",
"the 44-day war"). Two of them clash only when they name one event: they share words
that say what happened, not only words any date or duration stands next to ("next",
"sentence", "period"), and they do not tell two events apart by a year or an ordinal
("the first round" / "the second round"). Cue words live in
``checker/data/events.toml``.

Callers pass tokens (the matcher's vocabulary applied: synonyms merged, stopwords
dropped) and the tokens that are names; this module only compares.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.schema.findings import SlotMatch, SlotStatus

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")

# Confidence factors of the event evidence (see :func:`event_slot`, :func:`subject_slot`).
_EVENT_ONE_WORD = 0.85  # one specific word shared, and each side says little more
_EVENT_ONE_OF_MANY = 0.6  # one specific word shared among many ("power" / "powers' summit")
_FEW_WORDS = 2  # a side naming its event in this many specific words says little more
_EVENT_APART = 0.45  # both name an event, with no specific word in common
_EVENT_ONE_SIDE = 0.55  # only one side names an event beyond generic words
_EVENT_UNSTATED = 0.45  # neither side names an event beyond generic words
_SUBJECT_APART = 0.6  # both name who, and no name is shared
_SUBJECT_OPEN = 0.9  # one side or neither names who


@dataclass(frozen=True)
class EventCues:
    """``events.toml``, folded."""

    generic: frozenset[str]
    labels: frozenset[str]
    ordinals: frozenset[str]
    bounds: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, phrases) in order of priority
    requesters: tuple[tuple[str, frozenset[str]], ...] = ()  # (party, words)


@functools.cache
def cues() -> EventCues:
    data = load_bundled("events.toml")
    words = data["words"]
    return EventCues(
        generic=frozenset(fold(str(w)) for w in words["generic"]),
        labels=frozenset(fold(str(w)) for w in words["labels"]),
        ordinals=frozenset(fold(str(w)) for w in words["ordinals"]),
        bounds=tuple(
            (str(kind), tuple(fold(str(p)) for p in phrases))
            for kind, phrases in data["bounds"].items()
        ),
        requesters=tuple(
            (str(party), frozenset(fold(str(w)) for w in words_))
            for party, words_ in data["requesters"].items()
        ),
    )


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return [fold(m.group(0)) for m in _WORD.finditer(text)]


def has_phrase(phrases: Iterable[str], text_words: Sequence[str]) -> str | None:
    """The first of ``phrases`` that occurs in ``text_words`` (whole words), else ``None``."""
    joined = f" {' '.join(text_words)} "
    return next((p for p in phrases if f" {p} " in joined), None)


def generic(token: str, generic_tokens: Collection[str] = ()) -> bool:
    """Whether a token names no event on its own (a unit, "next", "sentence", a figure)."""
    return (
        token in cues().generic
        or token in generic_tokens
        or token[:1].isdigit()
        or token in cues().ordinals
    )


def discriminators(text_words: Iterable[str]) -> frozenset[str]:
    """Years and ordinals among ``text_words``: what tells two events of one kind apart."""
    c = cues()
    return frozenset(
        w for w in text_words if _YEAR.match(w) or w in c.ordinals or _ORDINAL_DIGITS.match(w)
    )


def apart(a: Iterable[str], b: Iterable[str]) -> str | None:
    """Why two texts name different events, or ``None``: both state a year, or both an
    ordinal, and those differ ("the 2019 election" / "the 2023 election", "the first
    round" / "the second round")."""
    da, db = discriminators(a), discriminators(b)
    years_a = {w for w in da if _YEAR.match(w)}
    years_b = {w for w in db if _YEAR.match(w)}
    if years_a and years_b and not years_a & years_b:
        return f"different years ({', '.join(sorted(years_a))} / {', '.join(sorted(years_b))})"
    ords_a, ords_b = da - years_a, db - years_b
    if ords_a and ords_b and ords_a != ords_b:
        return f"different ordinals ({', '.join(sorted(ords_a))} / {', '.join(sorted(ords_b))})"
    return None


def event_slot(
    a: Iterable[str],
    b: Iterable[str],
    names: Collection[str] = (),
    generic_tokens: Collection[str] = (),
) -> tuple[SlotMatch, float]:
    """The ``event`` slot of two claims from their event tokens, and its confidence factor.

    Names are left to the subject slot, generic words name nothing. Two or more
    specific words shared, or the same single word on both sides ("war" / "war"),
    make one event (x1); one shared word when the sides say little more x0.85, when
    a side says much more x0.6 (the word may be a homonym: "inflation" of prices and
    of a law's name); specific words with none in common x0.45; only one side naming
    an event x0.55; neither x0.45.
    """
    spec_a = {t for t in a if t not in names and not generic(t, generic_tokens)}
    spec_b = {t for t in b if t not in names and not generic(t, generic_tokens)}
    shared = spec_a & spec_b
    if shared:
        value = " ".join(sorted(shared))
        if len(shared) >= 2 or spec_a == spec_b:
            factor = 1.0
        elif max(len(spec_a), len(spec_b)) <= _FEW_WORDS:
            factor = _EVENT_ONE_WORD
        else:
            factor = _EVENT_ONE_OF_MANY
        return SlotMatch(slot="event", status=SlotStatus.SAME, value=value), factor
    if spec_a and spec_b:
        value = f"{' '.join(sorted(spec_a))} / {' '.join(sorted(spec_b))}"
        return SlotMatch(slot="event", status=SlotStatus.ONE_SIDE, value=value), _EVENT_APART
    if spec_a or spec_b:
        value = " ".join(sorted(spec_a or spec_b))
        return SlotMatch(slot="event", status=SlotStatus.ONE_SIDE, value=value), _EVENT_ONE_SIDE
    return SlotMatch(slot="event", status=SlotStatus.UNSTATED), _EVENT_UNSTATED


def subject_slot(a: Collection[str], b: Collection[str]) -> tuple[SlotMatch, float]:
    """The ``subject`` slot (who or what the event is about) from each side's names:
    a shared name x1, names with none in common x0.6, names on one side or none x0.9."""
    if a and b:
        shared = sorted(set(a) & set(b))
        if shared:
            return SlotMatch(slot="subject", status=SlotStatus.SAME, value=", ".join(shared)), 1.0
        value = f"{', '.join(sorted(a))} / {', '.join(sorted(b))}"
        return SlotMatch(slot="subject", status=SlotStatus.ONE_SIDE, value=value), _SUBJECT_APART
    named = sorted(a or b)
    status = SlotStatus.ONE_SIDE if named else SlotStatus.UNSTATED
    return SlotMatch(slot="subject", status=status, value=", ".join(named) or None), _SUBJECT_OPEN


def shared_slots(slots: Sequence[SlotMatch]) -> str:
    """The slots two claims share, for an explanation: ``"event, subject"``."""
    return ", ".join(s.slot for s in slots if s.status is SlotStatus.SAME) or "nothing stated"
