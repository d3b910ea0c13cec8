"""Claims-file validation: the fast compiled check accepts exactly what the published
schema accepts, and errors name the file and the JSON pointer."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.schema.export import claims_schema
from checker.store import _dispatch_on_kind, _fast_check, validate_claims_data
from tests.conftest import REPO

BUNDLED = sorted((REPO / "claims").glob("[0-9]*.json"))
PUBLISHED = jsonschema.Draft202012Validator(
    claims_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
DISPATCHED = jsonschema.Draft202012Validator(
    _dispatch_on_kind(claims_schema()),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
)

JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.sampled_from(["date", "quote", "exact", "body", "2020-13-01", "2020-01-01"]),
    st.just([]),
    st.just({}),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:4]):
            out += _paths(value, (*prefix, index))
    return out


def _fast_valid(data: Any) -> bool:
    try:
        _fast_check()(data)
    except Exception:
        return False
    return True


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_check_agrees_with_the_published_schema(data: st.DataObject) -> None:
    document = json.loads(data.draw(st.sampled_from(BUNDLED)).read_text(encoding="utf-8"))
    document["claims"] = document["claims"][:4]
    mutated = copy.deepcopy(document)
    path = data.draw(st.sampled_from(_paths(mutated)[1:]))
    parent = mutated
    for part in path[:-1]:
        parent = parent[part]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(JSON_VALUES)
    published = PUBLISHED.is_valid(mutated)
    assert DISPATCHED.is_valid(mutated) == published
    assert _fast_valid(mutated) == published


def test_bundled_claims_files_are_valid() -> None:
    assert BUNDLED
    for path in BUNDLED:
        validate_claims_data(json.loads(path.read_text(encoding="utf-8")), path)


def test_error_points_inside_the_claim_kind(tmp_path: Path) -> None:
    document = json.loads(BUNDLED[0].read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(document["claims"]) if c["kind"] == "quantity")
    document["claims"][index]["value"] = "abc"
    with pytest.raises(CheckerError) as info:
        validate_claims_data(document, tmp_path / "x.json")
    assert str(info.value).startswith(f"{tmp_path / 'x.json'}: /claims/{index}/value: 'abc' ")
