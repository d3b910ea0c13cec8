"""Render a :class:`GateResult` as text (terminals), GitHub workflow commands or JSON.

Text is for people and may change; ``github``, ``json``, ``sarif`` and
``junit`` are machine surfaces and stay stable. Every GitHub command is one
line whatever the article text holds (escaping is :mod:`checker.report.github`'s).
"""

from __future__ import annotations

from typing import Any

from checker.fileio import dumps_canonical
from checker.gate import ci_formats
from checker.gate.core import GateResult
from checker.gate.problems import Location, Problem, problem_text
from checker.report.common import one_line
from checker.report.github import annotation

FORMATS = ("text", "github", "sarif", "junit", "json")


def summary_line(result: GateResult) -> str:
    """``gate passed: ...`` or ``gate failed: ...`` (``claims files ...`` after
    :func:`checker.gate.validate`), one line."""
    counts = result.counts()
    verdict = "passed" if result.passed else "failed"
    parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}"]
    if counts["warning"]:
        parts.append(f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}")
    seeds = len(result.seeds)
    parts.append(f"{seeds} seed{'s' if seeds != 1 else ''}")
    if result.report is None:
        return f"claims files {verdict}: " + "; ".join(parts)
    if result.contradictions:
        states = ", ".join(f"{n} {state}" for state, n in result.contradictions.items())
        if result.uncertain:
            uncertain = ", ".join(f"{n} {state}" for state, n in result.uncertain.items())
            states += f" (uncertain: {uncertain})"
        parts.append(f"contradictions: {states}")
    else:
        parts.append("no contradictions")
    if result.fixed:
        parts.append(f"extracted {', '.join(result.fixed)}")
    return f"gate {verdict}: " + "; ".join(parts)


def _tag(problem: Problem, result: GateResult) -> str:
    return f" [new since {result.since}]" if problem.new and result.since else ""


def render_text(result: GateResult) -> str:
    """Compiler-style lines (``file:line:col: level CODE name: message``), the other
    places of a finding indented below, a hint, then the summary line."""
    out: list[str] = []
    for problem in result.problems:
        first = problem.locations[0] if problem.locations else Location("")
        out.append(
            f"{first.where()}: {problem.level} {problem.rule.code} {problem.rule.name}: "
            f"{one_line(problem.message)}{_tag(problem, result)}"
        )
        for place in problem.locations:
            if place.snippet is not None:
                out.append(f"    {place.where()}  \u201c{one_line(place.snippet)}\u201d")
        if problem.fingerprint:
            out.append(f"    fingerprint {problem.fingerprint}")
        if problem.hint:
            out.append(f"    -> {problem.hint}")
    out.append(summary_line(result))
    return "\n".join(out) + "\n"


# GitHub shows at most 10 error and 10 warning annotations of a step; more are dropped.
ANNOTATION_CAP = 10


def problem_annotations(problem: Problem) -> list[str]:
    """One workflow command per problem, at its first place (the new or odd seed: see
    :func:`checker.gate.policy.blame_order`); the text names the other places."""
    title = f"{problem.rule.code} {problem.rule.name}"
    place, *others = problem.locations or (Location(""),)
    text = problem_text(problem)
    if others:
        text += "\nAlso at: " + ", ".join(
            f"{p.file}:{p.line}" if p.line is not None else p.file for p in others
        )
    same_line = place.line is not None and place.end_line in (None, place.line)
    return [
        annotation(
            problem.level,
            text,
            file=place.file,
            line=place.line,
            end_line=place.end_line if place.line is not None else None,
            col=place.column if same_line else None,
            end_col=place.end_column if same_line else None,
            title=title,
        )
    ]


def render_github(result: GateResult) -> str:
    """Workflow commands (``::error file=...,line=...::...``), one per problem and at most
    :data:`ANNOTATION_CAP` per level (GitHub drops the rest: a notice says how many were
    left out), then the summary line."""
    lines: list[str] = []
    shown: dict[str, int] = {}
    left_out: dict[str, int] = {}
    for problem in result.problems:
        if shown.get(problem.level, 0) >= ANNOTATION_CAP:
            left_out[problem.level] = left_out.get(problem.level, 0) + 1
            continue
        shown[problem.level] = shown.get(problem.level, 0) + 1
        lines.extend(problem_annotations(problem))
    for level, count in sorted(left_out.items()):
        plural = "" if count == 1 else "s"
        lines.append(
            annotation(
                "notice",
                f"{count} more {level}{plural} not annotated (GitHub shows {ANNOTATION_CAP} "
                "per step): run `checker gate` for the full list",
                title="checker gate",
            )
        )
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def problem_data(problem: Problem) -> dict[str, Any]:
    return {
        "code": problem.rule.code,
        "name": problem.rule.name,
        "level": problem.level,
        "message": problem.message,
        "hint": problem.hint,
        "detail": problem.detail,
        "seeds": list(problem.seeds),
        "fingerprint": problem.fingerprint,
        "state": problem.state,
        "new": problem.new,
        "locations": [
            {
                "file": place.file,
                "line": place.line,
                "column": place.column,
                "end_line": place.end_line,
                "end_column": place.end_column,
                "text": place.snippet,
                "label": place.label,
            }
            for place in problem.locations
        ],
        **({"extra": dict(sorted(problem.extra.items()))} if problem.extra else {}),
    }


def render_json(result: GateResult) -> str:
    """Canonical JSON: ``passed``, ``exit_code``, ``summary``, ``problems``."""
    return dumps_canonical(
        {
            "passed": result.passed,
            "exit_code": result.exit_code,
            "summary": {
                **result.counts(),
                "seeds": result.seeds,
                "contradictions": result.contradictions,
                "uncertain": result.uncertain,
                "fixed": result.fixed,
                "since": result.since,
                "changed": sorted(result.changed),
            },
            "problems": [problem_data(p) for p in result.problems],
        }
    )


def render(result: GateResult, fmt: str) -> str:
    """Render in one of :data:`FORMATS` (``ValueError`` otherwise)."""
    renderers = {
        "text": render_text,
        "github": render_github,
        "json": render_json,
        "sarif": ci_formats.render_sarif,
        "junit": ci_formats.render_junit,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown gate format {fmt!r}")
    return renderers[fmt](result)
