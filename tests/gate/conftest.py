"""A temporary git repository holding the bundled seeds, and the CLI run in-process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main

GIT = shutil.which("git")


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


Cli = Callable[..., Outcome]


def git(root: Path, *args: str) -> str:
    assert GIT is not None
    done = subprocess.run([GIT, "-C", str(root), *args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run ``checker ARGS...`` in-process; outside GitHub Actions unless asked."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture
def repo(seed_root: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    """The bundled seeds after ``checker run``, committed in a fresh git repository
    (branch ``main``), with the working directory inside it."""
    if GIT is None:
        pytest.skip("git is not installed")
    for seed in (seed_root / "seeds").iterdir():
        seed.chmod(0o644)
    monkeypatch.chdir(seed_root)
    assert cli("run").code == 0
    git(seed_root, "init", "-q", "-b", "main")
    git(seed_root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", ".")
    git(
        seed_root,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "-m",
        "seeds",
    )
    return seed_root
