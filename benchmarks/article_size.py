"""Cost against an article's length: one long article of ordinary news prose.

Usage: ``.venv/bin/python -m benchmarks.article_size [--small 100000] [--large 2000000]``.

Builds one article of ``--small`` characters and one of ``--large`` from distinct
generated articles (:func:`benchmarks.corpus.generate`: every paragraph differs, so the
extractor's "a repeated sentence is read once" does not shorten the work), extracts each
in a fresh process and prints CPU seconds and peak memory of both, and their ratios
against the ratio of the sizes. Near-linear cost means a time ratio close to the size
ratio; memory grows less (the interpreter and data are a fixed part). The issue on
hardening asks that a 2 MB article costs in proportion to a 100 KB one.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import generate

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from checker.config import Settings
from checker.corpus import Article
from checker.extract import extract_article
from checker.schema.claims import ArticleMeta
from checker.store import sha256_text
text = Path(sys.argv[1]).read_text("utf-8")
article = Article("big", Path("big.txt"), text, sha256_text(text), ArticleMeta())
extract_article(article, Settings())  # load data files and warm caches on a copy
start = time.process_time()
claims = extract_article(article, Settings()).claims
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kb": peak, "claims": len(claims)}))
"""


_THE = re.compile(r"\b(the|The)\b")
_WORDS = ("new", "old", "main", "local", "late", "early", "first", "other")


def article_of(size: int) -> str:
    """One article of ``size`` characters made of generated articles, each made distinct
    ("the" becomes "the new12", "the old13", ...) so that no sentence repeats."""
    parts: list[str] = []
    total = 0
    for index, (_, text) in enumerate(generate(max(1, size // 2000), seed=7)):
        word = f"{_WORDS[index % len(_WORDS)]}{index}"
        marked = _THE.sub(lambda m, word=word: f"{m.group(1)} {word}", text)  # type: ignore[misc]
        parts.append(marked)
        total += len(marked) + 2
        if total >= size:
            break
    return "\n\n".join(parts)[:size]


def measure(text: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, "utf-8")
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="extraction cost against article length")
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--large", type=int, default=2_000_000)
    args = parser.parse_args(argv)
    small, large = measure(article_of(args.small)), measure(article_of(args.large))
    size_ratio = args.large / args.small
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name, size, got in (("small", args.small, small), ("large", args.large, large)):
        print(
            f"{name}: {size:,} chars, {got['claims']:,.0f} claims, "
            f"{got['seconds']:.2f} CPU s, peak {got['peak_kb'] / 1024:.0f} MB"
        )
    print(
        f"size x{size_ratio:.1f}: time x{large['seconds'] / small['seconds']:.1f}, "
        f"memory x{large['peak_kb'] / small['peak_kb']:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
