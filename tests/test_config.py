"""[tool.checker] -> Settings: defaults, overrides, and clear errors (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import load_settings
from checker.errors import CheckerError


def test_defaults_without_pyproject(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.tolerances.nearly == pytest.approx(0.10)
    assert settings.gate.block_on == ("unreviewed", "confirmed", "in_progress")
    assert settings.seeds_dir == tmp_path / "seeds"


def test_overrides_are_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.checker.tolerances]\nnearly = 0.2\n[tool.checker.gate]\nfail_on_variance = true\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.tolerances.nearly == pytest.approx(0.2)
    assert settings.gate.fail_on_variance is True


def test_malformed_toml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\nbroken line\n', "utf-8")
    with pytest.raises(CheckerError) as info:
        load_settings(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:4: invalid TOML")


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\ntolerance = 1\n", "utf-8")
    with pytest.raises(CheckerError, match=r"\[tool.checker\] tolerance: Extra inputs"):
        load_settings(tmp_path)


def test_out_of_range_value_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.checker.tolerances]\nnearly = 3\n", "utf-8")
    with pytest.raises(CheckerError, match=r"tolerances\.nearly"):
        load_settings(tmp_path)


def test_missing_alias_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\naliases = ["nope.toml"]\n', "utf-8")
    with pytest.raises(CheckerError, match=r"nope\.toml"):
        load_settings(tmp_path)
