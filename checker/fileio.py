"""File I/O every stage shares: atomic writes, strict UTF-8 reads, canonical JSON."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from checker.errors import CheckerError


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A crash leaves either the old file or the new one, never a half-written file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps_canonical(data: Any) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_utf8(path: Path, *, what: str = "file") -> str:
    """Read a UTF-8 text file, or raise :class:`CheckerError` naming the file and line.

    Rejects binary content (NUL bytes) and bytes that are not UTF-8.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CheckerError(f"{what} not found", path=path) from None
    except IsADirectoryError:
        raise CheckerError(f"{what} is a directory", path=path) from None
    except OSError as exc:
        raise CheckerError(f"cannot read {what}: {exc.strerror}", path=path) from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise CheckerError(f"binary data (NUL byte) in {what}", path=path, line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CheckerError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}", path=path, line=line
        ) from None


def load_json(path: Path, *, what: str = "JSON file") -> Any:
    """Parse a JSON file; a syntax error names the file and line."""
    text = read_utf8(path, what=what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckerError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno
        ) from None
