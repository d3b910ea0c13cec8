"""``checker review``: serve the review page on this machine and print its address."""

from __future__ import annotations

import argparse
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.config import Settings
from checker.errors import CheckerError
from checker.review.app import create_app
from checker.review.security import new_token
from checker.review.store import DecisionStore
from checker.review.views import FLAGGED
from checker.schema import Report, Verdict


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "review", "serve the review page for editors' decisions (reports/review.jsonl)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    parser.add_argument(
        "--port", type=int, default=8765, help="port to listen on (default: 8765; 0: any free)"
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address, do not open a browser"
    )
    parser.set_defaults(handler=run)


def cached_compare(settings: Settings) -> Callable[[], Report]:
    """``pipeline.compare(settings)``, recomputed only when a seed, claims file or the
    configuration changed (the page asks for findings on every click)."""
    cache: dict[str, object] = {}
    lock = threading.Lock()

    def signature() -> tuple[tuple[str, int, int], ...]:
        files: list[Path] = [settings.root / "pyproject.toml"]
        for folder in (settings.seeds_dir, settings.claims_dir):
            if folder.is_dir():
                files.extend(sorted(folder.iterdir()))
        stats = []
        for path in files:
            try:
                stat = path.stat()
            except OSError:
                continue
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(stats)

    def load() -> Report:
        with lock:
            key = signature()
            if cache.get("key") != key:
                cache["report"] = pipeline.compare(settings)
                cache["key"] = key
            report = cache["report"]
            assert isinstance(report, Report)
            return report

    return load


def queue_verdicts(settings: Settings) -> frozenset[Verdict]:
    """What editors must decide: contradictions, and variances when the gate blocks on
    them (``[tool.checker.gate] fail_on_variance``). Updates never are."""
    if settings.gate.fail_on_variance:
        return FLAGGED | {Verdict.VARIANCE}
    return FLAGGED


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; an address in use is an input error (exit 2)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CheckerError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    sock = listen(args.host, args.port)  # a port in use stops here, with exit 2
    load_report = cached_compare(settings)
    store = DecisionStore(settings.review_file)
    try:
        load_report()  # and so does a missing or invalid claims file
        store.load()  # and a decisions file of the wrong type
    except CheckerError:
        sock.close()
        raise
    token = new_token()
    app = create_app(
        store,
        token,
        load_report,
        seeds_dir=settings.seeds_dir,
        host=args.host,
        title=f"checker review: {settings.root.resolve().name}",
        flagged=queue_verdicts(settings),
    )
    port = sock.getsockname()[1]
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown_host}:{port}/?token={token}"
    print(f"Review page (Ctrl+C to stop):\n    {url}", flush=True)
    if not args.no_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])
    return 0
