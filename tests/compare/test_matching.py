"""Blocked matcher vs the naive oracle, fact clustering, and wire-copy origins."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings
from checker.data import load_lexicon
from checker.match import SeedTexts, Sentence, Vocabulary, find_origins, match_claims
from checker.match.facts import pool_scorer, pool_threshold, score_keys
from checker.match.keys import MatchKey, match_key
from tests.compare.builders import claim, claim_file
from tests.compare.corpus_gen import Generator
from tests.compare.oracle import naive_pairs


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(root=tmp_path_factory.mktemp("root"))


@pytest.fixture(scope="module")
def vocabulary(settings: Settings) -> Vocabulary:
    return Vocabulary(load_lexicon(settings))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_matcher_finds_what_the_naive_one_finds(
    seed: int, settings: Settings, vocabulary: Vocabulary
) -> None:
    files = Generator(seed).claim_files(150)
    pools: dict[str, dict[str, MatchKey]] = {}
    for f in files:
        for c in f.claims:
            key = match_key(c, vocabulary)
            pools.setdefault(key.pool, {})[key.ident] = key
    found = expected = 0
    for pool, by_text in sorted(pools.items()):
        keys = [by_text[t] for t in sorted(by_text)]
        threshold = pool_threshold(pool, settings)
        scorer = pool_scorer(pool)
        oracle = naive_pairs(keys, threshold, scorer)
        blocked = set(score_keys(keys, threshold, settings.match.prefix_overlap, scorer=scorer))
        assert blocked <= oracle  # blocking never invents a pair
        found += len(blocked & oracle)
        expected += len(oracle)
    assert expected > 100  # the corpus does have matches to find
    assert found >= 0.99 * expected


def test_a_fact_never_holds_two_claims_of_one_seed(
    settings: Settings, vocabulary: Vocabulary
) -> None:
    files = Generator(7).claim_files(120)
    result = match_claims(files, settings, vocabulary, SeedTexts(settings.seeds_dir))
    assert result.facts
    for fact in result.facts:
        seeds = [c.seed for c in fact.claims]
        repeats = len(seeds) - len(set(seeds))
        if repeats:
            texts = {(c.seed, " ".join(c.claim.text.split())) for c in fact.claims}
            assert len(texts) == len(set(seeds))  # only word-for-word repeats


def test_repeated_statement_is_one_claim_not_two_sources(
    settings: Settings, vocabulary: Vocabulary
) -> None:
    text = "Akar said Turkey will continue to strive for peace in the region"
    a1 = claim({"kind": "statement", "text": text}, seed="a", start=0)
    a2 = claim({"kind": "statement", "text": text}, seed="a", start=200)
    result = match_claims([claim_file("a", [a1, a2])], settings, vocabulary, SeedTexts(Path()))
    assert not result.facts
    assert len(result.single_source) == 1


def test_matching_ignores_seed_order(settings: Settings, vocabulary: Vocabulary) -> None:
    files = Generator(11).claim_files(60)
    one = match_claims(files, settings, vocabulary, SeedTexts(Path()))
    two = match_claims(files[::-1], settings, vocabulary, SeedTexts(Path()))
    assert [f.claims for f in one.facts] == [f.claims for f in two.facts]


BACKGROUND = [
    "Relations between the two republics have been tense since 1991 when the army occupied "
    "the region, and seven adjacent districts.",
    "New clashes erupted on September 27, 2020.",
    "During the 44-day war, the army retook several cities and 300 villages.",
]
EDITED = [
    "Relations between the republics have been tense since 1991 when the army illegally "
    "occupied the region and seven adjacent districts.",
    "When new clashes erupted on Sept. 27, the army launched attacks on civilians.",
    "During the 44-day conflict, the army liberated several cities and nearly 300 villages.",
]


def test_edited_wire_copy_is_one_origin() -> None:
    sentences = [Sentence("a", i, s) for i, s in enumerate(BACKGROUND)]
    sentences += [Sentence("b", i + 5, s) for i, s in enumerate(EDITED)]
    sentences += [Sentence("c", 0, "The minister met officers in the capital on Monday.")]
    origins = find_origins(sentences, strong=90, weak=70)
    assert origins.of("a", 0) is not None
    assert origins.of("a", 0) == origins.of("b", 5)
    assert origins.of("a", 2) == origins.of("b", 7)
    assert origins.of("c", 0) is None


def test_one_similar_sentence_alone_is_not_wire_copy() -> None:
    sentences = [
        Sentence("a", 0, "During the 44-day war, the army retook several cities and 300 villages."),
        Sentence("b", 0, "During the 44-day conflict, the army liberated cities and 300 villages."),
    ]
    origins = find_origins(sentences, strong=95, weak=70)
    assert origins.of("a", 0) is None
