"""Gate output: GitHub annotations stay one line and round-trip whatever the article
text holds; SARIF, JUnit and JSON parse; text names file, line and reason."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from checker.gate.core import GateResult
from checker.gate.output import ANNOTATION_CAP, problem_annotations, render
from checker.gate.problems import (
    OPEN_CONTRADICTION,
    STALE_CLAIMS,
    UNCERTAIN_CONTRADICTION,
    Location,
    Problem,
    problem_text,
)
from tests.gate.factories import report

anything = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
# Characters str.splitlines() breaks at besides CR and LF: annotations turn them into
# spaces (CR and LF are escaped), so a round trip holds up to this flattening.
OTHER_BREAKS = [
    c for c in map(chr, range(0x3000)) if c not in "\r\n" and len(f"a{c}b".splitlines()) == 2
]
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape(text: str) -> str:
    # Reverse of @actions/core: the escapes never overlap, and %25 must go last.
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def flat(text: str) -> str:
    for char in OTHER_BREAKS:
        text = text.replace(char, " ")
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for pair in filter(None, (match.group(2) or "").split(",")):
        name, _, value = pair.partition("=")
        props[name] = unescape(value)
    return match.group(1), props, unescape(match.group(3))


def contradiction(message: str, snippet: str, file: str, detail: str) -> Problem:
    return Problem(
        OPEN_CONTRADICTION,
        "error",
        message,
        (
            Location(file, line=3, column=2, end_line=3, end_column=9, snippet=snippet),
            Location("seeds/b.txt", line=8, column=1, end_line=9, end_column=4, snippet=snippet),
        ),
        hint="decide",
        detail=detail,
        seeds=("a", "b"),
        fingerprint="quantity:0123456789abcdef",
        state="unreviewed",
    )


@settings(max_examples=150)
@given(anything, anything, anything, anything)
def test_annotations_are_one_line_and_round_trip(
    message: str, snippet: str, file: str, detail: str
) -> None:
    problem = contradiction(message, snippet, file, detail)
    lines = problem_annotations(problem)
    assert len(lines) == 1  # one annotation per problem, at its first place
    first, other = problem.locations
    assert len(lines[0].splitlines()) == 1
    level, props, text = parse(lines[0])
    assert level == "error"
    assert text.startswith(flat(problem_text(problem)))
    assert text.endswith(flat(f"Also at: {other.file}:{other.line}"))
    assert props["file"] == flat(first.file)
    assert props["line"] == str(first.line)
    assert props["title"] == "G101 open-contradiction"
    assert "col" in props  # the first place is on one line


def result_with(*problems: Problem) -> GateResult:
    return GateResult(problems=list(problems), report=report(), seeds=["a", "b"])


def test_every_format_renders_and_parses() -> None:
    stale = Problem(
        STALE_CLAIMS,
        "error",
        "claims file is stale",
        (Location("claims/a.json", line=14),),
        hint="run `checker extract`",
        seeds=("a",),
    )
    odd = contradiction("300 vs 250 \x01 <b>&", "\u201c300\u201d\x0b", "seeds/a.txt", "x\ny")
    result = result_with(stale, odd)
    assert result.exit_code == 1
    text = render(result, "text")
    assert text.startswith("claims/a.json:14: error G002 stale-claims: claims file is stale")
    assert "seeds/a.txt:3:2: error G101" in text
    assert text.rstrip().endswith("gate failed: 2 errors; 2 seeds; no contradictions")
    data = json.loads(render(result, "json"))
    assert data["passed"] is False and [p["code"] for p in data["problems"]] == ["G002", "G101"]
    log = json.loads(render(result, "sarif"))
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["G002", "G101"]
    assert results[1]["partialFingerprints"]
    assert results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 8
    suites = ET.fromstring(render(result, "junit").encode("utf-8"))
    assert suites.get("failures") == "2"
    failed = [c.get("name") for c in suites.iter("testcase") if c.find("failure") is not None]
    assert failed == ["claims/a.json", "quantity:0123456789abcdef"]


def test_a_clean_result_passes_in_every_format() -> None:
    result = result_with()
    assert result.exit_code == 0
    assert render(result, "github") == "gate passed: 0 errors; 2 seeds; no contradictions\n"
    assert json.loads(render(result, "sarif"))["runs"][0]["results"] == []
    assert ET.fromstring(render(result, "junit")).get("failures") == "0"


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema_path = Path(__file__).parents[1] / "report" / "data" / "sarif-schema-2.1.0.json"
    validator = Draft4Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    stale = Problem(STALE_CLAIMS, "warning", "stale", (Location("claims/a.json"),), seeds=("a",))
    odd = contradiction("x \x00 y", "\u2028", "seeds/a b.txt", "")
    log = json.loads(render(result_with(stale, odd), "sarif"))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_an_uncertain_contradiction_is_a_warning_that_passes_in_every_format() -> None:
    warning = dataclasses.replace(
        contradiction(
            "uncertain contradiction (unreviewed, confidence 0.40)", "300", "seeds/a.txt", ""
        ),
        rule=UNCERTAIN_CONTRADICTION,
        level="warning",
    )
    result = dataclasses.replace(
        result_with(warning),
        contradictions={"dismissed": 1, "unreviewed": 1},
        uncertain={"unreviewed": 1},
    )
    assert result.passed and result.exit_code == 0
    summary = (
        "gate passed: 0 errors; 1 warning; 2 seeds; "
        "contradictions: 1 dismissed, 1 unreviewed (uncertain: 1 unreviewed)"
    )
    text = render(result, "text")
    assert "seeds/a.txt:3:2: warning G103 uncertain-contradiction:" in text
    assert text.rstrip().endswith(summary)
    github = render(result, "github").splitlines()
    assert github[0].startswith("::warning file=seeds/a.txt,") and github[-1] == summary
    data = json.loads(render(result, "json"))
    assert data["passed"] is True and data["summary"]["uncertain"] == {"unreviewed": 1}
    assert json.loads(render(result, "sarif"))["runs"][0]["results"][0]["level"] == "warning"
    assert ET.fromstring(render(result, "junit")).get("failures") == "0"


def test_github_annotations_stop_at_the_cap_and_say_how_many_were_left_out() -> None:
    problems = [contradiction(f"clash {i}", "300", "seeds/a.txt", "") for i in range(13)]
    lines = render(result_with(*problems), "github").splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == ANNOTATION_CAP == 10
    notice = [line for line in lines if line.startswith("::notice")]
    assert len(notice) == 1 and "3 more errors not annotated" in notice[0]
