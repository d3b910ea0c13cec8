"""Hypothesis properties of extraction, each checked against a plain oracle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.text.numbers import parse_number
from tests.extract.helpers import extract

REPO = Path(__file__).resolve().parents[2]
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
SEED_LINES = [line for text in SEED_TEXTS for line in text.splitlines() if line.strip()]

# --- the oracle: English number words and month names, written out plainly ---------------
UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SHORT = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def words(n: int) -> str:
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + UNITS[n % 10])
    rest = n % 100
    return UNITS[n // 100] + " hundred" + ("" if rest == 0 else " " + words(rest))


def surfaces(n: int) -> list[str]:
    out = [str(n), f"{n:,}"]
    if n < 1000:
        out.append(words(n))
    if n % 1_000_000 == 0 and n:
        out.append(f"{n // 1_000_000} million")
    return out


@given(
    st.integers(min_value=0, max_value=999)
    | st.integers(min_value=1, max_value=900).map(lambda k: k * 1_000_000)
    | st.integers(min_value=0, max_value=10**7)
)
def test_number_formats_parse_to_the_same_value(n: int) -> None:
    for surface in surfaces(n):
        assert parse_number(surface) == n, surface


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=3, max_value=999)
    | st.integers(min_value=1, max_value=900).map(lambda k: k * 1_000_000)
)
def test_quantities_in_any_format_extract_the_same_value(n: int) -> None:
    for surface in surfaces(n):
        claim_file = extract(f"Officials counted {surface} refugees at the border.")
        values = [c.value for c in claim_file.claims if c.kind == "quantity"]
        assert values == [n], (surface, values)


def date_surfaces(date: dt.date) -> list[str]:
    month, short = MONTHS[date.month - 1], SHORT[date.month - 1]
    return [
        f"{month} {date.day}, {date.year}",
        f"{short} {date.day}, {date.year}",
        f"{date.day} {month} {date.year}",
        date.isoformat(),
    ]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_dates_in_any_format_extract_the_same_value(date: dt.date) -> None:
    for surface in date_surfaces(date):
        claim_file = extract(f"The summit took place on {surface} in the capital.")
        dates = [c for c in claim_file.claims if c.kind == "date"]
        assert len(dates) == 1, (surface, [c.text for c in dates])
        stated = dates[0].stated  # type: ignore[union-attr]
        assert (stated.year, stated.month, stated.day) == (date.year, date.month, date.day)


newsy = st.lists(
    st.sampled_from(SEED_LINES)
    | st.text(max_size=80)
    | st.sampled_from(['"', "“", "”", "Nov.", "\n", "\n\n", " 300 ", "Monday", "(AA Photo)"]),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | newsy)
def test_extraction_never_raises_and_spans_are_exact(text: str) -> None:
    claim_file = extract(text)
    for claim in claim_file.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence.start <= claim.start <= claim.end <= claim.sentence.end


UNRELATED = [
    "Weather: sunny spells are expected across the region.",
    "Markets opened higher in Tokyo on Tuesday, traders said.",
    "Subscribe to our newsletter",
    "The museum reopened after renovation works lasting 18 months.",
]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(range(len(SEED_TEXTS))),
    st.lists(st.sampled_from(UNRELATED), min_size=1, max_size=3),
)
def test_claim_ids_survive_unrelated_lines_above(index: int, lines: list[str]) -> None:
    text = SEED_TEXTS[index]
    before = {c.id for c in extract(text, ident="seed").claims}
    after = {c.id for c in extract("\n\n".join(lines) + "\n\n" + text, ident="seed").claims}
    assert before <= after


def test_claim_ids_are_unique() -> None:
    for text in SEED_TEXTS:
        ids = [c.id for c in extract(text).claims]
        assert len(ids) == len(set(ids))
