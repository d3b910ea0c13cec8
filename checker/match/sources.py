"""Seed texts for the comparator: 1-based line/column of offsets, and sentence text.

Claims files hold character offsets only; the report also needs line and
column (for SARIF, annotations, editors) and the sentence around each claim.
This is the one place that turns offsets into positions.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.corpus import SEED_SUFFIX
from checker.fileio import read_utf8


@dataclass(frozen=True)
class SeedText:
    """One seed's text with an index of line starts."""

    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> SeedText:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        return cls(text, tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a character offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]


class SeedTexts:
    """Lazily read ``seeds/<id>.txt``; a seed that is not on disk has no text.

    Without the text (claims compared in memory, a seed removed since
    extraction) positions fall back to line 1 and the claim's own span.
    """

    def __init__(self, seeds_dir: Path, preload: Iterable[tuple[str, str]] = ()) -> None:
        self._dir = seeds_dir
        self._texts: dict[str, SeedText | None] = {k: SeedText.of(v) for k, v in preload}

    def get(self, seed: str) -> SeedText | None:
        if seed not in self._texts:
            path = self._dir / f"{seed}{SEED_SUFFIX}"
            self._texts[seed] = (
                SeedText.of(read_utf8(path, what="seed")) if path.is_file() else None
            )
        return self._texts[seed]
