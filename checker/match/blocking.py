"""Blocked candidate pairs, scored with rapidfuzz ``process.cdist`` on all cores.

Comparing every key with every other grows with the square of the corpus. We
block instead: a key is only scored against keys that share one of its *rare*
tokens (prefix filtering: tokens sorted by corpus frequency, the rarest
``prefix`` of them indexed). Two keys that share at least ``overlap`` of their
tokens always share a prefix token, so every pair that can reach the threshold
in practice is still scored; the oracle test in ``tests/compare`` checks that
recall against the naive all-pairs matcher.

Keys are sorted-token strings, so ``fuzz.ratio`` on them is ``token_sort_ratio``
at a fraction of its cost.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

Scorer = Callable[..., float]
_MATRIX_BLOCK = 48  # blocks at least this big are scored with one cdist call
Pairs = dict[tuple[int, int], float]


def prefix_tokens(tokens: Sequence[str], frequency: Counter[str], overlap: float) -> list[str]:
    """The rarest tokens of a key that any key sharing ``overlap`` of its tokens must share."""
    if not tokens:
        return []
    ordered = sorted(tokens, key=lambda t: (frequency[t], t))
    keep = len(ordered) - math.ceil(overlap * len(ordered)) + 1
    return ordered[: max(1, keep)]


def blocked_pairs(
    texts: Sequence[str],
    tokens: Sequence[Sequence[str]],
    *,
    threshold: float,
    overlap: float,
    scorer: Scorer = fuzz.ratio,
    on_block: Callable[[int, int], None] | None = None,
) -> Pairs:
    """Score the pairs ``(i, j)``, ``i < j``, that share a prefix token.

    ``texts`` are distinct key strings, ``tokens`` their distinct tokens. Returns
    the pairs scoring at least ``threshold`` (0-100) with their scores.
    ``on_block(done, total)`` is called as blocks are scored.
    """
    frequency: Counter[str] = Counter()
    for toks in tokens:
        frequency.update(toks)
    index: dict[str, list[int]] = {}
    for i, toks in enumerate(tokens):
        for token in prefix_tokens(toks, frequency, overlap):
            index.setdefault(token, []).append(i)
    blocks = [members for _, members in sorted(index.items()) if len(members) > 1]
    pairs: Pairs = {}
    # Big blocks are scored as a matrix; the pairs of small ones are collected and
    # scored together, because each cdist call costs far more than a few pairs.
    small: set[tuple[int, int]] = set()
    for done, members in enumerate(blocks, start=1):
        if len(members) >= _MATRIX_BLOCK:
            _score_block(texts, members, threshold, scorer, pairs)
        else:
            small.update((a, b) for x, a in enumerate(members) for b in members[x + 1 :] if a != b)
        if on_block is not None:
            on_block(done, len(blocks))
    todo = sorted(p for p in small if p not in pairs)
    if todo:
        scores = process.cpdist(
            [texts[a] for a, _ in todo],
            [texts[b] for _, b in todo],
            scorer=scorer,
            score_cutoff=threshold,
            workers=-1,
            dtype=np.float32,
        )
        for (a, b), score in zip(todo, scores.tolist(), strict=True):
            if score >= threshold:
                pairs[(a, b)] = float(score)
    return pairs


def _score_block(
    texts: Sequence[str], members: list[int], threshold: float, scorer: Scorer, pairs: Pairs
) -> None:
    strings = [texts[i] for i in members]
    matrix = process.cdist(
        strings, strings, scorer=scorer, score_cutoff=threshold, workers=-1, dtype=np.float32
    )
    rows, cols = np.nonzero(np.triu(matrix, k=1) >= threshold)
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        a, b = members[r], members[c]
        pair = (a, b) if a < b else (b, a)
        if pair not in pairs:
            pairs[pair] = float(matrix[r, c])


def all_pairs(texts: Sequence[str], *, threshold: float, scorer: Scorer = fuzz.ratio) -> Pairs:
    """Every pair scoring at least ``threshold``: the slow reference the blocked matcher
    is measured against (and the fallback for tiny inputs, where it is cheaper)."""
    if len(texts) < 2:
        return {}
    matrix = process.cdist(
        texts, texts, scorer=scorer, score_cutoff=threshold, workers=-1, dtype=np.float32
    )
    rows, cols = np.nonzero(np.triu(matrix, k=1) >= threshold)
    return {(r, c): float(matrix[r, c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)}
