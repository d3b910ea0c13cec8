"""One fact -> its rule's combined verdict over every pair of sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.classify.fingerprint import fingerprint
from checker.classify.registry import AGREE, Context, Outcome, Rule, rule_for, worst
from checker.match.cluster import ClaimRef
from checker.match.keys import base_pool
from checker.schema.findings import Verdict

# Distinct values compared pairwise; a fact stated many ways (thousands of
# syndicated copies) compares each further value with these only.
_MAX_FULL = 16
_MAX_PAIRS = 256


@dataclass(frozen=True)
class Judgement:
    rule: Rule
    outcome: Outcome
    values: list[str]  # per claim, in the fact's order
    normalisations: list[str]
    fingerprint: str
    # (claim index, claim index) of the pair that decided a contradiction
    deciding: tuple[int, int] | None


def judge(pool: str, fact_key: str, refs: Sequence[ClaimRef], ctx: Context) -> Judgement:
    """Compare the claims of one fact with the rule registered for its pool."""
    claims = [r.claim for r in refs]
    rule = rule_for(base_pool(pool), claims)
    values = [rule.value(c, ctx) for c in claims]
    # Claims with one value are compared once across values (is there a clash?),
    # and their wordings are compared within the value (what varies?). Both in
    # the fact's order (seed id, position), so explanations read source by source.
    by_value: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for i, claim in enumerate(claims):
        variants = by_value.setdefault(values[i], {})
        variants.setdefault(rule.signature(claim, ctx), []).append(i)
    groups = [[m for ms in v.values() for m in ms] for v in by_value.values()]
    outcomes: list[Outcome] = []
    deciding: tuple[int, int] | None = None
    best_rank = -1

    def compare(pair: tuple[int, int] | None) -> None:
        nonlocal best_rank, deciding
        if pair is None:
            return
        outcome = rule.compare(claims[pair[0]], claims[pair[1]], ctx)
        outcomes.append(outcome)
        if outcome.rank > best_rank:
            best_rank, deciding = outcome.rank, pair

    # Every value meets the first few; with many values, fewer each (bounded work).
    first = max(2, min(_MAX_FULL, _MAX_PAIRS // max(1, len(groups))))
    for y, members_y in enumerate(groups):
        for x in range(min(y, first)):
            compare(_cross_seed_pair(refs, groups[x], members_y))
    for variants in by_value.values():
        wordings = list(variants.values())
        for other in wordings[1:_MAX_FULL]:
            compare(_cross_seed_pair(refs, wordings[0], other))
    outcome = worst(outcomes) if outcomes else AGREE
    seeds = {r.seed for r in refs}
    return Judgement(
        rule=rule,
        outcome=outcome,
        values=values,
        normalisations=[rule.normalisation(c, ctx) for c in claims],
        fingerprint=fingerprint(rule.code, fact_key, seeds, values),
        deciding=deciding if outcome.verdict is Verdict.CONTRADICTION else None,
    )


def _cross_seed_pair(
    refs: Sequence[ClaimRef], xs: list[int], ys: list[int]
) -> tuple[int, int] | None:
    for i in xs:
        for j in ys:
            if refs[i].seed != refs[j].seed:
                return (i, j)
    return None
