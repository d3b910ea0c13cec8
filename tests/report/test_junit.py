"""JUnit XML: parses whatever the text holds; one test case per fact; failures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings

from checker.report import junit
from checker.report.common import is_settled
from checker.schema import Report, Verdict
from tests.report.sample import sample_report
from tests.report.strategies import reports


def test_sample_counts() -> None:
    report = sample_report()
    root = ET.fromstring(junit.render(report))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == len(report.findings) + len(report.single_source)
    assert suite.get("tests") == str(len(cases))
    failing = [c.get("name") for c in cases if c.find("failure") is not None]
    # the open confident contradiction; not the open uncertain one, nor the update
    settlements = report.findings[1]
    assert failing == [f"{settlements.fact} [{settlements.fingerprint}]"]
    assert suite.get("failures") == root.get("failures") == "1"
    assert suite.get("skipped") == "2"


def test_failure_names_the_rule_and_quotes() -> None:
    root = ET.fromstring(junit.render(sample_report()))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("type") == "C101"
    assert failure.text is not None and "seeds/beta.txt:2" in failure.text


def test_updates_and_uncertain_contradictions_never_fail() -> None:
    report = sample_report()
    root = ET.fromstring(junit.render(report))
    by_name = {c.get("name"): c for c in root.findall("testsuite/testcase")}
    for finding in report.findings:
        if finding.verdict is Verdict.UPDATE or finding.uncertain:
            case = by_name[f"{finding.fact} [{finding.fingerprint}]"]
            assert case.find("failure") is None
            out = case.findtext("system-out") or ""
            assert out.startswith(("Update:", "Contradiction:"))
    toll = next(f for f in report.findings if f.verdict is Verdict.UPDATE)
    out = by_name[f"{toll.fact} [{toll.fingerprint}]"].findtext("system-out") or ""
    assert out.index("seeds/beta.txt") < out.index("seeds/alpha.txt") < out.index("seeds/gamma")


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    assert junit.xml_text("a\x00b\x1bc\r\nd\re") == "a\ufffdb\ufffdc\nd\ne"


# Generating a report is slow on a busy machine: only the test's own time counts.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_parses(report: Report) -> None:
    root = ET.fromstring(junit.render(report).encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(report.findings) + len(report.single_source)
    failing = sum(c.find("failure") is not None for c in cases)
    assert failing == sum(
        f.verdict is Verdict.CONTRADICTION and not f.uncertain and not is_settled(f)
        for f in report.findings
    )
    for case, finding in zip(cases, report.findings, strict=False):
        assert case.get("name") == junit.xml_text(f"{finding.fact} [{finding.fingerprint}]")
