"""``checker gate``: fail CI when a contradiction awaits an editor or claims/ is stale.

Exit 0 when the corpus passes, 1 when the policy is violated, 2 when the gate
cannot do its job (bad configuration, unreadable input), with the reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checker import gate
from checker.cli.common import command_parser, settings_from
from checker.cli.console import progress_reporter
from checker.errors import CheckerError
from checker.fileio import atomic_write_text
from checker.gate.output import summary_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers,
        "gate",
        "fail (exit 1) when a contradiction awaits an editor or a claims file is "
        "missing, stale or invalid",
    )
    parser.add_argument(
        "--format",
        choices=gate.FORMATS,
        default=None,
        help="output format (default: github when GITHUB_ACTIONS=true, else text)",
    )
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="write the output to FILE instead of stdout"
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="extract seeds whose claims file is missing or stale, then judge",
    )
    parser.add_argument(
        "--since",
        metavar="REF",
        help="git revision (e.g. origin/main): list problems of seeds changed since it first",
    )
    parser.set_defaults(handler=run)


def output_format(requested: str | None) -> str:
    """The format asked for, else ``github`` inside GitHub Actions, else ``text``."""
    if requested is not None:
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with progress_reporter() as progress:
        result = gate.run_gate(settings, fix=args.fix, since=args.since, progress=progress)
    fmt = output_format(args.format)
    text = gate.render(result, fmt)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            atomic_write_text(args.output, text)
        except OSError as exc:
            raise CheckerError(f"cannot write: {exc.strerror}", path=args.output) from None
        print(summary_line(result), file=sys.stderr)
    return result.exit_code
