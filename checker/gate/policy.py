"""The review policy: which findings still need an editor, given their decisions.

Editor decisions (``reports/review.jsonl``) are the baseline. A finding's
*state* is its current decision, or ``unreviewed``. A contradiction fails the
gate when its state is in ``[tool.checker.gate] block_on`` (by default
unreviewed, confirmed and in_progress: only ``dismissed`` and ``accepted``
let it pass). An *uncertain* contradiction (below ``[tool.checker.classify]
min_confidence``, or resting on an inferred value) is reported as a warning and
lets the gate pass, unless ``block_uncertain = true``. With ``fail_on_variance =
true`` variances follow the same rule. Updates (one figure over time) and
agreements never block. Fingerprints change when the fact or its values change,
so an edited value is a new finding and needs a new decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from checker.config import GateSettings
from checker.gate.problems import (
    OPEN_CONTRADICTION,
    OPEN_VARIANCE,
    UNCERTAIN_CONTRADICTION,
    GateRule,
    Level,
    Location,
    Problem,
)
from checker.report.common import confidence_text, finding_message, sides, value_side
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


def decide_hint(fingerprint: str, state: str = "unreviewed") -> str:
    """What to do next, given the review state: an unreviewed finding needs a decision;
    a confirmed one (an editor agreed the sources clash) needs the article corrected or
    the difference recorded as accepted, not another confirmation."""
    if state == "confirmed":
        return (
            "an editor confirmed this contradiction: correct the article (the claims change "
            "and the finding goes), or record the difference as accepted: "
            f"`checker decide {fingerprint} accepted --reviewer NAME --note TEXT`"
        )
    if state == "in_progress":
        return (
            "an editor is reviewing it: finish the review (`checker review`), or record: "
            f"`checker decide {fingerprint} dismissed|accepted|confirmed --reviewer NAME "
            "--note TEXT`"
        )
    return (
        "an editor reviews it (`checker review`), or records a decision: "
        f"`checker decide {fingerprint} dismissed|accepted|confirmed --reviewer NAME --note TEXT`"
    )


def blame_order(
    finding: Finding,
    changed: Collection[str],
    published: Mapping[str, dt.date | None],
) -> list[FindingClaim]:
    """A finding's claims, the one most likely to have brought the problem first: a claim
    of a changed seed (``--since``), then one whose value fewer sources give (the source
    that stands alone), then the most recently published seed, then by seed and offset."""
    sources = {side: len({c.seed for c in claims}) for side, claims in sides(finding).items()}

    def key(claim: FindingClaim) -> tuple[bool, int, int, str, int]:
        date = published.get(claim.seed)
        recency = -date.toordinal() if date is not None else 0
        return (
            claim.seed not in changed,
            sources[value_side(claim.value)],
            recency,
            claim.seed,
            claim.start,
        )

    return sorted(finding.claims, key=key)


def finding_rule(finding: Finding, policy: GateSettings) -> tuple[GateRule, Level] | None:
    """The rule and level a finding awaiting review breaks: an open contradiction is an
    error, an uncertain one a warning (an error with ``block_uncertain``); a variance
    an error with ``fail_on_variance``; None for what never blocks (updates,
    agreements, variances by default)."""
    if finding.verdict is Verdict.CONTRADICTION:
        if finding.uncertain and not policy.block_uncertain:
            return UNCERTAIN_CONTRADICTION, "warning"
        return OPEN_CONTRADICTION, "error"
    if finding.verdict is Verdict.VARIANCE and policy.fail_on_variance:
        return OPEN_VARIANCE, "error"
    return None


def finding_problems(
    report: Report,
    decisions: Mapping[str, Decision],
    policy: GateSettings,
    seed_files: Mapping[str, str],
    changed: Collection[str] = (),
) -> list[Problem]:
    """One problem per contradiction (and, with ``fail_on_variance``, per variance)
    whose review state is in ``block_on``: an error, except for an uncertain
    contradiction without ``block_uncertain`` (a warning: it does not fail the gate).
    Claims of seeds in ``changed`` come first in the locations, and the problem is
    marked ``new``."""
    blocking = {str(state) for state in policy.block_on}
    published = {s.id: s.metadata.published for s in report.seeds}
    problems = []
    for finding in report.findings:
        judged = finding_rule(finding, policy)
        if judged is None:
            continue
        rule, level = judged
        state = review_state(finding, decisions)
        if state not in blocking:
            continue
        claims = blame_order(finding, changed, published)
        seeds = tuple(sorted({c.seed for c in finding.claims}))
        values = "; ".join(f"{c.seed}: {c.value}" for c in claims)
        what = finding.verdict.value
        status = [state]
        if finding.uncertain:
            what = f"uncertain {what}"
        confidence = confidence_text(finding)
        if confidence is not None:
            status.append(confidence)
        hint = decide_hint(finding.fingerprint, state)
        if level != "error":
            hint += " (it does not fail the gate unless [tool.checker.gate] block_uncertain)"
        extra = {"rule": finding.rule, "category": finding.category}
        if finding.confidence is not None:
            extra["confidence"] = f"{finding.confidence:.2f}"
        if finding.uncertain:
            extra["uncertain"] = "true"
        problems.append(
            Problem(
                rule,
                level,
                f"{what} ({', '.join(status)}): {finding.fact} [{values}]",
                tuple(claim_location(c, seed_files) for c in claims),
                hint=hint,
                detail=finding_message(finding),
                seeds=seeds,
                fingerprint=finding.fingerprint,
                state=state,
                new=any(seed in changed for seed in seeds),
                extra=extra,
            )
        )
    return problems


def settled_counts(
    report: Report, decisions: Mapping[str, Decision], *, uncertain_only: bool = False
) -> dict[str, int]:
    """How many contradictions (all of them; ``uncertain_only``: the uncertain ones) are
    in each review state (for the summary line)."""
    counts: dict[str, int] = {}
    for finding in report.findings:
        if finding.verdict is not Verdict.CONTRADICTION:
            continue
        if uncertain_only and not finding.uncertain:
            continue
        state = review_state(finding, decisions)
        counts[state] = counts.get(state, 0) + 1
    return dict(sorted(counts.items()))
