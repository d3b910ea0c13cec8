"""JSON pointer -> line, checked against an oracle: plant a marker at the pointer,
dump the document the same way, and find the marker's line."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.gate.jsonpos import pointer_line, pointer_lines

keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)
MARKER = "\u2603marker\u2603"


def pointers(doc: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            escaped = key.replace("~", "~0").replace("/", "~1")
            out += pointers(value, f"{prefix}/{escaped}")
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            out += pointers(value, f"{prefix}/{index}")
    return out


def replaced(doc: Any, pointer: str) -> Any:
    if not pointer:
        return MARKER
    head, _, rest = pointer[1:].partition("/")
    tail = "/" + rest if _ else ""
    if isinstance(doc, list):
        copy = list(doc)
        copy[int(head)] = replaced(doc[int(head)], tail)
        return copy
    key = head.replace("~1", "/").replace("~0", "~")
    return {**doc, key: replaced(doc[key], tail)}


@settings(max_examples=80)
@given(documents, st.sampled_from([None, 2, 0]))
def test_lines_match_the_oracle(doc: Any, indent: int | None) -> None:
    text = json.dumps(doc, indent=indent, sort_keys=True)
    lines = pointer_lines(text)
    assert set(lines) == set(pointers(doc))
    for pointer, line in lines.items():
        planted = json.dumps(replaced(doc, pointer), indent=indent, sort_keys=True)
        marker_at = planted.index(json.dumps(MARKER))
        assert planted[:marker_at].count("\n") + 1 == line, pointer


def test_missing_pointer_falls_back_to_its_parent() -> None:
    text = '{\n  "a": {\n    "b": 1\n  },\n  "c": [\n    true\n  ]\n}\n'
    assert pointer_line(text, "/a/b") == 3
    assert pointer_line(text, "/a/zzz") == 2
    assert pointer_line(text, "/c/0") == 6
    assert pointer_line(text, "/") == 1


def test_invalid_json_has_no_lines() -> None:
    assert pointer_lines('{"a": ') == {}
    assert pointer_line("[1, 2", "/0") is None
