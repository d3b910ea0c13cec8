"""Regular expressions for large word lists, built as a trie.

Python's ``re`` tries the branches of an alternation one by one at every
position; a list of 400 aliases then costs 400 comparisons per character. A
trie-shaped pattern (``A(?:rmenia|zerbaijan)|B(?:aku|russels)``) costs one
per character, which keeps entity and title look-ups on the fast path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (no groups) matching exactly the given words, longest match first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(trie) or "(?!)"


def _render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    optional = _END in node
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body
