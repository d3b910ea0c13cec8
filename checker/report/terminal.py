"""The summary printed by ``checker run`` and ``checker report``: a table of counts,
then one line per contradiction with its quotes and their sources.

Article text is passed to rich as :class:`~rich.text.Text`, never as markup, so
brackets in a quote print literally. Colour is the console's business: the CLI
hands in a console that colours only on a terminal and never with ``NO_COLOR``.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.report.common import is_settled, location, one_line
from checker.schema import Finding, Report, Verdict

# (label, Summary field, style when non-zero)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("sources", "sources", ""),
    ("claims", "claims", ""),
    ("facts", "facts", ""),
    ("agreements", "agreement", "green"),
    ("variances", "variance", "yellow"),
    ("contradictions", "contradiction", "bold red"),
    ("single-source", "single_source", "dim"),
)


def summary_table(report: Report, *, plain: bool = False) -> Table:
    """One row of counts under their labels; ``plain``: no styles at all."""
    table = Table(
        header_style="" if plain else "table.header",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    cells = []
    for label, field, style in COLUMNS:
        count = getattr(report.summary, field)
        table.add_column(label, justify="right")
        cells.append(Text(str(count), style=style if count and not plain else ""))
    table.add_row(*cells)
    return table


def contradiction_line(finding: Finding) -> Text:
    """``✗ fact: “quote” (seeds/a.txt:3) vs “quote” (seeds/b.txt:7) [decision]``."""
    settled = is_settled(finding)
    line = Text()
    line.append("  ✓ " if settled else "  ✗ ", style="green" if settled else "bold red")
    line.append(one_line(finding.fact), style="bold")
    line.append(": ")
    for i, claim in enumerate(finding.claims):
        if i:
            line.append(" vs ", style="dim")
        line.append(f"\u201c{one_line(claim.text)}\u201d")
        line.append(f" ({location(claim)})", style="cyan")
    if finding.review is not None:
        line.append(f" [{finding.review.decision.value}]", style="dim")
    return line


def print_summary(report: Report, out: Console) -> None:
    """Print the counts table, then every contradiction, to ``out``.

    A console without colour (not a terminal, or ``NO_COLOR``) gets no styles at all:
    no bold or dim either, only text.
    """
    plain = out.no_color or not out.is_terminal
    out.print(summary_table(report, plain=plain))
    contradictions = [f for f in report.findings if f.verdict is Verdict.CONTRADICTION]
    if contradictions:
        out.print(Text("Contradictions:", style="" if plain else "bold"))
        for finding in contradictions:
            line = contradiction_line(finding)
            out.print(Text(line.plain) if plain else line)
