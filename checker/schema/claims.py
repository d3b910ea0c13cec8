"""Claim models: the typed records written to ``claims/<id>.json``.

A :class:`ClaimFile` holds every claim extracted from one seed. ``Claim`` is a
discriminated union on ``kind``; every member shares the fields of
:class:`ClaimBase` (exact span, sentence, attribution, hedge, negation, rule).
The JSON Schema in ``claims/schema.json`` is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

CLAIMS_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """Half-open character range ``[start, end)`` in the seed text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Hedge(StrEnum):
    """How precisely a value is stated."""

    EXACT = "exact"  # "300", "44 days"
    APPROXIMATE = "approximate"  # "around 300", "about", "roughly", "some"
    NEARLY = "nearly"  # "nearly 300", "almost 30 years": a little below N, at most N
    AT_LEAST = "at_least"  # "at least 300"
    AT_MOST = "at_most"  # "up to 300", "at most"
    MORE_THAN = "more_than"  # "more than 300", "over 300"
    LESS_THAN = "less_than"  # "less than 300", "under 300", "fewer than"
    VAGUE = "vague"  # "several", "dozens of", "many"
    RANGE = "range"  # "between 400 and 600", "5-6 metres": value is the low end


class Interval(_Model):
    """The values a hedged figure allows. ``None`` is unbounded on that side."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False


class Resolution(StrEnum):
    """Where a date part that the text does not state came from."""

    STATED = "stated"  # every resolved part is in the text
    EVENT = "event"  # from the event the sentence refers to (anniversary, past tense)
    PUBLICATION = "publication"  # from the article's publication date
    RELATIVE = "relative"  # computed from another date ("two months later", "on Monday")
    UNRESOLVED = "unresolved"  # not enough to resolve it


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PartialDate(_Model):
    """A calendar date of which any part may be unknown."""

    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class ClaimBase(_Model):
    id: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*:[a-z]+:[0-9a-f]{12}$",
        description="<seed>:<kind>:<hash of the seed, kind and normalised content>",
    )
    text: str = Field(min_length=1, description="The exact span of the seed text.")
    start: int = Field(ge=0, description="Character offset of the span's start.")
    end: int = Field(ge=0, description="Character offset just past the span.")
    sentence: Span
    attributed_to: str | None = Field(
        default=None, description="Speaker when the claim is reported speech."
    )
    hedge: Hedge = Hedge.EXACT
    negated: bool = False
    rule: str = Field(pattern=r"^[A-Z][0-9]{3}$", description="Code of the extractor rule.")
    entities: list[str] = Field(
        default_factory=list,
        description="Canonical names (after aliasing) of the entities in the sentence, sorted.",
    )
    section: Literal["body", "caption", "heading", "teaser"] = Field(
        default="body",
        description="Where the claim stands: body text, or article furniture (a photo caption "
        "dates the picture, not the story).",
    )
    period: int | None = Field(
        default=None,
        description="The year the claim's clause is anchored to, when the text states one "
        "('killed 145 people in 2001', 'grew 1.1% in 2023', 'this year'): claims anchored to "
        "different years are about different events or periods. Set on quantities and "
        "durations.",
    )


class Frame(_Model):
    """The identity of a figure's fact, slot by slot; a slot the text does not state is
    null. Two figures state one fact only when their frames agree on every slot both
    state; the slots they share are the identity evidence of a contradiction."""

    measure: str | None = Field(
        default=None,
        description="What is counted or measured and what happened to it: 'people killed', "
        "'people aboard', 'votes voted_against', 'fee', 'depth'. Null when the text names "
        "nothing specific ('£5m', '181 people' with no verb).",
    )
    state: str | None = Field(
        default=None, description="What happened to the counted thing: killed, aboard, ..."
    )
    subject: list[str] = Field(
        default_factory=list,
        description="Whose or of what: folded names in the figure's clause (speakers left out).",
    )
    event: str | None = Field(
        default=None,
        description="Another event than the story's own, when the clause names one: a year "
        "('1960') or 'previous'.",
    )
    as_of: dt.date | None = Field(
        default=None,
        description="The moment the figure describes when its clause states a full date "
        "('on Sunday' resolved); else the article's publication date applies.",
    )
    dimension: str = Field(
        default="count",
        description="count, percent, points, magnitude, age, length (in km), or money:<currency>.",
    )
    bound: Literal["running", "ceiling"] | None = Field(
        default=None,
        description="'running': a figure reported as it changes ('so far', 'rose to', 'at "
        "least'); 'ceiling': a sum's maximum ('rising to', 'with add-ons', 'up to').",
    )
    period: str | None = Field(
        default=None,
        description="The month the figure belongs to when its clause names one without a "
        "day ('inflation fell to 7.9% in June'): 'YYYY-MM', or '--MM' when the year is "
        "not stated.",
    )
    change: bool = Field(
        default=False,
        description="The figure is a step, not a level: 'raised rates by 0.25 percentage "
        "points', 'shares rose 3%', 'a £2bn drop'. A step and a level are never one fact.",
    )
    modality: Literal["forecast"] | None = Field(
        default=None,
        description="'forecast': a projection or expectation ('is expected to fall to "
        "5%'), never the same fact as an actual figure.",
    )
    place: str | None = Field(
        default=None,
        description="Where the figure was counted when its clause says so ('38,000 in "
        "Lyon', 'killed 117 in Gansu'): figures of two places are two facts.",
    )
    source: str | None = Field(
        default=None,
        description="Who gives the figure when the sentence says so ('according to the "
        "interior ministry', 'police said'): two authorities' figures are two facts.",
    )
    progress: float | None = Field(
        default=None,
        description="For a running vote count: the percentage counted when the figure was "
        "given ('with 99% of votes counted'); figures of one moment are compared.",
    )


class QuantityClaim(ClaimBase):
    kind: Literal["quantity"] = "quantity"
    value: float | None = Field(description="The stated number; null for vague quantities.")
    unit: str = Field(description="The counted thing, normalised (lower case, aliases applied).")
    actor: str | None = None
    action: str | None = None
    interval: Interval
    vague: str | None = Field(default=None, description="The vague word: several, dozens, ...")
    frame: Frame | None = Field(
        default=None, description="The identity of the figure's fact (see Frame)."
    )


class DateClaim(ClaimBase):
    kind: Literal["date"] = "date"
    event: str = Field(description="What happened then, normalised words of the clause.")
    stated: PartialDate = Field(description="The parts the text states.")
    resolved: PartialDate = Field(description="Stated parts plus those resolved from context.")
    resolution: Resolution
    confidence: Confidence
    year_inferred: bool
    granularity: Literal["day", "month", "year", "weekday"]


class DurationClaim(ClaimBase):
    kind: Literal["duration"] = "duration"
    event: str = Field(description="The event or state that lasted.")
    value: float
    unit: Literal["minute", "hour", "day", "week", "month", "year", "decade"]
    interval: Interval = Field(description="Allowed values in ``unit`` given the hedge.")


class QuoteClaim(ClaimBase):
    kind: Literal["quote"] = "quote"
    speaker: str | None
    speaker_named: bool = Field(
        default=True,
        description="Whether the quote's sentence names the speaker; false when the "
        "speaker is carried over from earlier sentences ('he said').",
    )
    quote: str = Field(description="The quoted or reported words, exactly as written.")
    verb: str | None
    direct: bool


class RoleClaim(ClaimBase):
    kind: Literal["role"] = "role"
    person: str = Field(description="Canonical person name (aliases applied).")
    title: str = Field(description="The title as written, e.g. 'National Defence Minister'.")
    title_key: str = Field(description="Normalised office, e.g. 'defence minister'.")
    organisation: str | None = Field(default=None, description="Country or organisation.")


class StatementClaim(ClaimBase):
    kind: Literal["statement"] = "statement"
    subject: str | None
    predicate: str
    object: str | None
    clause: str = Field(description="The normalised clause text used for matching.")


Claim = Annotated[
    QuantityClaim | DateClaim | DurationClaim | QuoteClaim | RoleClaim | StatementClaim,
    Field(discriminator="kind"),
]

ClaimKind = Literal["quantity", "date", "duration", "quote", "role", "statement"]
CLAIM_KINDS: tuple[ClaimKind, ...] = (
    "date",
    "duration",
    "quantity",
    "quote",
    "role",
    "statement",
)


class ArticleMeta(_Model):
    """Article metadata, given in ``seeds/<id>.toml`` or inferred from the text."""

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    wire: str | None = None
    title: str | None = None
    story: str | None = Field(
        default=None,
        description="The story the article belongs to, given in the sidecar; facts are "
        "matched only between articles of one story. Null: grouped automatically.",
    )
    inferred: dict[str, str] = Field(
        default_factory=dict,
        description="Field name -> the evidence it was inferred from; absent when given.",
    )


class ClaimFile(_Model):
    schema_version: Literal["1.0"] = "1.0"
    seed: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    seed_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    extractor_version: str
    article: ArticleMeta
    claims: list[Claim]
