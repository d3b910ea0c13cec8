"""File I/O every stage shares: atomic writes, strict and bounded reads, canonical JSON.

Reads open the file once and check what was opened: only a regular file is read
(a FIFO, device, socket or folder is refused by name, never read, so nothing
blocks), a symbolic link is refused where the caller asks (``follow_symlinks=False``:
files inside the root must not lead outside it), and at most ``max_bytes`` are read.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from checker.errors import CheckerError, FileError

# Largest integer JSON carries exactly between programs (RFC 7493, I-JSON).
JSON_MAX_INT = 2**53 - 1
_INT_DIGITS = len(str(JSON_MAX_INT)) - 1  # shorter integers are always in range
_CHUNK = 1 << 16


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once, at import (reading it means setting it, which is not thread-safe).
_UMASK = _umask()


def file_kind(mode: int) -> str:
    """What a ``st_mode`` is, for messages: ``a directory``, ``a FIFO``..."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a regular file"
    return "not a regular file"


def not_regular(path: Path, *, follow_symlinks: bool = False) -> str | None:
    """``None`` when ``path`` is a regular file (or missing), else what it is.

    Does not follow a symbolic link unless asked; never opens the file.
    """
    try:
        mode = path.stat().st_mode if follow_symlinks else path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileError(f"cannot inspect: {exc.strerror}", path=path, cause=exc) from None
    return None if stat.S_ISREG(mode) else file_kind(mode)


def require_regular(path: Path, *, what: str, follow_symlinks: bool = False) -> None:
    """Raise :class:`CheckerError` naming ``path`` when it exists and is not a regular file."""
    kind = not_regular(path, follow_symlinks=follow_symlinks)
    if kind is not None:
        raise CheckerError(f"{what} is {kind}, not a regular file: refusing to read it", path=path)


def require_folder(path: Path, *, what: str) -> None:
    """Raise :class:`CheckerError` naming ``path`` when it exists and is not a folder."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileError(f"cannot inspect {what}: {exc.strerror}", path=path, cause=exc) from None
    if not stat.S_ISDIR(mode):
        raise CheckerError(f"{what} is {file_kind(mode)}, not a folder", path=path)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    A crash leaves either the old file or the new one, never a half-written file.
    The file gets the mode the umask allows (``0644`` with the usual ``022``). An
    error of the operating system (no space left, read-only folder, a folder in the
    way) raises :class:`FileError` naming ``path``; the old file is kept.
    """
    data = text.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        parent = path.parent
        raise FileError(
            f"cannot write {path.name}: {parent.name or parent} is a file, not a folder",
            path=parent,
            cause=exc,
        ) from None
    except OSError as exc:
        raise FileError(
            f"cannot create folder: {exc.strerror}", path=path.parent, cause=exc
        ) from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FileError(f"cannot write: {exc.strerror}", path=path, cause=exc) from None
    try:
        try:
            # mkstemp makes the file 0600; give it the mode any other tool would
            os.fchmod(fd, 0o666 & ~_UMASK)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, CheckerError):
            reason = exc.strerror or str(exc)
            if exc.errno == errno.EISDIR or path.is_dir():
                reason = "a directory is in the way"
            raise FileError(f"cannot write: {reason}", path=path, cause=exc) from None
        raise


def dumps_canonical(data: Any) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8 kept, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_bytes(
    path: Path,
    *,
    what: str = "file",
    max_bytes: int | None = None,
    follow_symlinks: bool = True,
    limit_hint: str = "",
) -> bytes:
    """The bytes of the regular file ``path``, or :class:`CheckerError` naming it.

    Refuses what is not a regular file without reading it (a FIFO or device never
    blocks: it is opened non-blocking and checked before any read), a symbolic link
    when ``follow_symlinks`` is false, and a file larger than ``max_bytes`` (after
    reading at most ``max_bytes + 1`` bytes; ``limit_hint`` tells how to raise it).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise CheckerError(f"{what} not found", path=path) from None
    except OSError as exc:
        kind = _kind_or_none(path)
        if kind is not None and kind != "a regular file":
            raise CheckerError(
                f"{what} is {kind}, not a regular file: refusing to read it", path=path
            ) from None
        raise FileError(f"cannot read {what}: {exc.strerror}", path=path, cause=exc) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise CheckerError(
                f"{what} is {file_kind(mode)}, not a regular file: refusing to read it", path=path
            )
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while True:
            want = _CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - size)
            if want <= 0:
                break
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise FileError(f"cannot read {what}: {exc.strerror}", path=path, cause=exc) from None
    finally:
        os.close(fd)
    if max_bytes is not None and size > max_bytes:
        hint = f" ({limit_hint})" if limit_hint else ""
        raise CheckerError(
            f"{what} is larger than the limit of {max_bytes:,} bytes{hint}", path=path
        )
    return b"".join(chunks)


def _kind_or_none(path: Path) -> str | None:
    try:
        return file_kind(path.lstat().st_mode)
    except OSError:
        return None


def read_utf8(
    path: Path,
    *,
    what: str = "file",
    max_bytes: int | None = None,
    follow_symlinks: bool = True,
    limit_hint: str = "",
) -> str:
    """Read a UTF-8 text file, or raise :class:`CheckerError` naming the file and line.

    Rejects binary content (NUL bytes), bytes that are not UTF-8, and whatever
    :func:`read_bytes` refuses.
    """
    data = read_bytes(
        path,
        what=what,
        max_bytes=max_bytes,
        follow_symlinks=follow_symlinks,
        limit_hint=limit_hint,
    )
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


class _BadNumber:
    """Stands in for a number JSON parsing refused, until its pointer is known."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _short(token: str) -> str:
    return token if len(token) <= 24 else f"{token[:12]}...{token[-6:]} ({len(token)} characters)"


def _parse_int(token: str) -> int | _BadNumber:
    # compare lengths first: int() of thousands of digits is slow, or refused
    if len(token.lstrip("-")) > len(str(JSON_MAX_INT)) or abs(int(token)) > JSON_MAX_INT:
        return _BadNumber(f"integer {_short(token)} is out of range (at most 2^53-1 in magnitude)")
    return int(token)


def _find_bad(data: Any) -> tuple[str, str] | None:
    """``(JSON pointer, reason)`` of the first refused number in ``data``."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, _BadNumber):
            escaped = [p.replace("~", "~0").replace("/", "~1") for p in where]
            return "/" + "/".join(escaped), node.reason
        if isinstance(node, dict):
            stack.extend((v, (*where, str(k))) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((v, (*where, str(i))) for i, v in reversed(list(enumerate(node))))
    return None


def loads_strict(text: str, path: Path) -> Any:
    """Parse JSON text as programs other than Python would: ``NaN``, ``Infinity``,
    numbers beyond a double and integers beyond 2^53-1 are errors with their JSON
    pointer; nesting too deep for the parser is an error too."""
    refused: list[_BadNumber] = []

    def refuse(reason: str) -> _BadNumber:
        bad = _BadNumber(reason)
        refused.append(bad)
        return bad

    def parse_constant(token: str) -> _BadNumber:
        return refuse(f"{token} is not a JSON number")

    def parse_float(token: str) -> float | _BadNumber:
        value = float(token)
        if math.isfinite(value):
            return value
        return refuse(f"number {_short(token)} is too large (not a finite number)")

    def parse_int(token: str) -> int | _BadNumber:
        # lengths first: int() of thousands of digits is slow, or refused by Python
        if len(token) <= _INT_DIGITS:
            return int(token)
        digits = token.lstrip("-")
        if len(digits) <= _INT_DIGITS + 1 and abs(int(token)) <= JSON_MAX_INT:
            return int(token)
        return refuse(f"integer {_short(token)} is out of range (at most 2^53-1 in magnitude)")

    try:
        data = json.loads(
            text, parse_constant=parse_constant, parse_float=parse_float, parse_int=parse_int
        )
    except json.JSONDecodeError as exc:
        raise CheckerError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno
        ) from None
    except RecursionError:
        raise CheckerError("not usable JSON: nested too deeply", path=path) from None
    if refused:
        bad = _find_bad(data)
        pointer, reason = bad if bad is not None else (None, refused[0].reason)
        raise CheckerError(reason, path=path, pointer=pointer)
    return data


def load_json(path: Path, *, what: str = "JSON file", follow_symlinks: bool = True) -> Any:
    """Parse a JSON file strictly (:func:`loads_strict`); an error names the file and
    line or JSON pointer."""
    return loads_strict(read_utf8(path, what=what, follow_symlinks=follow_symlinks), path)
