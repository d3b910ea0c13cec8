"""Report roots built from the bundled seeds: as they are, and with one value changed."""

from __future__ import annotations

import re
from pathlib import Path

from checker import pipeline
from checker.config import load_settings
from checker.report import FORMATS, render
from checker.schema import Report

# A figure several seeds state, changed in one seed to make a contradiction.
SETTLEMENTS = re.compile(r"\b300 settlements\b")


def make_contradiction(root: Path) -> Path:
    """Change "300 settlements" to "250 settlements" in the first seed that has it."""
    for seed in sorted((root / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        if SETTLEMENTS.search(text):
            seed.write_text(SETTLEMENTS.sub("250 settlements", text, count=1), encoding="utf-8")
            return seed
    raise AssertionError("no seed states '300 settlements'")


def run_root(root: Path) -> Report:
    """Run the real pipeline (extract, compare, write reports) on ``root``."""
    return pipeline.run(load_settings(root)).report


def written(root: Path) -> dict[str, bytes]:
    """The bytes of every report file ``checker run`` wrote under ``root/reports``."""
    return {
        name: (root / "reports" / name).read_bytes()
        for name in FORMATS.values()
        if name is not None
    }


def all_formats(report: Report) -> dict[str, str]:
    return {fmt: render(report, fmt) for fmt in FORMATS}


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)>"


def make_hostile(root: Path) -> Path:
    """Put markup into a reported sentence: after the first "300 settlements" phrase."""
    for seed in sorted((root / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        match = SETTLEMENTS.search(text)
        if match:
            hostile = text[: match.end()] + " " + HOSTILE + text[match.end() :]
            seed.write_text(hostile, encoding="utf-8")
            return seed
    raise AssertionError("no seed states '300 settlements'")
