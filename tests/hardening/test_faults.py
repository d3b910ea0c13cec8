"""Faults of the machine: a full disk, a read-only ``reports/``; and ``checker add``
given what is not an article. One clear line naming the file, exit 2, nothing lost."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checker import fileio
from checker.errors import CheckerError, FileError
from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import DecisionRequest
from tests.hardening.conftest import Cli, a_seed
from tests.hardening.test_bad_inputs import assert_one_clear_line
from tests.review.conftest import BASE, TOKEN
from tests.review.fixtures import BUDGET, make_report, write_seeds


def _full_disk(fd: int, data: bytes) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_no_space_left_is_an_input_error_and_keeps_every_file(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (root / "seeds" / f"{a_seed(root)}.txt").open("a", encoding="utf-8") as seed:
        seed.write("More text.\n")  # stale: `run` extracts it again
    before = _files(root)
    monkeypatch.setattr(fileio, "_write_all", _full_disk)
    monkeypatch.chdir(root)
    result = cli("run", "--root", ".")
    assert result.code == 2
    assert_one_clear_line(result.err, "claims/", ["cannot write: No space left on device"])
    assert _files(root) == before  # nothing half-written, no temporary file left


def test_no_space_left_for_reports(root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    before = _files(root)
    monkeypatch.setattr(fileio, "_write_all", _full_disk)
    result = cli("run", "--root", ".")
    assert result.code == 2
    assert_one_clear_line(result.err, "reports/consistency", ["No space left on device"])
    assert _files(root) == before


def test_a_failed_write_is_still_an_oserror(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Callers that catch OSError around a write keep working."""
    monkeypatch.setattr(fileio, "_write_all", _full_disk)
    with pytest.raises(OSError) as info:
        fileio.atomic_write_text(tmp_path / "x.txt", "x")
    assert isinstance(info.value, FileError) and info.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []


def test_no_space_left_for_a_decision(
    root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    fingerprint = _first_fingerprint(root)

    def full(self: DecisionStore, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(DecisionStore, "_append_locked", full)
    result = cli("decide", fingerprint, "confirmed", "--reviewer", "Ed", "--root", ".")
    assert result.code == 2
    assert_one_clear_line(
        result.err, "reports/review.jsonl", ["cannot record the decision: No space left"]
    )


def _first_fingerprint(root: Path) -> str:
    import json

    report = json.loads((root / "reports" / "consistency.json").read_text("utf-8"))
    fingerprint: str = report["findings"][0]["fingerprint"]
    return fingerprint


# ---- the review server on a read-only reports/ ------------------------------------------


def test_review_page_says_why_a_decision_cannot_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "root"
    write_seeds(root)
    store = DecisionStore(root / "reports" / "review.jsonl")
    report = make_report()
    app = create_app(store, TOKEN, lambda: report, seeds_dir=root / "seeds")

    def read_only(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system", str(store.path))

    monkeypatch.setattr(os, "open", read_only)  # what the store opens to append
    body = {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "Ed"}
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        response = client.post("/api/decisions", json=body)
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert "cannot record the decision" in detail and "Read-only file system" in detail
    assert "review.jsonl" in detail


def test_review_page_says_why_decisions_cannot_be_read(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write_seeds(root)
    (root / "reports").mkdir(exist_ok=True)
    (root / "reports" / "review.jsonl").mkdir()
    store = DecisionStore(root / "reports" / "review.jsonl")
    report = make_report()
    app = create_app(store, TOKEN, lambda: report, seeds_dir=root / "seeds")
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        response = client.get("/api/findings")
    assert response.status_code == 503
    assert "decisions file is a directory" in response.json()["detail"]


def test_store_refuses_a_symlinked_decisions_file(tmp_path: Path) -> None:
    outside = tmp_path / "outside.jsonl"
    outside.write_text("", "utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "review.jsonl").symlink_to(outside)
    store = DecisionStore(tmp_path / "reports" / "review.jsonl")
    request = DecisionRequest(fingerprint="v1:" + "0" * 32, decision="confirmed", reviewer="Ed")
    with pytest.raises(CheckerError, match="symbolic link"):
        store.append(request)
    assert outside.read_text("utf-8") == ""


# ---- checker add ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("/dev/zero", "article is a character device, not a regular file"),
        ("{tmp}", "article is a directory"),
        ("{tmp}/big.txt", "article is larger than the limit of 5,000,000 bytes"),
        ("{tmp}/missing.txt", "article not found"),
    ],
)
def test_add_refuses_what_is_not_an_article(
    root: Path, cli: Cli, tmp_path: Path, source: str, fragment: str
) -> None:
    with (tmp_path / "big.txt").open("wb") as handle:
        handle.truncate(1024**3)  # sparse: refused after reading 5 MB, not 1 GB
    before = sorted(p.name for p in (root / "seeds").iterdir())
    path = source.format(tmp=tmp_path)
    result = cli("add", path, "--root", str(root))
    assert result.code == 2
    assert_one_clear_line(result.err, path, [fragment])
    assert sorted(p.name for p in (root / "seeds").iterdir()) == before


def test_add_refuses_a_fifo_without_waiting_for_a_writer(root: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "checker", "add", str(fifo), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert_one_clear_line(done.stderr, str(fifo), ["article is a FIFO"])
