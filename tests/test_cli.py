"""CLI contract: exit codes 0 / 2, one-line errors naming the file, --root everywhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checker.cli import build_parser


def checker(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd
    )


def test_every_command_takes_root() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    choices = subparsers.choices  # type: ignore[attr-defined]
    assert choices
    for name, sub in choices.items():
        options = {o for action in sub._actions for o in action.option_strings}
        assert "--root" in options, name


def test_usage_error_exits_2() -> None:
    result = checker("no-such-command")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_missing_seeds_folder_exits_2_with_the_path(tmp_path: Path) -> None:
    result = checker("extract", "--root", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"checker: error: {tmp_path / 'seeds'}: seeds folder not found"
    assert "Traceback" not in result.stderr
