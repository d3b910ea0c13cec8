"""Blocked candidate pairs, scored with rapidfuzz on all cores.

Comparing every key with every other grows with the square of the corpus. We
block instead (prefix filtering): each key's tokens are sorted by corpus
frequency, and a key *probes* only with its rarest tokens (its prefix) the
keys that contain them. Two keys of which one shares at least ``overlap`` of
its tokens with the other always meet this way, whichever is shorter, so the
pairs a subset-friendly scorer ranks high ("clashes erupted" / "new clashes
erupted with ...") are still scored. The oracle test in ``tests/compare``
checks the recall against the naive all-pairs matcher.

Large blocks are scored as one ``process.cdist`` matrix; the pairs of small
blocks are collected and scored in one ``process.cpdist`` call, because each
call costs far more than a few pairs. Keys are sorted-token strings, so
``fuzz.ratio`` on them is ``token_sort_ratio`` at a fraction of its cost.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

Scorer = Callable[..., float]
Pairs = dict[tuple[int, int], float]
_MATRIX_CELLS = 4096  # blocks with at least this many pairs are scored as a matrix
_MAX_POSTINGS = 256  # keys holding one token, above which it only meets prefixes


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
) -> Pairs:
    """Score the pairs ``(i, j)``, ``i < j``, where one key's prefix meets the other key.

    ``texts`` are distinct key strings, ``tokens`` their distinct tokens. Returns
    the pairs scoring at least ``threshold`` (0-100) with their scores.
    """
    frequency: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    for i, toks in enumerate(tokens):
        frequency.update(toks)
        for token in toks:
            postings.setdefault(token, []).append(i)
    probes: dict[str, list[int]] = {}
    for i, toks in enumerate(tokens):
        for token in prefix_tokens(toks, frequency, overlap):
            probes.setdefault(token, []).append(i)
    pairs: Pairs = {}
    small: set[tuple[int, int]] = set()
    size = [len(t) for t in tokens]
    for token in sorted(probes):
        rows, cols = probes[token], postings[token]
        if len(cols) < 2:
            continue
        if len(cols) > _MAX_POSTINGS:
            # A token this common names no fact on its own: keys meet through it
            # only when both have it among their rarest tokens.
            cols = rows
        else:
            # Each pair is found from its shorter key: that is the one whose
            # rarest tokens the other must contain.
            shortest = min(size[i] for i in rows)
            cols = [j for j in cols if size[j] >= shortest]
        if len(rows) * len(cols) >= _MATRIX_CELLS:
            _score_matrix(texts, rows, cols, threshold, scorer, pairs)
        else:
            small.update((a, b) if a < b else (b, a) for a in rows for b in cols if a != b)
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
        for pair, score in zip(todo, scores.tolist(), strict=True):
            if score >= threshold:
                pairs[pair] = float(score)
    return pairs


def _score_matrix(
    texts: Sequence[str],
    rows: list[int],
    cols: list[int],
    threshold: float,
    scorer: Scorer,
    pairs: Pairs,
) -> None:
    matrix = process.cdist(
        [texts[i] for i in rows],
        [texts[j] for j in cols],
        scorer=scorer,
        score_cutoff=threshold,
        workers=-1,
        dtype=np.float32,
    )
    r, c = np.nonzero(matrix >= threshold)
    if not len(r):
        return
    a = np.asarray(rows, dtype=np.int64)[r]
    b = np.asarray(cols, dtype=np.int64)[c]
    keep = a != b
    low, high = np.minimum(a, b)[keep].tolist(), np.maximum(a, b)[keep].tolist()
    # A pair met in several blocks has one score: updating again changes nothing.
    pairs.update(zip(zip(low, high, strict=True), matrix[r, c][keep].tolist(), strict=True))


def all_pairs(texts: Sequence[str], *, threshold: float, scorer: Scorer = fuzz.ratio) -> Pairs:
    """Every pair scoring at least ``threshold``: the naive all-pairs matcher the blocked
    one is measured against (benchmarks, tests)."""
    if len(texts) < 2:
        return {}
    matrix = process.cdist(
        texts, texts, scorer=scorer, score_cutoff=threshold, workers=-1, dtype=np.float32
    )
    rows, cols = np.nonzero(np.triu(matrix, k=1) >= threshold)
    return {(r, c): float(matrix[r, c]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)}
