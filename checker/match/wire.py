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
    sentences: Sequence[Sentence], *, strong: float, weak: float, overlap: float = 0.5
) -> Origins:
    """Group sentences of different seeds that copy one text (see module doc)."""
    texts: list[str] = []
    text_id: dict[str, int] = {}
    node_text: dict[tuple[str, int], int] = {}
    nodes: dict[int, list[tuple[str, int]]] = {}
    for s in sentences:
        folded = _SPACE.sub(" ", fold(s.text)).strip()
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

    for (a, b), score in sorted(pairs.items()):
        if score >= strong or _supported(a, b, nodes, node_text, similar):
            union(a, b)
    origin = {node: find(tid) for node, tid in node_text.items()}
    seeds_of: dict[int, set[str]] = {}
    for (seed, _), root in origin.items():
        seeds_of.setdefault(root, set()).add(seed)
    shared = {root for root, seeds in seeds_of.items() if len(seeds) > 1}
    return Origins(origin, shared)


def _supported(
    a: int,
    b: int,
    nodes: dict[int, list[tuple[str, int]]],
    node_text: dict[tuple[str, int], int],
    similar: Callable[[int | None, int | None], bool],
) -> bool:
    for seed_a, i in nodes[a][:_MAX_NODES_CHECKED]:
        for seed_b, j in nodes[b][:_MAX_NODES_CHECKED]:
            if seed_a == seed_b:
                continue
            for step in _NEIGHBOURS:
                for sign in (-1, 1):
                    for step_b in _NEIGHBOURS:
                        na = node_text.get((seed_a, i + sign * step))
                        nb = node_text.get((seed_b, j + sign * step_b))
                        if similar(na, nb):
                            return True
    return False
