"""Minutes of a match: "Mikel Oyarzabal's 86th-minute goal", "Cole Palmer equalised for
England in the 73rd minute", "grabbed the winner for Spain on the 86th minute".

A match report dates each goal, card and substitution by the minute of play, a precise
recorded fact: "the 86th minute" and "the 87th minute" for one goal cannot both be true.
The minute is a quantity in the dimension ``minute``; what happened in it is the frame's
measure (``goal``, ``winner``, ``opener``, ``equaliser``, ``penalty``, ``own goal``,
``red card``, ``substitution``: from ``checker/data/minutes.toml``), and who did it its
subject, a name: a player's minute is his own (two players, two facts). Only clear forms
give a claim: "<Name>'s Nth-minute <event>", "an Nth-minute <event> from <Name>", and
"<Name> <event words> in|on|at the Nth minute" with no other name between. A minute of
stoppage time ("the third minute of added time"), one written "90+3", one with no named
player or no known event ("in the 20th minute the rain came"), and a stretch of play
("from the 60th minute", "around the 80th minute") give no claim.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.extract.context import WORD, SentenceContext
from checker.extract.frames import proper_names
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, Frame, Hedge, Interval, QuantityClaim

_MINUTE = re.compile(
    r"(?<![\w+])(?P<n>\d{1,3})(?:st|nd|rd|th)(?P<sep>[\s-]+)min(?:ute)?\b(?![+\w-])", re.I
)
_STOPPAGE = re.compile(r"\s+of\s+(?:stoppage|added|injury|extra)[\s-]+time\b", re.I)
_LAST_MINUTE = 130  # the last minute of extra time with its stoppage
_PREPOSITIONS = ("in the", "on the", "at the", "during the")
_EVENT_WORDS = 8  # how far before "in the Nth minute" its event may stand
_NAME_GAP = 5  # at most this many words between the player's name and the event
_HINT = re.compile(r"\d(?:st|nd|rd|th)[\s-]+min", re.I)


@dataclass(frozen=True)
class _Minutes:
    events: dict[str, str]  # folded phrase -> event
    longest: int  # words in the longest phrase
    not_given: tuple[str, ...]
    descriptors: frozenset[str]
    prepositions: frozenset[str]


@functools.cache
def _minutes() -> _Minutes:
    data = load_bundled("minutes.toml")
    events = {fold(str(w)): str(e) for e, words in data["events"].items() for w in words}
    return _Minutes(
        events=events,
        longest=max(len(p.split()) for p in events),
        not_given=tuple(fold(str(w)) for w in data["not_given"]),
        descriptors=frozenset(fold(str(w)) for w in data["descriptors"]),
        prepositions=frozenset(fold(str(w)) for w in data["prepositions"]),
    )


def _words(ctx: SentenceContext, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(m.group(0))) for m in WORD.finditer(ctx.text, start, end)]


def _event_before(words: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """The nearest event phrase in ``words`` (read backwards), and where it starts."""
    table = _minutes()
    limit = max(-1, len(words) - 1 - _EVENT_WORDS)
    for index in range(len(words) - 1, limit, -1):
        for width in range(table.longest, 0, -1):
            first = index - width + 1
            if first < 0:
                continue
            phrase = " ".join(w for _, _, w in words[first : index + 1])
            if phrase in table.events:
                return table.events[phrase], words[first][0]
    return None


def _event_after(words: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """The event noun just after "Nth-minute" (one or two words may qualify it: "a late
    86th-minute winner" has it at once, "an 86th-minute diving header" one word on), and
    where it ends."""
    table = _minutes()
    for first in range(min(3, len(words))):
        for width in range(table.longest, 0, -1):
            last = first + width
            if last > len(words):
                continue
            phrase = " ".join(w for _, _, w in words[first:last])
            if phrase in table.events:
                return table.events[phrase], words[last - 1][1]
    return None


def _name_before(
    ctx: SentenceContext, left: int, position: int, *, possessive: bool = False
) -> str | None:
    """The name nearest before ``position`` in the clause, when at most a few words and
    no other name stand between them ("Mikel Oyarzabal grabbed the winner") and no
    preposition or verb makes it an object ("against France with a penalty", "beat
    Norland with a header"); a possessive is the owner whatever stands before it
    ("after Mikel Oyarzabal's 86th-minute goal")."""
    names = [(s, e, n) for s, e, n in proper_names(ctx) if left <= s and e <= position]
    if not names:
        return None
    start, end, name = names[-1]
    if len(_words(ctx, end, position)) > _NAME_GAP:
        return None
    ahead = _words(ctx, max(left, start - 16), start)
    if not possessive and ahead and ahead[-1][2] in _minutes().prepositions:
        return None  # "put Argentina ahead against France with a penalty": not the scorer
    return _bare(name)


def _name_after(ctx: SentenceContext, position: int, right: int) -> str | None:
    """The name after "from" or "by" just after the event ("an 86th-minute goal from
    Mikel Oyarzabal")."""
    gap = _words(ctx, position, right)
    if not gap or gap[0][2] not in ("from", "by"):
        return None
    after = gap[0][1]
    names = [(s, e, n) for s, e, n in proper_names(ctx) if after <= s < right]
    if names and len(_words(ctx, after, names[0][0])) == 0:
        return _bare(names[0][2])
    return None


def _bare(name: str) -> str | None:
    """A name without the apostrophe of a possessive or the words that describe the
    player: "nico williams'" -> "nico williams", "substitute cole palmer" -> "cole
    palmer"."""
    words = name.rstrip("'’").split()
    while words and words[0] in _minutes().descriptors:
        words.pop(0)
    return " ".join(words) or None


@rule("Q006", "match minute")
def match_minute(ctx: SentenceContext) -> list[ClaimBase]:
    """The minute of play in which a player scored, was sent off or came on: "Mikel
    Oyarzabal's 86th-minute goal", "an 86th-minute winner from Oyarzabal", "Cole Palmer
    equalised for England in the 73rd minute". The value is the minute; the frame's
    dimension is ``minute``, its measure the event (``goal``, ``winner``, ``opener``,
    ``equaliser``, ``penalty``, ``own goal``, ``red card``, ``substitution``), its
    subject the player's name. A minute is exact: "86th" and "87th" for one goal clash.
    No claim without a named player and a known event, for a minute of stoppage time
    ("the third minute of added time"), one written "90+3", or a stretch of play
    ("from the 60th minute", "around the 80th minute")."""
    out: list[ClaimBase] = []
    if not _HINT.search(ctx.text):
        return out
    table = _minutes()
    for match in _MINUTE.finditer(ctx.text):
        start, end = match.span()
        minute = int(match.group("n"))
        if not 1 <= minute <= _LAST_MINUTE or ctx.is_taken(start, end):
            continue
        if _STOPPAGE.match(ctx.text, end):
            continue  # "the third minute of added time": which minute of the match?
        left, right = ctx.clause(start, end)
        before = _words(ctx, left, start)
        lead = " ".join(w for _, _, w in before[-3:])
        if any(lead.endswith(w + " the") or lead.endswith(w) for w in table.not_given):
            continue  # "from the 60th minute", "around the 80th minute"
        found = _read(ctx, match, before, left, right)
        if found is None:
            continue
        event, player, claim_start, claim_end = found
        frame = Frame(measure=event, subject=[player], dimension="minute")
        out.append(
            ctx.make(
                QuantityClaim,
                "Q006",
                claim_start,
                claim_end,
                value=float(minute),
                unit="minute",
                action=event,
                hedge=Hedge.EXACT,
                interval=Interval(low=float(minute), high=float(minute)),
                frame=frame,
            )
        )
        ctx.take(start, end, "quantity")
    return out


def _read(
    ctx: SentenceContext,
    match: re.Match[str],
    before: list[tuple[int, int, str]],
    left: int,
    right: int,
) -> tuple[str, str, int, int] | None:
    """(event, player, claim start, claim end) of one minute, or None."""
    start, end = match.span()
    lead = " ".join(w for _, _, w in before[-2:])
    if "-" in match.group("sep") or not any(lead == p for p in _PREPOSITIONS):
        # "86th-minute goal", "an 86th minute winner": the event follows the minute.
        after = _event_after(_words(ctx, end, right))
        if after is None:
            return None
        event, event_end = after
        gap = ctx.text[max(left, start - 4) : start]
        player = None
        if re.search(r"['’]s?\s+$", gap):  # "Oyarzabal's 86th-minute goal"
            player = _name_before(ctx, left, start, possessive=True)
        if player is None:
            player = _name_after(ctx, event_end, right)
        if player is None:
            return None
        return event, player, start, event_end
    # "<Name> scored the winner in the 86th minute": the event stands before.
    found = _event_before(before[:-2])
    if found is None:
        return None
    event, event_at = found
    player = _name_before(ctx, left, event_at)
    if player is None:
        return None
    return event, player, event_at, end
