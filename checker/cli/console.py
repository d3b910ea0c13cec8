"""Terminal output: colour only on a terminal (and never with NO_COLOR), progress bars."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from checker.progress import Progress as ProgressCallback

# Show a bar only for work that takes longer than this.
_PROGRESS_AFTER_SECONDS = 1.0


def console(stderr: bool = False) -> Console:
    """A rich console: colour only on a terminal; ``NO_COLOR`` turns it off."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(
        file=stream,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        soft_wrap=True,
    )


@contextmanager
def progress_reporter() -> Iterator[ProgressCallback]:
    """Yield a ``progress(stage, done, total)`` callback that draws a bar on stderr
    once a stage has run longer than a second, and only on a terminal."""
    err = console(stderr=True)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    started: dict[str, float] = {}
    tasks: dict[str, TaskID] = {}

    def report(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        started.setdefault(stage, now)
        if not err.is_terminal or now - started[stage] < _PROGRESS_AFTER_SECONDS:
            return
        if stage not in tasks:
            if not tasks:
                bar.start()
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    try:
        yield report
    finally:
        if tasks:
            bar.stop()
