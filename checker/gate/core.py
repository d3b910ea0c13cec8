"""``checker gate``: claims freshness and validity + findings + decisions -> problems.

:func:`run_gate` never writes reports; with ``fix=True`` it extracts the
seeds whose claims file is missing or stale (as ``checker extract`` would)
before judging. Input it cannot read (configuration, ``seeds/``, a seed,
``reports/review.jsonl``) raises :class:`CheckerError`: the CLI exits 2.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker import pipeline
from checker.comparison import compare as compare_claims
from checker.config import Settings
from checker.corpus import load_corpus
from checker.gate.claims_files import (
    check_claims,
    check_orphans,
    display_path,
    seeds_of_paths,
)
from checker.gate.policy import finding_problems, settled_counts
from checker.gate.problems import BAD_DECISION, Location, Problem, sort_problems
from checker.gate.since import changed_seeds
from checker.progress import Progress, no_progress
from checker.review import DecisionStore, attach_decisions
from checker.schema import Report

EXIT_PASSED = 0
EXIT_FAILED = 1


@dataclass(frozen=True)
class GateResult:
    """What the gate found. ``problems`` are sorted (new first, errors first)."""

    problems: list[Problem]
    report: Report | None  # None when only the claims files were checked
    seeds: list[str]
    fixed: list[str] = field(default_factory=list)
    contradictions: dict[str, int] = field(default_factory=dict)  # review state -> count
    uncertain: dict[str, int] = field(default_factory=dict)  # the same, uncertain ones only
    since: str | None = None
    changed: frozenset[str] = frozenset()

    @property
    def passed(self) -> bool:
        return not any(problem.blocking for problem in self.problems)

    @property
    def exit_code(self) -> int:
        return EXIT_PASSED if self.passed else EXIT_FAILED

    def counts(self) -> dict[str, int]:
        """Problems per level."""
        out = {"error": 0, "warning": 0, "notice": 0}
        for problem in self.problems:
            out[problem.level] += 1
        return out


def _mark_new(problems: list[Problem], changed: Collection[str]) -> list[Problem]:
    return [
        dataclasses.replace(p, new=True) if any(s in changed for s in p.seeds) else p
        for p in problems
    ]


def validate(settings: Settings, paths: Sequence[Path] | None = None) -> GateResult:
    """The fast check (pre-commit): schema and freshness of the claims files of
    the seeds that ``paths`` belong to (all seeds when ``None``); no comparison."""
    if paths is None:
        articles = load_corpus(settings.seeds_dir, max_bytes=settings.max_seed_bytes)
        orphans = check_orphans(settings, [a.id for a in articles])
    else:
        ids, orphan_ids = seeds_of_paths(settings, paths)
        articles = (
            load_corpus(settings.seeds_dir, ids, max_bytes=settings.max_seed_bytes) if ids else []
        )
        orphans = check_orphans(settings, ids, only=orphan_ids)
    check = check_claims(settings, articles)
    return GateResult(
        problems=sort_problems(check.problems + orphans),
        report=None,
        seeds=[article.id for article in articles],
    )


def run_gate(
    settings: Settings,
    *,
    fix: bool = False,
    since: str | None = None,
    progress: Progress = no_progress,
) -> GateResult:
    """Judge the corpus under ``settings.root`` against the gate policy.

    ``since``: a git revision; problems involving seeds added or changed since
    then are marked ``new`` and listed first. Raises :class:`CheckerError` on
    unreadable input (exit 2 in the CLI).
    """
    articles = load_corpus(settings.seeds_dir, max_bytes=settings.max_seed_bytes)
    changed = frozenset(changed_seeds(settings.root, since)) if since else frozenset()
    check = check_claims(settings, articles)
    fixed: list[str] = []
    if fix and check.fixable:
        fixed = pipeline.extract(settings, check.fixable, progress=progress).extracted
        check = check_claims(settings, articles)
    loaded = DecisionStore(settings.review_file).load()
    decisions = {decision.fingerprint: decision for decision in loaded.decisions}
    report = attach_decisions(compare_claims(check.valid, settings, progress), decisions)
    seed_files = {article.id: display_path(article.path) for article in articles}
    problems = _mark_new(check.problems, changed)
    problems += check_orphans(settings, seed_files)
    problems += [
        Problem(
            BAD_DECISION,
            "warning",
            f"decision skipped: {skipped.message}",
            (Location(display_path(skipped.path), line=skipped.line),),
            hint="correct or remove the line (decisions are appended by `checker decide`)",
        )
        for skipped in loaded.problems
    ]
    problems += finding_problems(report, decisions, settings.gate, seed_files, changed)
    return GateResult(
        problems=sort_problems(problems),
        report=report,
        seeds=[article.id for article in articles],
        fixed=fixed,
        contradictions=settled_counts(report, decisions),
        uncertain=settled_counts(report, decisions, uncertain_only=True),
        since=since,
        changed=changed,
    )
