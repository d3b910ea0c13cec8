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


def problem_annotations(problem: Problem) -> list[str]:
    """One workflow command per place of the problem (each seed of a contradiction
    gets one on its own line), so each file shows it in the pull request's diff."""
    lines = []
    title = f"{problem.rule.code} {problem.rule.name}"
    for place in problem.locations:
        same_line = place.line is not None and place.end_line in (None, place.line)
        lines.append(
            annotation(
                problem.level,
                problem_text(problem),
                file=place.file,
                line=place.line,
                end_line=place.end_line if place.line is not None else None,
                col=place.column if same_line else None,
                end_col=place.end_column if same_line else None,
                title=title,
            )
        )
    return lines


def render_github(result: GateResult) -> str:
    """Workflow commands (``::error file=...,line=...::...``), then the summary line."""
    lines = [line for problem in result.problems for line in problem_annotations(problem)]
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
