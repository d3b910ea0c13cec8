"""Gate checks on claims/ and review.jsonl that warn without failing, and the
mapping of pre-commit file names to seeds."""

from __future__ import annotations

import json
from pathlib import Path

from checker.config import load_settings
from checker.gate.claims_files import seeds_of_paths
from tests.gate.conftest import Cli

SEED = "003_ee9c65c083d41239"


def test_orphan_claims_file_warns_but_passes(repo: Path, cli: Cli) -> None:
    (repo / "claims" / "gone.json").write_text("{}", encoding="utf-8")
    outcome = cli("gate")
    assert outcome.code == 0
    assert "claims/gone.json: warning G005 orphan-claims" in outcome.out
    assert cli("validate", "claims/gone.json").code == 0


def test_other_extractor_version_warns(repo: Path, cli: Cli) -> None:
    path = repo / "claims" / f"{SEED}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["extractor_version"] = "0.0.0-old"
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    outcome = cli("gate")
    assert outcome.code == 0
    assert f"claims/{SEED}.json:" in outcome.out and "warning G004 old-extractor" in outcome.out


def test_unreadable_decision_line_warns_with_its_line(repo: Path, cli: Cli) -> None:
    review = repo / "reports" / "review.jsonl"
    review.write_text('{"fingerprint": "x"}\n', encoding="utf-8")
    outcome = cli("gate")
    assert outcome.code == 0
    assert "reports/review.jsonl:1: warning G006 unreadable-decision" in outcome.out


def test_claims_file_of_another_seed_is_invalid(repo: Path, cli: Cli) -> None:
    path = repo / "claims" / f"{SEED}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["seed"] = "004_ceedfd409654c304"
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    outcome = cli("gate")
    assert outcome.code == 1 and "invalid at /seed" in outcome.out


def test_pre_commit_paths_map_to_seeds(seed_root: Path) -> None:
    settings = load_settings(seed_root)
    seeds = seed_root / "seeds"
    claims = seed_root / "claims"
    ids, orphans = seeds_of_paths(
        settings,
        [
            seeds / f"{SEED}.txt",
            seeds / f"{SEED}.toml",
            claims / "004_ceedfd409654c304.json",
            claims / "schema.json",
            claims / "lost.json",
            seed_root / "README.md",
            seeds / "nested" / "x.txt",
        ],
    )
    assert ids == [SEED, "004_ceedfd409654c304"]
    assert orphans == ["lost"]


def test_validating_a_file_that_does_not_exist_is_an_input_error(repo: Path, cli: Cli) -> None:
    outcome = cli("validate", "seeds/nosuch.txt")
    assert outcome.code == 2
    assert "seeds/nosuch.txt: no such file" in outcome.err
