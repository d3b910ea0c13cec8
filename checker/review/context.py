"""A claim in its paragraph: the seed text around a finding's quote, cut for display.

The review page shows each quote inside its sentence and paragraph. The seed
text is read through :mod:`checker.corpus` from the seeds folder; when the seed
changed since its claims were extracted (sha256 differs) or cannot be read, the
offsets no longer point at the claim and only the sentence stored in the
finding is shown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.corpus import SEED_SUFFIX, load_article
from checker.errors import CheckerError
from checker.schema import FindingClaim

# Paragraphs longer than this are cut to the sentence and this much either side.
MAX_PARAGRAPH = 1200
MARGIN = 300
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class ClaimContext(BaseModel):
    """The text around a claim in five consecutive pieces; joined they read as written.

    ``source`` says where the text came from: ``paragraph`` (the seed, as extracted),
    or ``sentence`` (the sentence stored in the finding: the seed changed or is missing).
    """

    model_config = ConfigDict(frozen=True)

    source: Literal["paragraph", "sentence"]
    before: str
    sentence_before: str
    claim: str
    sentence_after: str
    after: str


class SeedTexts:
    """Reads seed texts once per (id, sha256) for the lifetime of one server."""

    def __init__(self, seeds_dir: Path | None) -> None:
        self.seeds_dir = seeds_dir
        self._cache: dict[tuple[str, str], str | None] = {}

    def text(self, seed: str, sha256: str) -> str | None:
        """The seed's text when it still has ``sha256``; None when changed or unreadable."""
        key = (seed, sha256)
        if key not in self._cache:
            self._cache[key] = self._read(seed, sha256)
        return self._cache[key]

    def _read(self, seed: str, sha256: str) -> str | None:
        if self.seeds_dir is None:
            return None
        path = self.seeds_dir / f"{seed}{SEED_SUFFIX}"
        # Never follow a seed id out of the seeds folder.
        if path.parent != self.seeds_dir or not path.is_file():
            return None
        try:
            article = load_article(path)
        except CheckerError:
            return None
        return article.text if article.sha256 == sha256 else None


def claim_context(claim: FindingClaim, text: str | None) -> ClaimContext:
    """Cut ``claim``'s paragraph (or, without ``text``, its stored sentence) into pieces."""
    if text is not None and _offsets_fit(claim, text):
        return _from_paragraph(claim, text)
    return _from_sentence(claim)


def _offsets_fit(claim: FindingClaim, text: str) -> bool:
    sentence = claim.sentence
    return (
        sentence.start <= claim.start <= claim.end <= sentence.end <= len(text)
        and text[claim.start : claim.end] == claim.text
    )


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around ``[start, end)``: the text between blank lines, as news is written."""
    p_start, p_end = 0, len(text)
    for blank in _BLANK_LINE.finditer(text):
        if blank.end() <= start:
            p_start = blank.end()
        elif blank.start() >= end:
            p_end = blank.start()
            break
    return p_start, p_end


def _from_paragraph(claim: FindingClaim, text: str) -> ClaimContext:
    s_start, s_end = claim.sentence.start, claim.sentence.end
    p_start, p_end = paragraph_bounds(text, s_start, s_end)
    before, after = text[p_start:s_start], text[s_end:p_end]
    if p_end - p_start > MAX_PARAGRAPH:
        before = _cut_left(before)
        after = _cut_right(after)
    return ClaimContext(
        source="paragraph",
        before=before.lstrip(),
        sentence_before=text[s_start : claim.start],
        claim=text[claim.start : claim.end],
        sentence_after=text[claim.end : s_end],
        after=after.rstrip(),
    )


def _from_sentence(claim: FindingClaim) -> ClaimContext:
    sentence = claim.sentence.text
    offset = claim.start - claim.sentence.start
    if offset >= 0 and sentence[offset : offset + len(claim.text)] == claim.text:
        cut = offset
    else:
        found = sentence.find(claim.text)
        if found < 0:
            return ClaimContext(
                source="sentence",
                before="",
                sentence_before=sentence + " ",
                claim=claim.text,
                sentence_after="",
                after="",
            )
        cut = found
    return ClaimContext(
        source="sentence",
        before="",
        sentence_before=sentence[:cut],
        claim=claim.text,
        sentence_after=sentence[cut + len(claim.text) :],
        after="",
    )


def _cut_left(piece: str) -> str:
    if len(piece) <= MARGIN:
        return piece
    cut = piece[-MARGIN:]
    space = cut.find(" ")
    return "… " + (cut[space + 1 :] if 0 <= space < 40 else cut)


def _cut_right(piece: str) -> str:
    if len(piece) <= MARGIN:
        return piece
    cut = piece[:MARGIN]
    space = cut.rfind(" ")
    return (cut[:space] if space > MARGIN - 40 else cut) + " …"
