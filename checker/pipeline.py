"""The main job, stage by stage: extract what is new or stale, compare, write reports.

Every function takes the :class:`Settings` explicitly and returns typed
results; the CLI only formats them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from checker.comparison import compare as compare_claims
from checker.config import Settings
from checker.corpus import Article, load_corpus
from checker.errors import CheckerError
from checker.extract import EXTRACTOR_VERSION, extract_article
from checker.fileio import atomic_write_text
from checker.progress import Progress, no_progress
from checker.report import FORMATS, render
from checker.review import DecisionStore, attach_decisions
from checker.schema import ClaimFile, Report
from checker.store import (
    claims_file_present,
    claims_path,
    freshness,
    read_claim_file,
    write_claim_file,
    write_claims_schema,
)


@dataclass(frozen=True)
class ExtractResult:
    extracted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # the claims files just written, so the same run need not read them back
    claim_files: dict[str, ClaimFile] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class RunResult:
    extraction: ExtractResult
    report: Report
    written: list[Path]


def extract(
    settings: Settings,
    ids: list[str] | None = None,
    *,
    force: bool = False,
    progress: Progress = no_progress,
) -> ExtractResult:
    """Write ``claims/<id>.json`` for every seed whose claims file is missing or stale.

    A claims file is stale when its ``seed_sha256`` differs from the seed's, when the
    seed's sidecar gives other metadata than it recorded, or when another extractor
    version wrote it. Returns the ids extracted and
    skipped. Every seed is read and extracted before anything is written, so a
    bad seed (:class:`CheckerError`) leaves ``claims/`` untouched.
    """
    articles = load_corpus(settings.seeds_dir, ids, max_bytes=settings.max_seed_bytes)
    todo = []
    skipped = []
    for article in articles:
        state = freshness(settings.claims_dir, article.id, article.sha256, article.given)
        if force or state.state != "fresh" or state.extractor_version != EXTRACTOR_VERSION:
            todo.append(article)
        else:
            skipped.append(article.id)
    claim_files = []
    for done, claim_file in enumerate(_extract_all(todo, settings), start=1):
        claim_files.append(claim_file)
        progress("extract", done, len(todo))
    write_claims_schema(settings.claims_dir)
    for claim_file in claim_files:
        write_claim_file(settings.claims_dir, claim_file)
    return ExtractResult(
        extracted=[a.id for a in todo],
        skipped=skipped,
        claim_files={f.seed: f for f in claim_files},
    )


# Below this many articles a process pool costs more than it saves.
_PARALLEL_FROM = 64
_CHUNK = 16


def _extract_all(articles: Sequence[Article], settings: Settings) -> Iterator[ClaimFile]:
    """Extract in input order; on all cores when the batch is large enough.

    Extraction is a pure function of (article, settings), so the result is the
    same whichever process computes it.
    """
    workers = min(os.cpu_count() or 1, len(articles) // _PARALLEL_FROM)
    if workers < 2:
        for article in articles:
            yield extract_article(article, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(extract_article, articles, [settings] * len(articles), chunksize=_CHUNK)


def load_claim_files(
    settings: Settings, known: Mapping[str, ClaimFile] | None = None
) -> list[ClaimFile]:
    """Read and validate the claims file of every seed, sorted by seed id.

    ``known`` holds claims files already in memory (just extracted), used as
    they are. A seed without a claims file is an input error (run ``checker extract``).
    """
    articles = load_corpus(settings.seeds_dir, max_bytes=settings.max_seed_bytes)
    known = known or {}
    files = []
    for article in articles:
        if article.id in known:
            files.append(known[article.id])
            continue
        path = claims_path(settings.claims_dir, article.id)
        if not claims_file_present(path):
            raise CheckerError("no claims file for this seed: run `checker extract`", path=path)
        files.append(read_claim_file(path, article.text))
    return files


def compare(
    settings: Settings,
    *,
    progress: Progress = no_progress,
    known: Mapping[str, ClaimFile] | None = None,
) -> Report:
    """Cross-reference the claims files and attach the editors' current decisions."""
    report = compare_claims(load_claim_files(settings, known), settings, progress)
    return attach_decisions(report, DecisionStore(settings.review_file).current())


def write_reports(
    settings: Settings, report: Report, formats: tuple[str, ...] | None = None
) -> list[Path]:
    """Write each report format that has a file name into ``reports/`` (atomically)."""
    written = []
    for fmt, name in FORMATS.items():
        if name is None or (formats is not None and fmt not in formats):
            continue
        path = settings.reports_dir / name
        atomic_write_text(path, render(report, fmt))
        written.append(path)
    return written


def run(settings: Settings, *, progress: Progress = no_progress) -> RunResult:
    """The main job: extract what is new or stale, compare, write every report."""
    extraction = extract(settings, progress=progress)
    report = compare(settings, progress=progress, known=extraction.claim_files)
    return RunResult(extraction, report, write_reports(settings, report))
