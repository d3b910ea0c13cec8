"""consistency.json: valid against the published report schema, and round-trips."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from checker.report import json_format
from checker.schema import Report
from checker.schema.export import report_schema
from tests.report.sample import sample_report


def test_valid_against_the_published_schema() -> None:
    data = json.loads(json_format.render(sample_report()))
    errors = list(Draft202012Validator(report_schema()).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_round_trips_to_the_same_report() -> None:
    report = sample_report()
    assert Report.model_validate_json(json_format.render(report)) == report


def test_keys_are_sorted_and_text_is_kept() -> None:
    text = json_format.render(sample_report())
    assert text.endswith("}\n")
    assert "<script>alert(1)</script>" in text  # JSON keeps the text; escaping is HTML's job
    data = json.loads(text)
    assert list(data) == sorted(data)
