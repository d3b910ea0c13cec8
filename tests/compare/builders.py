"""Hand-built claims for comparator tests: the models of ``checker.schema.claims``
filled with sensible defaults, so a case states only what it is about."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import TypeAdapter

from checker.schema.claims import Claim, ClaimFile, Hedge

_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
SHA = "0" * 64


def interval(value: float | None, hedge: str, tolerance: float = 0.1) -> dict[str, Any]:
    """The interval a hedge allows (the extractor's job; a plain version for tests)."""
    if value is None:
        return {}
    h = Hedge(hedge)
    if h is Hedge.APPROXIMATE:
        return {"low": value * (1 - tolerance), "high": value * (1 + tolerance)}
    if h is Hedge.NEARLY:
        return {"low": value * (1 - tolerance), "high": value}
    if h is Hedge.AT_LEAST:
        return {"low": value}
    if h is Hedge.AT_MOST:
        return {"high": value}
    if h is Hedge.MORE_THAN:
        return {"low": value, "low_open": True}
    if h is Hedge.LESS_THAN:
        return {"high": value, "high_open": True}
    if h is Hedge.VAGUE:
        return {}
    return {"low": value, "high": value}


def claim(spec: dict[str, Any], seed: str = "a", start: int = 0) -> Claim:
    """A claim from a short spec: ``kind`` and ``text`` plus the fields that matter."""
    data = dict(spec)
    kind = data["kind"]
    text = data["text"]
    data.setdefault("start", start)
    data.setdefault("end", data["start"] + len(text))
    data.setdefault("sentence", {"start": data["start"], "end": data["end"]})
    data.setdefault("rule", "T001")
    hedge = data.setdefault("hedge", "exact")
    if kind == "quantity":
        data.setdefault("value", None)
        data.setdefault("interval", interval(data["value"], hedge))
    elif kind == "date":
        data.setdefault("stated", {})
        data.setdefault("resolved", data["stated"])
        data.setdefault("resolution", "stated")
        data.setdefault("confidence", "high")
        data.setdefault("year_inferred", False)
        data.setdefault("granularity", "day")
    elif kind == "duration":
        data.setdefault("interval", interval(data["value"], hedge))
    elif kind == "quote":
        data.setdefault("speaker", None)
        data.setdefault("verb", "said")
        data.setdefault("direct", True)
        data.setdefault("quote", text)
    elif kind == "role":
        data.setdefault("title_key", data["title"].lower())
    elif kind == "statement":
        data.setdefault("subject", None)
        data.setdefault("predicate", "")
        data.setdefault("object", None)
        data.setdefault("clause", text)
    digest = hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()[:12]
    data.setdefault("id", f"{seed}:{kind}:{digest}")
    return _CLAIM.validate_python(data)


def claim_file(seed: str, claims: list[Claim]) -> ClaimFile:
    return ClaimFile(
        seed=seed, seed_sha256=SHA, extractor_version="test", article={}, claims=claims
    )
