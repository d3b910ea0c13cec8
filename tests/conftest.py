"""Shared fixtures: the bundled seeds, and a temporary root holding a copy of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Speed is measured in benchmarks/, never asserted in a unit test: hypothesis's
# per-example deadline fails on a loaded CI machine, so it is off for every property.
settings.register_profile("checker", deadline=None)
settings.load_profile("checker")

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


CHROMIUM = Path("/usr/bin/chromium")
# Flags from the machine notes: no sandbox as root, and no background networking
# (the closed network refuses those connections and they show up as errors).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """A headless Debian Chromium driven by Playwright.

    Skipped when Chromium is not installed, except under CI (``CI=true``),
    where ``.ci/run`` installs it and a missing browser is a failure.
    """
    import os

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI: /usr/bin/chromium is missing (.ci/run installs Debian's chromium)")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def artifacts() -> Path:
    """Folder for test artefacts (screenshots), kept after the run; git-ignored."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
