"""Finding and report models: what ``reports/consistency.json`` holds.

A *fact* is a group of claims from different seeds that state the same thing.
Each fact with two or more sources becomes a :class:`Finding` with a verdict;
facts stated by one source are listed in ``Report.single_source``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from checker.schema.claims import ArticleMeta, ClaimKind
from checker.schema.decisions import ReviewState

REPORT_SCHEMA_VERSION = "2.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Verdict(StrEnum):
    AGREEMENT = "agreement"
    VARIANCE = "variance"
    UPDATE = "update"  # one figure reported as it changes over time (a toll that rises)
    CONTRADICTION = "contradiction"


# Display order: what an editor must look at first.
VERDICT_ORDER: tuple[Verdict, ...] = (
    Verdict.CONTRADICTION,
    Verdict.UPDATE,
    Verdict.VARIANCE,
    Verdict.AGREEMENT,
)


class SlotStatus(StrEnum):
    """How the two clashing claims of a contradiction fill one slot of the fact's frame."""

    SAME = "same"  # both state it, and it is the same
    ONE_SIDE = "one_side"  # one claim states it, the other is silent
    DIFFERENT = "different"  # both state it, differently (a weak slot: lowers confidence)
    UNSTATED = "unstated"  # neither states it


class SlotMatch(_Model):
    """One slot of the identity evidence: what is counted, of whom, which event, when, unit."""

    slot: str = Field(description="measure, subject, event, time or dimension.")
    status: SlotStatus
    value: str | None = Field(default=None, description="The slot's value where stated.")


class SentenceRef(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class FindingClaim(_Model):
    """One source's claim inside a finding, located in its seed."""

    seed: str
    claim_id: str
    kind: ClaimKind
    rule: str = Field(description="Extractor rule that produced the claim.")
    text: str = Field(description="The exact span of the seed text.")
    start: int = Field(ge=0, description="Character offset in the seed.")
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line of ``start``.")
    column: int = Field(ge=1, description="1-based column of ``start``.")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1, description="1-based column just past the span.")
    sentence: SentenceRef
    value: str = Field(description="The normalised value compared, for display.")
    normalisation: str = Field(
        default="",
        description="How the value was obtained: hedge interval, year resolution, aliases.",
    )
    attributed_to: str | None = None
    as_of: str | None = Field(
        default=None,
        description="ISO date of the moment the value describes (an explicit time in the "
        "claim's clause, else the article's publication date), when known.",
    )


class Finding(_Model):
    fingerprint: str = Field(pattern=r"^[a-z0-9]+:[0-9a-f]{16,64}$")
    verdict: Verdict
    category: ClaimKind = Field(description="The kind of claim the fact is made of.")
    rule: str = Field(description="Code of the classification rule that decided the verdict.")
    rule_name: str
    fact: str = Field(description="Human description of the fact.")
    explanation: str
    differences: list[str] = Field(
        default_factory=list,
        description="What varies or clashes: value, format, hedge, precision, spelling, wording.",
    )
    uncertain: bool = Field(
        default=False,
        description="The verdict rests on an inferred value (a year resolved from context), "
        "or a contradiction's confidence is below the configured threshold: shown to "
        "editors, ranked low, not blocking the gate by default.",
    )
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Contradictions: how sure it is that the clashing claims state one fact "
        "(from the identity evidence); null for other verdicts.",
    )
    identity: list[SlotMatch] = Field(
        default_factory=list,
        description="Contradictions: which slots of the fact's frame the clashing claims "
        "share (measure, subject, event, time, dimension).",
    )
    story: str | None = Field(
        default=None,
        description="The story the fact belongs to: the sidecar's `story`, else the group "
        "of articles `checker stories` lists. Facts are matched only within a story.",
    )
    sources: int = Field(ge=2, description="Number of distinct seeds in the finding.")
    independent_sources: int = Field(
        ge=1, description="Sources once shared wire copy is counted once."
    )
    claims: list[FindingClaim] = Field(min_length=2)
    review: ReviewState | None = None


class SeedInfo(_Model):
    id: str
    sha256: str
    metadata: ArticleMeta


class Summary(_Model):
    sources: int
    claims: int
    facts: int
    agreement: int
    variance: int
    update: int = 0
    contradiction: int
    uncertain: int = Field(default=0, description="Contradictions reported as uncertain.")
    single_source: int


class Report(_Model):
    schema_version: str = REPORT_SCHEMA_VERSION
    checker_version: str
    seeds: list[SeedInfo]
    summary: Summary
    findings: list[Finding]
    single_source: list[FindingClaim]
