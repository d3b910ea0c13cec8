"""Article furniture: headings, teasers, photo captions and source lines.

:func:`classify` labels each paragraph; only ``body`` paragraphs carry body
claims. :func:`infer_metadata` reads what the furniture says about the
article: its title (a heading on the first line), its wire ("Source: AA", or a dateline's
credit: "OTTAWA (Reuters) - "), and
its publication date (the newest full date in a photo caption, cross-checked
with a weekday the text mentions), each with the evidence in ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.data.language import Language
from checker.schema.claims import ArticleMeta
from checker.text.datelines import dateline_wire
from checker.text.dates import find_dates
from checker.text.sentences import Block

BODY = "body"
HEADING = "heading"
TEASER = "teaser"
CAPTION = "caption"
SOURCE = "source"
_FINAL = re.compile(r"[.!?…:;,]\s*[\"”’')\]]*\s*$")
_WORDS = re.compile(r"\S+")
_WEEKDAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


@dataclass(frozen=True, slots=True)
class Furniture:
    """A paragraph's role; ``agency`` is the wire or photo credit it names, if any."""

    block: Block
    role: str
    agency: str | None = None


def classify(blocks: list[Block], lang: Language) -> list[Furniture]:
    """Label every paragraph as body, heading, teaser, caption or source. A body
    paragraph followed by a credit standing alone ("AP Photo/Ricardo Mazalan") is the
    photo's caption."""
    labelled = [_classify(block, lang) for block in blocks]
    for index, item in enumerate(labelled[:-1]):
        after = blocks[index + 1].text.strip()
        if item.role == BODY and any(p.search(after) for p in lang.credit_line):
            labelled[index] = Furniture(item.block, CAPTION, after)
    return labelled


def _classify(block: Block, lang: Language) -> Furniture:
    text = block.text
    for pattern in lang.teaser:
        if pattern.search(text):
            return Furniture(block, TEASER)
    for pattern in lang.source:
        match = pattern.search(text)
        if match:
            return Furniture(block, SOURCE, match.group("wire").strip())
    for pattern in lang.caption_credit:
        match = pattern.search(text)
        if match and len(_WORDS.findall(text)) > 1:
            credit = match.groupdict().get("credit")
            return Furniture(block, CAPTION, credit.strip() if credit else None)
    if not _FINAL.search(text) and len(_WORDS.findall(text)) <= lang.heading_max_words:
        return Furniture(block, HEADING)
    return Furniture(block, BODY)


def infer_metadata(text: str, furniture: list[Furniture], given: ArticleMeta) -> ArticleMeta:
    """``given`` completed with what the text supports; evidence goes to ``inferred``.

    Fields the sidecar gives are never overridden. A field nothing supports
    stays ``None``.
    """
    values = given.model_dump()
    inferred: dict[str, str] = dict(given.inferred)
    if given.title is None and furniture and furniture[0].role == HEADING:
        values["title"] = furniture[0].block.text
        inferred["title"] = "first line is a heading"
    if given.wire is None:
        for item in furniture:
            if item.role == SOURCE and item.agency:
                values["wire"] = item.agency
                inferred["wire"] = f"source line {item.block.text!r}"
                break
        else:
            credit = next((w for f in furniture if f.role == BODY for w in _credit(f)), None)
            if credit is not None:
                values["wire"], inferred["wire"] = credit, f"dateline credit '({credit})'"
    if given.published is None:
        found = _caption_date(furniture)
        if found is not None:
            date, surface = found
            values["published"] = date
            inferred["published"] = _date_evidence(date, surface, text, furniture)
    values["inferred"] = inferred
    return ArticleMeta.model_validate(values)


def _credit(item: Furniture) -> list[str]:
    wire = dateline_wire(item.block.text)
    return [wire] if wire else []


def _caption_date(furniture: list[Furniture]) -> tuple[dt.date, str] | None:
    best: tuple[dt.date, str] | None = None
    for item in furniture:
        if item.role != CAPTION:
            continue
        for match in find_dates(item.block.text):
            if match.year is None or match.month is None or match.day is None:
                continue
            date = dt.date(match.year, match.month, match.day)
            if best is None or date > best[0]:
                best = (date, item.block.text[match.start : match.end])
    return best


def _date_evidence(date: dt.date, surface: str, text: str, furniture: list[Furniture]) -> str:
    name = _WEEKDAY_NAMES[date.weekday()]
    body = " ".join(f.block.text for f in furniture if f.role == BODY)
    mentioned = sorted({w for w in _WEEKDAY_NAMES if re.search(rf"\b{w}\b", body)})
    evidence = f"caption date {surface!r}"
    if name in mentioned:
        return f"{evidence} (a {name}, matching {name!r} in the text)"
    if mentioned:
        return f"{evidence} (a {name}; the text mentions {', '.join(mentioned)}: unconfirmed)"
    return f"{evidence} (a {name}; no weekday in the text to confirm it)"
