"""Read the bundled data files and users' alias files, with errors that name the file.

Data files are TOML. A malformed file or a value of the wrong shape raises
:class:`CheckerError` naming the file, the line when known, and the problem.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from checker.errors import CheckerError

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def bundled_text(name: str) -> tuple[str, str]:
    """The text of a data file shipped in ``checker/data`` and a label for messages."""
    ref = resources.files("checker.data").joinpath(name)
    return ref.read_text(encoding="utf-8"), f"checker/data/{name}"


def parse_toml(text: str, label: str | Path) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes a one-line :class:`CheckerError` with the line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        message = _TOML_LINE.sub("", str(exc)).strip()
        raise CheckerError(f"invalid TOML: {message}", path=label, line=line) from None


def read_user_toml(path: Path) -> dict[str, Any]:
    """Read a user's data file (strict UTF-8) and parse it."""
    from checker.fileio import read_utf8

    return parse_toml(read_utf8(path, what="alias file"), path)


def load_bundled(name: str) -> dict[str, Any]:
    text, label = bundled_text(name)
    return parse_toml(text, label)


def key_line(text: str, key: str) -> int | None:
    """1-based line where ``key = ...`` is written, for error messages."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def string_lists(table: Any, label: str | Path, where: str, text: str = "") -> dict[str, list[str]]:
    """Check that ``table`` maps strings to lists of strings (or a single string)."""
    if not isinstance(table, dict):
        raise CheckerError(f"[{where}] must be a table", path=label)
    out: dict[str, list[str]] = {}
    for key, value in table.items():
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CheckerError(
                f"[{where}] {key!r}: expected a list of strings",
                path=label,
                line=key_line(text, key) if text else None,
            )
        out[str(key)] = list(value)
    return out


def string_list(value: Any, label: str | Path, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CheckerError(f"{where}: expected a list of strings", path=label)
    return list(value)
