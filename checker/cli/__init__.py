"""Command line: ``checker <command> [--root DIR] ...``.

Each command lives in its own module with ``register(subparsers)``; this
module wires them up and turns :class:`CheckerError` into exit code 2.
Exit codes: 0 success, 1 the gate failed, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from checker.cli import (
    add_cmd,
    compare_cmd,
    decide_cmd,
    decisions_cmd,
    extract_cmd,
    gate_cmd,
    report_cmd,
    review_cmd,
    run_cmd,
    schema_cmd,
    stories_cmd,
    validate_cmd,
)
from checker.errors import CheckerError
from checker.version import CHECKER_VERSION

EXIT_OK = 0
EXIT_GATE = 1
EXIT_INPUT = 2

# Order is the order of `checker --help`.
COMMANDS: tuple[ModuleType, ...] = (
    run_cmd,
    extract_cmd,
    compare_cmd,
    report_cmd,
    gate_cmd,
    add_cmd,
    validate_cmd,
    review_cmd,
    decide_cmd,
    decisions_cmd,
    stories_cmd,
    schema_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker",
        description="Cross-reference news articles in seeds/ and report where they agree, "
        "vary in wording, or contradict each other.",
    )
    parser.add_argument("--version", action="version", version=f"checker {CHECKER_VERSION}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``checker`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except CheckerError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    return code
