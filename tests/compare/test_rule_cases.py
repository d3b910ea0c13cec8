"""YAML rule cases (``cases/<CODE>.yaml``) turned into pytest cases, one per entry.

Each case gives two claims (``a`` from seed ``a``, ``b`` from seed ``b``) and the
expected outcome: ``verdict``, optionally ``differences`` (that must all be
reported), ``uncertain``, ``explains`` (words the explanation must contain),
and ``matched`` (whether the matcher puts them in one fact at all; when false,
no verdict is checked).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.classify import REGISTRY, Context, judge
from checker.config import Settings
from checker.data import load_lexicon
from checker.match import ClaimRef, SeedTexts, Vocabulary, match_claims
from checker.match.keys import pool_of
from tests.compare.builders import claim, claim_file

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}-{case['name']}"))
    return params


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(root=tmp_path_factory.mktemp("root"))


def test_every_rule_has_cases() -> None:
    files = {p.stem for p in CASES.glob("*.yaml")}
    assert set(REGISTRY) <= files
    for code, rule in REGISTRY.items():
        assert rule.__doc__ and rule.name, code


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], settings: Settings) -> None:
    vocabulary = Vocabulary(load_lexicon(settings))
    a, b = claim(case["a"], seed="a"), claim(case["b"], seed="b")
    result = match_claims(
        [claim_file("a", [a]), claim_file("b", [b])],
        settings,
        vocabulary,
        SeedTexts(settings.seeds_dir),
    )
    matched = bool(result.facts)
    assert matched == case.get("matched", True), "matching"
    if not matched:
        return
    ctx = Context(settings=settings, vocabulary=vocabulary)
    refs = [ClaimRef("a", a), ClaimRef("b", b)]
    judgement = judge(pool_of(a), "key", refs, ctx)
    outcome = judgement.outcome
    assert judgement.rule.code == rule
    assert outcome.verdict.value == case["verdict"], outcome.explanation
    assert set(case.get("differences", [])) <= set(outcome.differences), outcome
    assert outcome.uncertain == case.get("uncertain", False)
    for words in case.get("explains", []):
        assert words in outcome.explanation
    # Verdicts do not depend on which source comes first.
    swapped = judgement.rule.compare(b, a, ctx)
    assert swapped.verdict == outcome.verdict
