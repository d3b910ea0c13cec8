"""A temporary git repository holding the bundled seeds, and the CLI run in-process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import SEEDS

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


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Once per session: the bundled seeds after ``checker run``, committed in a
    fresh git repository (branch ``main``). Tests get a copy (:func:`repo`)."""
    if GIT is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("built") / "root"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        shutil.copyfile(seed, root / "seeds" / seed.name)
    assert main(["run", "--root", str(root)]) == 0
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "seeds")
    return root


@pytest.fixture
def repo(built_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of :func:`built_repo`, with the working directory inside it."""
    root = tmp_path / "root"
    shutil.copytree(built_repo, root, symlinks=True)
    monkeypatch.chdir(root)
    return root
