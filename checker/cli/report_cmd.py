"""``checker report [--format FMT] [--output FILE]``: compare, then print or write one report.

Without ``--format`` it prints the terminal summary (counts, then contradictions).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from rich.console import Console

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.cli.console import console, progress_reporter
from checker.errors import CheckerError
from checker.fileio import atomic_write_text
from checker.report import FORMATS, render
from checker.report.terminal import print_summary
from checker.schema import Report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "report", "compare claims/ and print one report (default: a summary)"
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default=None,
        help="report format (default: a readable summary)",
    )
    parser.add_argument(
        "--output", type=Path, default=None, metavar="FILE", help="write here instead of stdout"
    )
    parser.set_defaults(handler=run)


def _plain_summary(report: Report) -> str:
    buffer = io.StringIO()
    print_summary(report, Console(file=buffer, no_color=True, width=100, soft_wrap=True))
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with progress_reporter() as progress:
        report = pipeline.compare(settings, progress=progress)
    output: Path | None = args.output
    if args.format is None and output is None:
        print_summary(report, console())
        return 0
    text = _plain_summary(report) if args.format is None else render(report, args.format)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write_text(output, text)
    except OSError as exc:
        raise CheckerError(f"cannot write report: {exc.strerror}", path=output) from None
    return 0
