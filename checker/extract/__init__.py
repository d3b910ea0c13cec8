"""Extraction: sentences -> registered rules -> typed claims."""

from __future__ import annotations

from checker.config import Settings
from checker.corpus import Article
from checker.schema.claims import ClaimFile

EXTRACTOR_VERSION = "0.0.0"


def extract_article(article: Article, settings: Settings) -> ClaimFile:
    """Extract every claim of one article into a :class:`ClaimFile`."""
    return ClaimFile(
        seed=article.id,
        seed_sha256=article.sha256,
        extractor_version=EXTRACTOR_VERSION,
        article=article.given,
        claims=[],
    )
