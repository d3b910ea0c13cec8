"""`checker decide` and `checker decisions`, with the comparator swapped for hand-made findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker import pipeline
from checker.cli import main
from checker.config import Settings
from checker.schema import Report
from tests.review.fixtures import BUDGET, DEBATE, make_report


@pytest.fixture
def findings(monkeypatch: pytest.MonkeyPatch) -> Report:
    """Make `pipeline.compare` return the hand-made report (the CLI's only way to findings)."""
    report = make_report()

    def compare(settings: Settings, **_: object) -> Report:
        return report

    monkeypatch.setattr(pipeline, "compare", compare)
    return report


def review_lines(root: Path) -> list[dict[str, object]]:
    path = root / "reports" / "review.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_decide_records_a_decision_with_the_finding(
    findings: Report, review_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["decide", BUDGET.fingerprint, "dismissed", "--reviewer", "Ann", "--root"]
    assert main([*args, str(review_root)]) == 0
    (line,) = review_lines(review_root)
    assert line["fingerprint"] == BUDGET.fingerprint
    assert line["decision"] == "dismissed"
    assert line["fact"] == BUDGET.fact
    assert "dismissed" in capsys.readouterr().out


def test_decide_an_unknown_fingerprint_exits_2_with_the_reason(
    findings: Report, review_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unknown = "quantity:0000000000000000"
    code = main(["decide", unknown, "confirmed", "--reviewer", "A", "--root", str(review_root)])
    assert code == 2
    assert "no finding has fingerprint 'quantity:0000000000000000'" in capsys.readouterr().err
    assert not (review_root / "reports" / "review.jsonl").exists()


def test_decide_accepted_without_a_note_exits_2(
    findings: Report, review_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["decide", BUDGET.fingerprint, "accepted", "--reviewer", "A", "--root", str(review_root)]
    )
    assert code == 2
    assert "note" in capsys.readouterr().err


def test_decide_rejects_an_unknown_decision(review_root: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["decide", BUDGET.fingerprint, "maybe", "--reviewer", "A", "--root", str(review_root)])
    assert exit_info.value.code == 2


def test_decisions_lists_current_and_stale(
    findings: Report,
    review_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = str(review_root)
    main(["decide", BUDGET.fingerprint, "in_progress", "--reviewer", "Ann", "--root", root])
    main(["decide", DEBATE.fingerprint, "dismissed", "--reviewer", "Bo", "--root", root])
    main(["decide", BUDGET.fingerprint, "confirmed", "--reviewer", "Cy", "--root", root])
    capsys.readouterr()

    assert main(["decisions", "--root", root]) == 0
    out = capsys.readouterr()
    rows = [line.split("\t") for line in out.out.splitlines()]
    assert [(r[0], r[1], r[2]) for r in rows] == sorted(
        [(BUDGET.fingerprint, "confirmed", "Cy"), (DEBATE.fingerprint, "dismissed", "Bo")]
    )
    assert "2 current decision(s)" in out.err

    # The debate finding vanishes (say, a seed was corrected): its decision becomes stale.
    smaller = findings.model_copy(
        update={"findings": [f for f in findings.findings if f.fingerprint != DEBATE.fingerprint]}
    )
    monkeypatch.setattr(pipeline, "compare", lambda settings, **_: smaller)
    assert main(["decisions", "--stale", "--root", root]) == 0
    out = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.out.splitlines()] == [DEBATE.fingerprint]
    assert DEBATE.fact in out.out
    assert "1 stale decision(s)" in out.err


def test_decisions_reports_a_torn_line_and_goes_on(
    findings: Report, review_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(review_root)
    main(["decide", BUDGET.fingerprint, "confirmed", "--reviewer", "Ann", "--root", root])
    path = review_root / "reports" / "review.jsonl"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"fingerprint": "quantity:')
    capsys.readouterr()
    assert main(["decisions", "--root", root]) == 0
    out = capsys.readouterr()
    assert f"{path}:2: incomplete last line" in out.err
    assert BUDGET.fingerprint in out.out


def test_the_queue_holds_contradictions_and_variances_only_when_the_gate_blocks_on_them(
    review_root: Path,
) -> None:
    from checker.cli.review_cmd import queue_verdicts
    from checker.config import load_settings
    from checker.schema import Verdict

    assert queue_verdicts(load_settings(review_root)) == {Verdict.CONTRADICTION}
    (review_root / "pyproject.toml").write_text(
        "[tool.checker.gate]\nfail_on_variance = true\n", encoding="utf-8"
    )
    strict = queue_verdicts(load_settings(review_root))
    assert strict == {Verdict.CONTRADICTION, Verdict.VARIANCE}
    assert Verdict.UPDATE not in strict
