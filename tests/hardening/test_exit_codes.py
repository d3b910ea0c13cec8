"""Exit codes: 2 names the user's mistake, 3 is a bug (one line, where to report it),
``--debug`` / ``CHECKER_DEBUG=1`` show the traceback; a crash is never exit 1."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from checker import pipeline
from checker.cli import EXIT_INPUT, EXIT_INTERNAL, REPORT_TO, main, one_line
from tests.hardening.conftest import Cli


def _explode(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("division by zero")


def test_an_internal_error_exits_3_with_one_line_and_where_to_report(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "run", _explode)
    result = cli("run", "--root", str(root))
    assert result.code == EXIT_INTERNAL == 3
    assert result.err.count("\n") == 1
    assert result.err.startswith("checker: internal error: ZeroDivisionError: division by zero")
    assert REPORT_TO in result.err and "--debug" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_debug_shows_the_traceback(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.setattr(pipeline, "run", _explode)
    args = ["run", "--root", str(root)]
    if where == "before":
        args.insert(0, "--debug")
    elif where == "after":
        args.append("--debug")
    else:
        monkeypatch.setenv("CHECKER_DEBUG", "1")
    result = cli(*args)
    assert result.code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in result.err
    assert "_explode" in result.err
    assert result.err.splitlines()[-1].startswith("checker: internal error: ZeroDivisionError")


def test_debug_shows_the_traceback_of_an_input_error_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKER_DEBUG", "1")
    assert main(["extract", "--root", str(tmp_path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.splitlines()[-1].endswith("seeds folder not found")


def test_checker_debug_0_is_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHECKER_DEBUG", "0")
    assert main(["extract", "--root", str(tmp_path)]) == EXIT_INPUT
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied", "reports/x.json"), "reports/x.json"),
        (OSError(errno.EROFS, "Read-only file system", "reports"), "reports: Read-only"),
    ],
)
def test_errors_of_the_machine_are_input_errors_naming_the_file(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(pipeline, "run", fail)
    result = cli("run", "--root", str(root))
    assert result.code == EXIT_INPUT
    assert result.err.startswith("checker: error: ") and expected in result.err
    assert result.err.count("\n") == 1


def test_an_oserror_that_names_no_file_is_a_bug(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(pipeline, "run", fail)
    assert cli("run", "--root", str(root)).code == EXIT_INTERNAL


def test_control_characters_in_a_message_are_shown_escaped() -> None:
    assert one_line("a\nb\x1b[31m\u202e") == "a b\\x1b[31m\\u202e"


def test_the_console_script_exits_3_on_a_bug(tmp_path: Path) -> None:
    """End to end through ``python -m checker``: the code CI reads is 3, not 1."""
    code = (
        "import sys, checker.pipeline as p\n"
        "def boom(*a, **k): raise KeyError('x')\n"
        "p.run = boom\n"
        "from checker.cli import main\n"
        f"sys.exit(main(['run', '--root', {str(tmp_path)!r}]))\n"
    )
    (tmp_path / "seeds").mkdir()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 3
    assert done.stderr.startswith("checker: internal error: KeyError: 'x'")
    assert "Traceback" not in done.stderr
