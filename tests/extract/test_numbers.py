"""Digits grouped with dots (European style) and the scale a number ends with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.numbers import european, number_pattern, parse_number, trailing_scale


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("23.000", 23000),
        ("400.000", 400000),
        ("1.200.000", 1200000),
        ("1.5", 1.5),
        ("7.25", 7.25),
        ("1.125", 1.125),  # one group that is not 000: a decimal
        ("17.00", 17),
    ],
)
def test_dots_group_thousands_only_when_unambiguous(surface: str, value: float) -> None:
    assert parse_number(surface) == value
    match = number_pattern().search(f"about {surface} people")
    assert match is not None and match.group("num") == surface


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_two_or_more_dot_groups_are_thousands(n: int) -> None:
    surface = f"{n:,}".replace(",", ".")
    assert european(surface)
    assert parse_number(surface) == n


@pytest.mark.parametrize(
    ("surface", "scale"),
    [("2 million", 1e6), ("1.5bn", 1e9), ("three hundred", 100), ("300", 1), ("a million", 1e6)],
)
def test_trailing_scale(surface: str, scale: float) -> None:
    assert trailing_scale(surface) == scale
