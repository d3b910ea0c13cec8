"""The bundled seeds against the editor's gold reading (``tests/data/seed-facts.yaml``).

Runs the real pipeline (extract, compare) on a copy of the seeds, so these
tests measure extractor and comparator together.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import pipeline
from checker.config import load_settings
from checker.schema import Finding, FindingClaim, Report
from tests.conftest import DATA, SEEDS

GOLD: dict[str, Any] = yaml.safe_load((DATA / "seed-facts.yaml").read_text(encoding="utf-8"))
# Facts the current extraction cannot carry yet, with the reason (see the report).
KNOWN_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = tmp_path_factory.mktemp("gold")
    shutil.copytree(SEEDS, root / "seeds")
    return pipeline.run(load_settings(root)).report


def _span(seed: str, quote: str) -> tuple[int, int]:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    start = text.index(quote)
    return start, start + len(quote)


def _overlaps(claim: FindingClaim, seed: str, quote: str) -> bool:
    start, end = _span(seed, quote)
    return claim.seed == seed and claim.start < end and start < claim.end


def _seeds_hit(finding: Finding, quotes: dict[str, str]) -> set[str]:
    return {
        seed
        for seed, quote in quotes.items()
        if any(_overlaps(c, seed, quote) for c in finding.claims)
    }


def _facts() -> list[Any]:
    return [
        pytest.param(
            fact,
            id=fact["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_GAPS[fact["id"]], strict=True)]
            if fact["id"] in KNOWN_GAPS
            else [],
        )
        for fact in GOLD["cross_source"]
    ]


@pytest.mark.parametrize("fact", _facts())
def test_gold_fact_is_found_and_compatible(report: Report, fact: dict[str, Any]) -> None:
    found = [f for f in report.findings if len(_seeds_hit(f, fact["quotes"])) >= 2]
    assert found, f"no finding covers two sources of {fact['id']}"
    for finding in found:
        assert finding.verdict.value in ("agreement", "variance"), finding.explanation


def test_no_contradictions_in_the_seeds(report: Report) -> None:
    contradictions = [f.explanation for f in report.findings if f.verdict.value == "contradiction"]
    assert contradictions == []
    assert report.summary.contradiction == 0


@pytest.mark.parametrize("trap", GOLD["traps"], ids=[t["id"] for t in GOLD["traps"]])
def test_trap_is_never_a_contradiction(report: Report, trap: dict[str, Any]) -> None:
    for finding in report.findings:
        if len(_seeds_hit(finding, trap["quotes"])) >= 2:
            assert finding.verdict.value != "contradiction", finding.explanation


@pytest.mark.parametrize("trap_id", ["anniversaries", "shusha-28-years", "caption-dates"])
def test_different_events_never_pair(report: Report, trap_id: str) -> None:
    trap = next(t for t in GOLD["traps"] if t["id"] == trap_id)
    for finding in report.findings:
        hit = [
            (seed, quote)
            for seed, quote in trap["quotes"].items()
            if any(_overlaps(c, seed, quote) for c in finding.claims)
        ]
        assert len(hit) < 2, (finding.fact, hit)


def test_wire_copy_background_is_one_origin(report: Report) -> None:
    background = [f for f in GOLD["cross_source"] if len(f["quotes"]) == 3]
    checked = 0
    for fact in background:
        for finding in report.findings:
            if len(_seeds_hit(finding, fact["quotes"])) == 3 and fact["id"] in (
                "war-length",
                "settlements-retaken",
                "occupation-1991",
                "ceasefire-date",
                "war-start-date",
            ):
                checked += 1
                assert finding.independent_sources == 1, (fact["id"], finding.explanation)
                assert "3 sources, 1 independent origin" in finding.explanation
    assert checked >= 5


def test_a_repeated_sentence_is_one_claim(report: Report) -> None:
    case = GOLD["within_source"][0]
    for finding in report.findings:
        hits = [c for c in finding.claims if _overlaps(c, case["seed"], case["quote"])]
        assert finding.sources == len({c.seed for c in finding.claims})
        assert len({c.seed for c in hits}) <= 1
    singles = [c for c in report.single_source if c.seed == case["seed"]]
    text = Path(SEEDS / f"{case['seed']}.txt").read_text(encoding="utf-8")
    first = text.index(case["quote"])
    second = text.index(case["quote"], first + 1)
    repeats = [c for c in singles if c.start >= second and c.start < second + len(case["quote"])]
    firsts = [c for c in singles if c.start >= first and c.start < first + len(case["quote"])]
    assert not (repeats and firsts), "the repeated sentence is listed twice"
