"""The naive all-pairs matcher: the slow, obvious oracle for the blocked matcher.

Every key is scored against every other key of its pool with the same scorer
and guard; no blocking, no cdist. Tests check that the blocked matcher finds
(almost) every pair this one finds.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.match.blocking import Scorer
from checker.match.keys import MatchKey, compatible


def naive_pairs(keys: Sequence[MatchKey], threshold: float, scorer: Scorer) -> set[tuple[int, int]]:
    found = set()
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if not keys[i].tokens or not keys[j].tokens or not compatible(keys[i], keys[j]):
                continue
            if scorer(keys[i].text, keys[j].text) >= threshold:
                found.add((i, j))
    return found
