"""YAML rule cases (tests/extract/cases/<RULE>.yaml, <RULE>-<topic>.yaml) turned into pytest cases.

Each case gives a text (optionally a publication date) and the claims the rule
must produce, in order: every listed field must match; ``expect: []`` means the
rule must produce nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.extract import RULES
from tests.extract.helpers import extract, subset

CASES = Path(__file__).resolve().parent / "cases"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}:{case['name']}"))
    return params


@pytest.mark.parametrize(("code", "case"), _load())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    published = case.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    claim_file = extract(case["text"], published=published)
    got = [c.model_dump(mode="json") for c in claim_file.claims if c.rule == code]
    expected = case["expect"]
    assert len(got) == len(expected), f"{code} gave {len(got)} claims: {got}"
    for want, have in zip(expected, got, strict=True):
        assert subset(want, have), f"expected {want}\n     got {have}"


def test_every_rule_is_documented_and_has_cases() -> None:
    for code, rule in RULES.items():
        assert rule.name and rule.doc, code
        assert (CASES / f"{code}.yaml").is_file(), f"no YAML cases for {code}"


def test_every_case_file_names_a_rule() -> None:
    # <RULE>.yaml, or <RULE>-<topic>.yaml for more cases of one rule (Q001-real-news.yaml)
    for path in CASES.glob("*.yaml"):
        code = path.stem.split("-", 1)[0]
        assert code in RULES, f"{path.name} names no registered rule"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == code, f"{path.name} holds cases of {data['rule']}, not {code}"
