"""The HTML report in a real headless Chromium: loads cleanly, filters, runs no injected code."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.fileio import atomic_write_text
from checker.report import html
from checker.schema import Verdict
from tests.report.corpora import HOSTILE, make_hostile, run_root
from tests.report.sample import sample_report

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """The sample report served over http://127.0.0.1 (like an editor's local preview)."""
    atomic_write_text(tmp_path / "consistency.html", html.render(sample_report()))
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/consistency.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(browser: Any, served: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # console errors, failed requests, dialogs, page errors
    page.on("console", lambda m: m.type in {"error", "warning"} and page.problems.append(m.text))
    page.on("requestfailed", lambda r: page.problems.append(f"failed request {r.url}"))
    page.on("pageerror", lambda e: page.problems.append(f"page error {e}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog {d.message}"), d.dismiss()))
    page.goto(served, wait_until="load")
    try:
        yield page
    finally:
        context.close()


def visible(page: Any, selector: str) -> int:
    return int(page.locator(selector).filter(visible=True).count())


def test_loads_cleanly_and_looks_right(page: Any, artifacts: Path) -> None:
    page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    assert page.problems == []
    report = sample_report()
    assert visible(page, "article.finding") == len(report.findings)
    assert page.locator("svg.matrix rect.cell").count() > 0


@pytest.mark.parametrize("verdict", [Verdict.CONTRADICTION, Verdict.UPDATE])
def test_filter_by_verdict(page: Any, artifacts: Path, verdict: Verdict) -> None:
    findings = sample_report().findings
    hidden = sum(f.verdict is verdict for f in findings)
    assert hidden
    before = visible(page, "[data-item]")
    page.locator(f'input[data-filter="verdict"][value="{verdict.value}"]').uncheck()
    assert visible(page, f'article[data-verdict="{verdict.value}"]') == 0
    assert visible(page, "[data-item]") == before - hidden
    assert page.locator("#shown").inner_text() == str(before - hidden)
    page.locator(f'input[data-filter="verdict"][value="{verdict.value}"]').check()
    assert visible(page, "[data-item]") == before
    page.screenshot(path=str(artifacts / f"report-filtered-{verdict.value}.png"))
    assert page.problems == []


def test_filter_by_source(page: Any) -> None:
    report = sample_report()
    page.locator('input[data-filter="source"][value="beta"]').uncheck()
    page.locator('input[data-filter="source"][value="gamma"]').uncheck()
    only_alpha = sum(any(c.seed == "alpha" for c in f.claims) for f in report.findings)
    assert visible(page, "article.finding") == only_alpha
    assert visible(page, "article.single") == 0  # the single-source facts are beta's and gamma's


def test_hostile_text_is_shown_literally_and_runs_nothing(page: Any) -> None:
    body = page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.locator("main img").count() == 0
    assert page.locator("script").count() == 1
    assert page.problems == []


def test_real_report_of_a_hostile_seed(browser: Any, seed_root: Path, artifacts: Path) -> None:
    """The whole pipeline on the seeds, one of them carrying markup in a reported sentence."""
    make_hostile(seed_root)
    run_root(seed_root)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text))
    page.on("requestfailed", lambda r: problems.append(f"failed request {r.url}"))
    page.on("pageerror", lambda e: problems.append(f"page error {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
    try:
        page.goto((seed_root / "reports" / "consistency.html").as_uri(), wait_until="load")
        page.screenshot(path=str(artifacts / "report-seeds.png"), full_page=True)
        assert HOSTILE in page.locator("main").inner_text()
        assert page.locator("main img").count() == 0
        assert page.locator("script").count() == 1
        assert problems == []
    finally:
        context.close()
