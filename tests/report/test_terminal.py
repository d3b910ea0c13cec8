"""The terminal summary: counts, one line per contradiction, article text never markup."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from checker.cli import main
from checker.report.terminal import print_summary
from checker.schema import Report, Verdict
from tests.report.sample import sample_report


def summary(report: Report, *, colour: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=100, soft_wrap=True, force_terminal=colour, no_color=not colour
    )
    print_summary(report, console)
    return buffer.getvalue()


def test_counts_and_one_line_per_contradiction() -> None:
    report = sample_report()
    lines = summary(report).splitlines()
    assert lines[0].split() == [
        "sources",
        "claims",
        "facts",
        "agreements",
        "variances",
        "updates",
        "contradictions",
        "single-source",
    ]
    assert lines[2].split() == ["3", "21", "10", "1", "2", "1", "4", "2"]
    contradictions = [f for f in report.findings if f.verdict is Verdict.CONTRADICTION]
    start = lines.index("Contradictions: 2 uncertain, listed last") + 1
    end = lines.index("Updates (one figure over time):")
    listed = lines[start:end]
    assert len(listed) == len(contradictions)
    # ranked: confident ones by confidence, then the uncertain ones
    assert "seeds/beta.txt:2" in listed[0] and "Some 250 settlements" in listed[0]
    assert "(confidence 0.80)" in listed[0]
    assert listed[1].endswith("[accepted]") and "(confidence 0.75)" in listed[1]
    assert "(uncertain, confidence 0.90)" in listed[2] and listed[2].endswith("[dismissed]")
    assert listed[3].startswith("  ? tanks lost by Armenia (uncertain, confidence 0.45)")
    assert lines[end + 1 :] == [
        "  \u2197 soldiers killed: 150 soldiers (30 Sep) \u2192 381 soldiers (5 Oct) "
        "\u2192 Close to 600 soldiers (9 Oct)"
    ]


def test_the_table_fits_80_columns() -> None:
    buffer = io.StringIO()
    print_summary(sample_report(), Console(file=buffer, width=80, no_color=True))
    header = buffer.getvalue().splitlines()[0]
    assert len(header) <= 80 and "\u2026" not in header
    assert header.split()[-3:] == ["updates", "contradictions", "single-source"]


def test_brackets_in_article_text_print_literally() -> None:
    report = sample_report()
    finding = report.findings[0]
    claim = finding.claims[0].model_copy(update={"text": "[bold red]300[/bold red] [link=x]y"})
    hostile = finding.model_copy(update={"claims": [claim, *finding.claims[1:]]})
    report = report.model_copy(update={"findings": [hostile, *report.findings[1:]]})
    for colour in (False, True):
        assert "[bold red]300[/bold red] [link=x]y" in summary(report, colour=colour)


def test_no_styles_without_colour() -> None:
    assert "\x1b[" not in summary(sample_report())
    assert "\x1b[" in summary(sample_report(), colour=True)


def test_report_output_without_format_writes_the_plain_summary(
    seed_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--root", str(seed_root)]) == 0
    capsys.readouterr()
    target = tmp_path / "summary.txt"
    assert main(["report", "--root", str(seed_root), "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("sources") and "\x1b[" not in text


def test_a_fact_of_many_sources_stays_one_line_within_the_width() -> None:
    report = sample_report()
    finding = next(
        f for f in report.findings if f.verdict is Verdict.CONTRADICTION and not f.uncertain
    )
    many = [
        claim.model_copy(update={"seed": f"s{i:03d}"})
        for i in range(150)
        for claim in finding.claims
    ]
    big = finding.model_copy(update={"claims": many})
    crowded = report.model_copy(update={"findings": [big]})
    piped = [line for line in summary(crowded).splitlines() if line.startswith("  ✗")]
    assert len(piped) == 1 and "and 149 more" in piped[0]  # one side per value, counted
    buffer = io.StringIO()
    print_summary(crowded, Console(file=buffer, width=60, force_terminal=True, no_color=True))
    shown = [line for line in buffer.getvalue().splitlines() if line.startswith("  ✗")]
    assert len(shown) == 1 and len(shown[0]) <= 60 and shown[0].endswith("…")
