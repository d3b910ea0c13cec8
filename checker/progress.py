"""The progress callback stages accept, so the CLI can draw bars without stages knowing."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work advances."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The default callback: report nothing."""
    return None
