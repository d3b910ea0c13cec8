"""GitHub Actions workflow commands (``::error file=...,line=...::message``).

The escaping follows ``@actions/core``: message data escapes ``%``, CR and LF;
property values also escape ``:`` and ``,`` (they delimit the command). Every
command is therefore exactly one line whatever the article text holds. The
CI gate reuses :func:`annotation` for its own problems.
"""

from __future__ import annotations

import re

from checker.report.common import finding_message, is_settled, seed_path, timeline
from checker.schema import Finding, Report, Verdict

LEVELS = ("error", "warning", "notice")


def escape_data(text: str) -> str:
    """Escape a command's message: ``%`` -> ``%25``, CR -> ``%0D``, LF -> ``%0A``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as :func:`escape_data`, plus ``:`` -> ``%3A``, ``,`` -> ``%2C``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# Line separators other than CR and LF (which are escaped): vertical tab, form feed,
# file/group/record separators, NEL, LINE and PARAGRAPH SEPARATOR. Log viewers and
# str.splitlines() break lines at them, so they become spaces to keep one line.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _flat(text: str) -> str:
    return _OTHER_BREAKS.sub(" ", text)


def annotation(
    level: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    end_line: int | None = None,
    col: int | None = None,
    end_col: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command line (no trailing newline), e.g.
    ``::error file=seeds/a.txt,line=3,col=5::message``.

    ``level`` is ``error``, ``warning`` or ``notice`` (``ValueError`` otherwise).
    Properties that are ``None`` are left out; lines and columns are 1-based. Line
    breaks other than CR/LF become spaces, so the command is one line for any text.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown annotation level {level!r}")
    props: list[tuple[str, str]] = []
    if file is not None:
        props.append(("file", file))
    for name, number in (("line", line), ("endLine", end_line), ("col", col)):
        if number is not None:
            props.append((name, str(number)))
    if end_col is not None:
        props.append(("endColumn", str(end_col)))
    if title is not None:
        props.append(("title", title))
    head = ",".join(f"{name}={escape_property(_flat(value))}" for name, value in props)
    return f"::{level}{' ' + head if head else ''}::{escape_data(_flat(message))}"


def finding_level(finding: Finding) -> str | None:
    """``error`` for an open contradiction, ``warning`` for an open uncertain one,
    ``notice`` for a settled contradiction (dismissed/accepted by an editor), an update
    or a variance (information), ``None`` for an agreement."""
    if finding.verdict is Verdict.CONTRADICTION:
        if is_settled(finding):
            return "notice"
        return "warning" if finding.uncertain else "error"
    if finding.verdict in (Verdict.UPDATE, Verdict.VARIANCE):
        return "notice"
    return None


def finding_annotation(finding: Finding) -> str | None:
    """One command for a finding, located at its first claim (an update: its earliest);
    ``None`` for agreements."""
    level = finding_level(finding)
    if level is None:
        return None
    first = timeline(finding)[0] if finding.verdict is Verdict.UPDATE else finding.claims[0]
    same_line = first.line == first.end_line
    kind = f"uncertain {finding.verdict.value}" if finding.uncertain else finding.verdict.value
    return annotation(
        level,
        finding_message(finding),
        file=seed_path(first.seed),
        line=first.line,
        end_line=first.end_line,
        col=first.column if same_line else None,
        end_col=first.end_column if same_line else None,
        title=f"{kind} ({finding.rule} {finding.rule_name}): {finding.fact}",
    )


def render(report: Report) -> str:
    """One line per contradiction, update and variance, in report order."""
    lines = [a for a in (finding_annotation(f) for f in report.findings) if a is not None]
    return "".join(line + "\n" for line in lines)
