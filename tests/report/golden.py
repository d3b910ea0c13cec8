"""Golden files: compare text with ``tests/report/golden/<name>``.

Regenerate every golden with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report``
(then review the diff with ``git diff tests/report/golden``).
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def updating() -> bool:
    return os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    """Assert ``text`` equals the golden file ``name`` (or rewrite it under UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"no golden file {path}: run with UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file; if the change is intended, regenerate with "
        "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report"
    )
