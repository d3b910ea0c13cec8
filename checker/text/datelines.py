"""Datelines: the place (and date, and wire) that open a news story's first paragraph.

"LIMA - ", "AREQUIPA, Peru (AP) — ", "OTTAWA, Jan 24 (Reuters) - ", "London (CNN) — ".
A dateline is furniture: its date is when the story was filed, not when anything
happened, and its place and credit are not the subject of the first sentence.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_CAPS_PLACE = r"[A-Z][A-Z'’-]+[A-Z](?:\s+[A-Z][A-Z'’.-]+){0,3}"  # not "U.S." in a heading
_NAME_PLACE = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
_DATE = rf"(?:,?\s*(?:{_MONTH})(?:,?\s*\d{{4}})?)"
_WIRE = r"\([A-Z][\w&/ -]{0,24}\)"
_DASH = r"\s*[-—–]{1,2}\s+(?=[\"“A-Z0-9])"
DATELINE = re.compile(
    rf"^(?:{_CAPS_PLACE}{_REGION}?{_DATE}?\s*(?:{_WIRE})?"
    rf"|{_NAME_PLACE}{_REGION}?{_DATE}?\s*{_WIRE}){_DASH}"
)
_CREDIT = re.compile(r"\((?P<wire>[^()]+)\)\s*[-—–]{1,2}\s+$")


def dateline(text: str) -> re.Match[str] | None:
    """The dateline opening ``text`` (a paragraph), or ``None``."""
    if len(text) < 8 or not text[0].isupper():
        return None
    return DATELINE.match(text)


def dateline_wire(text: str) -> str | None:
    """The wire a paragraph's dateline credits ("(Reuters)"), or ``None``."""
    found = dateline(text)
    credit = _CREDIT.search(found.group(0)) if found else None
    return credit.group("wire").strip() if credit else None
