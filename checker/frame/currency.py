"""One sum in two currencies: an approximate, dated rate table (``currency.toml``).

"€103m (£88m)" states one fee; "£25m" and "€25m" do not. A sum is converted with
the rate of its year (the nearest year in the table) and may then be off by the
table's tolerance and still be the same sum.
"""

from __future__ import annotations

import functools

from checker.data.loader import load_bundled
from checker.schema.claims import Interval


@functools.cache
def _table() -> tuple[dict[str, dict[int, float]], float]:
    data = load_bundled("currency.toml")
    rates = {
        str(currency): {int(year): float(rate) for year, rate in years.items()}
        for currency, years in data["per_usd"].items()
    }
    return rates, float(data["tolerance"])


def known(currency: str) -> bool:
    return currency in _table()[0]


def per_usd(currency: str, year: int) -> float:
    """Units of ``currency`` per US dollar in ``year`` (the nearest year of the table)."""
    years = _table()[0][currency]
    nearest = min(years, key=lambda y: (abs(y - year), y))
    return years[nearest]


def convert(interval: Interval, source: str, target: str, year: int | None) -> Interval:
    """``interval`` of ``source`` currency in ``target`` currency, widened by the
    table's tolerance on both sides. An undated sum may be of any year of the table:
    it takes every year's rate (a wider interval, so that no clash rests on a guess)."""
    rates, tolerance = _table()
    years = sorted(set(rates[source]) | set(rates[target])) if year is None else [year]
    factors = [per_usd(target, y) / per_usd(source, y) for y in years]
    low_factor, high_factor = min(factors), max(factors)
    low = None if interval.low is None else interval.low * low_factor * (1 - tolerance)
    high = None if interval.high is None else interval.high * high_factor * (1 + tolerance)
    return Interval(low=low, high=high, low_open=interval.low_open, high_open=interval.high_open)
