"""Markdown for PR comments: order, locations, narrow lines, inert article text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

from checker.report import markdown
from checker.report.common import one_line
from checker.schema import Report
from tests.report.sample import sample_report
from tests.report.strategies import reports

# What our own Markdown may produce once rendered; anything else came from article text.
ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "blockquote",
    "strong",
    "code",
    "br",
    "details",
    "summary",
}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "th" or tag == "td":
            return
        assert not attrs, (tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(text: str) -> Tags:
    parser = Tags()
    parser.feed(MarkdownIt("gfm-like", {"linkify": False}).render(text))
    return parser


def test_sections_in_verdict_order() -> None:
    text = markdown.render(sample_report())
    positions = [
        text.index(h)
        for h in ("### Contradictions", "### Updates", "### Variances", "<summary>Agreements")
    ]
    assert positions == sorted(positions)
    assert "| contradictions | 4 |" in text
    assert "| uncertain contradictions | 2 |" in text
    assert "| updates | 1 |" in text


def test_contradictions_ranked_by_confidence_uncertain_last() -> None:
    text = markdown.render(sample_report())
    headings = [line for line in text.splitlines() if line.startswith("#### ")]
    assert headings[:4] == [
        "#### 1. settlements returned to Azerbaijan",
        "#### 2. Zakir Hasanov's title",
        "#### 3. the war ended (uncertain)",
        "#### 4. tanks lost by Armenia (uncertain)",
    ]


def test_contradictions_show_confidence_and_identity() -> None:
    text = markdown.render(sample_report())
    section = text[text.index("#### 4. tanks") : text.index("### Updates")]
    assert "**uncertain** · confidence 0.45 · rule `C101`" in section
    assert (
        "**Identity:** same: measure \u201ctanks\u201d, dimension \u201ccount\u201d; "
        "one side only: event \u201cdestroyed\u201d; different:\n"
        "source \u201cofficials / army\u201d; unstated: subject, time"
    ) in section
    assert "confidence 0.80 · rule `C101`" in text


def test_updates_list_the_claims_in_time_order_with_their_dates() -> None:
    text = markdown.render(sample_report())
    section = text[text.index("### Updates (1)") : text.index("### Variances")]
    assert (
        "**soldiers killed:** 150 soldiers (30 Sep) \u2192 381 soldiers (5 Oct) \u2192 "
        "Close to 600 soldiers (9 Oct)"
    ) in section
    places = [section.index(p) for p in ("beta.txt:4", "alpha.txt:6", "gamma.txt:4")]
    assert places == sorted(places)
    assert "as of `2020-09-30`" in section and "\n  `2020-10-05`" in section


def test_quotes_carry_their_location() -> None:
    text = markdown.render(sample_report())
    assert "`seeds/beta.txt:2`" in text
    assert "**Some 250 settlements**" in text


def test_lines_are_narrow() -> None:
    for line in markdown.render(sample_report()).splitlines():
        assert len(line) <= markdown.WIDTH, line


def test_hostile_text_stays_text() -> None:
    page = rendered(markdown.render(sample_report()))
    assert page.tags <= ALLOWED_TAGS
    shown = " ".join(" ".join(page.text).split())
    assert "<script>alert(1)</script>" in shown
    assert "<img src=x onerror=alert(1)>" in shown
    assert "100% sure:: a typo, fixed upstream" in shown


def test_block_markup_at_line_start_is_guarded() -> None:
    assert markdown.guard_line("1. first") == "1\\. first"
    assert markdown.guard_line("- item") == "\\- item"
    assert markdown.guard_line("=== x") == "\\=== x"
    assert markdown.guard_line("plain") == "plain"


def test_wrapped_text_never_starts_a_list_or_heading() -> None:
    text = "word " * 19 + "- dash 1. one # hash = equals + plus 2) two"
    lines = markdown.wrap(markdown.escape(text * 3), "  > ")
    page = rendered("\n".join(lines))
    assert page.tags == {"blockquote", "p"}


def test_links_and_mentions_are_inert() -> None:
    text = markdown.escape("see https://example.com, www.example.com and @someone :smile:")
    page = rendered(text)
    assert page.tags <= {"p"}
    assert "https://example.com" in "".join(page.text)
    assert "https\\://" in text and "www\\." in text and "\\@someone" in text


def test_agreements_and_single_source_facts_are_folded() -> None:
    text = markdown.render(sample_report())
    assert "<details><summary>Agreements (1)</summary>" in text
    assert "<details><summary>Single-source facts (2)</summary>" in text
    assert text.count("<details>") == text.count("</details>")


def test_long_reports_fit_a_pull_request_comment(monkeypatch: pytest.MonkeyPatch) -> None:
    report = sample_report()
    full = markdown.render(report)
    monkeypatch.setattr(markdown, "MAX_CHARS", len(full) // 2)
    cut = markdown.render(report)
    assert len(cut) < len(full)
    assert "more sections not shown" in cut
    assert "#### 1. settlements returned to Azerbaijan" in cut  # contradictions come first
    assert cut.count("<details>") == cut.count("</details>")


def test_inline_code_survives_backticks() -> None:
    assert markdown.code("a`b") == "``a`b``"
    assert markdown.code("`x") == "`` `x ``"


# Generating a report is slow on a busy machine: only the test's own time counts.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_text_renders_as_text(report: Report) -> None:
    text = markdown.render(report)
    page = rendered(text)
    assert page.tags <= ALLOWED_TAGS
    shown = " ".join(" ".join(page.text).split())
    for finding in report.findings:
        fact = one_line(finding.fact)
        if fact and not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", fact):
            assert fact in shown
    for line in text.splitlines():
        if line.startswith("#### "):
            continue  # a heading cannot wrap
        # only a single unbreakable word may exceed the width
        assert len(line) <= markdown.WIDTH or " " not in line.strip().lstrip(">- ").strip()


def test_a_finding_with_many_sources_quotes_a_bounded_number() -> None:
    from checker.report import markdown
    from tests.report.sample import sample_report

    report = sample_report()
    finding = report.findings[0]
    many = [
        claim.model_copy(update={"seed": f"copy{i:03d}", "claim_id": f"copy{i:03d}:q:{i:012x}"})
        for i in range(markdown.MAX_CLAIMS + 8)
        for claim in finding.claims[:1]
    ]
    big = report.model_copy(update={"findings": [finding.model_copy(update={"claims": many})]})
    text = markdown.render(big)
    assert text.count("`seeds/copy0") == markdown.MAX_CLAIMS
    assert "- \u2026 and 8 more (see `reports/consistency.html`)" in text


def test_a_report_of_several_stories_counts_each_story() -> None:
    report = sample_report()
    findings = [
        f.model_copy(update={"story": "harbour-fire" if i % 2 else "valley-floods"})
        for i, f in enumerate(report.findings)
    ]
    text = markdown.render(report.model_copy(update={"findings": findings}))
    assert "| story | contradictions | updates | variances | agreements |" in text
    assert "| harbour-fire |" in text and "| valley-floods |" in text
    assert "story harbour-fire" in text
