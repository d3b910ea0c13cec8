"""A root built once per session (the bundled seeds after ``checker run``), copied
for each test, and the CLI run in-process."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import SEEDS


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


Cli = Callable[..., Outcome]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``checker ARGS...`` in-process, outside GitHub Actions and without CHECKER_DEBUG."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)

    def run(*args: str) -> Outcome:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def built_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hardening") / "root"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        shutil.copyfile(seed, root / "seeds" / seed.name)
    assert main(["run", "--root", str(root)]) == 0
    return root


@pytest.fixture
def root(built_root: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`built_root` (seeds, claims and reports, all fresh)."""
    copy = tmp_path / "root"
    shutil.copytree(built_root, copy, symlinks=True)
    return copy


def a_seed(root: Path) -> str:
    """The id of the first seed of ``root``."""
    return sorted(p.stem for p in (root / "seeds").glob("*.txt"))[0]
