"""The summary printed by ``checker run`` and ``checker report``: a table of counts,
then one line per contradiction with its quotes and their sources (confident ones
first, by confidence; uncertain ones last, labelled and counted in the heading),
then one line per update with the figure in time order. The table fits 80 columns.

Article text is passed to rich as :class:`~rich.text.Text`, never as markup, so
brackets in a quote print literally. Colour is the console's business: the CLI
hands in a console that colours only on a terminal and never with ``NO_COLOR``.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.report.common import (
    confidence_text,
    is_settled,
    location,
    one_line,
    ranked_contradictions,
    sides,
    timeline_text,
)
from checker.schema import Finding, Report, Verdict

# (label, Summary field, style when non-zero)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("sources", "sources", ""),
    ("claims", "claims", ""),
    ("facts", "facts", ""),
    ("agreements", "agreement", "green"),
    ("variances", "variance", "yellow"),
    ("updates", "update", "cyan"),
    ("contradictions", "contradiction", "bold red"),
    ("single-source", "single_source", "dim"),
)


def summary_table(report: Report, *, plain: bool = False, width: int | None = None) -> Table:
    """One row of counts under their labels; ``plain``: no styles at all. Columns are
    two spaces apart, one when that does not fit in ``width`` (an 80-column pipe)."""
    counts = [getattr(report.summary, field) for _, field, _ in COLUMNS]
    needed = sum(
        max(len(label), len(str(n))) for (label, _, _), n in zip(COLUMNS, counts, strict=True)
    )
    roomy = width is None or needed + 2 * (len(COLUMNS) - 1) <= width
    table = Table(
        header_style="" if plain else "table.header",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1) if roomy else (0, 0),
        collapse_padding=True,
    )
    cells = []
    for (label, _, style), count in zip(COLUMNS, counts, strict=True):
        table.add_column(label, justify="right")
        cells.append(Text(str(count), style=style if count and not plain else ""))
    table.add_row(*cells)
    return table


def contradiction_line(finding: Finding, width: int | None = None) -> Text:
    """``✗ fact (confidence 0.85): “quote” (seeds/a.txt:3) vs “quote” (seeds/b.txt:7)
    [decision]``; an uncertain one is marked ``?`` and says ``uncertain``.

    Claims giving one value (hedges and notes aside: ``value_side``) are one side: its
    first quote and place, and how many more sources give it (``and 41 more``), so that
    a fact stated by 300 seeds stays one readable line; with ``width`` (a terminal's)
    the line is cut to it with an ellipsis."""
    settled = is_settled(finding)
    line = Text()
    if settled:
        line.append("  ✓ ", style="green")
    elif finding.uncertain:
        line.append("  ? ", style="magenta")
    else:
        line.append("  ✗ ", style="bold red")
    line.append(one_line(finding.fact), style="bold")
    notes = [t for t in ("uncertain" if finding.uncertain else None, confidence_text(finding)) if t]
    if notes:
        line.append(f" ({', '.join(notes)})", style="magenta" if finding.uncertain else "dim")
    line.append(": ")
    for i, claims in enumerate(sides(finding).values()):
        if i:
            line.append(" vs ", style="dim")
        first = claims[0]
        line.append(f"\u201c{one_line(first.text)}\u201d")
        more = f" and {len(claims) - 1} more" if len(claims) > 1 else ""
        line.append(f" ({location(first)}{more})", style="cyan")
    if finding.review is not None:
        line.append(f" [{finding.review.decision.value}]", style="dim")
    if width is not None and line.cell_len > width:
        line.truncate(width, overflow="ellipsis")
    return line


def update_line(finding: Finding) -> Text:
    """``↗ fact: 150 (3 Aug) → 381 (4 Aug)``."""
    line = Text()
    line.append("  ↗ ", style="cyan")
    line.append(one_line(finding.fact), style="bold")
    line.append(": ")
    line.append(timeline_text(finding))
    return line


def print_summary(report: Report, out: Console) -> None:
    """Print the counts table, then every contradiction (ranked), then every update, to
    ``out``.

    A console without colour (not a terminal, or ``NO_COLOR``) gets no styles at all:
    no bold or dim either, only text.
    """
    plain = out.no_color or not out.is_terminal
    out.print(summary_table(report, plain=plain, width=out.width))
    contradictions = ranked_contradictions(report.findings)
    if contradictions:
        uncertain = report.summary.uncertain
        head = "Contradictions:" + (f" {uncertain} uncertain, listed last" if uncertain else "")
        out.print(Text(head, style="" if plain else "bold"))
        for finding in contradictions:
            line = contradiction_line(finding, width=out.width if out.is_terminal else None)
            out.print(Text(line.plain) if plain else line)
    updates = [f for f in report.findings if f.verdict is Verdict.UPDATE]
    if updates:
        out.print(Text("Updates (one figure over time):", style="" if plain else "bold"))
        for finding in updates:
            line = update_line(finding)
            out.print(Text(line.plain) if plain else line)
