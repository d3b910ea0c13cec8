"""Command line: ``checker <command> [--root DIR] ...``.

Each command lives in its own module with ``register(subparsers)``; this
module wires them up and turns errors into exit codes, one line each:

- 0 success; 1 the gate (or ``validate``) failed: the policy is violated;
- 2 usage or input error (:class:`CheckerError`, or the operating system refusing
  a named file: no space left, read-only folder...), naming the file;
- 3 internal error: a bug in ``checker``, never the user's input; one line and
  where to report it. ``--debug`` (or ``CHECKER_DEBUG=1``) prints the traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import traceback
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
    rule_cmd,
    run_cmd,
    schema_cmd,
    stories_cmd,
    validate_cmd,
)
from checker.cli.common import DEBUG_HELP
from checker.errors import CheckerError
from checker.version import CHECKER_VERSION

EXIT_OK = 0
EXIT_GATE = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as the shell reports a reader that went away

# Where an internal error is reported: neither pyproject.toml nor README names an
# issue tracker, so the maintainers.
REPORT_TO = (
    "please report it to the maintainers with the output of the same command run with --debug"
)

# Errors of the operating system that come from the user's machine or files, not
# from a bug: one line naming the file, exit 2. The second set only when the
# error names its file (else it may as well be a bug).
_ENVIRONMENT = frozenset(
    {
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EMFILE,
        errno.ENFILE,
        errno.EIO,
        errno.EFBIG,
    }
)
_ENVIRONMENT_NAMED = frozenset(
    {
        errno.ENOENT,
        errno.ENOTDIR,
        errno.EISDIR,
        errno.EEXIST,
        errno.ELOOP,
        errno.ENAMETOOLONG,
        errno.ETXTBSY,
    }
)


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
    rule_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker",
        description="Cross-reference news articles in seeds/ and report where they agree, "
        "vary in wording, or contradict each other.",
        epilog="Exit codes: 0 success; 1 the gate failed (policy violated); 2 usage or "
        "input error; 3 internal error (a bug: rerun with --debug and report it).",
    )
    parser.add_argument("--version", action="version", version=f"checker {CHECKER_VERSION}")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def debug_wanted(args: argparse.Namespace | None) -> bool:
    """``--debug`` given, or ``CHECKER_DEBUG`` set to anything but empty or ``0``."""
    if args is not None and getattr(args, "debug", False):
        return True
    return os.environ.get("CHECKER_DEBUG", "").strip() not in ("", "0")


def one_line(text: str, limit: int = 2000) -> str:
    """``text`` on one line of at most ``limit`` characters, line breaks turned into
    spaces and other control characters shown escaped (a message may quote input)."""
    flat = re.sub(r"\s*[\r\n]+\s*", " ", text.strip())
    shown = "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in flat
    )
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _environment_error(exc: OSError) -> str | None:
    """The line for an operating-system error about the user's files, else ``None``."""
    names = [name for name in (exc.filename, exc.filename2) if name is not None]
    if exc.errno not in _ENVIRONMENT and not (names and exc.errno in _ENVIRONMENT_NAMED):
        return None
    reason = exc.strerror or str(exc)
    return ": ".join([*map(str, names), reason]) if names else reason


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``checker`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = debug_wanted(args)
    try:
        code: int = args.handler(args)
    except CheckerError as exc:
        return _fail(EXIT_INPUT, f"checker: error: {one_line(str(exc))}", debug)
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of stdout went away (`checker report | head`): nothing to say.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        line = _environment_error(exc)
        if line is not None:
            return _fail(EXIT_INPUT, f"checker: error: {one_line(line)}", debug)
        return _internal(exc, debug)
    except Exception as exc:
        return _internal(exc, debug)
    return code


def _fail(code: int, line: str, debug: bool) -> int:
    if debug:
        traceback.print_exc(file=sys.stderr)
    print(line, file=sys.stderr)
    return code


def _internal(exc: BaseException, debug: bool) -> int:
    """One line for a bug (exit 3): what went wrong, and where to report it."""
    if isinstance(exc, MemoryError):
        what = "out of memory"
    elif isinstance(exc, RecursionError):
        what = "RecursionError: input nested too deeply for this version"
    else:
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    line = (
        f"checker: internal error: {one_line(what, 300)} "
        f"(a bug in checker, not in your input: {REPORT_TO})"
    )
    return _fail(EXIT_INTERNAL, line, debug)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
