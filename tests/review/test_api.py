"""The review API through the ASGI app: token, Host and Origin checks, 422/404, the queue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checker.errors import CheckerError
from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import DecisionRequest, Report
from tests.review.conftest import BASE, TOKEN
from tests.review.fixtures import (
    ARRESTS,
    BUDGET,
    DAY,
    DEBATE,
    FLAGGED,
    HOSTILE,
    IMG,
    PETITION,
    QUEUE,
    SCRIPT,
)


def post(client: TestClient, **body: object) -> tuple[int, dict[str, object]]:
    response = client.post("/api/decisions", json=body)
    return response.status_code, response.json()


# ---- token -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/findings"),
        ("GET", f"/api/findings/{BUDGET.fingerprint}"),
        ("POST", "/api/decisions"),
        ("GET", "/api/openapi.json"),
    ],
)
def test_every_api_call_needs_the_token(anonymous: TestClient, method: str, path: str) -> None:
    assert anonymous.request(method, path).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert anonymous.request(method, path, headers=wrong).status_code == 401
    anonymous.cookies.set("checker_review_x", TOKEN)  # right value, wrong cookie name
    assert anonymous.request(method, path).status_code == 401


def test_opening_the_page_with_the_token_sets_a_cookie_and_drops_the_token(
    anonymous: TestClient,
) -> None:
    assert anonymous.get("/").status_code == 401
    assert anonymous.get("/?token=wrong", follow_redirects=False).status_code == 401
    response = anonymous.get(f"/?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    page = anonymous.get("/")
    assert page.status_code == 200
    assert TOKEN not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert anonymous.get("/api/findings").status_code == 200


def test_static_assets_are_served_from_the_package(anonymous: TestClient) -> None:
    script = anonymous.get("/static/review.js")
    assert script.status_code == 200
    # Data goes into the page through textContent only.
    assert not re.search(
        r"\.(inner|outer)HTML\s*\+?=|insertAdjacentHTML|document\.write", script.text
    )
    assert "http" not in anonymous.get("/static/review.css").text  # no CDN, no web fonts


# ---- Host and Origin ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "", "[::1"]
)
def test_a_foreign_host_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/findings", headers={"Host": host})
    assert response.status_code == 403
    assert client.get("/static/review.js", headers={"Host": host}).status_code == 403


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST", "127.0.0.1"])
def test_the_bound_address_and_localhost_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/findings", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:8765"]
)
def test_a_foreign_origin_is_refused(client: TestClient, origin: str) -> None:
    body = {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "Mallory"}
    response = client.post("/api/decisions", json=body, headers={"Origin": origin})
    assert response.status_code == 403
    cross = client.post("/api/decisions", json=body, headers={"Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    assert client.get(f"/api/findings/{BUDGET.fingerprint}").json()["history"] == []


def test_the_same_origin_may_post(client: TestClient) -> None:
    body = {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "Ann"}
    response = client.post("/api/decisions", json=body, headers={"Origin": BASE})
    assert response.status_code == 201


def test_other_hosts_can_be_allowed_explicitly(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    app = create_app(store, TOKEN, lambda: report, host="0.0.0.0", extra_hosts=["desk.local"])
    with TestClient(app, base_url="http://desk.local:8765") as c:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        assert c.get("/api/findings", headers=headers).status_code == 200
        assert c.get("/api/findings", headers={**headers, "Host": "0.0.0.0"}).status_code == 403


# ---- decisions ---------------------------------------------------------------------------


def test_a_decision_is_stored_and_shown(client: TestClient, store: DecisionStore) -> None:
    status, body = post(
        client, fingerprint=BUDGET.fingerprint, decision="confirmed", reviewer=" Ann ", note="ask"
    )
    assert status == 201
    decision = body["decision"]
    assert isinstance(decision, dict)
    assert (decision["decision"], decision["reviewer"], decision["note"]) == (
        "confirmed",
        "Ann",
        "ask",
    )
    assert body["next"] == HOSTILE.fingerprint  # the next undecided finding of the queue
    line = json.loads(store.path.read_text(encoding="utf-8"))
    assert line["fingerprint"] == BUDGET.fingerprint and line["fact"] == BUDGET.fact
    listed = client.get("/api/findings").json()
    assert (listed["decided"], listed["flagged"]) == (1, len(FLAGGED))
    row = next(f for f in listed["findings"] if f["fingerprint"] == BUDGET.fingerprint)
    assert row["review"]["decision"] == "confirmed"
    detail = client.get(f"/api/findings/{BUDGET.fingerprint}").json()
    assert [h["decision"] for h in detail["history"]] == ["confirmed"]


def test_in_progress_does_not_count_as_decided(client: TestClient) -> None:
    post(client, fingerprint=BUDGET.fingerprint, decision="in_progress", reviewer="Ann")
    assert client.get("/api/findings").json()["decided"] == 0
    _, body = post(client, fingerprint=HOSTILE.fingerprint, decision="dismissed", reviewer="Ann")
    assert body["next"] == ARRESTS.fingerprint  # the uncertain contradiction comes last
    _, body = post(client, fingerprint=ARRESTS.fingerprint, decision="dismissed", reviewer="Ann")
    assert body["next"] == BUDGET.fingerprint  # wraps around to the one still in progress
    listed = client.get("/api/findings").json()
    assert (listed["decided"], listed["flagged"]) == (2, 3)


def test_variances_and_updates_are_not_queue_items(client: TestClient) -> None:
    """They stay visible (listed, unflagged) but an editor is never asked to decide them."""
    listed = client.get("/api/findings").json()
    flagged = [r["fingerprint"] for r in listed["findings"] if r["flagged"]]
    assert flagged == [f.fingerprint for f in FLAGGED]
    for finding in (DEBATE, DAY, PETITION):
        assert finding.fingerprint not in flagged
    # deciding one anyway (by hand) never counts, and the queue never moves to one
    _, body = post(client, fingerprint=DEBATE.fingerprint, decision="dismissed", reviewer="Ann")
    assert body["next"] == BUDGET.fingerprint
    for finding in FLAGGED:
        _, body = post(client, fingerprint=finding.fingerprint, decision="dismissed", reviewer="A")
    assert body["next"] is None  # nothing left to decide: the update and variances wait for no one
    listed = client.get("/api/findings").json()
    assert (listed["decided"], listed["flagged"], listed["uncertain"]) == (3, 3, 1)


def test_variances_are_queue_items_when_the_gate_blocks_on_them(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    from checker.review.views import FLAGGED as DEFAULT
    from checker.schema import Verdict

    app = create_app(store, TOKEN, lambda: report, flagged=DEFAULT | {Verdict.VARIANCE})
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        listed = c.get("/api/findings").json()
    flagged = [r["fingerprint"] for r in listed["findings"] if r["flagged"]]
    assert flagged == [f.fingerprint for f in (*FLAGGED, DEBATE, DAY)]
    assert PETITION.fingerprint not in flagged


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"decision": "confirmed", "reviewer": "Ann"}, "fingerprint"),
        ({"fingerprint": BUDGET.fingerprint, "decision": "maybe", "reviewer": "Ann"}, "decision"),
        (
            {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "  "},
            "reviewer",
        ),
        ({"fingerprint": BUDGET.fingerprint, "decision": "accepted", "reviewer": "Ann"}, "note"),
        (
            {
                "fingerprint": BUDGET.fingerprint,
                "decision": "accepted",
                "reviewer": "A",
                "note": " ",
            },
            "note",
        ),
        (
            {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "A", "x": 1},
            "x",
        ),
        ({"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": 7}, "reviewer"),
        ([], "body"),
    ],
)
def test_invalid_bodies_get_422_with_the_reason(
    client: TestClient, store: DecisionStore, body: object, where: str
) -> None:
    response = client.post("/api/decisions", json=body)
    assert response.status_code == 422
    assert where in json.dumps(response.json()["detail"])
    assert not store.path.exists()


def test_a_body_that_is_not_json_gets_422(client: TestClient) -> None:
    for content in (b"{", b"\xff\xfe", b'{"reviewer": "\\ud800"}'):
        response = client.post(
            "/api/decisions", content=content, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422


def test_a_lone_surrogate_is_refused_not_stored(client: TestClient, store: DecisionStore) -> None:
    raw = json.dumps(
        {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "A\\ud800"}
    ).replace("\\\\", "\\")
    response = client.post(
        "/api/decisions", content=raw.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert not store.path.exists()


def test_an_unknown_fingerprint_gets_404(client: TestClient, store: DecisionStore) -> None:
    assert client.get("/api/findings/quantity:ffffffffffffffff").status_code == 404
    status, body = post(
        client, fingerprint="quantity:ffffffffffffffff", decision="confirmed", reviewer="A"
    )
    assert status == 404
    assert "quantity:ffffffffffffffff" in str(body["detail"])
    assert not store.path.exists()


def test_a_report_that_cannot_be_loaded_gets_503_with_the_reason(store: DecisionStore) -> None:
    def broken() -> Report:
        raise CheckerError("no claims file for this seed", path="claims/a.json")

    app = create_app(store, TOKEN, broken)
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        response = c.get("/api/findings")
        assert response.status_code == 503
        assert "claims/a.json" in response.json()["detail"]


# ---- the queue and one finding ----------------------------------------------------------


def test_queue_puts_contradictions_first_by_confidence_uncertain_last(
    client: TestClient,
) -> None:
    body = client.get("/api/findings").json()
    rows = body["findings"]
    assert [r["fingerprint"] for r in rows] == [f.fingerprint for f in QUEUE]
    assert [r["flagged"] for r in rows] == [True, True, True, False, False, False, False]
    assert [r["confidence"] for r in rows[:3]] == [0.9, 0.8, 0.5]
    assert [r["uncertain"] for r in rows[:3]] == [False, False, True]
    assert rows[0]["values"] == ["300000000 dollars", "250000000 dollars"]
    assert rows[0]["seeds"] == ["alpha", "beta", "gamma"]
    assert (body["flagged"], body["uncertain"]) == (3, 1)
    assert body["problems"] == []


def test_contradictions_are_ordered_by_confidence_not_by_fact(
    store: DecisionStore, report: Report
) -> None:
    # HOSTILE's fact sorts after BUDGET's: with the higher confidence it comes first,
    # and an uncertain contradiction stays last whatever its confidence.
    sure = HOSTILE.model_copy(update={"confidence": 0.99})
    unsure = ARRESTS.model_copy(update={"confidence": 1.0})
    swapped = report.model_copy(update={"findings": [BUDGET, unsure, sure, PETITION]})
    app = create_app(store, TOKEN, lambda: swapped)
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        rows = c.get("/api/findings").json()["findings"]
        assert [r["fingerprint"] for r in rows] == [
            f.fingerprint for f in (HOSTILE, BUDGET, ARRESTS, PETITION)
        ]
        _, body = post(c, fingerprint=HOSTILE.fingerprint, decision="confirmed", reviewer="A")
        assert body["next"] == BUDGET.fingerprint


def test_detail_shows_confidence_identity_and_uncertainty(client: TestClient) -> None:
    detail = client.get(f"/api/findings/{ARRESTS.fingerprint}").json()
    assert (detail["uncertain"], detail["confidence"], detail["flagged"]) == (True, 0.5, True)
    assert [(s["slot"], s["status"], s["value"]) for s in detail["identity"]] == [
        ("measure", "one_side", "arrested"),
        ("subject", "same", "protesters"),
        ("time", "unstated", None),
    ]


def test_an_update_shows_its_claims_in_time_order_with_their_dates(client: TestClient) -> None:
    detail = client.get(f"/api/findings/{PETITION.fingerprint}").json()
    assert detail["flagged"] is False and detail["confidence"] is None
    assert detail["values"] == ["50 people", "120 people"]  # the claims are 120, then 50
    assert [s["value"] for s in detail["sides"]] == ["50 people", "120 people"]
    assert [s["claims"][0]["as_of"] for s in detail["sides"]] == ["2020-11-09", "2020-11-10"]


def test_detail_groups_sources_by_value_with_each_quote_in_its_paragraph(
    client: TestClient,
) -> None:
    detail = client.get(f"/api/findings/{BUDGET.fingerprint}").json()
    assert [s["value"] for s in detail["sides"]] == ["300000000 dollars", "250000000 dollars"]
    assert [c["seed"] for c in detail["sides"][0]["claims"]] == ["alpha", "gamma"]
    claim = detail["sides"][0]["claims"][0]
    assert claim["outlet"] == "Daily Alpha"
    context = claim["context"]
    assert context["source"] == "paragraph"
    assert context["claim"] == "300 million dollars"
    assert context["sentence_before"] == "The council approved a budget of "
    assert context["sentence_after"] == " on Tuesday, officials said."
    assert (claim["line"], claim["column"]) == (3, 34)
    assert detail["explanation"] == BUDGET.explanation
    assert detail["rule"] == BUDGET.rule


def test_detail_shows_the_rest_of_the_paragraph(client: TestClient) -> None:
    detail = client.get(f"/api/findings/{DEBATE.fingerprint}").json()
    context = detail["sides"][0]["claims"][0]["context"]
    assert context["claim"] == "nearly 45 days"
    assert context["after"] == " Opponents walked out."


def test_an_edited_seed_falls_back_to_the_stored_sentence(
    client: TestClient, review_root: Path
) -> None:
    seed = review_root / "seeds" / "alpha.txt"
    seed.write_text("Edited first.\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    detail = client.get(f"/api/findings/{BUDGET.fingerprint}").json()
    alpha = detail["sides"][0]["claims"][0]
    assert alpha["context"]["source"] == "sentence"
    assert alpha["context"]["claim"] == "300 million dollars"
    assert alpha["context"]["sentence_after"] == " on Tuesday, officials said."


def test_hostile_text_comes_back_as_plain_data(client: TestClient) -> None:
    detail = client.get(f"/api/findings/{HOSTILE.fingerprint}").json()
    assert SCRIPT in detail["fact"]
    assert [s["claims"][0]["context"]["claim"] for s in detail["sides"]] == [SCRIPT, IMG]


def test_the_page_escapes_what_it_renders(store: DecisionStore, report: Report) -> None:
    app = create_app(store, TOKEN, lambda: report, title=f"desk {SCRIPT}")
    with TestClient(app, base_url=BASE) as c:
        c.get(f"/?token={TOKEN}")
        page = c.get("/").text
        assert SCRIPT not in page
        assert "&lt;script&gt;" in page


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/findings",
        "/api/findings/{fingerprint}",
        "/api/decisions",
    }
    post_op = schema["paths"]["/api/decisions"]["post"]
    assert {"201", "404", "422"} <= set(post_op["responses"])
    assert "DecisionRequest" in json.dumps(post_op["requestBody"])


def test_swagger_ui_is_not_served_because_it_loads_from_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_skipped_lines_of_the_decisions_file_are_listed(
    client: TestClient, store: DecisionStore
) -> None:
    post(client, fingerprint=BUDGET.fingerprint, decision="confirmed", reviewer="Ann")
    with store.path.open("a", encoding="utf-8") as handle:
        handle.write('{"fingerprint": "quantity:')  # a writer killed mid-line
    body = client.get("/api/findings").json()
    assert body["problems"] == [f"{store.path}:2: " + body["problems"][0].split(":2: ", 1)[1]]
    assert "incomplete last line" in body["problems"][0]
    assert body["decided"] == 1


def test_decisions_whose_finding_vanished_are_listed_as_stale(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    store.append(
        DecisionRequest(fingerprint=DEBATE.fingerprint, decision="dismissed", reviewer="Bo"),
        DEBATE,
    )
    smaller = report.model_copy(
        update={"findings": [f for f in report.findings if f.fingerprint != DEBATE.fingerprint]}
    )
    app = create_app(store, TOKEN, lambda: smaller)
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        body = c.get("/api/findings").json()
    assert [d["fingerprint"] for d in body["stale"]] == [DEBATE.fingerprint]
    assert body["stale"][0]["fact"] == DEBATE.fact
