"""The review app behind a real uvicorn server on 127.0.0.1, and the `checker review` command."""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import Report
from tests.review.clients import post_many
from tests.review.conftest import TOKEN
from tests.review.fixtures import BUDGET, FINDINGS, make_report
from tests.review.server import serve

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TIMEOUT = 20.0


def _app(store: DecisionStore, report: Report, root: Path, token: str = TOKEN):  # type: ignore[no-untyped-def]
    return create_app(store, token, lambda: report, seeds_dir=root / "seeds")


def test_token_host_and_origin_over_real_http(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    with (
        serve(_app(store, report, review_root)) as base,
        httpx.Client(base_url=base, timeout=TIMEOUT) as client,
    ):
        assert client.get("/api/findings").status_code == 401
        assert client.get("/api/findings", headers=AUTH).status_code == 200
        port = base.rsplit(":", 1)[1]
        rebound = {**AUTH, "Host": f"attacker.example:{port}"}
        assert client.get("/api/findings", headers=rebound).status_code == 403
        assert (
            client.get("/api/findings", headers={**AUTH, "Host": f"localhost:{port}"}).status_code
            == 200
        )
        body = {"fingerprint": BUDGET.fingerprint, "decision": "confirmed", "reviewer": "M"}
        foreign = {**AUTH, "Origin": "http://attacker.example"}
        assert client.post("/api/decisions", json=body, headers=foreign).status_code == 403
        same = {**AUTH, "Origin": base}
        assert client.post("/api/decisions", json=body, headers=same).status_code == 201
        assert (
            client.post(
                "/api/decisions", json={**body, "decision": "accepted"}, headers=AUTH
            ).status_code
            == 422
        )
        assert (
            client.post(
                "/api/decisions", json={**body, "fingerprint": "x:0"}, headers=AUTH
            ).status_code
            == 404
        )
        page = client.get(
            f"/?token={TOKEN}", follow_redirects=True
        )  # follows the redirect with the cookie
        assert page.status_code == 200 and "review.js" in page.text


def test_one_hundred_concurrent_posts_from_several_processes_are_all_recorded(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    context = multiprocessing.get_context("spawn")
    with serve(_app(store, report, review_root)) as base, context.Pool(4) as pool:
        fingerprints = [f.fingerprint for f in FINDINGS]
        jobs = [(base, TOKEN, fingerprints, worker, 25) for worker in range(4)]
        results = pool.starmap(post_many, jobs)
    assert [code for codes in results for code in codes] == [201] * 100
    loaded = store.load()
    assert loaded.problems == []
    notes = sorted(d.note.split()[0] for d in loaded.decisions)
    assert notes == sorted(f"w{w}-{i}" for w in range(4) for i in range(25))


def test_a_decision_survives_a_server_restart(
    store: DecisionStore, report: Report, review_root: Path
) -> None:
    body = {"fingerprint": BUDGET.fingerprint, "decision": "dismissed", "reviewer": "Ann"}
    with serve(_app(store, report, review_root)) as base:
        response = httpx.post(f"{base}/api/decisions", json=body, headers=AUTH, timeout=TIMEOUT)
        assert response.status_code == 201
    fresh = DecisionStore(store.path)
    with serve(_app(fresh, make_report(), review_root, token="another-token")) as base:
        headers = {"Authorization": "Bearer another-token"}
        assert httpx.get(f"{base}/api/findings", headers=AUTH, timeout=TIMEOUT).status_code == 401
        detail = httpx.get(
            f"{base}/api/findings/{BUDGET.fingerprint}", headers=headers, timeout=TIMEOUT
        )
        assert detail.json()["review"]["decision"] == "dismissed"
        assert [h["reviewer"] for h in detail.json()["history"]] == ["Ann"]


def _checker(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker", *args]


def test_checker_review_prints_a_tokened_url_and_serves_only_with_it(review_root: Path) -> None:
    subprocess.run(
        _checker("run", "--root", str(review_root)), check=True, capture_output=True, timeout=120
    )
    with subprocess.Popen(
        _checker("review", "--root", str(review_root), "--port", "0", "--no-browser"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    ) as process:
        try:
            assert process.stdout is not None
            url = ""
            deadline = time.monotonic() + 60
            while not url and time.monotonic() < deadline:
                line = process.stdout.readline()
                if not line:
                    break
                match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
                url = match.group(0) if match else ""
            assert url, process.stderr.read() if process.poll() is not None else "no URL printed"
            base, token = url.split("/?token=")
            assert len(token) >= 32
            with httpx.Client(timeout=TIMEOUT) as client:
                for _ in range(50):  # the socket listens before uvicorn serves
                    try:
                        client.get(f"{base}/static/review.css")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                assert client.get(f"{base}/api/findings").status_code == 401
                assert (
                    client.get(url, follow_redirects=True).status_code == 200
                )  # cookie set, redirected to the page
                listed = client.get(f"{base}/api/findings")
                assert listed.status_code == 200
                assert set(listed.json()) >= {"findings", "flagged", "decided"}
        finally:
            process.terminate()
            process.wait(timeout=TIMEOUT)


def test_checker_review_refuses_a_port_in_use(review_root: Path) -> None:
    from checker.cli.review_cmd import listen

    busy = listen("127.0.0.1", 0)
    try:
        port = str(busy.getsockname()[1])
        done = subprocess.run(
            _checker("review", "--root", str(review_root), "--port", port, "--no-browser"),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        busy.close()
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr


def test_checker_review_without_claims_exits_2_with_the_reason(review_root: Path) -> None:
    done = subprocess.run(
        _checker("review", "--root", str(review_root), "--port", "0", "--no-browser"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no claims file" in done.stderr
    assert "token=" not in done.stdout
