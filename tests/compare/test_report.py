"""compare() end to end on hand-built claims: positions, fingerprints, determinism, schema."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checker.comparison import compare
from checker.config import Settings
from checker.fileio import dumps_canonical
from checker.schema import Claim, ClaimFile, Report
from checker.schema.export import report_schema, schema_text
from tests.compare.builders import claim, claim_file
from tests.conftest import REPO

SEED_A = (
    "Officials met in the capital on Monday.\n"
    "\n"
    "During the 44-day war, the army retook several cities and 300 villages.\n"
    "The fighting ended with an agreement on November 10, 2020.\n"
)
SEED_B = (
    "A reception was held.\n"
    "During the 44-day war, the army retook several cities and 300 villages.\n"
    "The fighting ended with an agreement on Nov. 10, 2020.\n"
)


def _located(text: str, span: str, spec: dict[str, Any], seed: str) -> Claim:
    start = text.index(span)
    sentence = {"start": text.rfind("\n", 0, start) + 1, "end": text.index("\n", start)}
    return claim({"text": span, "start": start, "sentence": sentence} | spec, seed=seed)


def _claims(seed: str, text: str) -> ClaimFile:
    """The claims an extractor would find in SEED_A-like texts."""
    villages = re.search(r"(\d+) villages", text)
    date = re.search(r"(?:November|Nov\.) (\d+), 2020", text)
    assert villages and date
    quantity = {"kind": "quantity", "value": float(villages.group(1)), "unit": "villages"}
    quantity |= {"actor": "army", "action": "retook"}
    when = {"kind": "date", "event": "fighting ended with an agreement"}
    when["stated"] = {"year": 2020, "month": 11, "day": int(date.group(1))}
    return claim_file(
        seed,
        [
            _located(text, villages.group(0), quantity, seed),
            _located(text, date.group(0), when, seed),
        ],
    )


def _root(tmp_path: Path, texts: dict[str, str]) -> Settings:
    (tmp_path / "seeds").mkdir(parents=True, exist_ok=True)
    for seed, text in texts.items():
        (tmp_path / "seeds" / f"{seed}.txt").write_text(text, encoding="utf-8")
    return Settings(root=tmp_path)


def _report(tmp_path: Path, texts: dict[str, str]) -> Report:
    settings = _root(tmp_path, texts)
    return compare([_claims(seed, text) for seed, text in texts.items()], settings)


def test_findings_locate_claims_by_line_and_column(tmp_path: Path) -> None:
    report = _report(tmp_path, {"a": SEED_A, "b": SEED_B})
    assert report.summary.sources == 2
    date = next(f for f in report.findings if f.category == "date")
    assert date.verdict.value == "variance" and "format" in date.differences
    located = {c.seed: c for c in date.claims}
    assert (located["a"].line, located["a"].column) == (4, SEED_A.splitlines()[3].index("Nov") + 1)
    assert located["b"].line == 3
    assert located["a"].end_column == located["a"].column + len("November 10, 2020")
    assert located["a"].sentence.text == SEED_A.splitlines()[3]


def test_fingerprints_survive_whitespace_and_unrelated_lines(tmp_path: Path) -> None:
    before = _report(tmp_path / "1", {"a": SEED_A, "b": SEED_B})
    edited = "An unrelated line.\n\n" + SEED_A.replace("the army", "the  army")
    after = _report(tmp_path / "2", {"a": edited, "b": SEED_B})
    assert [f.fingerprint for f in before.findings] == [f.fingerprint for f in after.findings]
    changed = _report(tmp_path / "3", {"a": SEED_A.replace("300", "250"), "b": SEED_B})
    assert {f.fingerprint for f in changed.findings} != {f.fingerprint for f in before.findings}
    contradiction = [f for f in changed.findings if f.verdict.value == "contradiction"]
    assert len(contradiction) == 1 and contradiction[0].rule == "C101"
    assert any(c.text == "250 villages" for c in contradiction[0].claims)


def test_wire_copy_counts_once(tmp_path: Path) -> None:
    report = _report(tmp_path, {"a": SEED_A, "b": SEED_B})
    for finding in report.findings:
        assert finding.sources == 2
        assert finding.independent_sources == 1
        assert "2 sources, 1 independent origin" in finding.explanation


def test_same_input_same_bytes_in_any_order(tmp_path: Path) -> None:
    texts = {"a": SEED_A, "b": SEED_B, "c": SEED_B.replace("Nov.", "November")}
    settings = _root(tmp_path, texts)
    files = [_claims(seed, text) for seed, text in texts.items()]
    one = dumps_canonical(compare(files, settings).model_dump(mode="json"))
    two = dumps_canonical(compare(files[::-1], settings).model_dump(mode="json"))
    assert one == two


def test_committed_report_schema_is_current() -> None:
    committed = (REPO / "reports" / "consistency.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(report_schema()), (
        "reports/consistency.schema.json is out of date: run "
        "`checker schema --report > reports/consistency.schema.json`"
    )
