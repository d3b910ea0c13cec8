"""What the review API returns: the queue of findings and one finding in full.

The queue holds what an editor must decide: contradictions (*flagged*),
confident ones first by confidence (highest first), uncertain ones last. Updates,
variances and agreements follow, listed for reference but not flagged: they are
information, not decisions (variances are flagged only when the gate blocks on
them, ``[tool.checker.gate] fail_on_variance``). A finding counts as *decided*
once its current decision is anything but ``in_progress``.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, ConfigDict, Field

from checker.report.common import contradiction_rank, timeline
from checker.review.context import ClaimContext, SeedTexts, claim_context
from checker.review.store import review_state
from checker.schema import (
    VERDICT_ORDER,
    ClaimKind,
    Decision,
    DecisionKind,
    Finding,
    FindingClaim,
    Report,
    ReviewState,
    SlotMatch,
    Verdict,
)

# What the queue holds by default: what an editor must decide.
FLAGGED: frozenset[Verdict] = frozenset({Verdict.CONTRADICTION})


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class FindingSummary(_View):
    """One row of the queue."""

    fingerprint: str
    verdict: Verdict
    flagged: bool = Field(
        description="In the queue: an editor must decide it (contradictions; variances too "
        "when the gate blocks on them)."
    )
    category: ClaimKind
    fact: str
    rule: str
    rule_name: str
    seeds: list[str] = Field(description="The sources of the finding, sorted.")
    values: list[str] = Field(description="The distinct normalised values, in claim order.")
    independent_sources: int
    uncertain: bool = Field(
        description="Uncertain: below the confidence threshold, or resting on an inferred "
        "value; ranked last among contradictions."
    )
    confidence: float | None = Field(
        default=None,
        description="Contradictions: how sure it is that the clashing claims state one fact.",
    )
    review: ReviewState | None = Field(description="The current decision, or null.")


class FindingList(_View):
    """The queue, and the counts the page shows ("7 of 23 decided")."""

    flagged: int = Field(description="Number of flagged findings (the queue to decide).")
    decided: int = Field(description="Flagged findings whose decision is not in_progress.")
    uncertain: int = Field(default=0, description="Flagged findings that are uncertain.")
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
    as_of: str | None = Field(
        default=None, description="ISO date of the moment the value describes, when known."
    )
    context: ClaimContext


class Side(_View):
    """The sources that state one value: agreeing with each other, against the other sides.
    An update's sides are in time order (by their earliest ``as_of``)."""

    value: str
    claims: list[ClaimView]


class FindingDetail(FindingSummary):
    """One finding in full: the sides, the explanation, and the decisions taken on it."""

    explanation: str
    differences: list[str]
    identity: list[SlotMatch] = Field(
        default_factory=list,
        description="Contradictions: which slots of the fact the clashing claims share.",
    )
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
    """Contradictions (confident first, by confidence, highest first; uncertain last),
    then updates, variances and agreements; by fact within a verdict and rank."""
    rank = {verdict: index for index, verdict in enumerate(VERDICT_ORDER)}

    def key(f: Finding) -> tuple[object, ...]:
        confidence = contradiction_rank(f) if f.verdict is Verdict.CONTRADICTION else (False, 0.0)
        return (rank[f.verdict], *confidence, f.fact.casefold(), f.fact, f.fingerprint)

    return sorted(findings, key=key)


def _claims_in_order(finding: Finding) -> list[FindingClaim]:
    """The claims as the page shows them: an update's in time order."""
    return timeline(finding) if finding.verdict is Verdict.UPDATE else finding.claims


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def summary(
    finding: Finding, current: Decision | None, flagged: Collection[Verdict] = FLAGGED
) -> FindingSummary:
    return FindingSummary(
        fingerprint=finding.fingerprint,
        verdict=finding.verdict,
        flagged=finding.verdict in flagged,
        category=finding.category,
        fact=finding.fact,
        rule=finding.rule,
        rule_name=finding.rule_name,
        seeds=sorted({claim.seed for claim in finding.claims}),
        values=_distinct([claim.value for claim in _claims_in_order(finding)]),
        independent_sources=finding.independent_sources,
        uncertain=finding.uncertain,
        confidence=finding.confidence,
        review=review_state(current) if current else None,
    )


def finding_list(
    report: Report,
    current: dict[str, Decision],
    problems: list[str],
    flagged: Collection[Verdict] = FLAGGED,
) -> FindingList:
    """The queue: every finding in :func:`queue_order`, those of a ``flagged`` verdict
    flagged, and the counts of the flagged ones."""
    rows = [summary(f, current.get(f.fingerprint), flagged) for f in queue_order(report.findings)]
    queue = [row for row in rows if row.flagged]
    known = {row.fingerprint for row in rows}
    return FindingList(
        flagged=len(queue),
        decided=sum(1 for row in queue if is_decided(row.review)),
        uncertain=sum(1 for row in queue if row.uncertain),
        findings=rows,
        problems=problems,
        stale=[current[fp] for fp in sorted(current) if fp not in known],
    )


def finding_detail(
    report: Report,
    finding: Finding,
    history: list[Decision],
    texts: SeedTexts,
    flagged: Collection[Verdict] = FLAGGED,
) -> FindingDetail:
    seeds = {seed.id: seed for seed in report.seeds}
    sides: dict[str, list[ClaimView]] = {}
    for claim in _claims_in_order(finding):
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
                as_of=claim.as_of,
                context=claim_context(claim, text),
            )
        )
    base = summary(finding, history[-1] if history else None, flagged)
    return FindingDetail(
        **base.model_dump(),
        explanation=finding.explanation,
        differences=finding.differences,
        identity=finding.identity,
        sources=finding.sources,
        sides=[Side(value=value, claims=claims) for value, claims in sides.items()],
        history=history,
    )


def next_undecided(
    report: Report,
    current: dict[str, Decision],
    after: str,
    flagged: Collection[Verdict] = FLAGGED,
) -> str | None:
    """The first flagged, undecided finding after ``after`` in the queue, wrapping around."""
    queue = [f for f in queue_order(report.findings) if f.verdict in flagged]
    index = next((i for i, f in enumerate(queue) if f.fingerprint == after), -1)
    for finding in queue[index + 1 :] + queue[: index + 1]:
        decision = current.get(finding.fingerprint)
        if finding.fingerprint != after and not is_decided(
            review_state(decision) if decision else None
        ):
            return finding.fingerprint
    return None
