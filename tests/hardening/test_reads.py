"""Bounded, type-checked reads and strict JSON numbers (``checker.fileio``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.fileio import JSON_MAX_INT, loads_strict, read_bytes, read_utf8


def test_at_most_the_limit_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:
        handle.truncate(1024**3)
    asked: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(CheckerError, match="larger than the limit of 1,000 bytes"):
        read_bytes(path, what="seed", max_bytes=1000)
    assert sum(asked) <= 1001


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"x" * 1000)
    assert read_utf8(path, max_bytes=1000) == "x" * 1000


@pytest.mark.parametrize("follow", [True, False])
def test_devices_and_fifos_are_never_read(tmp_path: Path, follow: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(CheckerError, match="is a FIFO"):
        read_bytes(fifo, follow_symlinks=follow)
    with pytest.raises(CheckerError, match="is a character device"):
        read_bytes(Path("/dev/zero"), follow_symlinks=follow)


def test_symlinks_are_refused_where_asked(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("secret", "utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_utf8(link) == "secret"
    with pytest.raises(CheckerError, match=r"link\.txt: seed is a symbolic link"):
        read_utf8(link, what="seed", follow_symlinks=False)


@pytest.mark.parametrize(
    ("text", "pointer", "message"),
    [
        ('{"a": [1, NaN]}', "/a/1", "NaN is not a JSON number"),
        ('{"a": Infinity}', "/a", "Infinity is not a JSON number"),
        ('{"a/b": {"c~d": -1e999}}', "/a~1b/c~0d", "is too large"),
        (f'{{"a": {JSON_MAX_INT + 1}}}', "/a", "out of range"),
        (f'{{"a": -{"9" * 5000}}}', "/a", "(5001 characters) is out of range"),
    ],
)
def test_json_numbers_other_programs_cannot_read_are_errors(
    text: str, pointer: str, message: str
) -> None:
    with pytest.raises(CheckerError) as info:
        loads_strict(text, Path("x.json"))
    assert info.value.pointer == pointer
    assert message in info.value.message


def test_json_numbers_in_range_are_kept() -> None:
    text = f"[{JSON_MAX_INT}, -{JSON_MAX_INT}, 1.5e308, 1e-400, 0, -0.0]"
    assert loads_strict(text, Path("x.json")) == [JSON_MAX_INT, -JSON_MAX_INT, 1.5e308, 0.0, 0, 0.0]


def test_deep_json_is_an_error_not_a_crash() -> None:
    with pytest.raises(CheckerError, match="nested too deeply"):
        loads_strict("[" * 100_000 + "]" * 100_000, Path("x.json"))


def test_written_files_respect_the_umask(tmp_path: Path) -> None:
    from checker.fileio import _UMASK, atomic_write_text

    path = tmp_path / "report.json"
    atomic_write_text(path, "{}\n")
    assert path.stat().st_mode & 0o777 == 0o666 & ~_UMASK
