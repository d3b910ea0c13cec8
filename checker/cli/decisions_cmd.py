"""``checker decisions [--stale]``: the current decision of each finding."""

from __future__ import annotations

import argparse
import sys

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.review.store import DecisionStore
from checker.schema import Decision


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "decisions", "list the current editors' decisions (reports/review.jsonl)"
    )
    parser.add_argument(
        "--stale",
        action="store_true",
        help="list only decisions whose finding no longer exists (compares the claims)",
    )
    parser.set_defaults(handler=run)


def format_decision(decision: Decision) -> str:
    """One decision on one line (tab-separated, for people and for ``cut``)."""
    fields = [
        decision.fingerprint,
        decision.decision.value,
        decision.reviewer,
        decision.at.isoformat().replace("+00:00", "Z"),
        decision.fact,
        decision.note,
    ]
    return "\t".join(" ".join(field.split()) for field in fields)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    store = DecisionStore(settings.review_file)
    loaded = store.load()
    for problem in loaded.problems:
        print(f"checker: warning: {problem} (line skipped)", file=sys.stderr)
    current = {d.fingerprint: d for d in loaded.decisions}
    if args.stale:
        known = {f.fingerprint for f in pipeline.compare(settings).findings}
        chosen = [current[fp] for fp in sorted(current) if fp not in known]
    else:
        chosen = [current[fp] for fp in sorted(current)]
    for decision in chosen:
        print(format_decision(decision))
    what = "stale decision(s)" if args.stale else "current decision(s)"
    print(f"{len(chosen)} {what} in {store.path}", file=sys.stderr)
    return 0
