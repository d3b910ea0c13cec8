"""The published JSON Schemas are generated from the models and kept current."""

from __future__ import annotations

import json
import subprocess
import sys

from checker.schema.export import claims_schema, schema_text
from tests.conftest import REPO


def test_committed_claims_schema_is_current() -> None:
    committed = (REPO / "claims" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(claims_schema()), (
        "claims/schema.json is out of date: run `checker schema > claims/schema.json`"
    )


def test_schema_command_prints_the_claims_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "checker", "schema"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out)["$id"].endswith("/claims.json")
    assert out == schema_text(claims_schema())
