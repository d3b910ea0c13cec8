"""Shared fixtures: the bundled seeds, and a temporary root holding a copy of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_root(tmp_path: Path) -> Path:
    """A fresh root with a copy of the bundled seeds (no claims, no reports)."""
    root = tmp_path / "root"
    (root / "seeds").mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy2(seed, root / "seeds" / seed.name)
    return root
