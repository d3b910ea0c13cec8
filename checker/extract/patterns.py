"""Shared regex pieces for names and titles, built once from the language data."""

from __future__ import annotations

import functools

from checker.data.language import load_language
from checker.data.trie import trie_pattern

# Capital letters, including the Latin-1 and Latin Extended-A ranges (Ş, İ, Ğ, Ə).
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u018f"
CAPWORD = rf"[{UPPER}][\w'’.-]*(?<!['’.])(?<!['’]s)"
# Lowercase particles inside names: "Luiz Inacio Lula da Silva", "Ursula von der Leyen".
PARTICLES = r"(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|ter|bin|ibn|al|el|la|le)"
NAME = rf"(?:{CAPWORD})(?:\s+(?:{PARTICLES}\s+){{0,2}}{CAPWORD}){{0,3}}"


@functools.cache
def heads() -> str:
    """Alternation of title head words, longest first."""
    return trie_pattern(load_language().title_heads)


@functools.cache
def attribution() -> str:
    """Alternation of attribution verbs, longest first."""
    return trie_pattern(load_language().attribution_verbs)
