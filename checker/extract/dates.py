"""Date rules: calendar dates, year-less dates, months and years, weekdays,
relative dates and anniversaries, each with the event the clause talks about."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.data.trie import trie_pattern
from checker.extract.context import SentenceContext
from checker.extract.registry import rule
from checker.extract.resolve import (
    Resolved,
    add_months,
    anniversary_of,
    calendar_period,
    is_future,
    resolve_calendar,
    season_year,
)
from checker.frame.dates import RECORD_MARK, record_cues, superlative
from checker.schema.claims import ClaimBase, Confidence, DateClaim, PartialDate, Resolution
from checker.text.dates import DateMatch
from checker.text.numbers import parse_number

_EVENT_CUT = re.compile(r"\s(?:that|which|who|in|on|with|when|where|during|after|before)\s")


_RELATIVE_HINT = re.compile(
    r"(?i)\b(?:later|after|afterwards|earlier|before|ago|next|following|previous)\b"
)


@functools.cache
def _anniversary() -> re.Pattern[str]:
    from checker.data.language import load_language

    ordinals = "|".join(sorted(load_language().ordinals, key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:the|its|their|his|her)\s+(?:[\w-]+['’]s\s+)?|\b[\w-]+['’]s\s+)?"
        rf"(?P<ord>(?i:{ordinals})|\d+(?:st|nd|rd|th))\s+anniversary\s+of\s+(?P<x>[^,.;:\"“”()]+)"
    )


@functools.cache
def _relative() -> re.Pattern[str]:
    from checker.data.language import load_language

    words = trie_pattern(load_language().number_words)
    return re.compile(
        rf"\b(?P<n>(?i:{words})|\d+|an?)\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+"
        rf"(?P<dir>later|after(?:wards)?|earlier|before|ago)\b"
        rf"|\b(?:the\s+)?(?P<dir2>next|following|previous)\s+(?P<u2>day|week|month|year)\b"
    )


def _ordinal(raw: str, ctx: SentenceContext) -> int | None:
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group(0))
    return ctx.art.lang.ordinals.get(raw.lower())


def discover_anniversaries(ctx: SentenceContext) -> None:
    """First pass: record the anniversaries the article marks (for year-less dates)."""
    if "anniversar" not in ctx.text:
        return
    for match in _anniversary().finditer(ctx.text):
        ordinal = _ordinal(match.group("ord"), ctx)
        if ordinal is None:
            continue
        same = next(
            ((d.month, d.day) for d in ctx.dates if d.form == "month_day" and d.month is not None),
            None,
        )
        event = ctx.normalise(_event_phrase(match.group("x")))
        ctx.art.anniversaries.append(anniversary_of(ordinal, event, same, ctx.art))


def _event_phrase(text: str) -> str:
    cut = _EVENT_CUT.search(" " + text + " ")
    phrase = text[: cut.start()] if cut else text
    return " ".join(phrase.split()[:8])


def _claim(
    ctx: SentenceContext,
    code: str,
    match: DateMatch,
    resolved: Resolved,
    event: str,
    granularity: str,
) -> DateClaim:
    claim = ctx.make(
        DateClaim,
        code,
        match.start,
        match.end,
        event=event,
        stated=PartialDate(year=match.year, month=match.month, day=match.day),
        resolved=resolved.date,
        resolution=resolved.resolution,
        confidence=resolved.confidence,
        year_inferred=resolved.year_inferred,
        granularity=granularity,
    )
    ctx.take(match.start, match.end, "date")
    if resolved.date.year is not None and ctx.section == "body":
        ctx.art.anchor = resolved.date
    return claim


# "since the 2018 Camp Fire": a year before the name of the past event it dates.
_SINCE_THE_YEAR = re.compile(r"(?i:since)\s+the\s+\d{4}$")
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*")
_NAMED_EVENT_WORDS = 5


def _named_past_event(ctx: SentenceContext, match: DateMatch) -> str | None:
    """The event words of a record's "since the 2018 Camp Fire": the year dates the
    named past event, not the clause (the record "the deadliest wildfire since ..."),
    so the event is the name and the words after it in the clause; else ``None``."""
    if match.form != "year" or not _SINCE_THE_YEAR.search(ctx.text[match.start : match.end]):
        return None
    name = _NAME_AFTER.match(ctx.text, match.end)
    if name is None:
        return None
    _, ce = ctx.clause(match.start, match.end)
    words = ctx.normalise_span(name.start(), max(ce, name.end())).split()
    kept = [w for w in words if not w[:1].isdigit()][:_NAMED_EVENT_WORDS]
    return " ".join(kept) or None


def _calendar(ctx: SentenceContext, code: str, forms: tuple[str, ...]) -> list[ClaimBase]:
    out: list[ClaimBase] = []
    records = _records(ctx) if code == "D003" else {}
    for match in ctx.dates:
        if match.form not in forms or (match.start, match.end) in records:
            continue
        event = _named_past_event(ctx, match) or ctx.event_words(match.start, match.end)
        cs, ce = ctx.clause(match.start, match.end)
        resolved = resolve_calendar(
            match.year, match.month, match.day, ctx.text[cs:ce], event, ctx.art
        )
        granularity = "day" if match.day else "month" if match.month else "year"
        out.append(_claim(ctx, code, match, resolved, event, granularity))
    return out


@rule("D001", "full date", sections=("body", "caption"))
def full_date(ctx: SentenceContext) -> list[ClaimBase]:
    """A date with day, month and year: "September 27, 2020", "Sept. 27, 2020",
    "27 September 2020", "2020-09-27". Every part is stated. In a photo caption
    the claim is marked ``section: caption``: it dates the picture, not the story.
    The event is the normalised words of the clause around the date."""
    return _calendar(ctx, "D001", ("full", "iso"))


@rule("D002", "year-less date", sections=("body", "caption"))
def yearless_date(ctx: SentenceContext) -> list[ClaimBase]:
    """A day and month without a year: "Sept. 27", "Nov. 10". The year is
    resolved from an anniversary the article marks on that day (``event``),
    else from the publication date (latest occurrence before it for past
    tense, next for future: ``publication``), else left unknown (``unresolved``);
    ``year_inferred`` is true and ``stated`` keeps only what the text says."""
    return _calendar(ctx, "D002", ("month_day",))


@rule("D003", "month or year")
def month_or_year(ctx: SentenceContext) -> list[ClaimBase]:
    """A month or a year on its own: "in November", "November 2020", "since
    1991", "the war of 2020". A month without a year is resolved like a
    year-less date; granularity is ``month`` or ``year``. In a record "since the
    2018 Camp Fire" the year dates the named past event, so the event is that name
    and the words after it, not the record's clause."""
    return _calendar(ctx, "D003", ("month_year", "month", "year"))


def _names_a_date(ctx: SentenceContext, end: int) -> bool:
    """Whether a day or month date stands right after a weekday ending at ``end``."""
    return any(
        d.form != "weekday"
        and d.day is not None
        and end <= d.start <= end + 2
        and not ctx.text[end : d.start].strip(", ")
        for d in ctx.dates
    )


# A level dated by the last time it was reached (D008). Each pattern is matched against
# the sentence up to the date itself ("... the highest rate since " + "March 2008").
_RECORD_REACH = 160  # characters before the date a record's words may start
_DATE_LEAD = re.compile(r"(?i)(?:since|in)\s+")
_NOUN = r"[A-Za-z][A-Za-z'’-]*"
# "the highest rate since", "inflation at its highest since", "their highest tally since"
_SUPERLATIVE_SINCE = re.compile(
    rf"(?i:\b(?:the|its|their|his|her|our|a|an)\s+)(?P<sup>(?i:most|least)\s+{_NOUN}|{_NOUN})"
    rf"(?P<noun>(?:\s+{_NOUN}){{0,3}}?)\s+(?i:since)\s+$"
)
# "The last time it stood at 5.25% was in", "The last time the base rate was this high was"
_LAST_TIME = re.compile(
    r"(?i)\bthe\s+last\s+time\s+(?P<subj>[^,;:()\d]{1,60}?)\s+"
    r"(?:was|were|stood|sat|traded|closed|had\s+been|reached|hit)\s+"
    r"(?P<mid>(?:at\s+[\d$£€]|at\s+(?:this|that|such|these|those)\s+levels?\b"
    r"|(?:this|that|so|as)\s+[a-z]+\b|above\s|below\s)[^,;:()]{0,30}?)\s+"
    r"(?:was|came)\s+(?:back\s+)?(?:in|on)\s+$"
)
# "a level last seen in", "rates were last this high in", "levels not seen since"
_LAST_SEEN = re.compile(
    r"(?i)\b(?P<subj>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}?)\s+"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
    r"(?P<cue>last\s+(?:seen|recorded|reached|(?:this|so|as)\s+[a-z]+|at\s+(?:this|that|such)"
    r"\s+levels?|at\s+[\d$£€][^\s,;]*)|not\s+(?:been\s+)?seen\s+since)\s+(?:in\s+)?$"
)
_PREPOSITION = re.compile(r"(?i)\s(?:in|of|for|across|at|on|to|from|among|by|with)\s")


@dataclass(frozen=True)
class _Record:
    start: int  # the claim's span: from the words that state the level, when no figure
    measure: str


@functools.cache
def _measure_pattern() -> re.Pattern[str]:
    cues = record_cues()
    names = sorted({*cues.measures, *cues.synonyms}, key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"(?i)(?<![\w-])(?:{words})(?![\w-])")


def _canonical(words: list[str]) -> str:
    """A measure's name: the longest known name ending its words, else the words; a
    plural last word in the singular ("rates" -> "rate")."""
    cues = record_cues()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in cues.synonyms:
            return cues.synonyms[tail]
        if tail in cues.measures:
            words = words[i:]
            break
    last = words[-1] if words else ""
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        words = [*words[:-1], last[:-1]]
    return " ".join(words)


def _named_before(ctx: SentenceContext, end: int) -> str | None:
    """The nearest measure named in the sentence before ``end``."""
    found = [m for m in _measure_pattern().finditer(ctx.text, 0, end)]
    return _canonical(fold(found[-1].group(0)).split()) if found else None


def _measure(
    ctx: SentenceContext, phrase: str, end: int, *, back: bool, tail: bool = False
) -> str | None:
    """The measure a record's noun or subject names: its own words up to a preposition
    ("interest rates in Norland"; with ``tail``, after the last one: "climbed to a level"),
    else (a placeholder or none) the nearest measure named before ``end`` in the
    sentence, else (a pronoun, ``back``) the last one the sentence before named; ``None``
    when none is known."""
    cues = record_cues()
    cuts = list(_PREPOSITION.finditer(f" {phrase} "))
    if tail:
        head = phrase[max(0, cuts[-1].end() - 1) :] if cuts else phrase
    else:
        head = phrase[: max(0, cuts[0].start())] if cuts else phrase
    words = [w for w in fold(head).split() if w not in cues.determiners]
    if words and words[-1] in cues.pronouns:
        if len(words) > 1 or not back:
            return None
        previous = ctx.art.memo.get("record_measure")
        return previous if isinstance(previous, str) else None
    if not words or words[-1] in cues.placeholders:
        return _named_before(ctx, end)
    return _canonical(words)


def _records(ctx: SentenceContext) -> dict[tuple[int, int], _Record]:
    """The year and month-year dates of the sentence that date a level by the last time it
    was reached, by their span (computed once per sentence)."""
    memo = ctx.memo.get("records")
    if isinstance(memo, dict):
        return memo
    found: dict[tuple[int, int], _Record] = {}
    folded = ctx.folded
    if "since" in folded or "last" in folded:
        for match in ctx.dates:
            if match.form not in ("year", "month_year"):
                continue
            record = _record(ctx, match)
            if record is not None:
                found[(match.start, match.end)] = record
    ctx.memo["records"] = found
    return found


def _record(ctx: SentenceContext, match: DateMatch) -> _Record | None:
    lead = _DATE_LEAD.match(ctx.text, match.start, match.end)
    core = lead.end() if lead else match.start
    if not (ctx.text[core : core + 1].isdigit() or ctx.text[core : core + 1].isupper()):
        return None  # "since the 2018 Camp Fire": a named past event (D003)
    window = max(0, core - _RECORD_REACH)
    before = ctx.text[window:core]
    found = _SUPERLATIVE_SINCE.search(before)
    if found and superlative([fold(w) for w in found.group("sup").split()]) is not None:
        start = window + found.start("sup")
        measure = _measure(ctx, found.group("noun").strip(), start, back=False)
        return _Record(start, measure) if measure else None
    found = _LAST_TIME.search(before)
    if found:
        mid = found.group("mid")
        start = window + found.start("mid") if not re.search(r"\d", mid) else match.start
        subject = window + found.start("subj")
        measure = _measure(ctx, found.group("subj"), subject, back=True)
        return _Record(start, measure) if measure else None
    found = _LAST_SEEN.search(before)
    if found:
        cue = found.group("cue")
        start = window + found.start("cue") if not re.search(r"\d", cue) else match.start
        subject = window + found.start("subj")
        measure = _measure(ctx, found.group("subj"), subject, back=True, tail=True)
        return _Record(start, measure) if measure else None
    return None


@rule("D008", "level last reached")
def level_last_reached(ctx: SentenceContext) -> list[ClaimBase]:
    """A level dated by the last time it was reached: "the highest rate since March
    2008", "inflation at its highest since 1982", "the lowest turnout since 2001", "The
    last time it stood at 5.25% was in April 2008", "rates were last this high in 2008",
    "a level last seen in 2008", "levels not seen since 2001". All say one fact: when the
    measure was last where it now is. The event is the measure's name and "last"
    ("interest rate last"; names of one measure, ``[records.synonyms]`` of
    ``checker/data/events.toml``, are merged): the noun after the superlative or the
    subject, else (none, or "level") the nearest measure named before it in the
    sentence, else (a pronoun: "it stood at") the last one the sentence before named;
    without a measure there is no claim. The claim's text holds the superlative or
    "this high" when no figure stands between it and the date, so that "highest" and
    "lowest" stay two records (C102). Not a record: "since" opening a span ("has lived
    there since 2019"), a named past event ("since the 2018 Camp Fire", D003), a rank
    ("the second-lowest since 1885", Q005), "the first time since 1966"."""
    out: list[ClaimBase] = []
    records = _records(ctx)
    for match in ctx.dates:
        record = records.get((match.start, match.end))
        if record is None:
            continue
        resolved = resolve_calendar(match.year, match.month, None, "", "", ctx.art)
        span = DateMatch(record.start, match.end, match.year, match.month, None, None, match.form)
        event = f"{record.measure} {RECORD_MARK}"
        granularity = "month" if match.month else "year"
        out.append(_claim(ctx, "D008", span, resolved, event, granularity))
    named = [m for m in _measure_pattern().finditer(ctx.text)]
    ctx.art.memo["record_measure"] = _canonical(fold(named[-1].group(0)).split()) if named else None
    return out


@rule("D004", "weekday")
def weekday(ctx: SentenceContext) -> list[ClaimBase]:
    """A weekday: "on Monday", "said Monday" (not one apposed to a date: "Saturday,
    August 17" is the date's claim). Resolved to the latest such day on
    or before publication (the next one in a future clause) when the
    publication date is known (``relative``); otherwise unresolved."""
    out: list[ClaimBase] = []
    published = ctx.art.published
    for match in ctx.dates:
        if match.form != "weekday" or match.weekday is None:
            continue
        if _names_a_date(ctx, match.end):
            continue  # "Saturday, August 17": the calendar date is the claim
        event = ctx.event_words(match.start, match.end)
        if published is None:
            resolved = Resolved(PartialDate(), Resolution.UNRESOLVED, Confidence.LOW, True)
        else:
            cs, ce = ctx.clause(match.start, match.end)
            gap = (published.weekday() - match.weekday) % 7
            date = published - dt.timedelta(days=gap)
            if is_future(ctx.text[cs:ce], ctx.art):
                date = published + dt.timedelta(days=(match.weekday - published.weekday()) % 7)
            resolved = Resolved(
                PartialDate(year=date.year, month=date.month, day=date.day),
                Resolution.RELATIVE,
                Confidence.MEDIUM,
                True,
            )
        claim = _claim(ctx, "D004", match, resolved, event, "weekday")
        out.append(claim)
    return out


@rule("D005", "relative date")
def relative_date(ctx: SentenceContext) -> list[ClaimBase]:
    """A date relative to another: "two months later", "a year earlier", "the
    next day", "three days ago". Resolved only when its anchor is known: the
    last resolved date before it in the article ("later"/"earlier", "the next
    day"), or the publication date ("ago"); the surface text is kept as the
    claim's text. "Next month" without "the" is counted from publication (D007)."""
    out: list[ClaimBase] = []
    if not _RELATIVE_HINT.search(ctx.text):
        return out
    for match in _relative().finditer(ctx.text):
        if ctx.is_taken(match.start(), match.end()):
            continue
        bare_next = (match.group("dir2") or "").lower() == "next"
        if bare_next and match.group(0)[:3].lower() != "the":
            continue  # a bare "next month" is counted from publication (D007)
        unit = (match.group("u") or match.group("u2") or "").rstrip("s")
        direction = (match.group("dir") or match.group("dir2") or "").lower()
        raw = match.group("n")
        amount = 1.0 if raw is None or raw.lower() in ("a", "an") else parse_number(raw)
        if amount is None:
            continue
        sign = -1 if direction in ("earlier", "before", "ago", "previous") else 1
        anchor = _anchor(ctx, direction)
        resolved = Resolved(PartialDate(), Resolution.UNRESOLVED, Confidence.LOW, True)
        granularity = (
            "day" if unit in ("day", "week") else unit if unit in ("month", "year") else "year"
        )
        if anchor is not None:
            shifted = _shift(anchor, unit, int(amount) * sign)
            resolved = Resolved(
                PartialDate(
                    year=shifted.year,
                    month=shifted.month if granularity in ("day", "month") else None,
                    day=shifted.day if granularity == "day" else None,
                ),
                Resolution.RELATIVE,
                Confidence.LOW,
                True,
            )
        event = ctx.event_words(match.start(), match.end())
        span = DateMatch(match.start(), match.end(), None, None, None, None, "relative")
        out.append(_claim(ctx, "D005", span, resolved, event, granularity))
    return out


def _anchor(ctx: SentenceContext, direction: str) -> dt.date | None:
    if direction == "ago":
        return ctx.art.published
    anchor = ctx.art.anchor
    if anchor is None or anchor.year is None:
        return None
    return dt.date(anchor.year, anchor.month or 1, anchor.day or 1)


def _shift(date: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "day":
        return date + dt.timedelta(days=amount)
    if unit == "week":
        return date + dt.timedelta(weeks=amount)
    if unit == "month":
        return add_months(date, amount)
    if unit == "decade":
        return add_months(date, 120 * amount)
    return add_months(date, 12 * amount)


@rule("D006", "anniversary", sections=("body", "caption"))
def anniversary(ctx: SentenceContext) -> list[ClaimBase]:
    """ "the Nth anniversary of X": X happened N years before the anniversary.
    The anniversary falls on a day-and-month date stated in the same sentence,
    else on the publication date; the claim's event is X, its resolved date
    that of X (``event``), unresolved when the article's date is unknown."""
    out: list[ClaimBase] = []
    if "anniversar" not in ctx.text:
        return out
    for match in _anniversary().finditer(ctx.text):
        ordinal = _ordinal(match.group("ord"), ctx)
        if ordinal is None:
            continue
        phrase = _event_phrase(match.group("x"))
        end = match.start("x") + len(phrase)
        event = ctx.normalise(phrase)
        known = next(
            (a for a in ctx.art.anniversaries if a.ordinal == ordinal and a.event == event), None
        )
        if known is None or known.year is None:
            resolved = Resolved(PartialDate(), Resolution.UNRESOLVED, Confidence.LOW, True)
            granularity = "year"
        else:
            resolved = Resolved(
                PartialDate(year=known.year, month=known.month, day=known.day),
                Resolution.EVENT,
                Confidence.MEDIUM,
                True,
            )
            granularity = "day" if known.day else "year"
        span = DateMatch(match.start(), end, None, None, None, None, "anniversary")
        out.append(_claim(ctx, "D006", span, resolved, event, granularity))
    return out


@functools.cache
def _publication_period() -> re.Pattern[str]:
    from checker.data.language import load_language

    data = load_bundled("calendar.toml")
    relative = data["relative"]
    steps = "|".join(sorted(relative["steps"], key=len, reverse=True))
    units = "|".join(sorted([*relative["units"], *data["seasons"]], key=len, reverse=True))
    seasons = "|".join(sorted(data["seasons"], key=len, reverse=True))
    within = "|".join(
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(relative["within"], key=len, reverse=True)
    )
    count = trie_pattern(load_language().number_words)
    return re.compile(
        rf"(?i)(?<![\w-])(?:(?P<within>{within})\s+)?(?P<step>{steps})\s+(?P<unit>{units})(?![\w-])"
        rf"|(?<![\w-])(?P<n>{count}|\d+|a)\s+(?P<season>{seasons})s?\s+ago\b"
    )


_WINDOW = re.compile(r"(?i)\b(?:the|over|in|for|of)\s+$")  # "the last week": a rolling window


@rule("D007", "period named from publication")
def publication_period(ctx: SentenceContext) -> list[ClaimBase]:
    """A period named from the publication date: "last month", "earlier this
    month", "at the end of last month", "this year", "next week", "last summer",
    "two summers ago". Resolved from the publication date (``relative``, confidence
    high: the words fix the period, so it is compared like a stated part); unresolved
    when the date is unknown, medium confidence (compared like an inferred part) when
    it was inferred, and for a bare "this year", "last year" or "next year", which
    business copy also writes for a fiscal year ("a drop in free cash flow this year"
    in May means the year to next March); "earlier this year" is the calendar's.

    A month or a year is exact (granularity ``month``, ``year``); a week resolves to
    the month holding every day it may mean, else to its year. A season
    (northern-hemisphere, three months, ``checker/data/calendar.toml``) resolves to
    its year, the one in progress being "this" one; a winter straddles two years and
    "last summer" just after a summer may mean either: both stay unresolved. Words
    placing the span in the period ("earlier", "at the end of") are kept in its
    text. "The last month" (a rolling window) and "last season" (a sporting season)
    are no such period."""
    out: list[ClaimBase] = []
    folded = ctx.folded
    if not any(w in folded for w in ("this", "last", "next", " ago")):
        return out
    data = load_bundled("calendar.toml")
    steps: dict[str, int] = data["relative"]["steps"]
    seasons: dict[str, int] = data["seasons"]
    published = ctx.art.published
    matches = [
        m
        for m in _publication_period().finditer(ctx.text)
        if not ctx.is_taken(*m.span())
        and not _WINDOW.search(ctx.text[max(0, m.start() - 6) : m.start()])
    ]
    # Words of the other periods in the sentence are no words of this one's event.
    spans = [set(ctx.normalise_span(*m.span()).split()) for m in matches]
    for index, match in enumerate(matches):
        start, end = match.span()
        others = set().union(*(w for i, w in enumerate(spans) if i != index))
        season = (match.group("season") or match.group("unit")).lower()
        if match.group("n") is not None:
            raw = match.group("n")
            amount = 1.0 if raw.lower() == "a" else parse_number(raw)
            if amount is None or amount < 1:
                continue
            step = -int(amount)
        else:
            step = steps[match.group("step").lower()]
        date, granularity = PartialDate(), "year"
        if published is not None and season in seasons:
            year = season_year(published, seasons[season], step)
            date = PartialDate(year=year)
        elif published is not None:
            date, granularity = calendar_period(published, season, step)
        if date.year is None:
            resolved = Resolved(PartialDate(), Resolution.UNRESOLVED, Confidence.LOW, True)
        else:
            # A bare "this year" / "last year" may name a fiscal year in business copy.
            fiscal = season == "year" and not match.group("within")
            sure = "published" not in ctx.art.meta.inferred and not fiscal
            confidence = Confidence.HIGH if sure else Confidence.MEDIUM
            resolved = Resolved(date, Resolution.RELATIVE, confidence, True)
        event = " ".join(w for w in ctx.event_words(start, end).split() if w not in others)
        span = DateMatch(start, end, None, None, None, None, "publication")
        out.append(_claim(ctx, "D007", span, resolved, event, granularity))
    return out
