"""The benchmark corpus generator: deterministic, distinct, and usable as a root."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import generate, main


def test_generate_is_deterministic_and_distinct() -> None:
    first = generate(30, seed=7)
    assert first == generate(30, seed=7)
    assert len({ident for ident, _ in first}) == 30
    assert len({text for _, text in first}) == 30
    assert first != generate(30, seed=8)


def test_cli_writes_a_seeds_folder(tmp_path: Path) -> None:
    assert main([str(tmp_path), "--n", "5", "--seed", "1"]) == 0
    written = sorted(p.stem for p in (tmp_path / "seeds").glob("*.txt"))
    assert written == sorted(ident for ident, _ in generate(5, seed=1))
