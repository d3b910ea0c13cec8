"""``checker schema``: print the JSON Schema of claims files (or of the report)."""

from __future__ import annotations

import argparse
import sys

from checker.cli.common import command_parser
from checker.schema.export import claims_schema, decision_schema, report_schema, schema_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(subparsers, "schema", "print a JSON Schema (claims files by default)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--report", action="store_true", help="schema of consistency.json")
    which.add_argument("--decision", action="store_true", help="schema of a review.jsonl line")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.report:
        schema = report_schema()
    elif args.decision:
        schema = decision_schema()
    else:
        schema = claims_schema()
    sys.stdout.write(schema_text(schema))
    return 0
