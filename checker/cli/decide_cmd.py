"""``checker decide FINGERPRINT DECISION --reviewer NAME [--note TEXT]``: record a decision."""

from __future__ import annotations

import argparse

from filelock import Timeout
from pydantic import ValidationError

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.errors import CheckerError
from checker.review.store import DecisionStore
from checker.schema import DecisionKind, DecisionRequest


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "decide", "record an editor's decision on a finding (reports/review.jsonl)"
    )
    parser.add_argument("fingerprint", metavar="FINGERPRINT", help="the finding's fingerprint")
    parser.add_argument(
        "decision",
        metavar="DECISION",
        choices=[kind.value for kind in DecisionKind],
        help="confirmed, dismissed, accepted (needs --note) or in_progress",
    )
    parser.add_argument("--reviewer", required=True, metavar="NAME", help="who decided")
    parser.add_argument("--note", default="", metavar="TEXT", help="why (required for accepted)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    try:
        request = DecisionRequest(
            fingerprint=args.fingerprint,
            decision=args.decision,
            reviewer=args.reviewer,
            note=args.note,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CheckerError(f"{where}: {first['msg']}" if where else first["msg"]) from None
    report = pipeline.compare(settings)
    finding = next((f for f in report.findings if f.fingerprint == request.fingerprint), None)
    if finding is None:
        raise CheckerError(
            f"no finding has fingerprint {request.fingerprint!r} "
            "(see reports/consistency.json or `checker decisions --stale`)"
        )
    store = DecisionStore(settings.review_file)
    try:
        decision = store.append(request, finding)
    except Timeout:
        raise CheckerError(
            "another writer holds the lock on the decisions file; try again", path=store.path
        ) from None
    print(
        f"{store.path}: {decision.decision} on {decision.fingerprint} "
        f"({finding.verdict}: {finding.fact}) by {decision.reviewer}"
    )
    return 0
