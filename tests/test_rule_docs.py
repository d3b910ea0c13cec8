"""Rule documentation comes from the docstrings: `checker rule CODE` prints it and
docs/rules.md is its Markdown rendering, kept current."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main
from checker.cli.rule_cmd import catalogue, markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_every_rule_is_documented() -> None:
    rules = catalogue()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert {"Q001", "C101", "G101"} <= set(codes)
    for rule in rules:
        assert rule.name and len(rule.doc) > 20, rule.code


def test_docs_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is out of date: run `checker rule --markdown > docs/rules.md`"
    )


def test_checker_rule_prints_one_rule_and_refuses_an_unknown_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rule", "c101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C101 quantity mismatch (compare)") and "interval" in out
    assert main(["rule", "Z999"]) == 2
    assert "unknown rule 'Z999'" in capsys.readouterr().err
