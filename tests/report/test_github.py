"""GitHub workflow commands: escaping, one line per finding, levels."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from checker.report import github
from checker.schema import Report, Verdict
from tests.report.sample import sample_report
from tests.report.strategies import reports, texts

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")
FLAT = str.maketrans(dict.fromkeys("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def unescape(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_escape_data() -> None:
    assert github.escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"


def test_escape_property() -> None:
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_percent_is_escaped_first() -> None:
    # a literal "%0A" in the text must not come back as a newline
    assert github.escape_data("%0A") == "%250A"


def test_annotation_full() -> None:
    line = github.annotation(
        "error",
        "two\nlines",
        file="seeds/a,b.txt",
        line=3,
        end_line=4,
        col=5,
        end_col=9,
        title="t: x",
    )
    assert line == (
        "::error file=seeds/a%2Cb.txt,line=3,endLine=4,col=5,endColumn=9,title=t%3A x::two%0Alines"
    )


def test_annotation_without_properties() -> None:
    assert github.annotation("notice", "hello") == "::notice::hello"


def test_annotation_rejects_unknown_level() -> None:
    with pytest.raises(ValueError, match="level"):
        github.annotation("fatal", "x")


def test_levels_follow_verdict_and_decision() -> None:
    levels = [github.finding_level(f) for f in sample_report().findings]
    # open uncertain contradiction, open contradiction, dismissed, accepted, update,
    # two variances, agreement
    assert levels == [
        "warning",
        "error",
        "notice",
        "notice",
        "notice",
        "notice",
        "notice",
        None,
    ]


def test_an_update_is_a_notice_at_its_earliest_claim() -> None:
    report = sample_report()
    (update,) = [f for f in report.findings if f.verdict is Verdict.UPDATE]
    line = github.finding_annotation(update)
    assert line is not None and line.startswith("::notice file=seeds/beta.txt,line=4,")
    message = unescape(line.split("::", 2)[2])
    assert message.startswith("Update: soldiers killed")
    assert "Over time: 150 soldiers (30 Sep) \u2192 381 soldiers (5 Oct)" in message
    assert "::error" not in github.render(report.model_copy(update={"findings": [update]}))


def test_an_uncertain_contradiction_is_a_warning_with_its_confidence() -> None:
    tanks = sample_report().findings[0]
    line = github.finding_annotation(tanks)
    assert line is not None and line.startswith("::warning ")
    assert "title=uncertain contradiction (C101 quantity mismatch)%3A tanks" in line
    assert "Uncertain, confidence 0.45" in unescape(line)


@given(texts, texts, texts)
def test_escaped_values_round_trip(message: str, file: str, title: str) -> None:
    line = github.annotation("warning", message, file=file, title=title, line=1)
    assert len(line.splitlines()) == 1
    match = COMMAND.match(line)
    assert match is not None
    props = dict(p.split("=", 1) for p in match.group(2).split(","))
    assert unescape(props["file"]) == file.translate(FLAT)
    assert unescape(props["title"]) == title.translate(FLAT)
    assert unescape(match.group(3)) == message.translate(FLAT)


# Generating a report is slow on a busy machine: only the test's own time counts.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_one_line_per_flagged_finding(report: Report) -> None:
    output = github.render(report)
    assert output.splitlines() == output.split("\n")[:-1]  # no other line breaks
    lines = output.split("\n")
    assert lines[-1] == ""
    flagged = [f for f in report.findings if f.verdict is not Verdict.AGREEMENT]
    assert len(lines) - 1 == len(flagged)
    for line, finding in zip(lines, flagged, strict=False):
        match = COMMAND.match(line)
        assert match is not None, line
        assert "\r" not in line
        assert unescape(match.group(3)).startswith(finding.verdict.value.capitalize())
