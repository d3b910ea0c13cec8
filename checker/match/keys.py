"""Claim -> matching key: which pool it is compared in, and the words that name its fact.

The key names the *fact* (event and referent), never the compared value: the
value ("300", "Nov. 10", "Defence Minister") is what the classifier compares
once claims are matched. So a date key is its event's words without the date,
a role key is the person, a quote key is the quoted words (the speaker is the
compared value).

Pools: claims are only matched within a pool. Quotes and statements share the
``proposition`` pool because reported speech and a narrated clause can state
the same thing ("he praised Erdogan's political and moral support" / "the
political and moral support shown by Turkey").
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.match.vocabulary import Vocabulary, discriminators, without_values
from checker.schema.claims import (
    Claim,
    DateClaim,
    DurationClaim,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    StatementClaim,
)

POOLS = ("date", "duration", "proposition", "quantity", "role")


@dataclass(frozen=True)
class MatchKey:
    """What the matcher sees of one claim."""

    pool: str
    text: str  # sorted tokens joined by spaces: order-free, cheap to score with `ratio`
    tokens: tuple[str, ...]  # the distinct tokens, sorted
    guard: frozenset[str]  # discriminators (ordinals, numbers): must agree to match


def pool_of(claim: Claim) -> str:
    """The pool a claim is matched in. Furniture (a photo caption, a heading) has pools
    of its own: a caption's date dates the picture, never the story's events."""
    pool = "proposition" if isinstance(claim, QuoteClaim | StatementClaim) else claim.kind
    return pool if claim.section == "body" else f"{pool}@{claim.section}"


def base_pool(pool: str) -> str:
    """``"date@caption"`` -> ``"date"``: the kind of comparison a pool needs."""
    return pool.split("@", 1)[0]


def key_words(claim: Claim) -> str:
    """The raw words that name the claim's fact, before normalisation."""
    if isinstance(claim, QuantityClaim):
        return " ".join(p for p in (claim.actor, claim.action, claim.unit) if p)
    if isinstance(claim, DateClaim | DurationClaim):
        return claim.event
    if isinstance(claim, QuoteClaim):
        return claim.quote
    if isinstance(claim, RoleClaim):
        return claim.person
    if isinstance(claim, StatementClaim):
        parts = (claim.subject, claim.predicate, claim.object)
        return claim.clause or " ".join(p for p in parts if p)
    raise TypeError(f"unknown claim kind {claim.kind!r}")  # pragma: no cover


def match_key(claim: Claim, vocabulary: Vocabulary) -> MatchKey:
    """The :class:`MatchKey` of ``claim``."""
    pool = pool_of(claim)
    tokens = vocabulary.tokens(key_words(claim))
    if base_pool(pool) in ("date", "duration", "quantity"):
        tokens = without_values(tokens)
    if base_pool(pool) == "role":
        # A person is matched by name only; ordinals never apply.
        guard: frozenset[str] = frozenset()
    else:
        guard = discriminators(tokens)
    distinct = tuple(sorted(set(tokens)))
    return MatchKey(pool=pool, text=" ".join(sorted(tokens)), tokens=distinct, guard=guard)


def compatible(a: MatchKey, b: MatchKey) -> bool:
    """Keys whose discriminators differ never name one fact ("first" / "second anniversary")."""
    return a.guard == b.guard or not a.guard or not b.guard
