"""The review policy: which findings still need an editor, given their decisions.

Editor decisions (``reports/review.jsonl``) are the baseline. A finding's
*state* is its current decision, or ``unreviewed``. A contradiction fails the
gate when its state is in ``[tool.checker.gate] block_on`` (by default
unreviewed, confirmed and in_progress: only ``dismissed`` and ``accepted``
let it pass). With ``fail_on_variance = true`` variances follow the same rule.
Fingerprints change when the fact or its values change, so an edited value
is a new finding and needs a new decision.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from checker.config import GateSettings
from checker.gate.problems import OPEN_CONTRADICTION, OPEN_VARIANCE, Location, Problem
from checker.report.common import finding_message
from checker.schema import Decision, Finding, FindingClaim, Report, Verdict

UNREVIEWED = "unreviewed"


def review_state(finding: Finding, decisions: Mapping[str, Decision]) -> str:
    """``unreviewed`` or the value of the finding's current decision."""
    decision = decisions.get(finding.fingerprint)
    return UNREVIEWED if decision is None else decision.decision.value


def claim_location(claim: FindingClaim, seed_files: Mapping[str, str]) -> Location:
    """Where a finding's claim sits in its seed (``seed_files``: id -> display path)."""
    return Location(
        seed_files.get(claim.seed, f"seeds/{claim.seed}.txt"),
        line=claim.line,
        column=claim.column,
        end_line=claim.end_line,
        end_column=claim.end_column,
        snippet=claim.text,
        label=f"{claim.seed}: {claim.value}",
    )


def decide_hint(fingerprint: str) -> str:
    return (
        "an editor reviews it (`checker review`), or records a decision: "
        f"`checker decide {fingerprint} dismissed|accepted|confirmed --reviewer NAME --note TEXT`"
    )


def finding_problems(
    report: Report,
    decisions: Mapping[str, Decision],
    policy: GateSettings,
    seed_files: Mapping[str, str],
    changed: Collection[str] = (),
) -> list[Problem]:
    """One problem per contradiction (and, with ``fail_on_variance``, per variance)
    whose review state blocks. Claims of seeds in ``changed`` come first in the
    locations, and the problem is marked ``new``."""
    blocking = {str(state) for state in policy.block_on}
    problems = []
    for finding in report.findings:
        if finding.verdict is Verdict.CONTRADICTION:
            rule = OPEN_CONTRADICTION
        elif finding.verdict is Verdict.VARIANCE and policy.fail_on_variance:
            rule = OPEN_VARIANCE
        else:
            continue
        state = review_state(finding, decisions)
        if state not in blocking:
            continue
        claims = sorted(finding.claims, key=lambda c: (c.seed not in changed, c.seed, c.start))
        seeds = tuple(sorted({c.seed for c in finding.claims}))
        values = "; ".join(f"{c.seed}: {c.value}" for c in claims)
        problems.append(
            Problem(
                rule,
                "error",
                f"{finding.verdict.value} ({state}): {finding.fact} [{values}]",
                tuple(claim_location(c, seed_files) for c in claims),
                hint=decide_hint(finding.fingerprint),
                detail=finding_message(finding),
                seeds=seeds,
                fingerprint=finding.fingerprint,
                state=state,
                new=any(seed in changed for seed in seeds),
                extra={"rule": finding.rule, "category": finding.category},
            )
        )
    return problems


def settled_counts(report: Report, decisions: Mapping[str, Decision]) -> dict[str, int]:
    """How many contradictions are in each review state (for the summary line)."""
    counts: dict[str, int] = {}
    for finding in report.findings:
        if finding.verdict is Verdict.CONTRADICTION:
            state = review_state(finding, decisions)
            counts[state] = counts.get(state, 0) + 1
    return dict(sorted(counts.items()))
