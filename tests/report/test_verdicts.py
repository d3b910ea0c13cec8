"""Every format shows every verdict: the update (one figure over time) and the
uncertain contradiction (below the confidence threshold) included.

A new verdict that a format silently drops fails here, whatever the format.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from rich.console import Console

from checker.report import FORMATS, render
from checker.report.common import (
    as_of_label,
    by_verdict,
    identity_text,
    ranked_contradictions,
    timeline,
    timeline_text,
)
from checker.report.terminal import print_summary
from checker.schema import Finding, Report, SlotMatch, SlotStatus, Verdict
from tests.report.sample import sample_report

ALL = [*sorted(FORMATS), "terminal"]


def rendered(report: Report, fmt: str) -> str:
    if fmt == "terminal":
        buffer = io.StringIO()
        print_summary(report, Console(file=buffer, no_color=True, width=100, soft_wrap=True))
        return buffer.getvalue()
    return render(report, fmt)


def the(verdict: Verdict, report: Report) -> Finding:
    return next(f for f in report.findings if f.verdict is verdict)


def only(report: Report, *findings: Finding) -> Report:
    return report.model_copy(update={"findings": list(findings), "single_source": []})


# How each format shows that a finding is an update (checked on a report holding only
# the update, so nothing else can satisfy it).
def shows_update(fmt: str, text: str, update: Finding) -> bool:
    if fmt == "json":
        (finding,) = json.loads(text)["findings"]
        return bool(finding["verdict"] == "update")
    if fmt == "md":
        return "### Updates (1)" in text and "150 soldiers (30 Sep) \u2192 381" in text
    if fmt == "html":
        return 'data-verdict="update"' in text and 'value="update" checked' in text
    if fmt == "sarif":
        (result,) = json.loads(text)["runs"][0]["results"]
        return bool(result["level"] == "note" and result["properties"]["verdict"] == "update")
    if fmt == "junit":
        (case,) = ET.fromstring(text).findall("testsuite/testcase")
        return case.find("failure") is None and (case.findtext("system-out") or "").startswith(
            "Update: "
        )
    if fmt == "github":
        return text.startswith("::notice ") and "title=update (" in text
    if fmt == "terminal":
        return "updates" in text.splitlines()[0] and "\u2197 soldiers killed: 150" in text
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_shows_the_update(fmt: str) -> None:
    report = sample_report()
    update = the(Verdict.UPDATE, report)
    assert shows_update(fmt, rendered(only(report, update), fmt), update)


@pytest.mark.parametrize("fmt", ALL)
def test_every_format_knows_every_verdict(fmt: str) -> None:
    """A report with one finding of each verdict renders in every format."""
    report = sample_report()
    assert {f.verdict for f in report.findings} == set(Verdict)
    assert rendered(report, fmt)


@pytest.mark.parametrize("fmt", ["md", "html", "terminal", "github", "sarif", "junit"])
def test_uncertain_contradictions_are_labelled_with_their_confidence(fmt: str) -> None:
    report = sample_report()
    tanks = report.findings[0]
    assert tanks.uncertain and tanks.confidence == 0.45
    text = rendered(only(report, tanks), fmt)
    assert "uncertain" in text.lower()
    assert "confidence 0.45" in text.lower()


@pytest.mark.parametrize("fmt", ["md", "html", "terminal"])
def test_contradictions_are_ranked_confident_first_then_by_confidence(fmt: str) -> None:
    report = sample_report()
    text = rendered(report, fmt)
    facts = [
        "settlements returned to Azerbaijan",  # 0.80
        "Hasanov",  # title, 0.75
        "the war ended",  # uncertain, 0.90
        "tanks lost by Armenia",  # uncertain, 0.45
    ]
    positions = [text.index(fact) for fact in facts]
    assert positions == sorted(positions)


def test_json_keeps_the_engine_order() -> None:
    report = sample_report()
    data = json.loads(render(report, "json"))
    assert [f["fingerprint"] for f in data["findings"]] == [f.fingerprint for f in report.findings]
    assert data["summary"]["update"] == 1 and data["summary"]["uncertain"] == 2
    toll = next(f for f in data["findings"] if f["verdict"] == "update")
    assert [c["as_of"] for c in toll["claims"]] == ["2020-10-05", "2020-09-30", "2020-10-09"]


def test_ranking_helpers() -> None:
    report = sample_report()
    ranked = ranked_contradictions(report.findings)
    assert [f.confidence for f in ranked] == [0.8, 0.75, 0.9, 0.45]
    assert [f.uncertain for f in ranked] == [False, False, True, True]
    assert by_verdict(report.findings)[Verdict.CONTRADICTION] == ranked
    # a contradiction without a confidence counts as certain
    bare = ranked[1].model_copy(update={"confidence": None})
    assert ranked_contradictions([ranked[0], bare])[0] is bare


def test_timeline_helpers() -> None:
    toll = the(Verdict.UPDATE, sample_report())
    assert [c.seed for c in timeline(toll)] == ["beta", "alpha", "gamma"]
    undated = toll.model_copy(
        update={"claims": [toll.claims[0].model_copy(update={"as_of": None}), *toll.claims[1:]]}
    )
    assert [c.seed for c in timeline(undated)] == ["beta", "gamma", "alpha"]
    assert timeline_text(undated).endswith("381 soldiers (date unknown)")
    same = toll.model_copy(
        update={"claims": [toll.claims[1], toll.claims[1].model_copy(update={"seed": "x"})]}
    )
    assert timeline_text(same) == "150 soldiers (30 Sep, 2 sources)"
    assert as_of_label("2019-12-31", year=True) == "31 Dec 2019"
    assert as_of_label("2020-08") == "2020-08"
    spans_years = toll.model_copy(
        update={
            "claims": [toll.claims[0].model_copy(update={"as_of": "2019-01-02"}), toll.claims[1]]
        }
    )
    assert (
        timeline_text(spans_years) == "381 soldiers (2 Jan 2019) \u2192 150 soldiers (30 Sep 2020)"
    )


def test_identity_text_groups_slots_by_status_in_slot_order() -> None:
    finding = (
        sample_report()
        .findings[0]
        .model_copy(
            update={
                "identity": [
                    SlotMatch(slot="time", status=SlotStatus.UNSTATED),
                    SlotMatch(slot="measure", status=SlotStatus.SAME, value="killed"),
                    SlotMatch(slot="event", status=SlotStatus.ONE_SIDE, value="quake"),
                    SlotMatch(slot="subject", status=SlotStatus.SAME, value="people"),
                    SlotMatch(slot="source", status=SlotStatus.DIFFERENT, value="police / army"),
                ]
            }
        )
    )
    assert identity_text(finding) == (
        "same: measure \u201ckilled\u201d, subject \u201cpeople\u201d; "
        "one side only: event \u201cquake\u201d; different: source \u201cpolice / army\u201d; "
        "unstated: time"
    )
    assert identity_text(finding.model_copy(update={"identity": []})) is None
