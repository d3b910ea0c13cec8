"""Scored key pairs -> facts: greedy clustering that never merges two claims of one seed.

Claims with the same key form a *unit* (one per seed, except a statement a
seed repeats word for word, which stays one unit). Units are merged along
scored pairs, best score first, as long as the merged fact still has at most
one unit per seed: a seed states a fact once, so two different claims from the
same seed are two different facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.data import fold
from checker.frame.quantity import same_fact
from checker.schema.claims import (
    Claim,
    DateClaim,
    DurationClaim,
    Frame,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
)


@dataclass(frozen=True)
class ClaimRef:
    """A claim and the seed it comes from."""

    seed: str
    claim: Claim

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.seed, self.claim.start, self.claim.end, self.claim.id)


@dataclass
class Unit:
    """Claims of one key: at most one statement per seed (repeats kept together)."""

    claims: list[ClaimRef] = field(default_factory=list)
    seeds: set[str] = field(default_factory=set)
    matched: bool = False  # had a cross-seed pair above the threshold
    _signature: dict[str, tuple[object, ...]] = field(default_factory=dict)

    def accepts(self, ref: ClaimRef) -> bool:
        """A seed's claim joins when the seed is new here or repeats its statement."""
        held = self._signature.get(ref.seed)
        return held is None or held == _repeat_signature(ref)

    def add(self, ref: ClaimRef) -> None:
        self.claims.append(ref)
        self.seeds.add(ref.seed)
        self._signature.setdefault(ref.seed, _repeat_signature(ref))


def _repeat_signature(ref: ClaimRef) -> tuple[object, ...]:
    """Two claims of one seed with one key and this signature are one statement, repeated.

    The signature is the compared value, so a seed that gives a person the same
    office twice ("Defence Minister", later "National Defence Minister") states
    one fact, while a seed giving two different figures for one count does not.
    """
    claim = ref.claim
    if isinstance(claim, QuantityClaim):
        return (claim.kind, claim.value, claim.hedge, claim.vague)
    if isinstance(claim, DateClaim):
        return (claim.kind, claim.resolved)
    if isinstance(claim, DurationClaim):
        return (claim.kind, claim.value, claim.unit, claim.hedge)
    if isinstance(claim, RoleClaim):
        return (claim.kind, claim.title_key, fold(claim.organisation or ""))
    if isinstance(claim, QuoteClaim):
        return (claim.kind, fold(claim.speaker or ""), " ".join(fold(claim.quote).split()))
    return (claim.kind, claim.negated, " ".join(fold(claim.text).split()))


def units_of_key(refs: list[ClaimRef]) -> list[Unit]:
    """Split the claims sharing one key into units; the first unit is the key's main one."""
    units: list[Unit] = []
    for ref in sorted(refs, key=lambda r: r.sort_key):
        for unit in units:
            if unit.accepts(ref):
                unit.add(ref)
                break
        else:
            unit = Unit()
            unit.add(ref)
            units.append(unit)
    return units


def cluster(
    units: list[Unit],
    edges: list[tuple[float, int, int]],
    frames: Sequence[Frame | None] = (),
) -> list[list[int]]:
    """Greedy merge of ``units`` along ``edges`` ``(score, i, j)``, best first.

    Returns groups of unit indices, each group sorted, groups ordered by their
    first index. Marks units that had any edge as ``matched``. With ``frames`` (one
    per unit), two groups merge only when every frame of one agrees with every frame
    of the other: "181 people" may meet "179 dead" and "181 on board", but the dead
    and those aboard never become one fact through it.
    """
    parent = list(range(len(units)))
    seeds = [set(u.seeds) for u in units]
    held: list[list[Frame]] = [[f] if f is not None else [] for f in frames] or [[] for _ in units]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _score, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if units[i].seeds ^ units[j].seeds:  # a pair within one seed corroborates nothing
            units[i].matched = units[j].matched = True
        ri, rj = find(i), find(j)
        if ri == rj or not seeds[ri].isdisjoint(seeds[rj]):
            continue
        if any(not same_fact(a, b) for a in held[ri] for b in held[rj]):
            continue
        if len(seeds[ri]) < len(seeds[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        seeds[ri] |= seeds[rj]
        seeds[rj] = set()
        held[ri] = [*held[ri], *(f for f in held[rj] if f not in held[ri])]
        held[rj] = []
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
