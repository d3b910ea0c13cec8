"""Shared regex pieces for names and titles, built once from the language data."""

from __future__ import annotations

import functools
import re

from checker.data.language import load_language

# Capital letters, including the Latin-1 and Latin Extended-A ranges (Ş, İ, Ğ, Ə).
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u018f"
CAPWORD = rf"[{UPPER}][\w'’.-]*(?<!['’.])(?<!['’]s)"
NAME = rf"(?:{CAPWORD})(?:\s+{CAPWORD}){{0,3}}"


@functools.cache
def heads() -> str:
    """Alternation of title head words, longest first."""
    return "|".join(re.escape(h) for h in load_language().title_heads)


@functools.cache
def attribution() -> str:
    """Alternation of attribution verbs, longest first."""
    verbs = sorted(load_language().attribution_verbs, key=len, reverse=True)
    return "|".join(re.escape(v) for v in verbs)
