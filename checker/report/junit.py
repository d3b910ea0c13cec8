"""JUnit XML, as CI systems (GitLab, Jenkins, Azure, CircleCI) read test reports.

One test case per fact: a finding passes unless it is a contradiction that
no editor dismissed or accepted and that is not uncertain (then it fails); an
update or a variance never fails; an uncertain contradiction passes, its
message in ``system-out`` (it does not block the gate by default); a
single-source fact is ``skipped`` (it cannot be cross-checked). Text that XML 1.0 cannot hold
(control characters) is replaced, so the file always parses. The builders
(:func:`testcase`, :func:`testsuite`, :func:`dumps`) let the CI gate render
its own problems in the same format.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.report.common import finding_message, is_settled, location, seed_path, timeline
from checker.schema import Finding, FindingClaim, Report, Verdict

SUITE_NAME = "checker"

# Characters XML 1.0 forbids even as references; surrogates cannot be encoded either.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot represent replaced by U+FFFD, and
    CR line ends as LF (a parser would turn a raw CR in element text into LF anyway)."""
    return _NOT_XML.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def testcase(
    classname: str,
    name: str,
    *,
    failure: str | None = None,
    failure_message: str | None = None,
    failure_type: str = "failure",
    skipped: str | None = None,
    system_out: str | None = None,
    file: str | None = None,
    line: int | None = None,
) -> ET.Element:
    """A ``<testcase>``; ``failure`` (the details) makes it fail, ``skipped`` skips it."""
    attrs = {"classname": xml_text(classname), "name": xml_text(name)}
    if file is not None:
        attrs["file"] = xml_text(file)
    if line is not None:
        attrs["line"] = str(line)
    case = ET.Element("testcase", attrs)
    if failure is not None:
        node = ET.SubElement(
            case,
            "failure",
            {"message": xml_text(failure_message or name), "type": xml_text(failure_type)},
        )
        node.text = xml_text(failure)
    elif skipped is not None:
        ET.SubElement(case, "skipped", {"message": xml_text(skipped)})
    if system_out is not None:
        ET.SubElement(case, "system-out").text = xml_text(system_out)
    return case


def testsuite(name: str, cases: list[ET.Element]) -> ET.Element:
    """A ``<testsuite>`` with its counts (``tests``, ``failures``, ``errors``, ``skipped``)."""
    suite = ET.Element(
        "testsuite",
        {
            "name": xml_text(name),
            "tests": str(len(cases)),
            "failures": str(sum(c.find("failure") is not None for c in cases)),
            "errors": str(sum(c.find("error") is not None for c in cases)),
            "skipped": str(sum(c.find("skipped") is not None for c in cases)),
        },
    )
    suite.extend(cases)
    return suite


def dumps(suites: list[ET.Element], *, name: str = SUITE_NAME) -> str:
    """A ``<testsuites>`` document holding ``suites``, with totals; ends in a newline."""
    root = ET.Element("testsuites", {"name": xml_text(name)})
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    root.extend(suites)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _single_source_case(claim: FindingClaim) -> ET.Element:
    return testcase(
        f"checker.{claim.kind}",
        f"{claim.value} [{claim.claim_id}]",
        skipped="single source: uncorroborated",
        system_out=f"{location(claim)} \u201c{claim.text}\u201d",
        file=seed_path(claim.seed),
        line=claim.line,
    )


def is_failing(finding: Finding) -> bool:
    """An open contradiction: not dismissed or accepted, and not uncertain."""
    return (
        finding.verdict is Verdict.CONTRADICTION
        and not finding.uncertain
        and not is_settled(finding)
    )


def render(report: Report) -> str:
    """The report as one test suite: findings in report order, then single-source facts."""
    cases = []
    for finding in report.findings:
        message = finding_message(finding)
        failing = is_failing(finding)
        first = timeline(finding)[0] if finding.verdict is Verdict.UPDATE else finding.claims[0]
        cases.append(
            testcase(
                f"checker.{finding.category}",
                f"{finding.fact} [{finding.fingerprint}]",
                failure=message if failing else None,
                failure_message=f"{finding.rule} {finding.rule_name}: {finding.explanation}",
                failure_type=finding.rule,
                system_out=None if failing else message,
                file=seed_path(first.seed),
                line=first.line,
            )
        )
    cases.extend(_single_source_case(claim) for claim in report.single_source)
    return dumps([testsuite(SUITE_NAME, cases)])
