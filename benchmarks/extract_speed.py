"""Extraction throughput in MB/s over N generated articles (default 1,000), one core.

Usage: ``.venv/bin/python -m benchmarks.extract_speed [--n 1000] [--seed 0] [--repeat 3]``.
Prints the median of the repeats, per CPU second of this process (the per-core
rate, robust to other load on the machine) and per wall-clock second. The corpus
is made in memory by :func:`benchmarks.corpus.generate`; loading and hashing are
outside the timing,
only :func:`checker.extract.extract_article` is timed (claims files included:
it returns validated models).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

from benchmarks.corpus import generate
from checker.config import Settings
from checker.corpus import Article
from checker.data import load_lexicon
from checker.extract import extract_article
from checker.schema.claims import ArticleMeta
from checker.store import sha256_text


def articles(n: int, seed: int) -> list[Article]:
    return [
        Article(ident, Path(f"{ident}.txt"), text, sha256_text(text), ArticleMeta())
        for ident, text in generate(n, seed)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="extraction throughput (MB/s, one core)")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = articles(args.n, args.seed)
    size = sum(len(a.text.encode("utf-8")) for a in corpus)
    settings = Settings()
    load_lexicon(settings)
    extract_article(corpus[0], settings)  # warm the caches (regexes, data files)
    cpu_rates = []
    wall_rates = []
    claims = 0
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(extract_article(a, settings).claims) for a in corpus)
        cpu_rates.append(size / (time.process_time() - cpu) / 1e6)
        wall_rates.append(size / (time.perf_counter() - wall) / 1e6)
    print(
        f"{args.n} articles, {size / 1e6:.2f} MB, {claims} claims: "
        f"{statistics.median(cpu_rates):.2f} MB/s per core (CPU time), "
        f"{statistics.median(wall_rates):.2f} MB/s wall clock "
        f"(median of {args.repeat}; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
