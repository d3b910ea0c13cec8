"""Matcher speed: blocked vs naive all-pairs scoring, and the whole comparison, by corpus size.

Usage: ``.venv/bin/python -m benchmarks.matcher_speed [--sizes 1000 5000 10000] [--seed 0]``

Claims come from the generated corpus of ``tests/compare/corpus_gen.py`` (stories
restated with rewordings, plus single-source facts), so no extraction is timed.
For each size it prints the distinct keys, the time of the blocked matcher and
of the naive one (every key against every key of its pool, same scorer and
guards: ``process.cdist`` on all cores), their ratio, the pairs each finds
(recall of the blocked one), and the time of the full in-memory ``compare``.
The naive matcher is skipped above ``--naive-max`` keys per pool, where it
would take minutes: its time is then extrapolated quadratically from the first
``--naive-max`` keys and marked ``~``, and the recall column covers only the pools
where the naive matcher did run.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from checker.comparison import compare
from checker.config import Settings
from checker.data import load_lexicon
from checker.match import MatchKey, Vocabulary, match_key
from checker.match.facts import pool_scorer, pool_threshold, score_keys
from checker.schema import ClaimFile
from tests.compare.corpus_gen import Generator


def _pools(files: list[ClaimFile], vocabulary: Vocabulary) -> dict[str, list[MatchKey]]:
    pools: dict[str, dict[str, MatchKey]] = {}
    for f in files:
        for c in f.claims:
            key = match_key(c, vocabulary)
            pools.setdefault(key.pool, {})[key.ident] = key
    return {pool: [keys[k] for k in sorted(keys)] for pool, keys in sorted(pools.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="blocked vs naive matcher speed")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--naive-max", type=int, default=40000)
    args = parser.parse_args(argv)
    settings = Settings(root=Path(tempfile.mkdtemp()))
    vocabulary = Vocabulary(load_lexicon(settings))
    print(f"# {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print("articles  claims    keys  blocked_s  naive_s   ratio  pairs_naive  recall  compare_s")
    for n in args.sizes:
        files = Generator(args.seed).claim_files(n)
        claims = sum(len(f.claims) for f in files)
        pools = _pools(files, vocabulary)
        blocked_s = naive_s = 0.0
        found = expected = 0
        estimated = False
        for pool, keys in pools.items():
            threshold = pool_threshold(pool, settings)
            scorer = pool_scorer(pool)
            overlap = settings.match.prefix_overlap
            t0 = time.perf_counter()
            blocked = score_keys(keys, threshold, overlap, scorer=scorer)
            blocked_s += time.perf_counter() - t0
            if len(keys) <= args.naive_max:
                t0 = time.perf_counter()
                naive = score_keys(keys, threshold, overlap, scorer=scorer, blocked=False)
                naive_s += time.perf_counter() - t0
                found += len(set(blocked) & set(naive))
                expected += len(naive)
            else:
                sample = keys[: args.naive_max]
                t0 = time.perf_counter()
                score_keys(sample, threshold, overlap, scorer=scorer, blocked=False)
                naive_s += (time.perf_counter() - t0) * (len(keys) / len(sample)) ** 2
                estimated = True
        t0 = time.perf_counter()
        compare(files, settings)
        compare_s = time.perf_counter() - t0
        keys_total = sum(len(k) for k in pools.values())
        mark = "~" if estimated else " "
        recall = f"{found / expected:.4f}" if expected else "-"
        print(
            f"{n:8d} {claims:7d} {keys_total:7d} {blocked_s:10.2f} {mark}{naive_s:7.2f} "
            f"{naive_s / blocked_s:7.1f} {expected:12d} {recall:>7} {compare_s:10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
