"""Atomic writes and strict reads: a crash never leaves a half-written file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.fileio import atomic_write_text, dumps_canonical, read_utf8


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    def explode(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@given(st.text())
def test_write_then_read_round_trips(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sub" / "x.txt"
        atomic_write_text(path, text)
        assert path.read_bytes() == text.encode("utf-8")


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"fine\nalso fine\nbad \xff byte\n")
    with pytest.raises(CheckerError) as info:
        read_utf8(path, what="seed")
    assert str(info.value) == f"{path}:3: not UTF-8: byte 0xff at offset 19"


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CheckerError, match="binary data"):
        read_utf8(path, what="seed")


def test_canonical_json_sorts_keys_and_keeps_unicode() -> None:
    assert dumps_canonical({"b": 1, "a": "Türkiye"}) == '{\n  "a": "Türkiye",\n  "b": 1\n}\n'
