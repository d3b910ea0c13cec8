"""``reports/review.jsonl``: append-only editor decisions (minimal; to be completed)."""

from __future__ import annotations

from pathlib import Path

from checker.schema import Decision, Report


class DecisionStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def current(self) -> dict[str, Decision]:
        """The last decision of each fingerprint."""
        return {}


def attach_decisions(report: Report, current: dict[str, Decision]) -> Report:
    """Return ``report`` with each finding's ``review`` set from ``current``."""
    return report
