"""Stable claim ids: from the seed, kind, rule and folded content, never from offsets."""

from __future__ import annotations

import hashlib

from checker.data.folding import fold


def claim_id(seed: str, kind: str, rule: str, text: str, sentence: str, occurrence: int) -> str:
    """``<seed>:<kind>:<12 hex>``; ``occurrence`` counts true repeats of the same content."""
    payload = "\x1f".join((seed, kind, rule, fold(text), fold(sentence), str(occurrence)))
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
    return f"{seed}:{kind}:{digest}"
