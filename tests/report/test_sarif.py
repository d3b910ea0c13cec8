"""SARIF 2.1.0: valid against the official schema; locations, fingerprints, suppressions."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from jsonschema import Draft4Validator

from checker.classify.registry import REGISTRY
from checker.report import sarif
from checker.schema import Report, Verdict
from tests.report.sample import sample_report
from tests.report.strategies import reports

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


@cache
def validator() -> Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def assert_valid(log: Any) -> None:
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def sample_log() -> Any:
    return json.loads(sarif.render(sample_report()))


def test_sample_validates() -> None:
    assert_valid(sample_log())


def test_the_validator_rejects_a_broken_log() -> None:
    log = sample_log()
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator().iter_errors(log))


def test_one_result_per_contradiction_update_and_variance() -> None:
    report = sample_report()
    results = sample_log()["runs"][0]["results"]
    flagged = [f for f in report.findings if f.verdict is not Verdict.AGREEMENT]
    assert [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results] == [
        f.fingerprint for f in flagged
    ]
    # uncertain contradictions are warnings; updates and variances notes
    assert [(r["properties"]["verdict"], r["level"]) for r in results] == [
        ("contradiction", "warning"),
        ("contradiction", "error"),
        ("contradiction", "warning"),
        ("contradiction", "error"),
        ("update", "note"),
        ("variance", "note"),
        ("variance", "note"),
    ]


def test_contradictions_carry_confidence_and_identity() -> None:
    results = sample_log()["runs"][0]["results"]
    tanks = results[0]["properties"]
    assert tanks["uncertain"] is True and tanks["confidence"] == 0.45
    assert {"slot": "event", "status": "one_side", "value": "destroyed"} in tanks["identity"]
    assert "confidence" not in results[4]["properties"]


def test_an_update_is_located_at_its_earliest_claim_with_its_dates() -> None:
    update = sample_log()["runs"][0]["results"][4]
    uri = update["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "seeds/beta.txt"
    assert update["properties"]["asOf"] == ["2020-09-30", "2020-10-05", "2020-10-09"]


def test_location_is_the_first_claim() -> None:
    finding = sample_report().findings[0]
    first = finding.claims[0]
    region = sample_log()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == f"seeds/{first.seed}.txt"
    assert region["region"] == {
        "startLine": first.line,
        "startColumn": first.column,
        "endLine": first.end_line,
        "endColumn": first.end_column,
        "snippet": {"text": first.text},
    }
    related = sample_log()["runs"][0]["results"][0]["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        f"seeds/{c.seed}.txt" for c in finding.claims[1:]
    ]


def test_rules_are_listed_and_indexed() -> None:
    run = sample_log()["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules))
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    # Each rule carries its documentation (the docstring `checker rule CODE` prints).
    known = [d for d in run["tool"]["driver"]["rules"] if d["id"] in REGISTRY]
    assert known  # the sample also names made-up codes, which have no documentation
    for descriptor in known:
        assert len(descriptor["help"]["text"]) > 40, descriptor["id"]
        assert descriptor["fullDescription"]["text"]


def test_decisions_become_suppressions() -> None:
    results = sample_log()["runs"][0]["results"]
    statuses = [
        [s["status"] for s in r["suppressions"]] if "suppressions" in r else None for r in results
    ]
    # unreviewed x2, dismissed, accepted, unreviewed update, in progress, confirmed
    assert statuses == [None, None, ["accepted"], ["accepted"], None, ["underReview"], None]
    assert "Titles changed in 2021." in results[3]["suppressions"][0]["justification"]


def test_builders_serve_other_problems() -> None:
    """The gate can make a SARIF log of its own problems with the same builders."""
    log = sarif.sarif_log(
        [sarif.rule("G001", "stale claims", "the claims file is older than its seed")],
        [
            sarif.result(
                "G001",
                0,
                "error",
                "claims/a.json is stale",
                [sarif.region_location("claims/a.json", start_line=1)],
            )
        ],
        version="1.0",
    )
    assert_valid(json.loads(sarif.dumps(log)))


# Generating a report is slow on a busy machine: only the test's own time counts.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_validates(report: Report) -> None:
    log = json.loads(sarif.render(report))
    assert_valid(log)
    flagged = [f for f in report.findings if f.verdict is not Verdict.AGREEMENT]
    assert len(log["runs"][0]["results"]) == len(flagged)
