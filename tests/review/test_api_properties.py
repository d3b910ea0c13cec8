"""Property tests: whatever a client sends, the API answers 2xx, 401, 403, 404 or 422; never 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import DecisionKind
from tests.review.conftest import BASE, TOKEN
from tests.review.fixtures import FINDINGS, make_report, write_seeds

FINGERPRINTS = [f.fingerprint for f in FINDINGS]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    """One app for all examples (a fresh one per example would dominate the run time)."""
    root = tmp_path_factory.mktemp("props")
    write_seeds(root)
    report = make_report()
    store = DecisionStore(root / "reports" / "review.jsonl")
    app = create_app(store, TOKEN, lambda: report, seeds_dir=root / "seeds")
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as client:
        yield client, store.path


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
any_text = st.text(max_size=300)
request_bodies = st.fixed_dictionaries(
    {},
    optional={
        "fingerprint": st.sampled_from(FINGERPRINTS) | any_text | json_values,
        "decision": st.sampled_from([k.value for k in DecisionKind]) | any_text | json_values,
        "reviewer": any_text | json_values,
        "note": any_text
        | st.builds(lambda n, c: c * n, st.integers(9_990, 10_010), st.sampled_from("aé "))
        | json_values,
        "extra": json_values,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=request_bodies | json_values)
def test_post_decisions_never_fails_with_500(
    shared: tuple[TestClient, Path], body: dict[str, Any]
) -> None:
    client, path = shared
    lines_before = _lines(path)
    response = client.post("/api/decisions", json=body, headers=AUTH)
    assert response.status_code in (201, 404, 422), response.text
    response.json()
    assert _lines(path) == lines_before + (1 if response.status_code == 201 else 0)


@settings(max_examples=80, deadline=None)
@given(body=st.binary(max_size=200))
def test_any_bytes_as_body_never_fail_with_500(
    shared: tuple[TestClient, Path], body: bytes
) -> None:
    client, _ = shared
    headers = {**AUTH, "Content-Type": "application/json"}
    response = client.post("/api/decisions", content=body, headers=headers)
    assert response.status_code in (201, 400, 404, 422), response.text


@settings(max_examples=80, deadline=None)
@given(fingerprint=st.sampled_from(FINGERPRINTS) | st.text(min_size=1, max_size=80))
def test_get_finding_answers_200_or_404(shared: tuple[TestClient, Path], fingerprint: str) -> None:
    client, _ = shared
    quoted = "".join(
        c if c.isalnum() or c in ":-_" else f"%{ord(c):02X}" if ord(c) < 128 else c
        for c in fingerprint
    )
    response = client.get(f"/api/findings/{quoted}", headers=AUTH)
    assert response.status_code in (200, 404), response.text


header_text = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60)


@settings(max_examples=80, deadline=None)
@given(host=header_text, origin=st.none() | header_text, authorization=st.none() | header_text)
def test_any_headers_get_an_answer_not_a_500(
    shared: tuple[TestClient, Path], host: str, origin: str | None, authorization: str | None
) -> None:
    client, _ = shared
    # Raw latin-1 bytes: what a hostile client can put on the wire.
    headers = {"Host": host.encode("latin-1")}
    if origin is not None:
        headers["Origin"] = origin.encode("latin-1")
    if authorization is not None:
        headers["Authorization"] = authorization.encode("latin-1")
    response = client.get("/api/findings", headers=headers)
    assert response.status_code in (200, 401, 403), response.text


def _lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0
