"""Full ``checker run`` time over generated corpora, stage by stage.

Usage: ``.venv/bin/python -m benchmarks.run_speed [--sizes 1000 5000 10000] [--seed 0]
[--keep DIR]``

For each size, writes ``benchmarks.corpus.generate(n)`` as ``seeds/`` of a fresh
root and times, in process, the stages of :func:`checker.pipeline.run`:
extraction (claims files written), comparison (claims read and validated,
facts, verdicts), and writing every report format. The target is a full run
over 10,000 articles in under 90 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from checker import pipeline
from checker.config import load_settings
from checker.report import FORMATS


def run_once(
    root: Path, n: int, seed: int, formats: tuple[str, ...] | None
) -> tuple[float, float, dict[str, float], int, int]:
    """Times of extraction, comparison and each report format (seconds)."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for ident, text in generate(n, seed):
        path = root / "seeds" / f"{ident}.txt"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    settings = load_settings(root)
    t0 = time.perf_counter()
    extraction = pipeline.extract(settings)
    t1 = time.perf_counter()
    report = pipeline.compare(settings, known=extraction.claim_files)
    t2 = time.perf_counter()
    reports: dict[str, float] = {}
    for fmt in FORMATS if formats is None else formats:
        start = time.perf_counter()
        pipeline.write_reports(settings, report, (fmt,))
        reports[fmt] = time.perf_counter() - start
    return t1 - t0, t2 - t1, reports, report.summary.claims, len(report.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="full checker run time by corpus size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the roots under this folder (a kept root's fresh "
        "claims are reused, so extraction is skipped on a second run)",
    )
    parser.add_argument("--formats", nargs="+", help="report formats to write (default: all)")
    args = parser.parse_args(argv)
    print(f"# {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print("articles   claims  findings  extract_s  compare_s  reports_s    total_s  per format")
    for n in args.sizes:
        base = args.keep or Path(tempfile.mkdtemp(prefix="checker-run-"))
        root = base / f"n{n}"
        formats = tuple(args.formats) if args.formats else None
        extract_s, compare_s, reports, claims, findings = run_once(root, n, args.seed, formats)
        reports_s = sum(reports.values())
        total = extract_s + compare_s + reports_s
        detail = " ".join(f"{fmt}={secs:.1f}" for fmt, secs in reports.items())
        print(
            f"{n:8d} {claims:8d} {findings:9d} {extract_s:10.2f} {compare_s:10.2f} "
            f"{reports_s:10.2f} {total:10.2f}  {detail}",
            flush=True,
        )
        if args.keep is None:
            shutil.rmtree(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
