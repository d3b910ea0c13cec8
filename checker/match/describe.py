"""A fact in words, for the report: what the matched claims are about."""

from __future__ import annotations

import datetime as dt

from checker.frame.quantity import frame_of, label
from checker.match.facts import Fact
from checker.schema.claims import (
    DateClaim,
    DurationClaim,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    StatementClaim,
)


def describe(fact: Fact, as_of: dt.date | None = None) -> str:
    """``"date of: new clashes erupted"``, ``"title of Hulusi Akar"``, ... (first claim).
    A figure is described by its frame: "people killed of ecuador, as of 17 Apr 2016"
    (``as_of``: the moment the first claim describes)."""
    claim = fact.claims[0].claim
    if isinstance(claim, QuantityClaim):
        frame = frame_of(claim)
        if frame.measure is not None:
            return label(frame, claim.unit, as_of)
        who = " ".join(p for p in (claim.actor, claim.action) if p)
        return f"number of {claim.unit}" + (f" ({who})" if who else "")
    if isinstance(claim, DateClaim):
        return f"date of: {claim.event}"
    if isinstance(claim, DurationClaim):
        return f"duration of: {claim.event}"
    if isinstance(claim, RoleClaim):
        return f"title of {claim.person}"
    if isinstance(claim, QuoteClaim):
        words = " ".join(claim.quote.split())
        short = words if len(words) <= 80 else words[:77] + "..."
        return f"quote: \u201c{short}\u201d"
    if isinstance(claim, StatementClaim):
        return " ".join(claim.text.split())
    raise TypeError(claim.kind)  # pragma: no cover
