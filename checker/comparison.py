"""Claims of all seeds -> facts -> findings -> :class:`Report` (without review decisions)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.config import Settings
from checker.progress import Progress, no_progress
from checker.schema import ClaimFile, Report, SeedInfo, Summary
from checker.version import CHECKER_VERSION


def compare(
    claim_files: Sequence[ClaimFile], settings: Settings, progress: Progress = no_progress
) -> Report:
    """Cross-reference the claims of every seed. Deterministic: sorted, no timestamps."""
    files = sorted(claim_files, key=lambda f: f.seed)
    return Report(
        checker_version=CHECKER_VERSION,
        seeds=[SeedInfo(id=f.seed, sha256=f.seed_sha256, metadata=f.article) for f in files],
        summary=Summary(
            sources=len(files),
            claims=sum(len(f.claims) for f in files),
            facts=0,
            agreement=0,
            variance=0,
            contradiction=0,
            single_source=0,
        ),
        findings=[],
        single_source=[],
    )
