"""The exception types for bad input: the CLI prints them and exits 2."""

from __future__ import annotations

from pathlib import Path


class CheckerError(Exception):
    """Usage or input error: names the file, and the line or JSON pointer, and the problem.

    ``str(error)`` is the single line printed to the user, e.g.
    ``claims/004.json: /claims/3/value: 'abc' is not of type 'number'`` or
    ``seeds/x.toml:3: expected '=' after a key``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        pointer: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.pointer = pointer

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        if self.pointer is not None:
            where = f"{where}: {self.pointer or '/'}" if where else self.pointer or "/"
        return f"{where}: {self.message}" if where else self.message


class FileError(CheckerError, OSError):
    """The operating system refused to read or write a named file (no space left,
    read-only folder, name too long, a folder where a file belongs...).

    A :class:`CheckerError` (the CLI exits 2 with one line naming the file) that is
    also an :class:`OSError`, so code that catches ``OSError`` around a write still
    catches it. ``errno`` and ``strerror`` are those of the original error.
    """

    def __init__(self, message: str, *, path: Path | str, cause: OSError | None = None) -> None:
        super().__init__(message, path=path)
        self.errno = cause.errno if cause is not None else None
        self.strerror = cause.strerror if cause is not None else None
        self.filename = str(path)
