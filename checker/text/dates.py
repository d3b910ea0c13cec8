"""Calendar expressions: find them in a sentence and read the parts they state.

Recognised: "September 27, 2020", "Sept. 27, 2020", "Sept. 27", "27 September
2020", "November 2020", "in November", "since 1991" (and other prepositions
before a year), ISO "2020-09-27", and weekdays ("on Monday", "said Monday").
Month and weekday names come from ``checker/data/calendar.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.language import load_language

YEAR_PREPOSITIONS = (
    "in|since|of|by|until|till|from|before|after|during|through|between|around|in early"
    "|in late|in mid|early|late|mid"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One calendar expression; ``start``/``end`` are offsets in the searched string."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    form: str  # full, month_day, month_year, month, year, iso, weekday


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lang = load_language()
    names = sorted(
        {n for n in _month_surfaces() if n},
        key=len,
        reverse=True,
    )
    month = "|".join(re.escape(n) + (r"\.?" if len(n) <= 4 and n[-1] != "." else "") for n in names)
    month = rf"(?P<m>{month})"
    weekday_names = sorted(
        {w.capitalize() for w in lang.weekdays if len(w) > 3}, key=len, reverse=True
    )
    weekday = "|".join(re.escape(w) for w in weekday_names)
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>1[5-9]\d\d|20\d\d|21\d\d)"
    return (
        ("iso", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
        ("full", re.compile(rf"\b{month}\s+{day},?\s+{year}\b")),
        ("full", re.compile(rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}\b")),
        ("month_day", re.compile(rf"\b{month}\s+{day}\b(?![,.]?\d)(?!\s*,?\s*\d{{4}})")),
        ("month_day", re.compile(rf"\b{day}\s+(?:of\s+)?{month}(?!\w)")),
        ("month_year", re.compile(rf"\b{month},?\s+(?:of\s+)?{year}\b")),
        (
            "month",
            re.compile(
                rf"\b(?:in|since|by|until|from|of|during|early|late|mid-?|last|next|this)\s+"
                rf"{month}(?!\w)(?!\s+[0-3]?\d\b)"
            ),
        ),
        (
            "year",
            re.compile(
                rf"\b(?:{YEAR_PREPOSITIONS})(?:-|\s+)(?:the\s+(?:year\s+)?)?{year}\b(?![-/]\d)"
            ),
        ),
        (
            "weekday",
            re.compile(rf"\b(?:(?:on|last|next|this|since|by|until)\s+)?(?P<w>{weekday})\b"),
        ),
    )


def _month_surfaces() -> list[str]:
    # Capitalised as written in the data file (the table keeps folded keys).
    from checker.data.loader import load_bundled

    calendar = load_bundled("calendar.toml")
    return [str(name) for names in calendar["months"].values() for name in names]


_DIGIT = re.compile(r"\d")
# Which inputs a form needs: digits, a month name, a weekday name.
_NEEDS = {
    "iso": (True, False, False),
    "full": (True, True, False),
    "month_day": (True, True, False),
    "month_year": (True, True, False),
    "month": (False, True, False),
    "year": (True, False, False),
    "weekday": (False, False, True),
}


@functools.cache
def _hints() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = "|".join(sorted({re.escape(n.rstrip(".")) for n in _month_surfaces()}, key=len))
    return re.compile(rf"\b(?:{months})"), re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def find_dates(text: str) -> list[DateMatch]:
    """Non-overlapping calendar expressions in ``text``, in order.

    Longer, more specific forms win over the shorter forms inside them.
    """
    lang = load_language()
    month_hint, weekday_hint = _hints()
    has = (
        _DIGIT.search(text) is not None,
        month_hint.search(text) is not None,
        weekday_hint.search(text) is not None,
    )
    if not any(has):
        return []
    found: list[DateMatch] = []
    taken = bytearray(len(text))  # characters already inside a found expression
    for form, pattern in _patterns():
        needs = _NEEDS[form]
        if any(need and not present for need, present in zip(needs, has, strict=True)):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            groups = match.groupdict()
            month = _month(groups.get("m"), lang.months)
            raw_day = groups.get("d")
            raw_year = groups.get("y")
            raw_weekday = groups.get("w")
            day = int(raw_day) if raw_day else None
            year = int(raw_year) if raw_year else None
            weekday = lang.weekdays.get(fold(raw_weekday)) if raw_weekday else None
            if groups.get("m") is not None and month is None:
                continue
            if day is not None and not _valid(year, month, day):
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append(DateMatch(start, end, year, month, day, weekday, form))
    found.sort(key=lambda m: m.start)
    return found


def _month(raw: str | None, months: dict[str, int]) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        value = int(raw)
        return value if 1 <= value <= 12 else None
    return months.get(fold(raw).rstrip("."))


def _valid(year: int | None, month: int | None, day: int) -> bool:
    if month is None or not 1 <= day <= 31:
        return False
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb. 29 is valid
    except ValueError:
        return False
    return True
