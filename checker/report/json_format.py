"""``reports/consistency.json``: the report model as canonical JSON (sorted keys)."""

from __future__ import annotations

from checker.fileio import dumps_canonical
from checker.schema import Report


def render(report: Report) -> str:
    """The report as deterministic JSON text (sorted keys, two-space indent, final newline)."""
    return dumps_canonical(report.model_dump(mode="json"))
