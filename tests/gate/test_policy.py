"""The review policy over hand-made findings and decisions (YAML cases + properties)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.config import GateSettings
from checker.gate.policy import finding_problems, review_state, settled_counts
from tests.gate.factories import decision, finding, report

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("policy_cases.yml")).read_text(encoding="utf-8")
)
SEED_FILES = {"a": "seeds/a.txt", "b": "seeds/b.txt", "new": "seeds/new.txt"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_policy_case(case: dict[str, Any]) -> None:
    item = finding(
        case["verdict"], {"a": "300", "b": "250"}, uncertain=case.get("uncertain", False)
    )
    decisions = {}
    if case["decision"] is not None:
        decisions[item.fingerprint] = decision(item.fingerprint, case["decision"])
    policy = GateSettings.model_validate(
        {k: case[k] for k in ("block_on", "fail_on_variance", "block_uncertain") if k in case}
    )
    problems = finding_problems(report(item), decisions, policy, SEED_FILES)
    assert any(p.blocking for p in problems) is case["blocks"]
    assert any(p.level == "warning" for p in problems) is case.get("warns", False)
    if problems:
        (problem,) = problems
        assert problem.fingerprint == item.fingerprint
        assert problem.state == (case["decision"] or "unreviewed")
        assert problem.rule.code == (
            "G103"
            if case.get("warns")
            else "G101"
            if case["verdict"] == "contradiction"
            else "G102"
        )


def test_an_uncertain_contradiction_warns_with_its_confidence_and_how_to_block() -> None:
    item = finding("contradiction", {"a": "300", "b": "250"}, uncertain=True, confidence=0.42)
    (problem,) = finding_problems(report(item), {}, GateSettings(), SEED_FILES)
    assert (problem.level, problem.blocking) == ("warning", False)
    assert problem.message.startswith("uncertain contradiction (unreviewed, confidence 0.42):")
    assert "block_uncertain" in problem.hint
    assert problem.extra["confidence"] == "0.42" and problem.extra["uncertain"] == "true"
    strict = GateSettings(block_uncertain=True)
    (blocking,) = finding_problems(report(item), {}, strict, SEED_FILES)
    assert (blocking.level, blocking.rule.code) == ("error", "G101")
    assert blocking.message.startswith("uncertain contradiction (unreviewed, confidence 0.42):")


def test_updates_never_block() -> None:
    rising = finding("update", {"a": "150", "b": "381"})
    strict = GateSettings(fail_on_variance=True, block_uncertain=True)
    assert finding_problems(report(rising), {}, strict, SEED_FILES) == []
    assert settled_counts(report(rising), {}) == {}


def test_problem_locates_every_claim_and_says_how_to_decide() -> None:
    item = finding("contradiction", {"a": "300", "b": "250"}, line=7)
    (problem,) = finding_problems(report(item), {}, GateSettings(), SEED_FILES)
    assert [(p.file, p.line) for p in problem.locations] == [
        ("seeds/a.txt", 7),
        ("seeds/b.txt", 7),
    ]
    assert f"checker decide {item.fingerprint}" in problem.hint
    assert "a: 300" in problem.message and "b: 250" in problem.message


def test_changed_seeds_come_first_and_mark_the_problem_new() -> None:
    item = finding("contradiction", {"a": "300", "new": "250"})
    (problem,) = finding_problems(report(item), {}, GateSettings(), SEED_FILES, changed={"new"})
    assert problem.new
    assert problem.locations[0].file == "seeds/new.txt"
    (old,) = finding_problems(report(item), {}, GateSettings(), SEED_FILES, changed={"zzz"})
    assert not old.new


def test_a_decision_on_another_fingerprint_does_not_count() -> None:
    """Decisions are the baseline by fingerprint: changed values are a new finding."""
    before = finding("contradiction", {"a": "300", "b": "250"})
    after = finding("contradiction", {"a": "300", "b": "200"})
    assert before.fingerprint != after.fingerprint
    decisions = {before.fingerprint: decision(before.fingerprint, "dismissed")}
    assert not finding_problems(report(before), decisions, GateSettings(), SEED_FILES)
    assert finding_problems(report(after), decisions, GateSettings(), SEED_FILES)
    assert review_state(after, decisions) == "unreviewed"


def test_settled_counts_by_state() -> None:
    one = finding("contradiction", {"a": "1", "b": "2"}, fact="one")
    two = finding("contradiction", {"a": "3", "b": "4"}, fact="two")
    three = finding("variance", {"a": "5", "b": "5"}, fact="three")
    four = finding("contradiction", {"a": "6", "b": "7"}, fact="four", uncertain=True)
    five = finding("update", {"a": "8", "b": "9"}, fact="five")
    decisions = {one.fingerprint: decision(one.fingerprint, "dismissed")}
    everything = report(one, two, three, four, five)
    assert settled_counts(everything, decisions) == {"dismissed": 1, "unreviewed": 2}
    assert settled_counts(everything, decisions, uncertain_only=True) == {"unreviewed": 1}
