"""The bad-input matrix of issue 9: each case is one clear line naming the file,
exit 2 (or the documented policy code), never a traceback, and nothing read from
outside the root.

A case is ``(setup, command, exit code, fragments of the message)``; ``setup``
prepares a fresh copy of a built root and returns the file the message must name.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.fileio import dumps_canonical
from tests.hardening.conftest import Cli, a_seed

OUTSIDE = "THE SECRET LINE OUTSIDE THE ROOT"
Setup = Callable[[Path], str]


def _outside(root: Path) -> Path:
    secret = root.parent / "outside.txt"
    secret.write_text(f"{OUTSIDE}. The mayor said 300 people came on Monday.\n", "utf-8")
    return secret


def seed_symlink(root: Path) -> str:
    (root / "seeds" / "pw.txt").symlink_to(_outside(root))
    return "seeds/pw.txt"


def seed_fifo(root: Path) -> str:
    os.mkfifo(root / "seeds" / "pipe.txt")
    return "seeds/pipe.txt"


def seed_directory(root: Path) -> str:
    (root / "seeds" / "folder.txt").mkdir()
    return "seeds/folder.txt"


def seed_device(root: Path) -> str:
    (root / "seeds" / "zero.txt").symlink_to("/dev/zero")
    return "seeds/zero.txt"


def sidecar_symlink(root: Path) -> str:
    seed = a_seed(root)
    sidecar = root / "seeds" / f"{seed}.toml"
    sidecar.unlink(missing_ok=True)
    sidecar.symlink_to(_outside(root))
    return f"seeds/{seed}.toml"


def long_seed_id(root: Path) -> str:
    name = "a" * 250 + ".txt"
    (root / "seeds" / name).write_text("The mayor said 300 people came on Monday.\n", "utf-8")
    return f"seeds/{name}"


def big_seed(root: Path) -> str:
    (root / "pyproject.toml").write_text("[tool.checker]\nmax_seed_bytes = 1000\n", "utf-8")
    return f"seeds/{a_seed(root)}.txt"


def huge_sparse_seed(root: Path) -> str:
    """A 10 GB seed that takes no disk: refused after reading the limit, not 10 GB."""
    path = root / "seeds" / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024**3)
    return "seeds/huge.txt"


def deep_pyproject(root: Path) -> str:
    deep = "[" * 5000 + "]" * 5000
    (root / "pyproject.toml").write_text(f"[tool.checker]\nx = {deep}\n", "utf-8")
    return "pyproject.toml"


def deep_sidecar(root: Path) -> str:
    seed = a_seed(root)
    deep = "[" * 5000 + "]" * 5000
    (root / "seeds" / f"{seed}.toml").write_text(f"x = {deep}\n", "utf-8")
    return f"seeds/{seed}.toml"


def latin1_pyproject(root: Path) -> str:
    (root / "pyproject.toml").write_bytes(b"# caf\xe9\n[tool.checker]\n")
    return "pyproject.toml"


def pyproject_directory(root: Path) -> str:
    (root / "pyproject.toml").mkdir()
    return "pyproject.toml"


def _config(text: str) -> Setup:
    def setup(root: Path) -> str:
        (root / "pyproject.toml").write_text(text, "utf-8")
        return "pyproject.toml"

    return setup


def _claims_file(root: Path) -> Path:
    return root / "claims" / f"{a_seed(root)}.json"


def claims_path_directory(root: Path) -> str:
    path = _claims_file(root)
    path.unlink()
    path.mkdir()
    return str(path.relative_to(root))


def claims_path_symlink(root: Path) -> str:
    path = _claims_file(root)
    target = root.parent / "elsewhere.json"
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)
    return str(path.relative_to(root))


def claims_folder_is_a_file(root: Path) -> str:
    for path in (root / "claims").iterdir():
        path.unlink()
    (root / "claims").rmdir()
    (root / "claims").write_text("not a folder\n", "utf-8")
    return "claims"


def reports_folder_is_a_file(root: Path) -> str:
    for path in (root / "reports").iterdir():
        path.unlink()
    (root / "reports").rmdir()
    (root / "reports").write_text("not a folder\n", "utf-8")
    return "reports"


def review_file_directory(root: Path) -> str:
    (root / "reports" / "review.jsonl").mkdir()
    return "reports/review.jsonl"


def review_file_symlink(root: Path) -> str:
    (root / "reports" / "review.jsonl").symlink_to(_outside(root))
    return "reports/review.jsonl"


def review_file_fifo(root: Path) -> str:
    os.mkfifo(root / "reports" / "review.jsonl")
    return "reports/review.jsonl"


CASES: list[tuple[str, Setup, str, int, list[str]]] = [
    ("seed symlink", seed_symlink, "run", 2, ["seed is a symbolic link"]),
    ("seed symlink (gate)", seed_symlink, "gate", 2, ["symbolic link"]),
    ("seed FIFO", seed_fifo, "run", 2, ["seed is a FIFO"]),
    ("seed directory", seed_directory, "validate", 2, ["seed is a directory"]),
    ("seed device", seed_device, "extract", 2, ["symbolic link"]),
    ("sidecar symlink", sidecar_symlink, "run", 2, ["metadata file is a symbolic link"]),
    ("250-character seed id", long_seed_id, "run", 2, ["seed id is 250 characters"]),
    ("seed over max_seed_bytes", big_seed, "run", 2, ["larger than the limit of 1,000 bytes"]),
    ("10 GB sparse seed", huge_sparse_seed, "extract", 2, ["larger than the limit"]),
    ("deep TOML configuration", deep_pyproject, "run", 2, ["nested too deeply"]),
    ("deep TOML sidecar", deep_sidecar, "gate", 2, ["nested too deeply"]),
    ("pyproject.toml not UTF-8", latin1_pyproject, "run", 2, [":1: not UTF-8: byte 0xe9"]),
    ("pyproject.toml a directory", pyproject_directory, "gate", 2, ["is a directory"]),
    (
        "threshold = true",
        _config("[tool.checker.stories]\nthreshold = true\n"),
        "run",
        2,
        [":2: [tool.checker] stories.threshold", "(got true)"],
    ),
    (
        'fail_on_variance = "yes"',
        _config('[tool.checker.gate]\nfail_on_variance = "yes"\n'),
        "gate",
        2,
        [":2: [tool.checker] gate.fail_on_variance", "valid boolean", "(got 'yes')"],
    ),
    (
        "window_days = 1.5",
        _config("[tool.checker.stories]\nwindow_days = 1.5\n"),
        "run",
        2,
        ["stories.window_days", "valid integer"],
    ),
    (
        'max_seed_bytes = "5MB"',
        _config('[tool.checker]\nmax_seed_bytes = "5MB"\n'),
        "run",
        2,
        ["max_seed_bytes", "valid integer"],
    ),
    ("claims path a directory", claims_path_directory, "run", 2, ["claims file is a directory"]),
    ("claims path a directory (gate)", claims_path_directory, "gate", 2, ["a directory"]),
    ("claims path a directory (validate)", claims_path_directory, "validate", 2, ["directory"]),
    ("claims path a symlink", claims_path_symlink, "compare", 2, ["is a symbolic link"]),
    ("claims path a symlink (gate)", claims_path_symlink, "gate", 2, ["is a symbolic link"]),
    ("claims/ a file", claims_folder_is_a_file, "run", 2, ["claims folder is a regular file"]),
    ("claims/ a file (gate)", claims_folder_is_a_file, "gate", 2, ["not a folder"]),
    ("reports/ a file", reports_folder_is_a_file, "run", 2, ["is a regular file, not a folder"]),
    ("reports/ a file (gate)", reports_folder_is_a_file, "gate", 2, ["not a folder"]),
    ("review.jsonl a directory", review_file_directory, "gate", 2, ["decisions file is a dir"]),
    ("review.jsonl a directory (run)", review_file_directory, "run", 2, ["is a directory"]),
    ("review.jsonl a symlink", review_file_symlink, "gate", 2, ["is a symbolic link"]),
    ("review.jsonl a symlink", review_file_symlink, "decisions", 2, ["is a symbolic link"]),
    ("review.jsonl a FIFO", review_file_fifo, "gate", 2, ["decisions file is a FIFO"]),
]


def assert_one_clear_line(err: str, file: str, fragments: list[str]) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("checker: error: ")
    assert file in lines[0], (file, lines[0])
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.mark.parametrize(
    ("setup", "command", "code", "fragments"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input(
    root: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    setup: Setup,
    command: str,
    code: int,
    fragments: list[str],
) -> None:
    file = setup(root)
    monkeypatch.chdir(root)
    before = _snapshot(root)
    result = cli(command, "--root", ".")
    assert result.code == code, result.err
    assert_one_clear_line(result.err, file, fragments)
    # nothing read from outside the root reached the output, and nothing was lost
    after = _snapshot(root)
    assert not any(OUTSIDE in text for text in after.values())
    assert {k: v for k, v in before.items() if k in after} == {
        k: after[k] for k in before if k in after
    }


def _snapshot(root: Path) -> dict[str, str]:
    """The text of every regular file under ``claims/`` and ``reports/``."""
    out = {}
    for folder in ("claims", "reports"):
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and not path.is_symlink() and path.stat().st_size < 10**7:
                out[str(path.relative_to(root))] = path.read_text("utf-8", errors="replace")
    return out


# ---- claims files: validation and use agree -------------------------------------------

MUTATIONS = {
    "NaN": ("value", "NaN", "NaN is not a JSON number"),
    "Infinity": ("value", "-Infinity", "-Infinity is not a JSON number"),
    "1e400": ("value", "1e400", "is too large (not a finite number)"),
    "5,000 digits": ("value", "9" * 5000, "(5000 characters) is out of range"),
    "offset past the text": ("end", "1000000000", "past the end of the seed text"),
}
PLACEHOLDER = "__hardening_placeholder__"


def _mutate(root: Path, field: str, raw: str) -> Path:
    """Write ``raw`` (JSON text, valid or not) as ``field`` of the first quantity claim
    that has a number there, in the first claims file that has one."""
    for path in sorted((root / "claims").glob("*.json")):
        if path.name == "schema.json":
            continue
        data = json.loads(path.read_text("utf-8"))
        for claim in data["claims"]:
            if claim["kind"] == "quantity" and isinstance(claim.get(field), int | float):
                claim[field] = PLACEHOLDER
                text = dumps_canonical(data).replace(f'"{PLACEHOLDER}"', raw)
                path.write_text(text, "utf-8")
                return path
    raise AssertionError("no quantity claim with a number in the built root")


@pytest.mark.parametrize(("pattern", "value", "message"), list(MUTATIONS.values()), ids=MUTATIONS)
def test_validate_rejects_what_run_cannot_use(
    root: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    pattern: str,
    value: str,
    message: str,
) -> None:
    path = _mutate(root, pattern, value)
    name = str(path.relative_to(root))
    monkeypatch.chdir(root)
    validated = cli("validate", "--root", ".")
    assert validated.code == 1  # documented: an invalid claims file fails the check
    assert "G003" in validated.out and name in validated.out and message in validated.out
    assert re.search(rf"{re.escape(name)}:\d+: error G003", validated.out)  # with the line
    gate = cli("gate", "--root", ".")
    assert gate.code == 1 and message in gate.out
    used = cli("compare", "--root", ".")
    assert used.code == 2, used.err
    assert_one_clear_line(used.err, name, [message, "/claims/"])
    # `run` extracts again what it cannot read, or stops the same way
    again = cli("run", "--root", ".")
    assert again.code in (0, 2), again.err
    if again.code == 2:
        assert_one_clear_line(again.err, name, [message])
    else:
        assert cli("validate", "--root", ".").code == 0


def test_deep_json_claims_file(root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / "claims" / f"{a_seed(root)}.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    monkeypatch.chdir(root)
    assert cli("validate", "--root", ".").code == 1
    used = cli("compare", "--root", ".")
    assert used.code == 2
    assert_one_clear_line(used.err, str(path.relative_to(root)), ["nested too deeply"])


def test_a_symlinked_seed_is_never_extracted(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_symlink(root)
    monkeypatch.chdir(root)
    assert cli("extract", "--root", ".").code == 2
    assert not (root / "claims" / "pw.json").exists()
