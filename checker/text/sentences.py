"""Paragraphs and sentences with character offsets into the exact seed text.

A paragraph is one non-empty line (news copy puts each paragraph on its own
line; blank lines only separate). Sentences are found with one compiled regex
plus an abbreviation table: no split after "Nov.", "Dr.", initials or dotted
acronyms ("U.S."), and none inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text.datelines import dateline

_LINE = re.compile(r"[^\n]+")
# End punctuation, closing quotes/brackets, whitespace, then something that can
# start a sentence (capital, digit, opening quote or bracket).
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9\u00c0-\u00de\u0130\u015e])")
_TOKEN_BEFORE = re.compile(r"[^\s\"“‘(\[]+$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_QUOTE = re.compile(r"[\"“”]")
_OPEN_BEFORE = frozenset(" \t([{—–-/")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: ``text`` is ``source[start:end]`` with surrounding spaces removed."""

    start: int
    end: int
    text: str
    index: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int


def split_blocks(text: str) -> list[Block]:
    """Every non-blank line of ``text`` as a :class:`Block` (offsets exclude edge spaces)."""
    blocks: list[Block] = []
    for match in _LINE.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        blocks.append(Block(start, start + len(stripped), stripped, len(blocks)))
    return blocks


def quote_marks(text: str) -> list[tuple[int, bool]]:
    """Positions of double quotation marks and whether each opens a quotation.

    Curly marks say which they are; a straight mark opens when it follows the
    start of the text, a space or an opening bracket, and closes otherwise.
    """
    marks: list[tuple[int, bool]] = []
    for match in _QUOTE.finditer(text):
        pos = match.start()
        char = text[pos]
        if char == "“":
            opens = True
        elif char == "”":
            opens = False
        else:
            opens = pos == 0 or text[pos - 1] in _OPEN_BEFORE
        marks.append((pos, opens))
    return marks


def inside_quote(marks: list[tuple[int, bool]], pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation.

    A closing mark with no opener before it means the quotation began before
    this paragraph (news style for multi-paragraph quotes).
    """
    last: tuple[int, bool] | None = None
    following: tuple[int, bool] | None = None
    for mark in marks:
        if mark[0] < pos:
            last = mark
        else:
            following = mark
            break
    if last is not None:
        return last[1]
    return following is not None and not following[1]


def _is_abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    word = token.rstrip(".")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "John F. Kennedy"
    if _DOTTED.match(word):
        return True  # "U.S.", "U.N."
    return word in abbreviations or word.capitalize() in abbreviations


def split_sentences(block: Block, abbreviations: frozenset[str]) -> list[Sentence]:
    """The sentences of one paragraph, with offsets into the whole seed text; a
    dateline opening the paragraph ("OTTAWA, Jan 24 (Reuters) - ") is left out."""
    text = block.text
    marks = quote_marks(text) if ('"' in text or "“" in text or "”" in text) else []
    sentences: list[Sentence] = []
    opening = dateline(text)
    begin = opening.end() if opening else 0  # "LIMA (AP) — ": furniture, not the subject
    for match in _BOUNDARY.finditer(text, begin):
        punct_start = match.start()
        if (
            text[punct_start] == "."
            and match.group(0).startswith(".")
            and (len(match.group(0).rstrip()) == 1 or match.group(0)[1] not in ".!?")
        ):
            # A token is short: look back a bounded stretch (keeps long lines linear).
            before = _TOKEN_BEFORE.search(text, max(0, punct_start - 64), punct_start + 1)
            if before and _is_abbreviation(before.group(0), abbreviations):
                continue
        if marks and inside_quote(marks, match.end()):
            continue
        end = len(text[: match.end()].rstrip())
        if end > begin:
            sentences.append(_sentence(block, begin, end))
        begin = match.end()
    if begin < len(text):
        sentences.append(_sentence(block, begin, len(text)))
    return sentences


def _sentence(block: Block, begin: int, end: int) -> Sentence:
    return Sentence(block.start + begin, block.start + end, block.text[begin:end], block.index)
