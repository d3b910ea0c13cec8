"""SARIF 2.1.0 for code-scanning tools.

One result per contradiction (level ``error``; ``warning`` when uncertain),
per update and per variance (level ``note``), located at ``seeds/<id>.txt``
(1-based lines and columns, counted in Unicode code points); the other
sources' claims are ``relatedLocations``.
``partialFingerprints`` carry the finding fingerprint so that a code-scanning
service keeps its alert state across edits; editor decisions become
``suppressions``. The small builders (:func:`region_location`, :func:`rule`,
:func:`result`, :func:`sarif_log`, :func:`dumps`) let the CI gate render its
own problems in the same format.
"""

from __future__ import annotations

import inspect
from typing import Any
from urllib.parse import quote

from checker.classify.registry import REGISTRY
from checker.fileio import dumps_canonical
from checker.report.common import finding_message, seed_path, timeline
from checker.schema import DecisionKind, Finding, FindingClaim, Report, Verdict

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "checker"
FINGERPRINT_KEY = "checkerFinding/v1"

# Editor decision -> SARIF suppression status; confirmed findings stay unsuppressed.
SUPPRESSION_STATUS: dict[DecisionKind, str] = {
    DecisionKind.DISMISSED: "accepted",
    DecisionKind.ACCEPTED: "accepted",
    DecisionKind.IN_PROGRESS: "underReview",
}

LEVELS: dict[Verdict, str] = {
    Verdict.CONTRADICTION: "error",
    Verdict.UPDATE: "note",
    Verdict.VARIANCE: "note",
}
# An uncertain contradiction (low identity confidence, or an inferred value) does not
# block the gate by default: a warning, not an error.
UNCERTAIN_LEVEL = "warning"

SarifObject = dict[str, Any]


def region_location(
    uri: str,
    *,
    start_line: int | None = None,
    start_column: int | None = None,
    end_line: int | None = None,
    end_column: int | None = None,
    snippet: str | None = None,
    message: str | None = None,
    location_id: int | None = None,
) -> SarifObject:
    """A ``location`` in a file (``uri`` relative to the repository root), with an
    optional 1-based region; ``end_column`` is the column just past the span."""
    physical: SarifObject = {"artifactLocation": {"uri": uri}}
    region: SarifObject = {}
    for key, value in (
        ("startLine", start_line),
        ("startColumn", start_column),
        ("endLine", end_line),
        ("endColumn", end_column),
    ):
        if value is not None:
            region[key] = value
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    if region:
        physical["region"] = region
    location: SarifObject = {"physicalLocation": physical}
    if location_id is not None:
        location["id"] = location_id
    if message is not None:
        location["message"] = {"text": message}
    return location


def claim_location(claim: FindingClaim, *, location_id: int | None = None) -> SarifObject:
    """The location of a finding's claim, its text as the snippet."""
    return region_location(
        quote(seed_path(claim.seed)),
        start_line=claim.line,
        start_column=claim.column,
        end_line=claim.end_line,
        end_column=claim.end_column,
        snippet=claim.text,
        message=f"{claim.seed}: {claim.value}" if location_id is not None else None,
        location_id=location_id,
    )


def rule(
    rule_id: str, name: str, description: str, *, level: str = "warning", help_text: str = ""
) -> SarifObject:
    """A ``reportingDescriptor`` for ``tool.driver.rules``; ``help_text`` (the rule's
    documentation, as ``checker rule CODE`` prints it) becomes its ``help``."""
    out: SarifObject = {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": description},
        "defaultConfiguration": {"level": level},
    }
    if help_text:
        out["fullDescription"] = {"text": help_text.split("\n\n", 1)[0]}
        out["help"] = {"text": help_text, "markdown": help_text}
    return out


def result(
    rule_id: str,
    rule_index: int,
    level: str,
    message: str,
    locations: list[SarifObject],
    *,
    fingerprint: str | None = None,
    related: list[SarifObject] | None = None,
    suppressions: list[SarifObject] | None = None,
    properties: SarifObject | None = None,
) -> SarifObject:
    """One ``result``; ``level`` is ``error``, ``warning``, ``note`` or ``none``."""
    out: SarifObject = {
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": message},
        "locations": locations,
    }
    if fingerprint is not None:
        out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    if related:
        out["relatedLocations"] = related
    if suppressions is not None:
        out["suppressions"] = suppressions
    if properties:
        out["properties"] = properties
    return out


def sarif_log(rules: list[SarifObject], results: list[SarifObject], *, version: str) -> SarifObject:
    """A complete SARIF log with one run of ``checker`` ``version``."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": version,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def dumps(log: SarifObject) -> str:
    """Deterministic JSON text of a SARIF log."""
    return dumps_canonical(log)


def suppressions_for(finding: Finding) -> list[SarifObject] | None:
    """The editor's decision as a suppression; ``None`` when undecided or confirmed."""
    review = finding.review
    if review is None or review.decision not in SUPPRESSION_STATUS:
        return None
    justification = f"{review.decision.value} by {review.reviewer}"
    if review.note:
        justification += f": {review.note}"
    return [
        {
            "kind": "external",
            "status": SUPPRESSION_STATUS[review.decision],
            "justification": justification,
        }
    ]


def finding_level(finding: Finding) -> str:
    """The SARIF level of a flagged finding (see :data:`LEVELS`)."""
    if finding.verdict is Verdict.CONTRADICTION and finding.uncertain:
        return UNCERTAIN_LEVEL
    return LEVELS[finding.verdict]


def finding_result(finding: Finding, rule_index: int) -> SarifObject:
    """One result; an update's claims in time order (the earliest is the location)."""
    first, *others = timeline(finding) if finding.verdict is Verdict.UPDATE else finding.claims
    properties: SarifObject = {
        "verdict": finding.verdict.value,
        "category": finding.category,
        "fact": finding.fact,
        "sources": finding.sources,
        "independentSources": finding.independent_sources,
        "uncertain": finding.uncertain,
    }
    if finding.confidence is not None:
        properties["confidence"] = finding.confidence
    if finding.identity:
        properties["identity"] = [slot.model_dump(mode="json") for slot in finding.identity]
    if finding.verdict is Verdict.UPDATE:
        properties["asOf"] = [claim.as_of for claim in (first, *others)]
    return result(
        finding.rule,
        rule_index,
        finding_level(finding),
        finding_message(finding),
        [claim_location(first)],
        fingerprint=finding.fingerprint,
        related=[claim_location(c, location_id=i) for i, c in enumerate(others, start=1)],
        suppressions=suppressions_for(finding),
        properties=properties,
    )


def rule_help(rule_id: str) -> str:
    """A comparison rule's documentation: its docstring (empty for an unknown code)."""
    found = REGISTRY.get(rule_id)
    return inspect.cleandoc(found.__doc__ or "") if found is not None else ""


def render(report: Report) -> str:
    """The SARIF log of a report: contradictions, updates and variances (report order),
    rules sorted by id."""
    flagged = [f for f in report.findings if f.verdict in LEVELS]
    names: dict[str, tuple[str, Verdict]] = {}
    for finding in flagged:
        names.setdefault(finding.rule, (finding.rule_name, finding.verdict))
    rule_ids = sorted(names)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [
        rule(
            rid,
            names[rid][0],
            names[rid][0],
            level=LEVELS[names[rid][1]],
            help_text=rule_help(rid),
        )
        for rid in rule_ids
    ]
    results = [finding_result(f, index[f.rule]) for f in flagged]
    return dumps(sarif_log(rules, results, version=report.checker_version))
