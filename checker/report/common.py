"""Helpers every report format shares: seed paths, ordering, decisions, messages."""

from __future__ import annotations

from collections.abc import Iterable

from checker.schema import VERDICT_ORDER, DecisionKind, Finding, FindingClaim, Verdict

# Decisions after which a finding needs no further action from an editor.
SETTLED = frozenset({DecisionKind.DISMISSED, DecisionKind.ACCEPTED})

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.CONTRADICTION: "Contradiction",
    Verdict.VARIANCE: "Variance",
    Verdict.AGREEMENT: "Agreement",
}
VERDICT_PLURALS: dict[Verdict, str] = {
    Verdict.CONTRADICTION: "Contradictions",
    Verdict.VARIANCE: "Variances",
    Verdict.AGREEMENT: "Agreements",
}


def seed_path(seed: str) -> str:
    """The repository-relative path of a seed, as CI tools locate it."""
    return f"seeds/{seed}.txt"


def location(claim: FindingClaim) -> str:
    """``seeds/<id>.txt:LINE`` of a claim."""
    return f"{seed_path(claim.seed)}:{claim.line}"


def is_settled(finding: Finding) -> bool:
    """True when an editor dismissed or accepted the finding."""
    return finding.review is not None and finding.review.decision in SETTLED


def by_verdict(findings: Iterable[Finding]) -> dict[Verdict, list[Finding]]:
    """Findings grouped by verdict, in :data:`VERDICT_ORDER`, report order kept inside."""
    groups: dict[Verdict, list[Finding]] = {verdict: [] for verdict in VERDICT_ORDER}
    for finding in findings:
        groups[finding.verdict].append(finding)
    return groups


def independence(finding: Finding) -> str:
    """ "3 sources, 1 independent origin"."""
    origins = finding.independent_sources
    return f"{finding.sources} sources, {origins} independent origin{'s' if origins != 1 else ''}"


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) into one space."""
    return " ".join(text.split())


def finding_message(finding: Finding) -> str:
    """A plain-text description: verdict and fact, explanation, then one line per claim
    with its location, quote and value. May contain newlines (callers escape)."""
    lines = [f"{VERDICT_LABELS[finding.verdict]}: {finding.fact}", finding.explanation]
    if finding.differences:
        lines.append("Differs in: " + ", ".join(finding.differences))
    for claim in finding.claims:
        lines.append(f"{location(claim)} \u201c{claim.text}\u201d = {claim.value}")
    if finding.review is not None:
        lines.append(f"Editor: {finding.review.decision.value} by {finding.review.reviewer}")
    return "\n".join(lines)
