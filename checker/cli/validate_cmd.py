"""``checker validate [FILES...]``: the fast pre-commit check of claims files.

Schema and freshness of the claims files of the seeds the given files belong
to (``seeds/<id>.txt|.toml``, ``claims/<id>.json``; other files are ignored),
or of every seed. No comparison: ``checker gate`` does the whole job.
Exit 0 when they are fine, 1 when one is missing, stale or invalid, 2 on
unreadable input or a FILE that does not exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.cli.common import command_parser, settings_from
from checker.cli.gate_cmd import output_format
from checker.errors import CheckerError
from checker.gate import validate
from checker.gate.output import render


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers,
        "validate",
        "check that the claims files of the given seeds (default: all) exist, are fresh "
        "and pass the schema",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="seed or claims files (pre-commit)"
    )
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default=None,
        help="output format (default: github when GITHUB_ACTIONS=true, else text)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    for path in args.files:
        if not path.exists() and not path.is_symlink():
            raise CheckerError("no such file: nothing to validate", path=path)
    result = validate(settings, args.files or None)
    sys.stdout.write(render(result, output_format(args.format)))
    return result.exit_code
