"""Token and Host/Origin helpers of the review server."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.review.security import (
    allowed_hosts,
    cookie_name,
    host_name,
    new_token,
    same_origin,
    token_matches,
)


def test_tokens_are_fresh_and_long() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 40 for t in tokens)


@given(st.text(max_size=80))
def test_only_the_token_matches(given_text: str) -> None:
    token = "the-right-token"
    assert token_matches(given_text, token) is (given_text == token)


def test_an_empty_or_missing_token_never_matches() -> None:
    assert not token_matches(None, "t")
    assert not token_matches("", "")


def test_cookie_names_differ_per_token() -> None:
    assert cookie_name("a") != cookie_name("b")
    assert cookie_name("a") == cookie_name("a")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("127.0.0.1:8765", "127.0.0.1"),
        ("LocalHost", "localhost"),
        ("localhost.:80", "localhost"),
        ("[::1]:8765", "::1"),
        ("evil.example:8765", "evil.example"),
        ("127.0.0.1:notaport", None),
        ("", None),
    ],
)
def test_host_name(header: str, name: str | None) -> None:
    assert host_name(header) == name


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("192.168.1.5") >= {"192.168.1.5", "localhost"}
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0")
    assert "desk.local" in allowed_hosts("0.0.0.0", ["Desk.Local"])


def test_same_origin_compares_scheme_host_and_port() -> None:
    assert same_origin("http://127.0.0.1:8765", "http", "127.0.0.1:8765")
    assert same_origin("HTTP://LOCALHOST:8765", "http", "localhost:8765")
    assert not same_origin("http://127.0.0.1:8766", "http", "127.0.0.1:8765")
    assert not same_origin("https://127.0.0.1:8765", "http", "127.0.0.1:8765")
    assert not same_origin("null", "http", "127.0.0.1:8765")
