"""The shipped CI files call commands and options that exist, on the right paths."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "consistency.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"


def checker_commands(script: str) -> list[list[str]]:
    script = re.sub(r"\$\{\{[^}]*\}\}", "REF", script)
    commands = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "checker":
            commands.append([w for w in words[1:] if w not in ("||", "status=$?")])
    return commands


def test_workflow_runs_real_commands_on_pull_requests() -> None:
    workflow: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    trigger = workflow[True]["pull_request"]["paths"]  # YAML 1.1 reads `on` as True
    assert set(trigger) == {"seeds/**", "claims/**", "reports/review.jsonl"}
    steps = workflow["jobs"]["gate"]["steps"]
    commands = [c for step in steps for c in checker_commands(step.get("run", ""))]
    assert ["gate", "--format", "github", "--since", "origin/REF"] in commands
    parser = build_parser()
    for command in commands:
        parser.parse_args(command)  # exits (SystemExit) on an unknown option
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "checker-artefacts/"


@pytest.mark.parametrize(
    ("hook", "path", "runs"),
    [
        ("checker-validate", "seeds/a.txt", True),
        ("checker-validate", "seeds/a.toml", True),
        ("checker-validate", "claims/a.json", True),
        ("checker-validate", "claims/schema.json", False),
        ("checker-validate", "README.md", False),
        ("checker-gate", "reports/review.jsonl", True),
        ("checker-gate", "seeds/a.txt", True),
        ("checker-gate", "reports/consistency.json", False),
    ],
)
def test_hooks_run_on_the_right_files(hook: str, path: str, runs: bool) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    spec = hooks[hook]
    matched = re.search(spec["files"], path) is not None
    excluded = "exclude" in spec and re.search(spec["exclude"], path) is not None
    assert (matched and not excluded) is runs
    entry = shlex.split(spec["entry"])
    assert entry[0] == "checker"
    build_parser().parse_args(entry[1:])
    assert spec.get("pass_filenames", True) is (hook == "checker-validate")
