"""A duration's identity: which event lasted, of whom, and what kind of length it is.

A length of time is a fact about an event ("the 44-day war", "sentenced to 25 years").
Besides the length that happened, news gives lengths that bound it or are asked for:
the time before release is possible ("could be paroled after about 15 years"), a
ceiling ("faced more than 100 years", "could face up to 20 years", "the charges carry
a maximum of 110 years"), a request ("prosecutors sought 50 years"), a projection
("will probably serve 17 to 20 years", "over the next three years"). A
length of one kind is never the same fact as a length of another: a maximum of 110
years does not contradict a 25-year sentence. Cue phrases live in
``checker/data/events.toml`` ``[bounds]``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from checker.data.folding import fold
from checker.frame import events
from checker.schema.claims import DurationClaim, Hedge
from checker.schema.findings import SlotMatch, SlotStatus

ACTUAL = "actual"
# Confidence factors (see :func:`identity`).
_BOUND_APART = 0.3  # a ceiling, request or projection against another kind of length
_PERIOD_ONE_SIDE = 0.85  # a year only one side anchors the duration to


@dataclass(frozen=True)
class DurationSide:
    """One duration claim as :func:`identity` sees it: the claim, its event tokens,
    the tokens that are names and the names whole."""

    claim: DurationClaim
    tokens: Sequence[str]
    names: Collection[str] = ()  # tokens of names, left out of the event words
    subjects: Collection[str] = ()  # the names, each whole: who the event is about


def bound(claim: DurationClaim) -> str:
    """What kind of length the claim gives: ``within`` for "in N years" (a span since or
    until something: "the deadliest in 15 years"), ``release`` (parole), ``request``,
    ``ceiling``, ``forecast`` (cue phrases in its text or event words, in that order), a
    ceiling when hedged "up to", else ``actual``."""
    if fold(claim.text).startswith(("in ", "within ")):
        return "within"  # "the first in 15 years", "parole in 15 years": not the length
    text_words = [*events.words(claim.text), *events.words(claim.event)]
    for kind, phrases in events.cues().bounds:
        if events.has_phrase(phrases, text_words) is not None:
            return kind
    return "ceiling" if claim.hedge is Hedge.AT_MOST else ACTUAL


def same_fact(a: DurationClaim, b: DurationClaim) -> bool:
    """Whether two durations may be one fact: the same kind of length, anchored to the
    same year when both name one, and no year or ordinal telling their events apart."""
    if bound(a) != bound(b):
        return False
    if a.period is not None and b.period is not None and a.period != b.period:
        return False
    return events.apart(events.words(a.event), events.words(b.event)) is None


def requester(side: DurationSide) -> str | None:
    """Who asked for a requested length, as a party: ``prosecution`` ("prosecutors
    sought 40 years"), ``defence`` ("her lawyers asked for five years"), else None. The
    party words are in ``events.toml`` ``[requesters]``."""
    words = {*events.words(side.claim.event), *side.tokens}
    found = [party for party, cues in events.cues().requesters if not cues.isdisjoint(words)]
    return found[0] if len(found) == 1 else None


def identity(
    a: DurationSide, b: DurationSide, generic_tokens: Collection[str] = ()
) -> tuple[list[SlotMatch], float]:
    """The slots two clashing durations share, and how sure that makes one fact.

    Confidence starts at 1: the kind of length (a ceiling, request or projection
    against another kind x0.3; two requests by different parties, the prosecution's and
    the defence's, x0.3), the event slot (:func:`checker.frame.events.event_slot`:
    shared words that are only generic, "next", "sentence", "period", x0.45), the
    subject slot (:func:`checker.frame.events.subject_slot`), a year only one side
    anchors it to (x0.85).
    """
    slots: list[SlotMatch] = []
    confidence = 1.0
    kind_a, kind_b = bound(a.claim), bound(b.claim)
    if kind_a == kind_b:
        slots.append(SlotMatch(slot="measure", status=SlotStatus.SAME, value=kind_a))
    else:
        confidence *= _BOUND_APART
        value = f"{kind_a} / {kind_b}"
        slots.append(SlotMatch(slot="measure", status=SlotStatus.ONE_SIDE, value=value))
    if kind_a == kind_b == "request":
        side_a, side_b = requester(a), requester(b)
        if side_a is not None and side_b is not None and side_a != side_b:
            confidence *= _BOUND_APART  # what prosecutors asked is not what the defence asked
            value = f"{side_a} / {side_b}"
            slots.append(SlotMatch(slot="source", status=SlotStatus.DIFFERENT, value=value))
        elif side_a is not None and side_a == side_b:
            slots.append(SlotMatch(slot="source", status=SlotStatus.SAME, value=side_a))
    event, factor = events.event_slot(a.tokens, b.tokens, {*a.names, *b.names}, generic_tokens)
    slots.append(event)
    confidence *= factor
    subject, factor = events.subject_slot(a.subjects, b.subjects)
    slots.append(subject)
    confidence *= factor
    pa, pb = a.claim.period, b.claim.period
    if pa is not None and pa == pb:
        slots.append(SlotMatch(slot="time", status=SlotStatus.SAME, value=str(pa)))
    elif pa is not None or pb is not None:
        confidence *= _PERIOD_ONE_SIDE
        slots.append(SlotMatch(slot="time", status=SlotStatus.ONE_SIDE, value=str(pa or pb)))
    return slots, round(confidence, 3)
