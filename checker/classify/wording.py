"""What differs between two wordings of one fact: spelling, wording, and a word diff."""

from __future__ import annotations

import difflib
import re

from checker.data import fold
from checker.match.vocabulary import Vocabulary

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")
_SPACE = re.compile(r"\s+")
_BARE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")  # words without punctuation, for diffs


def squash(text: str) -> str:
    """Whitespace collapsed: the text as an editor compares it."""
    return _SPACE.sub(" ", text).strip()


def wording_differences(a: str, b: str, vocabulary: Vocabulary) -> list[str]:
    """``[]`` when the texts are the same; ``["spelling"]`` when they differ only in case,
    diacritics, aliases or spelling variants; else ``["wording"]``."""
    if squash(a) == squash(b):
        return []
    if _folded_words(a) == _folded_words(b):
        return ["spelling"]
    if _spelled_words(a, vocabulary) == _spelled_words(b, vocabulary):
        return ["spelling"]
    return ["wording"]


def _folded_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if w.isalnum() or "-" in w or "'" in w]


def _spelled_words(text: str, vocabulary: Vocabulary) -> list[str]:
    # Aliases and spelling variants only (not synonyms): "Erdoğan"/"Erdogan",
    # "Defense"/"Defence", "Türkiye"/"Turkey".
    return [vocabulary.spelling(w) for w in _folded_words(text)]


def word_diff(a: str, b: str) -> str:
    """A one-line word diff of ``a`` -> ``b``: ``[-removed-] {+added+}``."""
    wa, wb = _BARE.findall(a), _BARE.findall(b)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(wa[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(out)


def changed_words(a: str, b: str) -> tuple[list[str], list[str]]:
    """Words only in ``a`` and words only in ``b`` (in order), after folding."""
    wa, wb = _folded_words(a), _folded_words(b)
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    only_a: list[str] = []
    only_b: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            only_a.extend(wa[i1:i2])
            only_b.extend(wb[j1:j2])
    return only_a, only_b
