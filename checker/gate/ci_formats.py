"""The gate's problems as SARIF 2.1.0 and JUnit XML, through the report builders.

SARIF: one result per problem, at its first place; a contradiction's other
claims are ``relatedLocations``; the finding fingerprint is the partial
fingerprint, so code-scanning services keep alert state across edits.
JUnit: one test case per seed (its claims file) and one per finding that
needs review; error problems are failures, warnings go to ``system-out``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.gate.core import GateResult
from checker.gate.problems import RULES, Location, Problem, problem_text
from checker.report import junit, sarif
from checker.version import CHECKER_VERSION

SARIF_LEVELS = {"error": "error", "warning": "warning", "notice": "note"}
CLAIMS_CODES = frozenset({"G001", "G002", "G003", "G004"})
SUITE = "checker gate"


def _sarif_location(place: Location, location_id: int | None = None) -> sarif.SarifObject:
    return sarif.region_location(
        place.file,
        start_line=place.line,
        start_column=place.column,
        end_line=place.end_line,
        end_column=place.end_column,
        snippet=place.snippet,
        message=place.label if location_id is not None else None,
        location_id=location_id,
    )


def render_sarif(result: GateResult) -> str:
    """A SARIF log with every gate rule and one result per problem."""
    rules = [
        sarif.rule(r.code, r.name, r.description, level="error", help_text=r.description)
        for r in RULES
    ]
    index = {r.code: i for i, r in enumerate(RULES)}
    results = []
    for problem in result.problems:
        first, *others = problem.locations or (Location("."),)
        properties: sarif.SarifObject = {"new": problem.new, "seeds": list(problem.seeds)}
        if problem.state is not None:
            properties["reviewState"] = problem.state
        results.append(
            sarif.result(
                problem.rule.code,
                index[problem.rule.code],
                SARIF_LEVELS[problem.level],
                problem_text(problem),
                [_sarif_location(first)],
                fingerprint=problem.fingerprint,
                related=[_sarif_location(p, i) for i, p in enumerate(others, start=1)],
                properties=properties,
            )
        )
    return sarif.dumps(sarif.sarif_log(rules, results, version=CHECKER_VERSION))


def render_junit(result: GateResult) -> str:
    """A JUnit document: claims files per seed, then each finding awaiting review."""
    by_seed: dict[str, list[Problem]] = {seed: [] for seed in result.seeds}
    others: list[Problem] = []
    for problem in result.problems:
        if problem.rule.code in CLAIMS_CODES and problem.seeds:
            by_seed.setdefault(problem.seeds[0], []).append(problem)
        else:
            others.append(problem)
    cases = [
        _case("checker.gate.claims", f"claims/{seed}.json", ps) for seed, ps in by_seed.items()
    ]
    for problem in others:
        name = problem.message if problem.fingerprint is None else problem.fingerprint
        cases.append(_case(f"checker.gate.{problem.rule.name}", name, [problem]))
    return junit.dumps([junit.testsuite(SUITE, cases)], name=SUITE)


def _case(classname: str, name: str, problems: list[Problem]) -> ET.Element:
    errors = [p for p in problems if p.blocking]
    notes = [p for p in problems if not p.blocking]
    first = problems[0].locations[0] if problems and problems[0].locations else None
    return junit.testcase(
        classname,
        name,
        failure="\n\n".join(problem_text(p) for p in errors) if errors else None,
        failure_message="; ".join(f"{p.rule.code} {p.message}" for p in errors) or None,
        failure_type=errors[0].rule.code if errors else "failure",
        system_out="\n\n".join(problem_text(p) for p in notes) if notes else None,
        file=first.file if first else None,
        line=first.line if first else None,
    )
