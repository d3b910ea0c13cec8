"""Options and helpers every command shares."""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.config import Settings, load_settings


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="folder holding seeds/, claims/ and reports/ (default: current directory)",
    )


DEBUG_HELP = "on an internal error, print the Python traceback (also: CHECKER_DEBUG=1)"


def settings_from(args: argparse.Namespace) -> Settings:
    root: Path = args.root
    return load_settings(root)


def command_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    """A subcommand parser with ``--root`` already added."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_root(parser)
    # also after the command (`checker run --debug`); SUPPRESS keeps a --debug given
    # before the command when it is not repeated after it
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    return parser
