"""``checker add PATH``: copy an article into seeds/, extract, compare, say what it changed."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from checker.cli.common import command_parser, settings_from
from checker.cli.console import console, progress_reporter
from checker.gate.intake import AddResult, SeedMeta, add_seed
from checker.report.common import (
    confidence_text,
    location,
    one_line,
    ranked_contradictions,
    timeline_text,
)
from checker.schema import Finding


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers,
        "add",
        "copy an article into seeds/, extract and compare it, and print what it changed",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the article, a UTF-8 text file")
    parser.add_argument("--id", dest="ident", metavar="ID", help="seed id (default: file name)")
    parser.add_argument("--outlet", help="publishing outlet")
    parser.add_argument("--url", help="where the article was published")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="date")
    parser.add_argument("--wire", help="news agency the article is copied from")
    parser.add_argument("--title", help="headline")
    parser.set_defaults(handler=run)


_WIDTH = 100


def _short(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "\u2026"


def _finding_lines(finding: Finding, seed: str) -> list[str]:
    """The fact (uncertain and confidence, for a contradiction), why, and each claim
    (the new seed's first), one line each."""
    notes = [t for t in ("uncertain" if finding.uncertain else None, confidence_text(finding)) if t]
    note = f" [{', '.join(notes)}]" if notes else ""
    lines = [f"  {_short(finding.fact)}{note}  ({finding.fingerprint})"]
    lines.append(f"    {one_line(finding.explanation)}")
    claims = sorted(finding.claims, key=lambda c: c.seed != seed)
    lines += [f"    {location(c)} \u201c{_short(c.text)}\u201d = {_short(c.value)}" for c in claims]
    return lines


def describe(result: AddResult, *, block_uncertain: bool = False) -> list[str]:
    """The lines ``checker add`` prints about what the new seed changed
    (``block_uncertain``: the gate policy, for the closing advice)."""
    changes = result.changes
    seed = result.seed
    lines = [f"added {result.seed_path}" + (f" and {result.sidecar}" if result.sidecar else "")]
    contradictions = ranked_contradictions(changes.contradictions)
    uncertain = sum(f.uncertain for f in contradictions)
    lines.append(
        f"new contradictions: {len(contradictions)}"
        + (f" ({uncertain} uncertain)" if uncertain else "")
    )
    for finding in contradictions:
        lines += _finding_lines(finding, seed)
    lines.append(f"new updates (one figure over time): {len(changes.updates)}")
    for finding in changes.updates:
        lines.append(f"  {_short(finding.fact)}  ({finding.fingerprint})")
        lines.append(f"    {one_line(timeline_text(finding))}")
    lines.append(f"new variances: {len(changes.variances)}")
    for finding in changes.variances:
        lines += _finding_lines(finding, seed)
    lines.append(f"facts it corroborates: {len(changes.corroborated)}")
    lines += [f"  {_short(f.fact)} ({f.verdict.value})" for f in changes.corroborated]
    lines.append(f"facts only it states: {len(changes.only_here)}")
    lines += [f"  {location(c)} \u201c{_short(c.text)}\u201d" for c in changes.only_here]
    if changes.changed_decisions:
        lines.append(
            "decided findings whose values changed (review again): "
            + ", ".join(changes.changed_decisions)
        )
    blocking = [f for f in contradictions if block_uncertain or not f.uncertain]
    if blocking:
        lines.append(
            "next: an editor reviews the contradictions (`checker review`); "
            "`checker gate` fails until then"
        )
    elif contradictions:
        lines.append(
            "next: an editor reviews the uncertain contradictions (`checker review`); "
            "they do not fail `checker gate` (block_uncertain = false)"
        )
    return lines


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    meta = SeedMeta(
        outlet=args.outlet,
        url=args.url,
        published=args.published,
        wire=args.wire,
        title=args.title,
    )
    with progress_reporter() as progress:
        result = add_seed(settings, args.path, ident=args.ident, meta=meta, progress=progress)
    out = console()
    for line in describe(result, block_uncertain=settings.gate.block_uncertain):
        out.print(line, markup=False)
    return 0
