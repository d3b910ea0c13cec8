"""Fixtures of the review tests: a temporary root with hand-made seeds, a store, an app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from checker.review.app import create_app
from checker.review.store import DecisionStore
from checker.schema import Report
from tests.review.fixtures import make_report, write_seeds

TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def review_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    write_seeds(root)
    return root


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def store(review_root: Path) -> DecisionStore:
    return DecisionStore(review_root / "reports" / "review.jsonl")


@pytest.fixture
def app(store: DecisionStore, report: Report, review_root: Path) -> FastAPI:
    return create_app(store, TOKEN, lambda: report, seeds_dir=review_root / "seeds")


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client that names the bound address in Host and carries the token."""
    with TestClient(app, base_url=BASE, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


@pytest.fixture
def anonymous(app: FastAPI) -> Iterator[TestClient]:
    """A client without the token."""
    with TestClient(app, base_url=BASE) as c:
        yield c
