"""The HTML page: self-contained, escaped, script and style pinned by the CSP."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings

from checker.report import html
from checker.schema import Report
from tests.report.sample import sample_report
from tests.report.strategies import reports

TEMPLATE_TAGS = {
    "html",
    "head",
    "meta",
    "link",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "ul",
    "li",
    "span",
    "main",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "div",
    "svg",
    "text",
    "a",
    "rect",
    "fieldset",
    "legend",
    "label",
    "input",
    "article",
    "strong",
    "q",
    "figure",
    "figcaption",
    "blockquote",
    "mark",
    "dl",
    "dt",
    "dd",
    "time",
    "script",
}


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.csp = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in {"src", "href", "action", "srcset", "xlink:href"} and value:
                self.urls.append(value)
            if name == "content" and ("http-equiv", "Content-Security-Policy") in attrs:
                self.csp = value or ""
        if tag in {"script", "style"}:
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_self_contained() -> None:
    page = parse(html.render(sample_report()))
    # only in-page anchors and the empty data: favicon; nothing fetched from anywhere
    assert all(url.startswith("#") or url == "data:," for url in page.urls), page.urls
    assert "default-src 'none'" in page.csp


def test_csp_pins_the_one_script_and_style() -> None:
    page = parse(html.render(sample_report()))
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert f"script-src {sha(page.scripts[0])};" in page.csp
    assert f"style-src {sha(page.styles[0])};" in page.csp


def test_hostile_text_is_escaped() -> None:
    text = html.render(sample_report())
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert parse(text).handlers == []


def test_differing_words_are_highlighted() -> None:
    text = html.render(sample_report())
    assert '<span class="diff">Some 250</span> settlements' in text
    assert '<span class="diff">Deputy</span> Defence Minister Zakir Hasanov' in text


def test_page_shows_how_values_were_obtained_and_independence() -> None:
    text = html.render(sample_report())
    assert "year 2020 resolved from the event (past tense)" in text
    assert "3 sources, 1 independent origin" in text
    assert "C102" in text and "date mismatch" in text


def test_matrix_has_a_cell_per_source_and_fact() -> None:
    report = sample_report()
    text = html.render(report)
    cells = re.findall(r'<rect class="cell v-(\w+)"', text)
    expected = sum(len({c.seed for c in f.claims}) for f in report.findings)
    seeds_with_singles = {c.seed for c in report.single_source}
    assert len(cells) == expected + len(seeds_with_singles)
    assert cells.count("single_source") == len(seeds_with_singles)


# Generating a report is slow on a busy machine: only the test's own time counts.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_text_stays_text(report: Report) -> None:
    page = parse(html.render(report))
    assert set(page.tags) <= TEMPLATE_TAGS
    assert page.tags.count("script") == 1
    assert page.handlers == []
    assert all(url.startswith("#") or url == "data:," for url in page.urls)


def test_updates_have_a_filter_a_label_and_their_claims_in_time_order() -> None:
    text = html.render(sample_report())
    assert (
        '<input type="checkbox" data-filter="verdict" value="update" checked> updates (1)' in text
    )
    assert '<span class="badge v-update">Update</span>' in text
    card = text[text.index('data-verdict="update"') : text.index('data-group="variance"')]
    places = [card.index(f"seeds/{p}:") for p in ("beta.txt:4", "alpha.txt:6", "gamma.txt:4")]
    assert places == sorted(places)
    steps = re.findall(
        r'<span class="step"><strong>([^<]*)</strong> <span class="when">\(([^)]*)\)', card
    )
    assert steps == [
        ("150 soldiers", "30 Sep"),
        ("381 soldiers", "5 Oct"),
        ("Close to 600 soldiers", "9 Oct"),
    ]
    assert '<dt>as of</dt><dd><time datetime="2020-09-30">30 Sep 2020</time></dd>' in card


def test_contradictions_ranked_with_confidence_identity_and_uncertain_label() -> None:
    text = html.render(sample_report())
    group = text[text.index('data-group="contradiction"') : text.index('data-group="update"')]
    facts = re.findall(r"</a> ([^<]*)</h3>", group)
    assert facts == [
        "settlements returned to Azerbaijan",
        "Zakir Hasanov&#39;s title",
        "the war ended",
        "tanks lost by Armenia",
    ]
    tanks = group[group.index("tanks lost by Armenia") :]
    assert '<span class="badge uncertain"' in group[group.index("the war ended") - 400 :]
    assert "confidence 0.45</li>" in tanks
    assert (
        '<span class="chip s-one_side" title="one side only">'
        "event \u201cdestroyed\u201d: one side only</span>"
    ) in tanks
    assert group.count('class="badge uncertain"') == 2


def _two_stories() -> Report:
    report = sample_report()
    findings = [
        f.model_copy(update={"story": "harbour-fire" if i % 2 else "valley-floods"})
        for i, f in enumerate(report.findings)
    ]
    return report.model_copy(update={"findings": findings})


def test_a_report_of_several_stories_has_a_story_index() -> None:
    page = html.render(_two_stories())
    index = page[page.index('id="stories-h"') : page.index('id="sources-h"')]
    assert "harbour-fire" in index and "valley-floods" in index
    assert page.count('<span class="k">story</span>') == len(sample_report().findings)
    report = sample_report()
    one = [f.model_copy(update={"story": "valley-floods"}) for f in report.findings]
    page = html.render(report.model_copy(update={"findings": one}))
    assert 'id="stories-h"' not in page and '<span class="k">story</span>' not in page
