"""Content-based, versioned finding fingerprints.

A fingerprint keeps an editor's decision attached to its finding across
re-runs, so it is made of what the finding *says* (rule, fact key, sources,
compared values) and never of where it sits (offsets, lines) or of scores.
Whitespace edits and unrelated lines leave it unchanged; a changed value
changes it. Bump :data:`FINGERPRINT_VERSION` when the recipe changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

FINGERPRINT_VERSION = "v1"


def fingerprint(rule: str, fact_key: str, seeds: Iterable[str], values: Iterable[str]) -> str:
    """``"v1:<32 hex>"`` over the rule, fact key, sorted seeds and sorted distinct values."""
    payload = json.dumps(
        [
            FINGERPRINT_VERSION,
            rule,
            " ".join(fact_key.split()),
            sorted(set(seeds)),
            sorted({" ".join(v.split()) for v in values}),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
    return f"{FINGERPRINT_VERSION}:{digest}"
