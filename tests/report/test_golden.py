"""Every format, byte for byte, on a hand-made report, the bundled seeds, and a
corpus with a contradiction. Regenerate: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from checker.report import FORMATS, render
from checker.report.terminal import print_summary
from checker.schema import Report
from tests.report.corpora import make_contradiction, run_root, written
from tests.report.golden import check_golden
from tests.report.sample import sample_report

SUFFIX = {
    "json": "json",
    "md": "md",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit.xml",
    "github": "github.txt",
}


def terminal_text(report: Report) -> str:
    buffer = io.StringIO()
    print_summary(report, Console(file=buffer, no_color=True, width=100, soft_wrap=True))
    return buffer.getvalue()


def check_all(prefix: str, report: Report) -> None:
    for fmt in FORMATS:
        check_golden(f"{prefix}.{SUFFIX[fmt]}", render(report, fmt))
    check_golden(f"{prefix}.terminal.txt", terminal_text(report))


def test_every_format_has_a_golden_suffix() -> None:
    assert set(SUFFIX) == set(FORMATS)


def test_sample_report() -> None:
    check_all("sample", sample_report())


def test_bundled_seeds(seed_root: Path) -> None:
    report = run_root(seed_root)
    check_all("seeds", report)
    # what `checker run` wrote is what `render` returns
    for fmt, name in FORMATS.items():
        if name is not None:
            assert written(seed_root)[name] == render(report, fmt).encode("utf-8")


def test_contradiction_corpus(seed_root: Path) -> None:
    make_contradiction(seed_root)
    check_all("contradiction", run_root(seed_root))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_render_is_deterministic(fmt: str) -> None:
    assert render(sample_report(), fmt) == render(sample_report(), fmt)


def test_two_runs_write_identical_reports(seed_root: Path, tmp_path: Path) -> None:
    """Two roots with the same seeds, run separately: every report is byte-identical."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(seed_root / "seeds", other / "seeds")
    make_contradiction(seed_root)
    make_contradiction(other)
    run_root(seed_root)
    run_root(other)
    first, second = written(seed_root), written(other)
    assert first == second
    run_root(seed_root)  # a re-run over fresh claims changes nothing either
    assert written(seed_root) == first
