"""Report formats: one module per format; :func:`render` dispatches."""

from __future__ import annotations

from checker.fileio import dumps_canonical
from checker.schema import Report

# format -> file name written into reports/ by `checker run` (None: stdout only)
FORMATS: dict[str, str | None] = {
    "json": "consistency.json",
}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt == "json":
        return dumps_canonical(report.model_dump(mode="json"))
    raise ValueError(f"unknown report format {fmt!r}")
