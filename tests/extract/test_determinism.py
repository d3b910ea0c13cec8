"""Same seeds -> byte-identical claims files, and the committed claims files are current."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.config import load_settings
from checker.pipeline import extract

REPO = Path(__file__).resolve().parents[2]


def _run(root: Path, ids: list[str] | None = None) -> dict[str, bytes]:
    extract(load_settings(root), ids, force=True)
    return {p.name: p.read_bytes() for p in sorted((root / "claims").glob("*.json"))}


def test_same_seeds_give_byte_identical_claims(seed_root: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(seed_root, other)
    first = _run(seed_root)
    ids = sorted(p.stem for p in (other / "seeds").glob("*.txt"))
    second = _run(other, list(reversed(ids)))
    assert first == second
    assert first == _run(seed_root)


def test_committed_claims_match_the_extractor(seed_root: Path) -> None:
    fresh = _run(seed_root)
    for name, data in fresh.items():
        committed = REPO / "claims" / name
        assert committed.read_bytes() == data, (
            f"claims/{name} is stale: run `.venv/bin/checker extract --force` and commit"
        )
