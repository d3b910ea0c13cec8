"""JSON Schema export for the published files (claims, report, decisions)."""

from __future__ import annotations

import json
from typing import Any

from checker.schema.claims import ClaimFile
from checker.schema.decisions import Decision
from checker.schema.findings import Report

_SCHEMA_ID = "https://checker.invalid/schema/{name}.json"


def _schema(model: type[ClaimFile] | type[Report] | type[Decision], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID.format(name=name),
        **schema,
    }


def claims_schema() -> dict[str, Any]:
    """JSON Schema of ``claims/<id>.json`` (written to ``claims/schema.json``).

    ``kind`` has a default in the models (so code need not repeat it) but is the
    union's discriminator, which pydantic requires in input: the schema says so.
    """
    schema = _schema(ClaimFile, "claims")
    for definition in schema["$defs"].values():
        kind = definition.get("properties", {}).get("kind", {})
        if "const" in kind and "kind" not in definition.get("required", []):
            definition["required"] = ["kind", *definition.get("required", [])]
    return schema


def report_schema() -> dict[str, Any]:
    """JSON Schema of ``reports/consistency.json``."""
    return _schema(Report, "report")


def decision_schema() -> dict[str, Any]:
    """JSON Schema of one line of ``reports/review.jsonl``."""
    return _schema(Decision, "decision")


def schema_text(schema: dict[str, Any]) -> str:
    """Canonical serialisation: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
