"""Invented news stories the tool has never been tuned on, against an editor's reading.

Each ``tests/stories/<story>/`` holds 3-4 articles from different outlets
(``seeds/``) and ``expected.yaml``:

- ``facts``: facts stated by two or more seeds, each a quote per seed and the
  verdicts an editor accepts; a finding must hold claims overlapping every quote.
- ``contradictions``: planted clashes (a changed toll, date, speaker, figure):
  a contradiction finding must hold a claim overlapping ``changed`` and one
  overlapping one of ``against``.
- ``known_gap`` on a fact or a planted contradiction: missed today, with the
  phenomenon behind it. Strict both ways: once found, the test asks to drop it.
- ``known_false_contradictions``: contradictions the tool reports today that an
  editor would not, each with the phenomenon behind it. Strict: a listed one that
  no longer appears fails the test, so the list only shrinks.

Every other contradiction fails the test: a false alarm costs editors' trust.
The pipeline runs on a tmp copy of each story; nothing is written here.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import pipeline
from checker.config import load_settings
from checker.schema import Finding, Report

STORIES = Path(__file__).parent
NAMES = sorted(p.name for p in STORIES.iterdir() if (p / "expected.yaml").is_file())


@dataclass(frozen=True)
class Story:
    name: str
    root: Path
    expected: dict[str, Any]
    report: Report

    def span(self, seed: str, quote: str) -> tuple[int, int]:
        text = (self.root / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
        start = text.find(quote)
        assert start >= 0, f"{self.name}: {quote!r} is not in seeds/{seed}.txt"
        return start, start + len(quote)

    def hits(self, finding: Finding, seed: str, quote: str) -> bool:
        start, end = self.span(seed, quote)
        return any(c.seed == seed and c.start < end and start < c.end for c in finding.claims)

    def covers(self, finding: Finding, quotes: dict[str, str]) -> bool:
        return all(self.hits(finding, seed, quote) for seed, quote in quotes.items())

    def contradictions(self) -> list[Finding]:
        return [f for f in self.report.findings if f.verdict == "contradiction"]


@pytest.fixture(scope="module", params=NAMES)
def story(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Story:
    name = str(request.param)
    root = tmp_path_factory.mktemp(name)
    shutil.copytree(STORIES / name / "seeds", root / "seeds")
    expected = yaml.safe_load((STORIES / name / "expected.yaml").read_text(encoding="utf-8"))
    return Story(name, root, expected, pipeline.run(load_settings(root)).report)


def _describe(story: Story, findings: list[Finding]) -> str:
    return "; ".join(
        f"{f.fact}: " + " vs ".join(f"{c.seed}:{c.text!r}" for c in f.claims) for f in findings
    )


def test_facts_are_found_with_an_accepted_verdict(story: Story) -> None:
    missing = []
    for fact in story.expected.get("facts", []):
        assert len(fact["quotes"]) >= 2, f"{fact['id']}: a fact needs two sources"
        found = [f for f in story.report.findings if story.covers(f, fact["quotes"])]
        if fact.get("known_gap"):
            assert not any(f.verdict in fact["verdict"] for f in found), (
                f"{fact['id']} is found now: remove its known_gap"
            )
            continue
        if not any(f.verdict in fact["verdict"] for f in found):
            verdicts = sorted({f.verdict for f in found}) or ["no finding"]
            missing.append(f"{fact['id']} ({', '.join(verdicts)})")
    assert not missing, f"{story.name}: facts not found as expected: {missing}"


def test_planted_contradictions_are_found_with_the_changed_span(story: Story) -> None:
    for plant in story.expected.get("contradictions", []):
        changed = plant["changed"]
        found = [
            f
            for f in story.contradictions()
            if story.hits(f, changed["seed"], changed["text"])
            and any(story.hits(f, a["seed"], a["text"]) for a in plant["against"])
        ]
        if plant.get("known_gap"):
            assert not found, f"{story.name}: planted {plant['id']} is found now: drop known_gap"
            continue
        assert found, f"{story.name}: planted {plant['id']} not found as a contradiction"


def test_no_other_contradictions(story: Story) -> None:
    planted = story.expected.get("contradictions", [])
    known = story.expected.get("known_false_contradictions", [])
    unexpected = []
    seen_known: set[str] = set()
    for finding in story.contradictions():
        if any(story.hits(finding, p["changed"]["seed"], p["changed"]["text"]) for p in planted):
            continue
        matched = [k["id"] for k in known if story.covers(finding, k["quotes"])]
        seen_known.update(matched)
        if not matched:
            unexpected.append(finding)
    assert not unexpected, f"{story.name}: false contradictions: {_describe(story, unexpected)}"
    fixed = sorted({k["id"] for k in known} - seen_known)
    assert not fixed, f"{story.name}: known false contradictions gone, remove them: {fixed}"
