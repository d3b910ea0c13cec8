"""Build an article from a text in memory and extract it (for rule cases and properties)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from checker.config import Settings
from checker.corpus import Article
from checker.extract import extract_article
from checker.schema.claims import ArticleMeta, ClaimFile
from checker.store import sha256_text


def article(text: str, *, published: dt.date | None = None, ident: str = "case") -> Article:
    return Article(
        id=ident,
        path=Path(f"{ident}.txt"),
        text=text,
        sha256=sha256_text(text),
        given=ArticleMeta(published=published),
    )


def extract(text: str, *, published: dt.date | None = None, ident: str = "case") -> ClaimFile:
    return extract_article(article(text, published=published, ident=ident), Settings())


def subset(expected: Any, actual: Any) -> bool:
    """Whether ``expected`` is contained in ``actual`` (dict keys subset, numbers close)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and subset(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, bool) or expected is None:
        return actual is expected or actual == expected
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and abs(float(expected) - float(actual)) < 1e-6
    return bool(expected == actual)
