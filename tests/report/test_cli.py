"""``checker report`` and the summary of ``checker run``."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.report import FORMATS, render
from tests.report.corpora import make_contradiction, run_root

ESC = "\x1b["


@pytest.fixture
def ran(seed_root: Path) -> Path:
    make_contradiction(seed_root)
    run_root(seed_root)
    return seed_root


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_to_stdout(ran: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--root", str(ran), "--format", fmt]) == 0
    out = capsys.readouterr().out
    name = FORMATS[fmt]
    if name is not None:  # the same bytes `checker run` wrote
        assert out == (ran / "reports" / name).read_text(encoding="utf-8")
    else:
        assert out.startswith("::")


def test_output_file(ran: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "deep" / "out.sarif"
    assert main(["report", "--root", str(ran), "--format", "sarif", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == (ran / "reports" / "consistency.sarif").read_text(
        encoding="utf-8"
    )


def test_output_to_a_folder_is_an_input_error(
    ran: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "--root", str(ran), "--format", "md", "--output", str(ran)])
    assert code == 2
    assert str(ran) in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(ran: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", "--root", str(ran), "--format", "pdf"])
    assert exc.value.code == 2


def test_summary_lists_counts_and_contradictions(
    ran: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--root", str(ran)]) == 0
    out = capsys.readouterr().out
    assert "contradictions" in out and "single-source" in out
    assert "250 settlements" in out and "seeds/" in out
    assert ESC not in out  # not a terminal: plain text


def test_colour_on_a_terminal_but_never_with_no_color(
    ran: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich's way to treat the output as a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(["report", "--root", str(ran)])
    assert ESC in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["report", "--root", str(ran)])
    assert ESC not in capsys.readouterr().out


def test_run_prints_the_summary(seed_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_contradiction(seed_root)
    assert main(["run", "--root", str(seed_root)]) == 0
    out = capsys.readouterr().out
    assert "contradictions" in out and "Contradictions:" in out
    for name in FORMATS.values():
        if name is not None:
            assert f"wrote {seed_root / 'reports' / name}" in out


def test_render_rejects_unknown_format() -> None:
    from tests.report.sample import sample_report

    with pytest.raises(ValueError, match="unknown report format"):
        render(sample_report(), "pdf")
