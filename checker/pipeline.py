"""The main job, stage by stage: extract what is new or stale, compare, write reports.

Every function takes the :class:`Settings` explicitly and returns typed
results; the CLI only formats them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.config import Settings
from checker.corpus import load_corpus
from checker.extract import EXTRACTOR_VERSION, extract_article
from checker.store import freshness, write_claim_file, write_claims_schema

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work advances (for progress bars)."""


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class ExtractResult:
    extracted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def extract(
    settings: Settings,
    ids: list[str] | None = None,
    *,
    force: bool = False,
    progress: Progress = _no_progress,
) -> ExtractResult:
    """Write ``claims/<id>.json`` for every seed whose claims file is missing or stale.

    A claims file is stale when its ``seed_sha256`` differs from the seed's, or
    when it was written by another extractor version. Returns the ids extracted
    and skipped. Raises :class:`CheckerError` on bad seeds before writing anything.
    """
    articles = load_corpus(settings.seeds_dir, ids)
    todo = []
    skipped = []
    for article in articles:
        state = freshness(settings.claims_dir, article.id, article.sha256)
        if force or state.state != "fresh" or state.extractor_version != EXTRACTOR_VERSION:
            todo.append(article)
        else:
            skipped.append(article.id)
    write_claims_schema(settings.claims_dir)
    claim_files = []
    for done, article in enumerate(todo, start=1):
        claim_files.append(extract_article(article, settings))
        progress("extract", done, len(todo))
    for claim_file in claim_files:
        write_claim_file(settings.claims_dir, claim_file)
    return ExtractResult(extracted=[a.id for a in todo], skipped=skipped)
