"""``checker compare``: cross-reference the claims files, write reports/consistency.json."""

from __future__ import annotations

import argparse

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.cli.console import progress_reporter


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "compare", "cross-reference claims/ and write reports/consistency.json"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with progress_reporter() as progress:
        report = pipeline.compare(settings, progress=progress)
    for path in pipeline.write_reports(settings, report, formats=("json",)):
        print(f"wrote {path}")
    return 0
