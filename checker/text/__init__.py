"""Text handling: paragraphs, sentences with offsets, furniture, folding, numbers, dates."""

from __future__ import annotations

from checker.data.folding import fold, strip_marks

__all__ = ["fold", "strip_marks"]
