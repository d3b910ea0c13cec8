"""Bad input through the CLI: one line naming the file (and line or pointer), exit 2,
no traceback, and nothing half-written in claims/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHECKER = Path(sys.executable).with_name("checker")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECKER), *args], capture_output=True, text=True, timeout=120, check=False
    )


def claims_files(root: Path) -> list[str]:
    folder = root / "claims"
    return sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []


def assert_input_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    for needle in needles:
        assert needle in message, message


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        (b"Caf\xe9 opened on Monday.\n", ("bad.txt:1", "not UTF-8")),
        (b"", ("bad.txt", "empty")),
        (b"  \n\n \n", ("bad.txt", "empty")),
        (b"PK\x03\x04\x00\x00binary", ("bad.txt:1", "binary")),
    ],
    ids=["not-utf8", "empty", "blank", "binary"],
)
def test_bad_seed(seed_root: Path, content: bytes, needles: tuple[str, ...]) -> None:
    (seed_root / "seeds" / "bad.txt").write_bytes(content)
    result = run("extract", "--root", str(seed_root))
    assert_input_error(result, *needles)
    assert claims_files(seed_root) == []  # the good seeds were not written either


def test_malformed_sidecar(seed_root: Path) -> None:
    (seed_root / "seeds" / "004_ceedfd409654c304.toml").write_text(
        'outlet = "Daily Sabah"\npublished = 2021-09-27\nwire = \n', encoding="utf-8"
    )
    result = run("extract", "--root", str(seed_root))
    assert_input_error(result, "004_ceedfd409654c304.toml:3", "invalid TOML")
    assert claims_files(seed_root) == []


def test_sidecar_metadata_wins_over_inference(seed_root: Path) -> None:
    (seed_root / "seeds" / "004_ceedfd409654c304.toml").write_text(
        'outlet = "Daily Sabah"\npublished = 2021-09-28\n', encoding="utf-8"
    )
    assert run("extract", "--root", str(seed_root)).returncode == 0
    data = json.loads((seed_root / "claims" / "004_ceedfd409654c304.json").read_text("utf-8"))
    assert data["article"]["published"] == "2021-09-28"
    assert "published" not in data["article"]["inferred"]
    assert data["article"]["outlet"] == "Daily Sabah"


def test_malformed_alias_file(seed_root: Path) -> None:
    (seed_root / "pyproject.toml").write_text(
        '[tool.checker]\naliases = ["aliases.toml"]\n', encoding="utf-8"
    )
    (seed_root / "aliases.toml").write_text('[country]\n"Turkey" = ["Türkiye"\n', encoding="utf-8")
    result = run("extract", "--root", str(seed_root))
    assert_input_error(result, "aliases.toml", "invalid TOML")
    assert claims_files(seed_root) == []


def test_alias_file_of_wrong_shape(seed_root: Path) -> None:
    (seed_root / "pyproject.toml").write_text(
        '[tool.checker]\naliases = ["aliases.toml"]\n', encoding="utf-8"
    )
    (seed_root / "aliases.toml").write_text('[country]\n"Turkey" = 3\n', encoding="utf-8")
    result = run("extract", "--root", str(seed_root))
    assert_input_error(result, "aliases.toml:2", "list of strings")


def test_claims_file_not_json(seed_root: Path) -> None:
    assert run("extract", "--root", str(seed_root)).returncode == 0
    path = seed_root / "claims" / "003_ee9c65c083d41239.json"
    path.write_text('{"seed": "003_ee9c65c083d41239",\n  "claims": [\n', encoding="utf-8")
    result = run("compare", "--root", str(seed_root))
    assert_input_error(result, "003_ee9c65c083d41239.json:3", "not valid JSON")


def test_claims_file_failing_the_schema(seed_root: Path) -> None:
    assert run("extract", "--root", str(seed_root)).returncode == 0
    path = seed_root / "claims" / "004_ceedfd409654c304.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(data["claims"]) if c["kind"] == "quantity")
    data["claims"][index]["value"] = "abc"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("compare", "--root", str(seed_root))
    assert_input_error(result, "004_ceedfd409654c304.json", f"/claims/{index}/value", "'abc'")


def test_extract_reports_extracted_and_skipped(seed_root: Path) -> None:
    first = run("extract", "--root", str(seed_root))
    assert first.returncode == 0 and "extracted 3, skipped 0" in first.stdout
    second = run("extract", "--root", str(seed_root))
    assert second.returncode == 0 and "extracted 0, skipped 3" in second.stdout
