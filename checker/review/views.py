"""What the review API returns: the queue of findings and one finding in full.

The queue puts what an editor must look at first on top: contradictions, then
variances (both *flagged*), then agreements (listed, not flagged). A finding
counts as *decided* once its current decision is anything but ``in_progress``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.review.context import ClaimContext, SeedTexts, claim_context
from checker.review.store import review_state
from checker.schema import (
    VERDICT_ORDER,
    ClaimKind,
    Decision,
    DecisionKind,
    Finding,
    Report,
    ReviewState,
    Verdict,
)

FLAGGED: frozenset[Verdict] = frozenset({Verdict.CONTRADICTION, Verdict.VARIANCE})


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class FindingSummary(_View):
    """One row of the queue."""

    fingerprint: str
    verdict: Verdict
    flagged: bool = Field(description="Contradictions and variances need an editor's decision.")
    category: ClaimKind
    fact: str
    rule: str
    rule_name: str
    seeds: list[str] = Field(description="The sources of the finding, sorted.")
    values: list[str] = Field(description="The distinct normalised values, in claim order.")
    independent_sources: int
    uncertain: bool
    review: ReviewState | None = Field(description="The current decision, or null.")


class FindingList(_View):
    """The queue, and the counts the page shows ("7 of 23 decided")."""

    flagged: int = Field(description="Number of flagged findings (contradictions and variances).")
    decided: int = Field(description="Flagged findings whose decision is not in_progress.")
    findings: list[FindingSummary]
    problems: list[str] = Field(
        default_factory=list, description="Lines of review.jsonl that were skipped, and why."
    )
    stale: list[Decision] = Field(
        default_factory=list, description="Current decisions whose finding no longer exists."
    )


class ClaimView(_View):
    """One source's claim, with where it is and the text around it."""

    seed: str
    outlet: str | None
    claim_id: str
    rule: str
    text: str
    value: str
    normalisation: str
    attributed_to: str | None
    line: int
    column: int
    context: ClaimContext


class Side(_View):
    """The sources that state one value: agreeing with each other, against the other sides."""

    value: str
    claims: list[ClaimView]


class FindingDetail(FindingSummary):
    """One finding in full: the sides, the explanation, and the decisions taken on it."""

    explanation: str
    differences: list[str]
    sources: int
    sides: list[Side]
    history: list[Decision] = Field(description="Every decision on this finding, oldest first.")


class DecisionResult(_View):
    """The stored decision, and the next finding of the queue still to decide (or null)."""

    decision: Decision
    next: str | None


def is_decided(review: ReviewState | None) -> bool:
    return review is not None and review.decision is not DecisionKind.IN_PROGRESS


def queue_order(findings: list[Finding]) -> list[Finding]:
    """Contradictions, then variances, then agreements; by fact within a verdict."""
    rank = {verdict: index for index, verdict in enumerate(VERDICT_ORDER)}
    return sorted(
        findings, key=lambda f: (rank[f.verdict], f.fact.casefold(), f.fact, f.fingerprint)
    )


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def summary(finding: Finding, current: Decision | None) -> FindingSummary:
    return FindingSummary(
        fingerprint=finding.fingerprint,
        verdict=finding.verdict,
        flagged=finding.verdict in FLAGGED,
        category=finding.category,
        fact=finding.fact,
        rule=finding.rule,
        rule_name=finding.rule_name,
        seeds=sorted({claim.seed for claim in finding.claims}),
        values=_distinct([claim.value for claim in finding.claims]),
        independent_sources=finding.independent_sources,
        uncertain=finding.uncertain,
        review=review_state(current) if current else None,
    )


def finding_list(report: Report, current: dict[str, Decision], problems: list[str]) -> FindingList:
    rows = [summary(f, current.get(f.fingerprint)) for f in queue_order(report.findings)]
    flagged = [row for row in rows if row.flagged]
    known = {row.fingerprint for row in rows}
    return FindingList(
        flagged=len(flagged),
        decided=sum(1 for row in flagged if is_decided(row.review)),
        findings=rows,
        problems=problems,
        stale=[current[fp] for fp in sorted(current) if fp not in known],
    )


def finding_detail(
    report: Report, finding: Finding, history: list[Decision], texts: SeedTexts
) -> FindingDetail:
    seeds = {seed.id: seed for seed in report.seeds}
    sides: dict[str, list[ClaimView]] = {}
    for claim in finding.claims:
        info = seeds.get(claim.seed)
        text = texts.text(claim.seed, info.sha256) if info else None
        sides.setdefault(claim.value, []).append(
            ClaimView(
                seed=claim.seed,
                outlet=info.metadata.outlet if info else None,
                claim_id=claim.claim_id,
                rule=claim.rule,
                text=claim.text,
                value=claim.value,
                normalisation=claim.normalisation,
                attributed_to=claim.attributed_to,
                line=claim.line,
                column=claim.column,
                context=claim_context(claim, text),
            )
        )
    base = summary(finding, history[-1] if history else None)
    return FindingDetail(
        **base.model_dump(),
        explanation=finding.explanation,
        differences=finding.differences,
        sources=finding.sources,
        sides=[Side(value=value, claims=claims) for value, claims in sides.items()],
        history=history,
    )


def next_undecided(report: Report, current: dict[str, Decision], after: str) -> str | None:
    """The first flagged, undecided finding after ``after`` in the queue, wrapping around."""
    queue = [f for f in queue_order(report.findings) if f.verdict in FLAGGED]
    index = next((i for i, f in enumerate(queue) if f.fingerprint == after), -1)
    for finding in queue[index + 1 :] + queue[: index + 1]:
        decision = current.get(finding.fingerprint)
        if finding.fingerprint != after and not is_decided(
            review_state(decision) if decision else None
        ):
            return finding.fingerprint
    return None
