"""``checker extract [SEED_ID ...]``: write claims files for new or stale seeds."""

from __future__ import annotations

import argparse

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.cli.console import progress_reporter


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "extract", "extract claims from seeds whose claims file is missing or stale"
    )
    parser.add_argument("seeds", nargs="*", metavar="SEED_ID", help="only these seeds")
    parser.add_argument("--force", action="store_true", help="re-extract even fresh seeds")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with progress_reporter() as progress:
        result = pipeline.extract(settings, args.seeds or None, force=args.force, progress=progress)
    print(f"extracted {len(result.extracted)}, skipped {len(result.skipped)} (unchanged)")
    return 0
