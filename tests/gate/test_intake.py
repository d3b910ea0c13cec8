"""``checker add``: safe ids, sidecar TOML, refusals (nothing written), rollback."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.config import load_settings
from checker.corpus import SEED_ID, read_sidecar
from checker.errors import CheckerError
from checker.gate.intake import SeedMeta, add_seed, check_id, safe_id, sidecar_text, toml_string
from tests.gate.conftest import Cli

anything = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@given(anything)
def test_safe_id_is_a_valid_seed_id_or_refused(name: str) -> None:
    try:
        ident = safe_id(name)
    except CheckerError:
        return
    assert SEED_ID.match(ident)
    assert "/" not in ident and "\\" not in ident and ".." not in ident
    assert len(ident) <= 100


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Türkiye Today – Nov. 9.txt", "Turkiye-Today-Nov.-9"),
        ("../../etc/passwd", "passwd"),
        ("..hidden...txt", "hidden"),
        ("report.final.TXT", "report.final"),
        ("a/b\\c d.txt", "b-c-d"),
    ],
)
def test_safe_id_examples(name: str, expected: str) -> None:
    assert safe_id(name) == expected


@pytest.mark.parametrize("name", ["", "....txt", "---", "日本語.txt"])
def test_safe_id_refuses_names_with_nothing_usable(name: str) -> None:
    with pytest.raises(CheckerError, match="--id"):
        safe_id(name)


@pytest.mark.parametrize("ident", ["../x", "a/b", "a..b", ".x", "", "x" * 101, "a b"])
def test_given_ids_are_checked_not_rewritten(ident: str) -> None:
    with pytest.raises(CheckerError, match="--id"):
        check_id(ident)


@given(anything)
def test_toml_strings_round_trip(value: str) -> None:
    assert tomllib.loads(f"x = {toml_string(value)}")["x"] == value


def test_sidecar_is_read_back_by_the_corpus(tmp_path: Path) -> None:
    meta = SeedMeta(
        outlet='The "Daily"\n', url="https://x.invalid/a?b=c", published=dt.date(2021, 11, 9)
    )
    path = tmp_path / "a.toml"
    path.write_text(sidecar_text(meta), encoding="utf-8")
    read = read_sidecar(path)
    assert (read.outlet, read.url, read.published) == (meta.outlet, meta.url, meta.published)
    assert read.wire is None


@pytest.fixture
def root(seed_root: Path) -> Path:
    for seed in (seed_root / "seeds").iterdir():
        seed.chmod(0o644)
    return seed_root


def test_add_copies_byte_for_byte_and_extracts(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "new one.txt"
    source.write_bytes("Line one.\r\nÉdition \u2028two.\n".encode())
    result = add_seed(load_settings(root), source, meta=SeedMeta(wire="AA"))
    assert result.seed == "new-one"
    assert (root / "seeds" / "new-one.txt").read_bytes() == source.read_bytes()
    assert tomllib.loads((root / "seeds" / "new-one.toml").read_text())["wire"] == "AA"
    assert (root / "claims" / "new-one.json").is_file()
    assert (root / "reports" / "consistency.json").is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"caf\xe9\n", "not UTF-8"),
        (b"a\x00b", "NUL"),
    ],
)
def test_add_refuses_bad_articles(root: Path, tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    before = sorted(p.name for p in (root / "seeds").iterdir())
    with pytest.raises(CheckerError, match=message):
        add_seed(load_settings(root), source)
    assert sorted(p.name for p in (root / "seeds").iterdir()) == before
    assert not (root / "claims").exists()


def test_add_refuses_to_overwrite(root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    existing = root / "seeds" / "000_188add32cb956324.txt"
    original = existing.read_bytes()
    outcome = cli("add", str(existing))
    assert outcome.code == 2 and "already exists" in outcome.err
    assert existing.read_bytes() == original
    (root / "seeds" / "other.toml").write_text('outlet = "x"\n', encoding="utf-8")
    outcome = cli("add", str(existing), "--id", "other")
    assert outcome.code == 2 and "other.toml: already exists" in outcome.err
    assert not (root / "seeds" / "other.txt").exists()


def test_add_rejects_a_bad_date(root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit) as exc:
        cli("add", "x.txt", "--published", "9 Nov 2021")
    assert exc.value.code == 2


def test_add_rolls_back_when_extraction_fails(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import pipeline

    real_extract = pipeline.extract

    def failing(settings, ids=None, **kwargs):  # type: ignore[no-untyped-def]
        if ids:
            raise CheckerError("extraction failed", path=ids[0])
        return real_extract(settings, ids, **kwargs)

    monkeypatch.setattr(pipeline, "extract", failing)
    source = tmp_path / "fine.txt"
    source.write_text("A fine article.\n", encoding="utf-8")
    with pytest.raises(CheckerError, match="extraction failed"):
        add_seed(load_settings(root), source, meta=SeedMeta(outlet="X"))
    assert not (root / "seeds" / "fine.txt").exists()
    assert not (root / "seeds" / "fine.toml").exists()


def test_diff_reports_tells_new_verdicts_from_joined_ones() -> None:
    from checker.gate.intake import diff_reports
    from tests.gate.factories import finding, report

    agreed = finding("agreement", {"a": "300", "b": "300"}, fact="settlements")
    varied = finding("variance", {"a": "44", "b": "44"}, fact="days")
    clash = finding("contradiction", {"a": "9", "b": "10"}, fact="date")
    before = report(agreed, varied, clash)
    # The new seed turns the agreement into a contradiction, joins the variance and
    # the existing contradiction, and adds a variance with a fact nobody else had.
    after = report(
        finding("contradiction", {"a": "300", "b": "300", "new": "250"}, fact="settlements"),
        finding("variance", {"a": "44", "b": "44", "new": "44"}, fact="days"),
        finding("contradiction", {"a": "9", "b": "10", "new": "10"}, fact="date"),
        finding("variance", {"new": "5", "c": "5"}, fact="fresh"),
    )
    changes = diff_reports(before, after, "new", decided={clash.fingerprint})
    assert [f.fact for f in changes.contradictions] == ["settlements"]
    assert [f.fact for f in changes.variances] == ["fresh"]
    assert [f.fact for f in changes.corroborated] == ["days", "fresh"]
    assert changes.changed_decisions == [clash.fingerprint]


def test_diff_reports_lists_the_updates_a_seed_brings() -> None:
    from checker.gate.intake import diff_reports
    from tests.gate.factories import finding, report

    toll = finding("agreement", {"a": "150", "b": "150"}, fact="toll")
    before = report(toll)
    rising = finding("update", {"a": "150", "b": "150", "new": "381"}, fact="toll")
    joined = finding("update", {"c": "1", "d": "2", "new": "3"}, fact="votes")
    after = report(rising, joined)
    prior = report(toll, finding("update", {"c": "1", "d": "2"}, fact="votes"))
    changes = diff_reports(prior, after, "new", decided=set())
    assert [f.fact for f in changes.updates] == ["toll"]  # "votes" was an update already
    assert [f.fact for f in changes.corroborated] == ["toll", "votes"]
    assert changes.contradictions == [] and changes.variances == []
    assert [f.fact for f in diff_reports(before, after, "new", set()).updates] == ["toll", "votes"]


def test_add_describes_updates_and_uncertain_contradictions(tmp_path: Path) -> None:
    from checker.cli.add_cmd import describe
    from checker.gate.intake import AddResult, Changes
    from checker.schema import Finding
    from tests.gate.factories import finding, report

    sure = finding("contradiction", {"a": "300", "new": "250"}, fact="settlements", confidence=0.9)
    unsure = finding(
        "contradiction", {"b": "12", "new": "30"}, fact="arrests", uncertain=True, confidence=0.4
    )
    rising = finding("update", {"a": "150", "new": "381"}, fact="soldiers killed")
    rising = rising.model_copy(
        update={
            "claims": [
                rising.claims[0].model_copy(update={"as_of": "2020-09-30"}),
                rising.claims[1].model_copy(update={"as_of": "2020-10-05"}),
            ]
        }
    )

    def result(*contradictions: Finding) -> AddResult:
        return AddResult(
            seed="new",
            seed_path=tmp_path / "seeds" / "new.txt",
            sidecar=None,
            report=report(),
            changes=Changes(contradictions=list(contradictions), updates=[rising]),
        )

    lines = describe(result(unsure, sure))
    assert "new contradictions: 2 (1 uncertain)" in lines
    facts = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert facts[0].startswith("  settlements [confidence 0.90]")  # confident first
    assert facts[1].startswith("  arrests [uncertain, confidence 0.40]")
    assert "new updates (one figure over time): 1" in lines
    assert "    150 settlements (30 Sep) \u2192 381 settlements (5 Oct)" in lines
    assert lines[-1].endswith("`checker gate` fails until then")

    only_unsure = describe(result(unsure))
    assert "they do not fail `checker gate`" in only_unsure[-1]
    assert describe(result(unsure), block_uncertain=True)[-1].endswith("fails until then")
    assert not describe(result())[-1].startswith("next:")
