"""Gate checks on ``claims/``: every seed has a claims file, fresh and valid.

A claims file is *missing* (no ``claims/<id>.json``), *invalid* (fails the
schema: reported with its JSON pointer and line), *stale* (its
``seed_sha256`` is not the seed's: the seed was edited after extraction), or
fresh. Fresh, valid files are handed on to the comparison.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import Settings
from checker.corpus import Article
from checker.errors import CheckerError
from checker.extract import EXTRACTOR_VERSION
from checker.fileio import read_utf8
from checker.gate.jsonpos import pointer_line
from checker.gate.problems import (
    INVALID_CLAIMS,
    MISSING_CLAIMS,
    OLD_EXTRACTOR,
    ORPHAN_CLAIMS,
    STALE_CLAIMS,
    Location,
    Problem,
)
from checker.schema import ClaimFile
from checker.store import (
    SCHEMA_FILE,
    claims_file_present,
    claims_path,
    freshness,
    read_claim_file,
    sidecar_change,
)

EXTRACT_HINT = "run `checker extract` (or `checker gate --fix`) and commit claims/"


def display_path(path: Path) -> str:
    """``path`` as CI tools locate files: relative to the working directory when it
    lies inside it (GitHub resolves annotation paths against the checkout), POSIX."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class ClaimsCheck:
    """Problems found in ``claims/``, the claims files fit to compare, and the
    seeds that ``checker extract`` would repair (missing or stale)."""

    problems: list[Problem] = field(default_factory=list)
    valid: list[ClaimFile] = field(default_factory=list)
    fixable: list[str] = field(default_factory=list)


def check_claims(settings: Settings, articles: Sequence[Article]) -> ClaimsCheck:
    """Check the claims file of each article (sorted as given)."""
    result = ClaimsCheck()
    for article in articles:
        problem, claim_file, fixable = check_one(settings, article)
        if problem is not None:
            result.problems.append(problem)
        if claim_file is not None:
            result.valid.append(claim_file)
        if fixable:
            result.fixable.append(article.id)
    return result


def check_one(
    settings: Settings, article: Article
) -> tuple[Problem | None, ClaimFile | None, bool]:
    """``(problem, claims file fit to compare, fixable by extraction)`` for one seed."""
    path = claims_path(settings.claims_dir, article.id)
    seed_file = display_path(article.path)
    if not claims_file_present(path):
        problem = Problem(
            MISSING_CLAIMS,
            "error",
            f"seed {article.id} has no claims file ({display_path(path)})",
            (Location(seed_file, line=1),),
            hint=EXTRACT_HINT,
            seeds=(article.id,),
        )
        return problem, None, True
    try:
        claim_file = read_claim_file(path, article.text)
    except CheckerError as exc:
        return _invalid(path, article, exc), None, _stale_by_hash(settings, article)
    if claim_file.seed_sha256 != article.sha256:
        problem = Problem(
            STALE_CLAIMS,
            "error",
            f"claims file is stale: {seed_file} changed since it was extracted "
            "(seed_sha256 differs)",
            (Location(display_path(path), line=_line_of(path, "/seed_sha256")),),
            hint=EXTRACT_HINT,
            seeds=(article.id,),
        )
        return problem, None, True
    changed = sidecar_change(claim_file.article.model_dump(mode="json"), article.given)
    if changed is not None:
        problem = Problem(
            STALE_CLAIMS,
            "error",
            f"claims file is stale: {display_path(article.path.with_suffix('.toml'))} "
            f"changed since it was extracted ({changed} differs)",
            (Location(display_path(path), line=_line_of(path, "/article")),),
            hint=EXTRACT_HINT,
            seeds=(article.id,),
        )
        return problem, claim_file, True
    if claim_file.seed != article.id:
        error = CheckerError(
            f"seed is {claim_file.seed!r}, expected {article.id!r}", path=path, pointer="/seed"
        )
        return _invalid(path, article, error), None, False
    if claim_file.extractor_version != EXTRACTOR_VERSION:
        problem = Problem(
            OLD_EXTRACTOR,
            "warning",
            f"claims file was written by extractor {claim_file.extractor_version}, "
            f"this is {EXTRACTOR_VERSION}",
            (Location(display_path(path), line=_line_of(path, "/extractor_version")),),
            hint=EXTRACT_HINT,
            seeds=(article.id,),
        )
        return problem, claim_file, True
    return None, claim_file, False


def _stale_by_hash(settings: Settings, article: Article) -> bool:
    state = freshness(settings.claims_dir, article.id, article.sha256, article.given)
    return state.state != "fresh"


def _invalid(path: Path, article: Article, exc: CheckerError) -> Problem:
    line = exc.line
    if line is None and exc.pointer is not None:
        line = _line_of(path, exc.pointer)
    where = f" at {exc.pointer}" if exc.pointer is not None else ""
    return Problem(
        INVALID_CLAIMS,
        "error",
        f"claims file is invalid{where}: {exc.message}",
        (Location(display_path(path), line=line),),
        hint="correct the file by hand (see claims/schema.json), "
        "or delete it and run `checker extract`",
        seeds=(article.id,),
        extra={"pointer": exc.pointer} if exc.pointer is not None else {},
    )


def _line_of(path: Path, pointer: str) -> int | None:
    try:
        return pointer_line(read_utf8(path, follow_symlinks=False), pointer)
    except (CheckerError, RecursionError):
        return None


def check_orphans(
    settings: Settings, seed_ids: Iterable[str], only: Iterable[str] | None = None
) -> list[Problem]:
    """Claims files whose seed is gone (a warning: they are ignored, but confuse);
    ``only``: look at these ids alone."""
    if not settings.claims_dir.is_dir():
        return []
    known = set(seed_ids)
    wanted = None if only is None else set(only)
    problems = []
    for path in sorted(settings.claims_dir.glob("*.json")):
        if path.name == SCHEMA_FILE or path.stem in known:
            continue
        if wanted is not None and path.stem not in wanted:
            continue
        problems.append(
            Problem(
                ORPHAN_CLAIMS,
                "warning",
                f"claims file has no seed (no {display_path(settings.seeds_dir)}/{path.stem}.txt)",
                (Location(display_path(path)),),
                hint="delete it, or restore its seed",
            )
        )
    return problems


def seeds_of_paths(settings: Settings, paths: Iterable[Path]) -> tuple[list[str], list[str]]:
    """``(seed ids, orphan ids)`` that the given files belong to: ``seeds/<id>.txt``,
    ``seeds/<id>.toml`` and ``claims/<id>.json``; other files are ignored. An id
    whose seed text does not exist is an orphan (its claims file has no seed)."""
    seeds_dir = Path(os.path.abspath(settings.seeds_dir))
    claims_dir = Path(os.path.abspath(settings.claims_dir))
    ids: set[str] = set()
    for path in paths:
        absolute = Path(os.path.abspath(path))
        watched = {(seeds_dir, ".txt"), (seeds_dir, ".toml"), (claims_dir, ".json")}
        if (absolute.parent, absolute.suffix) in watched and absolute.name != SCHEMA_FILE:
            ids.add(absolute.stem)
    present = sorted(i for i in ids if (settings.seeds_dir / f"{i}.txt").is_file())
    return present, sorted(ids - set(present))
