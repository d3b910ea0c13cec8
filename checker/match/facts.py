"""Claims of all seeds -> facts: keys, blocked scoring, clustering, wire-copy origins."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.config import Settings
from checker.frame.quantity import core, dimension_class, identity, same_fact, specific
from checker.match.blocking import Pairs, Scorer, all_pairs, blocked_pairs
from checker.match.cluster import ClaimRef, Unit, cluster, units_of_key
from checker.match.keys import MatchKey, base_pool, compatible, compatible_periods, match_key
from checker.match.predicates import shared_cores
from checker.match.sources import SeedTexts
from checker.match.vocabulary import Vocabulary, without_values
from checker.match.wire import Origins, Sentence, find_origins
from checker.progress import Progress, no_progress
from checker.schema.claims import ClaimFile


@dataclass(frozen=True)
class Fact:
    """Claims from two or more seeds (or one, for single-source facts) stating one thing."""

    pool: str
    key: str  # the smallest member key: stable, content-based
    claims: tuple[ClaimRef, ...]  # sorted by seed and position

    @property
    def seeds(self) -> list[str]:
        return sorted({c.seed for c in self.claims})


@dataclass(frozen=True)
class MatchResult:
    facts: list[Fact]  # two or more seeds
    single_source: list[Fact]  # one seed, no match elsewhere
    origins: Origins
    sentence_index: dict[tuple[str, int, int], int]  # (seed, start, end) of a sentence -> index


def pool_threshold(pool: str, settings: Settings) -> float:
    """The score two keys of ``pool`` need to name one fact."""
    if base_pool(pool) == "role":
        return settings.match.person_threshold
    return settings.match.threshold


def pool_scorer(pool: str) -> Scorer:
    """The rapidfuzz scorer of a pool.

    Role keys are names: plain ``ratio`` on sorted tokens. Every other key is
    a description of varying length ("clashes erupted" / "new clashes erupted
    with the army attacking civilians"): ``token_set_ratio`` scores the shared
    words against the shorter description, and :func:`compatible` then asks
    for enough shared words.
    """
    return fuzz.ratio if base_pool(pool) == "role" else fuzz.token_set_ratio


def score_keys(
    keys: Sequence[MatchKey],
    threshold: float,
    overlap: float,
    *,
    scorer: Scorer = fuzz.ratio,
    blocked: bool = True,
) -> Pairs:
    """Pairs of distinct keys (indices) scoring at least ``threshold``, guards applied.

    Empty keys (a claim whose fact has no words) never match.
    """
    texts = [k.text for k in keys]
    if blocked:
        pairs = blocked_pairs(
            texts, [k.tokens for k in keys], threshold=threshold, overlap=overlap, scorer=scorer
        )
    else:
        pairs = all_pairs(texts, threshold=threshold, scorer=scorer)
    return {
        p: s
        for p, s in pairs.items()
        if keys[p[0]].tokens and keys[p[1]].tokens and compatible(keys[p[0]], keys[p[1]])
    }


def match_claims(
    claim_files: Sequence[ClaimFile],
    settings: Settings,
    vocabulary: Vocabulary,
    texts: SeedTexts,
    progress: Progress = no_progress,
) -> MatchResult:
    """Group every claim into facts. Deterministic for a given set of claims files."""
    by_pool: dict[str, dict[str, list[ClaimRef]]] = {}
    keys: dict[tuple[str, str], MatchKey] = {}
    cores = shared_cores(((f.seed, c) for f in claim_files for c in f.claims), vocabulary)
    for claim_file in sorted(claim_files, key=lambda f: f.seed):
        for claim in claim_file.claims:
            key = match_key(claim, vocabulary, cores)
            keys[(key.pool, key.ident)] = key
            groups = by_pool.setdefault(key.pool, {})
            groups.setdefault(key.ident, []).append(ClaimRef(claim_file.seed, claim))

    facts: list[Fact] = []
    single: list[Fact] = []
    pools = sorted(by_pool)
    for done, pool in enumerate(pools, start=1):
        pool_keys = {ident: keys[(pool, ident)] for ident in by_pool[pool]}
        multi, alone = _pool_facts(pool, by_pool[pool], pool_keys, settings)
        facts.extend(multi)
        single.extend(alone)
        progress("match", done, len(pools))

    sentences, index = _sentences(claim_files, texts)
    origins = find_origins(
        sentences,
        strong=settings.match.wire_copy_threshold,
        weak=settings.match.wire_passage_threshold,
        overlap=settings.match.prefix_overlap,
        skeleton=lambda text: without_values(vocabulary.tokens(text)),
    )
    return MatchResult(facts=facts, single_source=single, origins=origins, sentence_index=index)


def _pool_facts(
    pool: str,
    groups: dict[str, list[ClaimRef]],
    keys: dict[str, MatchKey],
    settings: Settings,
) -> tuple[list[Fact], list[Fact]]:
    """The facts of one pool: (facts of two or more seeds, single-source facts)."""
    idents = sorted(groups)
    ordered = [keys[ident] for ident in idents]
    pairs = score_keys(
        ordered,
        pool_threshold(pool, settings),
        settings.match.prefix_overlap,
        scorer=pool_scorer(pool),
    )
    for (i, j), score in list(pairs.items()):
        a, b = ordered[i].frame, ordered[j].frame
        if a is not None and b is not None:
            # Wording alone ("38,000 people" / "2 million people") is weak evidence:
            # a pair counts as much as its frames agree (Lyon's crowd is not France's).
            pairs[(i, j)] = score * identity(a, b, None, None)[1]
    for pair, agreement in frame_pairs(ordered).items():
        pairs[pair] = max(pairs.get(pair, 0.0), FRAME_SCORE * agreement)
    units: list[Unit] = []
    main: list[int] = []  # key index -> its main unit
    unit_key: list[str] = []
    restated: list[tuple[int, int]] = []  # (unit, main unit of its key)
    for ident in idents:
        key_units = units_of_key(groups[ident])
        main.append(len(units))
        for n, unit in enumerate(key_units):
            if n:  # a seed restating the key's fact with another value
                unit.matched = True
                restated.append((len(units), main[-1]))
            units.append(unit)
            unit_key.append(keys[ident].text)
    edges = [(score, main[i], main[j]) for (i, j), score in pairs.items()]
    frames = [keys[idents[_key_of(main, u)]].frame for u in range(len(units))]
    facts: list[Fact] = []
    single: list[Fact] = []
    group_of: dict[int, list[int]] = {}
    for group in cluster(units, edges, frames):
        for i in group:
            group_of[i] = group
        members = [units[i] for i in group]
        claims = _sorted(c for u in members for c in u.claims)
        key = min(unit_key[i] for i in group)
        if len({c.seed for c in claims}) > 1:
            facts.append(Fact(pool=pool, key=key, claims=claims))
        elif not any(u.matched for u in members):
            single.append(Fact(pool=pool, key=key, claims=claims[:1]))
    # A seed that restates a fact with another value is compared with the other
    # seeds' claims of that fact too: a clash must not hide behind a repeat.
    for unit_index, main_index in restated:
        unit = units[unit_index]
        others = [
            c
            for i in group_of[main_index]
            for c in units[i].claims
            if c.seed not in unit.seeds and i != unit_index
        ]
        if others:
            key = min(unit_key[i] for i in group_of[main_index])
            facts.append(Fact(pool=pool, key=key, claims=_sorted([*unit.claims, *others])))
    return facts, single


# The score of a pair met through its frames: one measure named alike on both sides is as
# strong as one wording.
FRAME_SCORE = 100.0
_MAX_BUCKET = 256


def frame_pairs(keys: Sequence[MatchKey]) -> dict[tuple[int, int], float]:
    """Pairs of keys (indices, ``i < j``) whose figures name one measure alike (a
    specific frame: "ten foreigners on board" / "15 foreign nationals aboard") and
    agree on every slot both state, whatever the other words of their clauses.

    This is the frame's route to a fact; the key's wording is the other. Buckets
    of more than ``_MAX_BUCKET`` keys (a measure every article states) are left to
    the wording route, so the cost stays linear in practice. Each pair comes with how
    fully the frames agree (:func:`checker.frame.quantity.identity`, values aside), so
    that clustering joins the best-identified figures first."""
    buckets: dict[tuple[str, str, str | None], list[int]] = {}  # by the measure's head
    for index, key in enumerate(keys):
        frame = key.frame
        if frame is None or frame.measure is None or not specific(frame):
            continue
        bucket = (" ".join(str(x) for x in core(frame)), dimension_class(frame), frame.event)
        buckets.setdefault(bucket, []).append(index)
    found: dict[tuple[int, int], float] = {}
    for members in buckets.values():
        if len(members) < 2 or len(members) > _MAX_BUCKET:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = keys[i].frame, keys[j].frame
                assert a is not None and b is not None
                if same_fact(a, b) and compatible_periods(keys[i], keys[j]):
                    found[(i, j)] = identity(a, b, None, None)[1]
    return found


def _key_of(main: list[int], unit: int) -> int:
    """The index of the key whose units include ``unit`` (``main``: first unit per key)."""
    return bisect.bisect_right(main, unit) - 1


def _sorted(claims: Iterable[ClaimRef]) -> tuple[ClaimRef, ...]:
    return tuple(sorted(claims, key=lambda c: c.sort_key))


def _sentences(
    claim_files: Sequence[ClaimFile], texts: SeedTexts
) -> tuple[list[Sentence], dict[tuple[str, int, int], int]]:
    sentences: list[Sentence] = []
    index: dict[tuple[str, int, int], int] = {}
    for claim_file in sorted(claim_files, key=lambda f: f.seed):
        seed_text = texts.get(claim_file.seed)
        spans = sorted({(c.sentence.start, c.sentence.end) for c in claim_file.claims})
        for i, (start, end) in enumerate(spans):
            index[(claim_file.seed, start, end)] = i
            if seed_text is not None:
                sentences.append(Sentence(claim_file.seed, i, seed_text.slice(start, end)))
    return sentences, index
