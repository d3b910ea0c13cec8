"""Times of day: "the meeting started at 5:41 p.m. local time", "the plane took off at
10:33 am", "kick-off at 2000 GMT".

A time of day is a quantity: minutes after midnight, in the dimension ``clock:<zone>``
(a time with no zone, or "local time", is the story's local time; "1900 GMT" is
another dimension and is never compared with a local time). What happened at the time
is the frame's measure (``start``, ``end``, ``crash``, ``takeoff``...: the verb before
"at", from ``checker/data/clock.toml``), what it happened to is its subject ("meeting",
"plane"). A time whose verb says nothing of an event ("by 5pm", "as of 2.30pm": the
moment a report was written) is no claim.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.extract.context import WORD, SentenceContext
from checker.extract.frames import clause_dates
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, Frame, Hedge, Interval, QuantityClaim

# "5:41 p.m.", "5.41pm", "5pm", "12:54am", "10:33 am", "9:00 pm"; "1900 GMT" and "20:45"
# (24-hour clock) only with a zone after them or a colon.
_TIME = re.compile(
    r"(?<![\w:.,])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?![\d:])"
    r"|(?P<HH>[01]\d|2[0-3])(?P<MM>[0-5]\d)(?=\s*(?:GMT|UTC|hrs|hours)\b))"
)
_HINT = re.compile(r"\d\s?[ap]\.?\s?m\b|\d:\d\d|\d{4}\s*(?:GMT|UTC|hrs|hours)", re.I)
_VERB_WORDS = 6  # how far before the time its verb may stand
_LOOSE = 15.0  # minutes either side of an approximate time or a time given to the hour
_BOUND = 30.0  # minutes a time "shortly before" or "just after" may be off


@dataclass(frozen=True)
class _Clock:
    events: dict[str, str]  # folded verb phrase -> event
    zones: dict[str, str]  # zone word as written -> zone
    approximate: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    report: tuple[str, ...]


@functools.cache
def _clock() -> _Clock:
    data = load_bundled("clock.toml")
    events = {fold(str(v)): str(e) for e, verbs in data["events"].items() for v in verbs}
    zones = {str(w): str(z) for z, words in data["zones"].items() for w in words}
    hedges = data["hedges"]
    return _Clock(
        events=events,
        zones=zones,
        approximate=tuple(fold(str(w)) for w in hedges["approximate"]),
        before=tuple(fold(str(w)) for w in hedges["before"]),
        after=tuple(fold(str(w)) for w in hedges["after"]),
        report=tuple(fold(str(w)) for w in hedges["report"]),
    )


@functools.cache
def _zone_pattern() -> re.Pattern[str]:
    words = sorted(_clock().zones, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*\(?\s*(?P<zone>{body})\b")


def _minutes(match: re.Match[str]) -> tuple[float, bool] | None:
    """Minutes after midnight, and whether the minutes were stated ("5pm" is not)."""
    if match.group("h"):
        hour = int(match.group("h")) % 12 + (12 if match.group("ap").lower() == "p" else 0)
        minute = match.group("m")
        return hour * 60.0 + int(minute or 0), minute is not None
    hour_text = match.group("H") or match.group("HH")
    minute_text = match.group("M") or match.group("MM")
    return int(hour_text) * 60.0 + int(minute_text), True


def _lead(words: list[str], phrases: tuple[str, ...]) -> bool:
    """Whether the words just before the time end with one of ``phrases``."""
    joined = " ".join(words[-4:])
    return any(joined == p or joined.endswith(" " + p) for p in phrases)


def _event(words: list[str]) -> tuple[str, int] | None:
    """The event the verb before the time tells of, and where that verb starts in
    ``words``: the nearest known verb phrase, longest first."""
    table = _clock().events
    for index in range(len(words) - 1, max(-1, len(words) - 1 - _VERB_WORDS), -1):
        for width in (3, 2, 1):
            start = index - width + 1
            if start < 0:
                continue
            phrase = " ".join(words[start : index + 1])
            if phrase in table:
                return table[phrase], start
    return None


_AUXILIARIES = frozenset(["was", "were", "is", "are", "had", "has", "have", "been", "be"])


def _subject(words: list[str]) -> list[str]:
    """What the event happened to: the word before its verb, auxiliaries skipped ("the
    meeting started" -> ["meeting"], "the fire service was called" -> ["service"])."""
    rest = [w for w in words if w not in _AUXILIARIES]
    if not rest or rest[-1] in ("the", "a", "an", "it", "they", "he", "she", "which", "that"):
        return []
    return [rest[-1]]


@rule("Q004", "time of day")
def time_of_day(ctx: SentenceContext) -> list[ClaimBase]:
    """A time of day and what happened at it: "The meeting started at 5:41 p.m. local
    time", "the plane took off at 10:33 am", "called to the tower at 12:54am". The value
    is minutes after midnight; the frame's dimension is ``clock:<zone>`` ("local" when no
    zone is written), its measure the event the verb before the time tells of (``start``,
    ``end``, ``crash``, ``takeoff``, ``landing``, ``alert``, ``strike``,
    ``announcement``), its subject the noun before that verb. A time given to the
    minute is exact; to the hour ("5pm") or with "around" it allows 15 minutes either
    side; "shortly before" and "just after" 30 minutes on their side. A time with no
    known verb before it, or that dates a report ("by 5pm", "as of 2.30pm", "updated
    1:52 a.m."), gives no claim."""
    out: list[ClaimBase] = []
    if not _HINT.search(ctx.text):
        return out
    clock = _clock()
    for match in _TIME.finditer(ctx.text):
        start, end = match.span()
        if ctx.is_taken(start, end):
            continue
        found = _minutes(match)
        if found is None:
            continue
        minutes, to_the_minute = found
        clause_start, clause_end = ctx.clause(start, end)
        before = [fold(m.group(0)) for m in WORD.finditer(ctx.text, clause_start, start)]
        lead = before[:-1] if before and before[-1] == "at" else before
        if _lead(before, clock.report) or _lead(lead, clock.report):
            continue  # "by 5pm", "as of 2.30pm": when a report stood
        event = _event(lead)
        if event is None:
            continue
        name, verb_at = event
        hedge, interval = _hedged(lead, minutes, to_the_minute)
        zone_match = _zone_pattern().match(ctx.text, end)
        zone = clock.zones[zone_match.group("zone")] if zone_match else "local"
        claim_end = zone_match.end() if zone_match else end
        dates = clause_dates(ctx, clause_start, clause_end)
        frame = Frame(
            measure=name,
            subject=_subject(lead[:verb_at]),
            dimension=f"clock:{zone}",
            as_of=max(dates) if dates else None,
        )
        out.append(
            ctx.make(
                QuantityClaim,
                "Q004",
                start,
                claim_end,
                value=minutes,
                unit="time",
                action=name,
                hedge=hedge,
                interval=interval,
                frame=frame,
            )
        )
        ctx.take(start, claim_end, "quantity")
    return out


def _hedged(lead: list[str], minutes: float, to_the_minute: bool) -> tuple[Hedge, Interval]:
    clock = _clock()
    if _lead(lead, clock.before):
        return Hedge.AT_MOST, Interval(low=minutes - _BOUND, high=minutes)
    if _lead(lead, clock.after):
        return Hedge.AT_LEAST, Interval(low=minutes, high=minutes + _BOUND)
    if _lead(lead, clock.approximate):
        return Hedge.APPROXIMATE, Interval(low=minutes - _LOOSE, high=minutes + _LOOSE)
    if not to_the_minute:
        return Hedge.EXACT, Interval(low=minutes - _LOOSE, high=minutes + _LOOSE)
    return Hedge.EXACT, Interval(low=minutes, high=minutes)
