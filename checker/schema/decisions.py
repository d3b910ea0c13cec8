"""Editor decisions: one line of ``reports/review.jsonl`` each."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class DecisionKind(StrEnum):
    CONFIRMED = "confirmed"  # a real discrepancy: an editor must act
    DISMISSED = "dismissed"  # a false alarm
    ACCEPTED = "accepted"  # a real but acceptable difference (note required)
    IN_PROGRESS = "in_progress"


class DecisionRequest(BaseModel):
    """What an editor submits (web form, API, ``checker decide``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str = Field(min_length=1, max_length=200)
    decision: DecisionKind
    reviewer: str = Field(min_length=1, max_length=200)
    note: str = Field(default="", max_length=10_000)

    @field_validator("fingerprint", "reviewer", "note")
    @classmethod
    def _encodable(cls, value: str) -> str:
        # Lone surrogates (possible from JSON escapes and from argv) cannot be stored as UTF-8.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text (no lone surrogates)") from None
        return value

    @field_validator("reviewer")
    @classmethod
    def _reviewer_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("reviewer must not be blank")
        return value

    @model_validator(mode="after")
    def _accepted_needs_note(self) -> DecisionRequest:
        if self.decision is DecisionKind.ACCEPTED and not self.note.strip():
            raise ValueError("an 'accepted' decision needs a note saying why")
        return self


class Decision(DecisionRequest):
    """A stored decision: the request, when it was made, and the finding as it was."""

    at: dt.datetime = Field(description="UTC time the decision was recorded.")
    fact: str = Field(default="", description="The finding's fact when decided.")
    verdict: str = Field(default="", description="The finding's verdict when decided.")
    values: list[str] = Field(
        default_factory=list, description="'seed: value' of each claim when decided."
    )


class ReviewState(BaseModel):
    """The current decision on a finding, as shown in reports."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    decision: DecisionKind
    reviewer: str
    note: str
    at: dt.datetime
