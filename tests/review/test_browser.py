"""The review page in headless Chromium: filter, decide with the keyboard, run no article text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import Report
from tests.review.conftest import TOKEN
from tests.review.fixtures import BUDGET, HOSTILE, IMG, SCRIPT
from tests.review.server import serve

pytestmark = pytest.mark.browser

WAIT_MS = 10_000


def _open(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    # bypass_csp: Playwright's waits evaluate strings, which the page's CSP forbids. It also
    # makes the markup test stricter: escaping must hold without the CSP's help.
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/?token={TOKEN}")
    page.wait_for_selector("#queue-list .item")
    assert page.url == f"{base}/"  # the token left the address bar
    return context, page, dialogs + errors


def test_filter_decide_with_keyboard_and_see_it_everywhere(
    browser: Any, store: DecisionStore, report: Report, review_root: Path, artifacts: Path
) -> None:
    app = create_app(store, TOKEN, lambda: report, seeds_dir=review_root / "seeds")
    with serve(app) as base:
        context, page, problems = _open(browser, base)
        try:
            assert page.text_content("#counter") == "0 of 3 decided (1 uncertain)"
            assert page.locator("#queue-list .item").count() == 3  # contradictions only
            assert page.locator("#queue-list .item.uncertain .tag.uncertain").count() == 1
            page.select_option("#f-verdict", "contradiction")
            items = page.locator("#queue-list .item")
            assert items.count() == 3
            assert items.nth(0).get_attribute("data-fingerprint") == BUDGET.fingerprint
            page.wait_for_function(
                "document.querySelector('#d-fact').textContent.includes('budget')"
            )
            page.fill("#reviewer", "Ann Editor")
            page.fill("#note", "250 is the draft figure")
            page.locator("body").click(position={"x": 5, "y": 300})  # leave the text field
            page.keyboard.press("c")
            # The page moves on to the next undecided finding of the queue.
            page.wait_for_function(
                "fp => document.querySelector('#queue-list .item.current')?.dataset.fingerprint"
                " === fp",
                arg=HOSTILE.fingerprint,
            )
            decided = page.locator(f'#queue-list .item[data-fingerprint="{BUDGET.fingerprint}"]')
            assert decided.locator(".chip").text_content() == "confirmed"
            assert page.text_content("#counter") == "1 of 3 decided (1 uncertain)"
            assert page.evaluate("localStorage.getItem('checker.review.reviewer')") == "Ann Editor"

            lines = store.path.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 1
            line = json.loads(lines[0])
            assert (line["fingerprint"], line["decision"], line["reviewer"], line["note"]) == (
                BUDGET.fingerprint,
                "confirmed",
                "Ann Editor",
                "250 is the draft figure",
            )

            # j/k move through the queue; the decision history shows on the finding.
            page.keyboard.press("k")
            page.wait_for_function("document.querySelectorAll('#d-history li').length === 1")
            assert "Ann Editor" in (page.text_content("#d-history") or "")
            # "a" without a note refuses, and says why.
            page.keyboard.press("j")
            page.keyboard.press("a")
            page.wait_for_function("document.querySelector('#status').textContent.includes('note')")
            assert len(store.path.read_text(encoding="utf-8").splitlines()) == 1
            assert page.evaluate("document.activeElement.id") == "note"
            page.keyboard.press("Escape")  # leave the note field: keys drive the queue again
            page.select_option("#f-verdict", "flagged")
            page.keyboard.press("k")
            page.wait_for_function(
                "fp => document.querySelector('#d-fingerprint').textContent === fp",
                arg=BUDGET.fingerprint,
            )
            page.screenshot(path=str(artifacts / "review.png"), full_page=False)

            # "/" jumps to the search box; typing filters the queue.
            page.keyboard.press("/")
            assert page.evaluate("document.activeElement.id") == "f-text"
            page.keyboard.type("budget")
            shown = page.locator("#queue-list .item")
            assert shown.count() == 1  # the variance about the budget is not in the queue
            assert all("budget" in (text or "") for text in shown.all_text_contents())
            assert problems == []
        finally:
            context.close()


def test_article_text_with_markup_runs_nothing(
    browser: Any, store: DecisionStore, report: Report, review_root: Path, artifacts: Path
) -> None:
    app = create_app(store, TOKEN, lambda: report, seeds_dir=review_root / "seeds")
    with serve(app) as base:
        context, page, problems = _open(browser, base)
        try:
            page.evaluate("window.__pwned = false")
            page.locator(f'#queue-list .item[data-fingerprint="{HOSTILE.fingerprint}"]').click()
            page.wait_for_function(
                "fp => document.querySelector('#d-fingerprint').textContent === fp",
                arg=HOSTILE.fingerprint,
            )
            marks = page.locator("#d-sides mark").all_text_contents()
            assert marks == [SCRIPT, IMG]  # shown as text, exactly as written
            assert SCRIPT in (page.text_content("#d-fact") or "")
            assert page.locator("#finding img, #queue img").count() == 0
            assert page.locator("#finding script, #queue script").count() == 0
            page.wait_for_timeout(300)  # time for an injected onerror to fire, if any
            assert problems == []  # no alert() dialog, no script error
            page.screenshot(path=str(artifacts / "review-hostile.png"), full_page=False)
        finally:
            context.close()
