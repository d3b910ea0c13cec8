"""The classification rule registry: one registered unit per kind of comparison.

A rule compares the claims of one fact two at a time and says whether they
agree, vary or contradict. Each rule has a code (``C1xx``), a name and a
docstring that is its user documentation; YAML cases under
``tests/compare/cases/<code>.yaml`` exercise it. Every finding names the rule
that decided it.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from checker.config import Settings
from checker.match.vocabulary import Vocabulary
from checker.schema.claims import Claim
from checker.schema.findings import SlotMatch, Verdict

_RANK = {Verdict.AGREEMENT: 0, Verdict.VARIANCE: 1, Verdict.UPDATE: 2, Verdict.CONTRADICTION: 3}


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the claims: thresholds, the vocabulary, and each
    seed's publication date (the moment a figure describes when its clause names none)."""

    settings: Settings
    vocabulary: Vocabulary
    published: Mapping[str, dt.date | None] = field(default_factory=dict)

    def as_of(self, claim: Claim) -> dt.date | None:
        """The moment a claim's value describes: a full date its clause states, else its
        article's publication date."""
        frame = getattr(claim, "frame", None)
        if frame is not None and frame.as_of is not None:
            return frame.as_of  # type: ignore[no-any-return]
        return self.published.get(seed_of(claim))


def seed_of(claim: Claim) -> str:
    """The seed a claim comes from (its id is ``<seed>:<kind>:<hash>``)."""
    return claim.id.rsplit(":", 2)[0]


@dataclass(frozen=True)
class Outcome:
    """The verdict on a pair (or a whole fact) and why."""

    verdict: Verdict
    explanation: str
    differences: tuple[str, ...] = ()
    uncertain: bool = False
    confidence: float | None = None  # contradictions: how sure the claims state one fact
    identity: tuple[SlotMatch, ...] = ()  # contradictions: the frame slots they share

    @property
    def rank(self) -> int:
        return _RANK[self.verdict]


AGREE = Outcome(Verdict.AGREEMENT, "same value, same wording")


@dataclass(frozen=True)
class Verdicts:
    """A fact's combined outcome: the worst pair decides; differences are merged."""

    outcome: Outcome
    pairs: list[tuple[int, int, Outcome]] = field(default_factory=list)


class Rule(ABC):
    """A classification rule. Subclasses set ``code``, ``name`` and ``pools``."""

    code: ClassVar[str]
    name: ClassVar[str]
    pools: ClassVar[tuple[str, ...]]

    @classmethod
    def applies(cls, claims: Sequence[Claim]) -> bool:
        """Whether this rule decides a fact made of ``claims`` (all of one pool)."""
        return True

    @abstractmethod
    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        """The outcome of one pair of claims from different seeds."""

    @abstractmethod
    def value(self, claim: Claim, ctx: Context) -> str:
        """The normalised value compared, for display and fingerprints."""

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        """How :meth:`value` was obtained from the text (hedge interval, year resolution)."""
        return ""

    def signature(self, claim: Claim, ctx: Context) -> tuple[str, ...]:
        """Claims with equal signatures compare alike: each signature is compared once."""
        return (self.value(claim, ctx), " ".join(claim.text.split()))


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to :data:`REGISTRY` (codes are unique)."""
    if cls.code in REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    REGISTRY[cls.code] = cls
    return cls


def rule_for(pool: str, claims: Sequence[Claim]) -> Rule:
    """The registered rule that decides a fact of ``pool`` (first by code that applies)."""
    for code in sorted(REGISTRY):
        cls = REGISTRY[code]
        if pool in cls.pools and cls.applies(claims):
            return cls()
    raise LookupError(f"no classification rule for pool {pool!r}")


def worst(outcomes: Sequence[Outcome]) -> Outcome:
    """Combine pair outcomes: the highest verdict wins; of its pairs, the surest one
    (a certain one before an uncertain one, then the highest confidence) explains it;
    a contradiction is uncertain only when every contradicting pair is; differences
    are the sorted union."""
    top = max(o.rank for o in outcomes)
    deciding = sorted(
        (o for o in outcomes if o.rank == top),
        key=lambda o: (o.uncertain, -(o.confidence if o.confidence is not None else 1.0)),
    )
    differences = sorted({d for o in outcomes for d in o.differences})
    first = deciding[0]
    return Outcome(
        verdict=first.verdict,
        explanation=first.explanation,
        differences=tuple(differences),
        uncertain=first.uncertain,
        confidence=first.confidence,
        identity=first.identity,
    )
