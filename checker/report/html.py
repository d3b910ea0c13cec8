"""``reports/consistency.html``: one self-contained page for editors.

Jinja2 with autoescaping renders ``templates/report.html.j2``; article text is
untrusted and only ever reaches the page as escaped text. The inline script and
style are allowed by their SHA-256 in a Content-Security-Policy that forbids
everything else (no network, no injected script), so the page works offline.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checker.report.common import (
    VERDICT_LABELS,
    VERDICT_PLURALS,
    as_of_label,
    by_verdict,
    confidence_text,
    independence,
    is_settled,
    location,
    seed_path,
    slot_status_label,
    slot_text,
    sorted_identity,
    timeline,
    timeline_steps,
)
from checker.report.worddiff import Quote, quotes
from checker.schema import VERDICT_ORDER, Finding, FindingClaim, Report, SeedInfo, Verdict

SINGLE = "single_source"

# Matrix geometry (px).
_CELL = 22
_GAP = 3
_LABEL_WIDTH = 190
_HEADER = 24
_LABEL_CHARS = 26
_NOTE_WIDTH = 120


@dataclass(frozen=True)
class Card:
    """A finding as the template shows it."""

    anchor: str
    number: int
    finding: Finding
    quotes: list[tuple[FindingClaim, Quote]]  # updates: in time order
    independence: str
    settled: bool
    confidence: str | None = None  # "confidence 0.85"
    identity: tuple[tuple[str, str, str], ...] = ()  # (status, status label, "slot “value”")
    steps: tuple[tuple[str, str, int], ...] = ()  # updates: (what, when, claims) in time order


def make_card(number: int, finding: Finding) -> Card:
    """The card of the ``number``-th finding of the page."""
    claims = timeline(finding) if finding.verdict is Verdict.UPDATE else finding.claims
    return Card(
        anchor=f"f{number}",
        number=number,
        finding=finding,
        quotes=list(zip(claims, quotes(claims), strict=True)),
        independence=independence(finding),
        settled=is_settled(finding),
        confidence=confidence_text(finding),
        identity=tuple(
            (slot.status.value, slot_status_label(slot.status), slot_text(slot))
            for slot in sorted_identity(finding)
        ),
        steps=tuple(timeline_steps(finding)) if finding.verdict is Verdict.UPDATE else (),
    )


@dataclass(frozen=True)
class StoryRow:
    """A story in the page's index: its findings by verdict and its first card."""

    name: str
    anchor: str
    counts: dict[str, int]
    first: str | None


def story_index(cards: list[Card]) -> list[StoryRow]:
    """One row per story the findings belong to, by name; the first card of each (in page
    order: contradictions first) is where its link goes."""
    names = sorted({card.finding.story for card in cards if card.finding.story})
    rows = []
    for index, name in enumerate(names, start=1):
        mine = [card for card in cards if card.finding.story == name]
        counts = {v.value: sum(1 for c in mine if c.finding.verdict is v) for v in VERDICT_ORDER}
        rows.append(StoryRow(name, f"story{index}", counts, mine[0].anchor if mine else None))
    return rows


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    verdict: str
    href: str
    title: str


@dataclass(frozen=True)
class Matrix:
    width: int
    height: int
    rows: list[tuple[int, str, str]]  # y of the text baseline, label, full name
    columns: list[tuple[int, str, str]]  # x of the column centre, number, href
    cells: list[Cell]
    notes: list[tuple[int, int, str, str]]  # x, y, "N single-source", href


def source_label(seed: SeedInfo) -> str:
    """The outlet when known, else the seed id."""
    return seed.metadata.outlet or seed.id


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def build_matrix(
    report: Report, cards: list[Card], singles: list[tuple[str, FindingClaim]]
) -> Matrix:
    """Sources (rows) x facts (columns): a cell where a source states the fact."""
    seeds = sorted(
        {s.id for s in report.seeds}
        | {c.seed for f in report.findings for c in f.claims}
        | {c.seed for _, c in singles}
    )
    labels = {s.id: source_label(s) for s in report.seeds}
    row_y = {seed: _HEADER + i * (_CELL + _GAP) for i, seed in enumerate(seeds)}
    columns: list[tuple[int, str, str]] = []
    cells: list[Cell] = []
    x = _LABEL_WIDTH
    for card in cards:
        columns.append((x + _CELL // 2, str(card.number), f"#{card.anchor}"))
        for seed in sorted({c.seed for c in card.finding.claims}):
            cells.append(
                Cell(
                    x,
                    row_y[seed],
                    card.finding.verdict.value,
                    f"#{card.anchor}",
                    f"{card.number}. {card.finding.verdict.value}: {card.finding.fact}",
                )
            )
        x += _CELL + _GAP
    # Single-source facts would be one lonely square per column; a count per row reads better.
    notes: list[tuple[int, int, str, str]] = []
    first_single: dict[str, str] = {}
    per_seed: dict[str, int] = {}
    for anchor, claim in singles:
        first_single.setdefault(claim.seed, anchor)
        per_seed[claim.seed] = per_seed.get(claim.seed, 0) + 1
    note_x = x + (_GAP * 3 if cards else 0)
    for seed in seeds:
        if seed in per_seed:
            cells.append(
                Cell(
                    note_x,
                    row_y[seed],
                    SINGLE,
                    f"#{first_single[seed]}",
                    f"{per_seed[seed]} single-source facts",
                )
            )
            notes.append(
                (
                    note_x + _CELL + 6,
                    row_y[seed] + _CELL - 6,
                    f"{per_seed[seed]} single-source",
                    f"#{first_single[seed]}",
                )
            )
    if notes:
        x = note_x + _CELL + _NOTE_WIDTH
    rows = [
        (
            row_y[seed] + _CELL - 5,
            _truncate(labels.get(seed, seed), _LABEL_CHARS),
            labels.get(seed, seed),
        )
        for seed in seeds
    ]
    height = _HEADER + len(seeds) * (_CELL + _GAP)
    return Matrix(
        width=max(x, _LABEL_WIDTH + 1),
        height=height,
        rows=rows,
        columns=columns,
        cells=cells,
        notes=notes,
    )


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _asset(name: str) -> str:
    return resources.files("checker.report").joinpath("templates", name).read_text("utf-8")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(report: Report) -> str:
    """The HTML page of ``report`` (deterministic: same report, same bytes)."""
    groups = by_verdict(report.findings)
    cards: list[Card] = []
    for verdict in VERDICT_ORDER:
        for finding in groups[verdict]:
            cards.append(make_card(len(cards) + 1, finding))
    singles = [(f"s{i}", claim) for i, claim in enumerate(report.single_source, start=1)]
    script = _asset("report.js")
    style = _asset("report.css")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        cards=cards,
        singles=singles,
        matrix=build_matrix(report, cards, singles),
        stories=story_index(cards),
        cell_size=_CELL,
        verdicts=[(v.value, VERDICT_PLURALS[v], len(groups[v])) for v in VERDICT_ORDER],
        labels={v.value: VERDICT_LABELS[v] for v in VERDICT_ORDER},
        sources=[(s.id, source_label(s)) for s in report.seeds],
        source_names={s.id: source_label(s) for s in report.seeds},
        seed_path=seed_path,
        location=location,
        as_of_label=as_of_label,
        single=SINGLE,
        script=script,
        style=style,
        csp=csp,
    )
