"""``checker run``: the main job: extract what is new or stale, compare, write all reports."""

from __future__ import annotations

import argparse

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.cli.console import console, progress_reporter
from checker.report.terminal import print_summary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "run", "extract new or stale seeds, compare them, write every report"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with progress_reporter() as progress:
        result = pipeline.run(settings, progress=progress)
    out = console()
    extraction = result.extraction
    out.print(
        f"extracted {len(extraction.extracted)}, skipped {len(extraction.skipped)} (unchanged)"
    )
    print_summary(result.report, out)
    for path in result.written:
        out.print(f"wrote {path}")
    return 0
