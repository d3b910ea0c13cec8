"""Shared wire copy: which claims' sentences come from one origin.

Agencies' copy is pasted into many articles with small edits ("war" becomes
"conflict", a hedge is added). Agreement between two copies of one wire text is
not independent corroboration, so each finding counts its *independent*
sources: seeds whose claims sit in near-identical passages count once.

Two sentences from different seeds share an origin when they are near-identical
(``wire_copy_threshold``), or similar (``wire_passage_threshold``) and a
neighbouring sentence pair (within two sentences, in the same order) is
similar too: edited wire copy comes in runs, while two independent writers
rarely produce two similar sentences side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.data import fold
from checker.match.blocking import blocked_pairs

_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+")
_NEIGHBOURS = (1, 2)
_MIN_SKELETON = 6  # shorter sentences ("he said") are compared as written
_GAP = 2  # shared sentences this close in one seed belong to one passage
_EDGE = 2  # sentences at a passage's edges that still belong to it
_MAX_NODES_CHECKED = 64  # per weak pair: enough to find support, bounded for huge corpora


@dataclass(frozen=True)
class Sentence:
    seed: str
    index: int  # position among the seed's claim sentences
    text: str


class Origins:
    """Origin id of every (seed, sentence index); sentences shared by no other seed
    have an origin of their own."""

    def __init__(self, origin: dict[tuple[str, int], int], shared: set[int]) -> None:
        self._origin = origin
        self._shared = shared

    def of(self, seed: str, index: int) -> int | None:
        """The shared origin id of a sentence, or ``None`` when only its seed has it."""
        found = self._origin.get((seed, index))
        return found if found is not None and found in self._shared else None


def find_origins(
    sentences: Sequence[Sentence],
    *,
    strong: float,
    weak: float,
    overlap: float = 0.5,
    skeleton: Callable[[str], list[str]] | None = None,
) -> Origins:
    """Group sentences of different seeds that copy one text (see module doc).

    ``skeleton(text)`` gives a sentence's words with spelling, aliases, synonyms,
    figures and dates normalised away: sentences with one skeleton of at least
    ``_MIN_SKELETON`` words count as one text (the copies of a wire story differ
    in exactly those), which keeps the scoring linear in the number of stories
    rather than quadratic in the number of copies.
    """
    texts: list[str] = []
    text_id: dict[str, int] = {}
    node_text: dict[tuple[str, int], int] = {}
    nodes: dict[int, list[tuple[str, int]]] = {}
    for s in sentences:
        folded = _SPACE.sub(" ", fold(s.text)).strip()
        if skeleton is not None:
            words = skeleton(s.text)
            if len(words) >= _MIN_SKELETON:
                folded = " ".join(words)
        tid = text_id.setdefault(folded, len(texts))
        if tid == len(texts):
            texts.append(folded)
        node_text[(s.seed, s.index)] = tid
        nodes.setdefault(tid, []).append((s.seed, s.index))
    tokens = [sorted(set(_WORDS.findall(t))) for t in texts]
    pairs = blocked_pairs(texts, tokens, threshold=weak, overlap=overlap, scorer=fuzz.ratio)

    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    def similar(a: int | None, b: int | None) -> bool:
        if a is None or b is None:
            return False
        return a == b or (min(a, b), max(a, b)) in pairs

    neighbours = _neighbours(nodes, node_text)
    for (a, b), score in sorted(pairs.items()):
        if score >= strong or _supported(a, b, neighbours, similar):
            union(a, b)
    origin = {node: find(tid) for node, tid in node_text.items()}
    seeds_of: dict[int, set[str]] = {}
    for (seed, _), root in origin.items():
        seeds_of.setdefault(root, set()).add(seed)
    shared = {root for root, seeds in seeds_of.items() if len(seeds) > 1}
    return Origins(*_passages(origin, shared))


def _passages(
    origin: dict[tuple[str, int], int], shared: set[int]
) -> tuple[dict[tuple[str, int], int], set[int]]:
    """Widen shared sentences to the passages they form.

    In each seed, shared sentences no more than ``_GAP`` apart form a run; a run
    of two or more is a copied passage. Its sentences, the ones between them and
    up to ``_EDGE`` on either side (edited copy splits, merges and rewrites the
    sentences at its edges) take the passage's origin, and origins that meet in
    one run are one origin.
    """
    parent: dict[int, int] = {root: root for root in shared}

    def find(r: int) -> int:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    by_seed: dict[str, list[int]] = {}
    for (seed, index), root in origin.items():
        if root in shared:
            by_seed.setdefault(seed, []).append(index)
    runs: list[tuple[str, int, int, int]] = []  # seed, first, last, an origin in it
    for seed, indices in sorted(by_seed.items()):
        indices.sort()
        start = prev = indices[0]
        for index in indices[1:]:
            if index - prev <= _GAP:
                a, b = find(origin[(seed, prev)]), find(origin[(seed, index)])
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                if prev > start:
                    runs.append((seed, start, prev, origin[(seed, start)]))
                start = index
            prev = index
        if prev > start:
            runs.append((seed, start, prev, origin[(seed, start)]))
    widened = {node: find(root) if root in shared else root for node, root in origin.items()}
    for seed, first, last, root in runs:
        for index in range(first - _EDGE, last + _EDGE + 1):
            node = (seed, index)
            if node in origin and origin[node] not in shared:
                widened[node] = find(root)
    return widened, {find(root) for root in shared}


def _neighbours(
    nodes: dict[int, list[tuple[str, int]]], node_text: dict[tuple[str, int], int]
) -> dict[tuple[int, int], set[int]]:
    """``(text, direction)`` -> texts found up to two sentences before (-1) or after (+1)
    any copy of the text (the first copies only: enough to find support, bounded)."""
    found: dict[tuple[int, int], set[int]] = {}
    for tid, places in nodes.items():
        for sign in (-1, 1):
            near = found.setdefault((tid, sign), set())
            for seed, index in places[:_MAX_NODES_CHECKED]:
                for step in _NEIGHBOURS:
                    other = node_text.get((seed, index + sign * step))
                    if other is not None:
                        near.add(other)
    return found


def _supported(
    a: int,
    b: int,
    neighbours: dict[tuple[int, int], set[int]],
    similar: Callable[[int | None, int | None], bool],
) -> bool:
    """Whether similar sentences stand next to ``a`` and ``b`` on the same side."""
    for sign in (-1, 1):
        near_b = neighbours[(b, sign)]
        for x in neighbours[(a, sign)]:
            if x in near_b or any(similar(x, y) for y in near_b):
                return True
    return False
