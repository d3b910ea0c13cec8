"""Line numbers of the values in a JSON text, by JSON pointer.

``jsonschema`` reports where a claims file is wrong as a JSON pointer; an
annotation needs a line. :func:`pointer_lines` scans the text once (a small
recursive-descent reader that only records positions) and maps every pointer
to the 1-based line where its value starts.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|-?Infinity|NaN|true|false|null")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[str, int] = {}

    def line(self, pos: int) -> int:
        return bisect_right(self.newlines, pos - 1) + 1

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def value(self, pos: int, pointer: str) -> int:
        pos = self.skip(pos)
        self.lines[pointer] = self.line(pos)
        char = self.text[pos : pos + 1]
        if char == "{":
            return self.members(pos + 1, pointer)
        if char == "[":
            return self.items(pos + 1, pointer)
        if char == '"':
            return json.decoder.scanstring(self.text, pos + 1)[1]  # type: ignore[attr-defined,no-any-return]
        match = _SCALAR.match(self.text, pos)
        if not match:
            raise ValueError(f"unexpected character at offset {pos}")
        return match.end()

    def members(self, pos: int, pointer: str) -> int:
        pos = self.skip(pos)
        if self.text.startswith("}", pos):
            return pos + 1
        while True:
            pos = self.skip(pos)
            key, pos = json.decoder.scanstring(self.text, pos + 1)  # type: ignore[attr-defined]
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise ValueError(f"expected ':' at offset {pos}")
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            pos = self.skip(self.value(pos + 1, f"{pointer}/{escaped}"))
            if self.text.startswith("}", pos):
                return pos + 1
            if not self.text.startswith(",", pos):
                raise ValueError(f"expected ',' at offset {pos}")
            pos += 1

    def items(self, pos: int, pointer: str) -> int:
        pos = self.skip(pos)
        if self.text.startswith("]", pos):
            return pos + 1
        index = 0
        while True:
            pos = self.skip(self.value(pos, f"{pointer}/{index}"))
            index += 1
            if self.text.startswith("]", pos):
                return pos + 1
            if not self.text.startswith(",", pos):
                raise ValueError(f"expected ',' at offset {pos}")
            pos += 1


def pointer_lines(text: str) -> dict[str, int]:
    """Map each JSON pointer of ``text`` (``""`` is the whole document) to its line.

    Returns an empty mapping when ``text`` is not valid JSON.
    """
    scanner = _Scanner(text)
    try:
        scanner.value(0, "")
    except (ValueError, IndexError):
        return {}
    return scanner.lines


def pointer_line(text: str, pointer: str) -> int | None:
    """The line of the value at ``pointer`` (``/`` or ``""`` is the root), or of its
    nearest ancestor that exists (a missing property is reported on its object)."""
    lines = pointer_lines(text)
    current = "" if pointer == "/" else pointer
    while True:
        if current in lines:
            return lines[current]
        if not current:
            return None
        current = current.rsplit("/", 1)[0]
