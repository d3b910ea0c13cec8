"""Stories: a sidecar ``story`` is kept; other articles are grouped automatically by the
names and terms they share within a time window, deterministically, and one article
that links to two stories does not merge them.

The articles below are invented for these tests (no real event).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.config import StorySettings, load_settings
from checker.corpus import read_sidecar
from checker.errors import CheckerError
from checker.match.stories import Stories, group_stories
from checker.pipeline import extract, load_claim_files
from checker.schema import ClaimFile

FERRY = {
    "ferry_a": (
        "Ferry sinks off Kavala coast, 41 missing",
        "2031-03-09",
        "The passenger ferry Aegean Pearl sank off the coast of Kavala on Sunday with 212 "
        "people on board, the Hellenic Coast Guard said. At least 41 passengers are still "
        "missing. Captain Nikos Vardakis told rescuers that the hull cracked in heavy "
        "swell. Among the survivors were 30 tourists from Brazil.",
    ),
    "ferry_b": (
        "Rescuers search for survivors of the Aegean Pearl",
        "2031-03-10",
        "Divers from the Hellenic Coast Guard resumed the search for the missing passengers "
        "of the Aegean Pearl near Kavala. The ferry went down in rough seas late on Sunday "
        "evening. Officials said 171 people were rescued and taken to hospitals in Kavala. "
        "The ship's captain, Nikos Vardakis, has been questioned by prosecutors.",
    ),
    "ferry_c": (
        "Greek prosecutors open inquiry into Kavala ferry disaster",
        "2031-03-11",
        "Prosecutors in Kavala opened an inquiry into the sinking of the Aegean Pearl, "
        "which capsized with 212 passengers and crew. The coast guard said the vessel had "
        "passed its last safety inspection in 2029. Relatives of the missing gathered at "
        "the port, where Vardakis was seen leaving the coast guard office.",
    ),
}

CUP = {
    "cup_a": (
        "Rio Verde lift the Andean Cup after extra time",
        "2031-03-09",
        "Rio Verde beat Club Atletico Montserrat 2-1 after extra time in the Andean Cup "
        "final in Quito on Sunday. Striker Tomas Ilabaca scored the winning goal in the "
        "113th minute in front of 38,000 fans. Montserrat coach Pablo Durango said his "
        "players had given everything. The winners will play 2 friendlies in Brazil in April.",
    ),
    "cup_b": (
        "Ilabaca the hero as Rio Verde win the cup final",
        "2031-03-10",
        "Tomas Ilabaca headed in a corner with seven minutes of extra time left to give "
        "Rio Verde the Andean Cup at the Estadio Quito. Montserrat had equalised through a "
        "late penalty. A crowd of about 38,000 watched the final on Sunday night, and "
        "Durango praised the striker afterwards.",
    ),
    "cup_c": (
        "Rio Verde fans celebrate Andean Cup triumph",
        "2031-03-11",
        "Thousands of Rio Verde supporters filled the streets of Quito to celebrate the "
        "club's first Andean Cup, won 2-1 against Montserrat after extra time. The squad "
        "paraded the trophy on an open-top bus. Ilabaca, whose late goal decided the "
        "final, was carried on the shoulders of fans.",
    ),
}

# Mentions both stories: a minute of silence for the ferry's victims before the final.
BRIDGE = {
    "bridge": (
        "Minute of silence for Aegean Pearl victims at the Andean Cup final",
        "2031-03-10",
        "Players of Rio Verde and Montserrat observed a minute of silence in Quito before "
        "the Andean Cup final for the victims of the Aegean Pearl ferry, which sank off "
        "Kavala with 212 people on board. Ilabaca wore a black armband, and the Hellenic "
        "Coast Guard thanked the clubs for the gesture.",
    ),
}


def _write_root(
    root: Path,
    articles: Mapping[str, tuple[str, str, str]],
    stories: Mapping[str, str] | None = None,
) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for ident, (title, published, text) in articles.items():
        (seeds / f"{ident}.txt").write_text(text + "\n", "utf-8")
        lines = [f"title = {json.dumps(title)}", f"published = {published}"]
        if stories and ident in stories:
            lines.append(f"story = {json.dumps(stories[ident])}")
        (seeds / f"{ident}.toml").write_text("\n".join(lines) + "\n", "utf-8")
    return root


def _claims(
    root: Path,
    articles: Mapping[str, tuple[str, str, str]],
    stories: Mapping[str, str] | None = None,
) -> list[ClaimFile]:
    settings_ = load_settings(_write_root(root, articles, stories))
    extract(settings_)
    return load_claim_files(settings_)


def _partition(stories: Stories) -> set[frozenset[str]]:
    return {frozenset(seeds) for seeds in stories.groups().values()}


DEFAULTS = StorySettings()


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> list[ClaimFile]:
    return _claims(tmp_path_factory.mktemp("two"), {**FERRY, **CUP})


@pytest.fixture(scope="module")
def with_bridge(tmp_path_factory: pytest.TempPathFactory) -> list[ClaimFile]:
    return _claims(tmp_path_factory.mktemp("bridge"), {**FERRY, **CUP, **BRIDGE})


def test_unrelated_stories_are_separated_and_each_is_grouped(
    two_stories: list[ClaimFile],
) -> None:
    # Both stories happen on a Sunday and mention Brazil; the wording differs from
    # article to article within each story.
    stories = group_stories(two_stories, DEFAULTS)
    assert _partition(stories) == {frozenset(FERRY), frozenset(CUP)}
    for seed in [*FERRY, *CUP]:
        why = stories.why(seed)
        assert why.reason == "linked"
        assert why.linked_to is not None and why.linked_to != seed
        assert stories[why.linked_to] == stories[seed]
        assert why.shared and why.similarity is not None
        assert why.similarity >= DEFAULTS.threshold
    assert "kavala" in stories.why("ferry_a").shared
    assert "andean" in stories.why("cup_a").shared


def test_story_ids_are_a_slug_of_shared_names_and_a_hash(two_stories: list[ClaimFile]) -> None:
    stories = group_stories(two_stories, DEFAULTS)
    ferry, cup = stories["ferry_a"], stories["cup_a"]
    for story in (ferry, cup):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{6}", story), story
    assert "kavala" in ferry or "aegean" in ferry or "pearl" in ferry
    assert "rio" in cup or "ilabaca" in cup or "andean" in cup


def test_a_bridging_article_does_not_merge_two_stories(with_bridge: list[ClaimFile]) -> None:
    stories = group_stories(with_bridge, DEFAULTS)
    assert stories["ferry_a"] != stories["cup_a"]
    groups = _partition(stories)
    assert frozenset(FERRY) <= next(g for g in groups if "ferry_a" in g)
    assert frozenset(CUP) <= next(g for g in groups if "cup_a" in g)
    # it joins at most one of them
    assert sum("bridge" in g for g in groups) == 1


def test_the_bridge_would_chain_the_stories_under_single_linkage(
    with_bridge: list[ClaimFile],
) -> None:
    # The bridge does link to both stories on its own: average linkage is what keeps
    # them apart, not a weak bridge.
    stories = group_stories(with_bridge, DEFAULTS)
    alone = group_stories([f for f in with_bridge if f.seed in {"bridge", "ferry_a"}], DEFAULTS)
    assert alone["bridge"] == alone["ferry_a"]
    other = group_stories([f for f in with_bridge if f.seed in {"bridge", "cup_a"}], DEFAULTS)
    assert other["bridge"] == other["cup_a"]
    assert stories["ferry_a"] != stories["cup_a"]


def test_sidecar_story_is_kept(tmp_path: Path) -> None:
    # ferry_c is put with the cup articles by its sidecar; cup_c names its own story.
    named = {"ferry_c": "Andean Cup 2031", "cup_a": "Andean Cup 2031", "cup_c": "cup-fans"}
    files = _claims(tmp_path, {**FERRY, **CUP}, named)
    stories = group_stories(files, DEFAULTS)
    assert stories["ferry_c"] == stories["cup_a"] == "Andean Cup 2031"
    assert stories["cup_c"] == "cup-fans"
    for seed in named:
        assert stories.why(seed).reason == "sidecar"
        assert stories.why(seed).describe() == f"sidecar: story = {named[seed]!r}"
    # the others join the named story whose articles they are most like: a new article
    # added to a root whose articles name their story is compared with them
    assert stories["cup_b"] == "cup-fans"
    assert stories["ferry_a"] == stories["ferry_b"] == "Andean Cup 2031"
    assert stories.why("cup_b").reason == "linked"
    assert stories.why("cup_b").linked_to == "cup_c"


def test_unnamed_articles_unlike_every_named_story_are_grouped_among_themselves(
    tmp_path: Path,
) -> None:
    files = _claims(tmp_path, {**FERRY, **CUP}, {"cup_c": "cup-fans"})
    stories = group_stories(files, DEFAULTS)
    assert stories["cup_a"] == stories["cup_b"] == "cup-fans"
    assert stories["ferry_a"] == stories["ferry_b"] == stories["ferry_c"] != "cup-fans"


def test_an_article_that_links_to_nothing_is_a_story_of_its_own(tmp_path: Path) -> None:
    files = _claims(tmp_path, {**FERRY, "cup_a": CUP["cup_a"]})
    stories = group_stories(files, DEFAULTS)
    assert stories.why("cup_a").reason == "alone"
    assert stories.seeds(stories["cup_a"]) == ["cup_a"]
    assert len(stories.groups()) == 2


def test_articles_further_apart_than_the_window_are_separate(tmp_path: Path) -> None:
    late = ("Aegean Pearl inquiry: captain charged", "2031-06-20", FERRY["ferry_c"][2])
    files = _claims(tmp_path, {**FERRY, "ferry_late": late})
    stories = group_stories(files, DEFAULTS)
    assert stories["ferry_late"] != stories["ferry_a"] == stories["ferry_c"]
    wide = group_stories(files, StorySettings(window_days=365))
    assert len(wide.groups()) == 1


def test_an_unknown_date_does_not_constrain(two_stories: list[ClaimFile]) -> None:
    undated = [
        f.model_copy(update={"article": f.article.model_copy(update={"published": None})})
        for f in two_stories
    ]
    assert _partition(group_stories(undated, DEFAULTS)) == {frozenset(FERRY), frozenset(CUP)}


def test_threshold_one_keeps_every_article_alone(two_stories: list[ClaimFile]) -> None:
    stories = group_stories(two_stories, StorySettings(threshold=1.0))
    assert len(stories.groups()) == len(two_stories)
    assert {stories.why(s).reason for s in stories} == {"alone"}


def test_a_large_story_stays_one_past_the_blocking_caps(two_stories: list[ClaimFile]) -> None:
    # 150 copies each of two wordings of the ferry story: every article's blocking
    # neighbours are copies of its own wording, so the two halves meet only when the
    # groups themselves are compared.
    by_seed = {f.seed: f for f in two_stories}
    copies = [
        by_seed[seed].model_copy(update={"seed": f"{seed}_{n:03d}"})
        for seed in ("ferry_a", "ferry_b", "cup_a")
        for n in range(150)
    ]
    stories = group_stories(copies, DEFAULTS)
    ferry = {s for s in stories if s.startswith("ferry")}
    assert _partition(stories) == {frozenset(ferry), frozenset(set(stories) - ferry)}


def test_same_input_same_ids_in_any_order(with_bridge: list[ClaimFile]) -> None:
    first = group_stories(with_bridge, DEFAULTS)
    again = group_stories(list(reversed(with_bridge)), DEFAULTS)
    assert dict(first) == dict(again)
    assert first.memberships == again.memberships


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_permuting_the_claim_files_never_changes_the_stories(
    with_bridge: list[ClaimFile], data: st.DataObject
) -> None:
    order: Sequence[ClaimFile] = data.draw(st.permutations(with_bridge))
    threshold = data.draw(st.sampled_from([0.05, DEFAULTS.threshold, 0.3]))
    chosen = StorySettings(threshold=threshold)
    assert group_stories(order, chosen) == group_stories(with_bridge, chosen)


# -- the sidecar key and the configuration ---------------------------------------------


def test_sidecar_story_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('outlet = "X"\nstory = "Kavala ferry"\n', "utf-8")
    assert read_sidecar(path).story == "Kavala ferry"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('""', "story must be a non-empty string of at most 200 characters (got empty)"),
        ('"   "', "story must be a non-empty string of at most 200 characters (got empty)"),
        (json.dumps("x" * 201), "at most 200 characters (got 201 characters)"),
        ("3", "story must be a string"),
    ],
)
def test_a_bad_sidecar_story_is_an_error_with_its_line(
    tmp_path: Path, value: str, problem: str
) -> None:
    path = tmp_path / "a.toml"
    path.write_text(f'outlet = "X"\nstory = {value}\n', "utf-8")
    with pytest.raises(CheckerError) as caught:
        read_sidecar(path)
    assert problem in str(caught.value)
    assert ":2:" in str(caught.value)


def test_story_settings_come_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.checker.stories]\nthreshold = 0.4\nwindow_days = 7\n", "utf-8"
    )
    assert load_settings(tmp_path).stories == StorySettings(threshold=0.4, window_days=7)
    (tmp_path / "pyproject.toml").write_text("[tool.checker.stories]\nthreshold = 2\n", "utf-8")
    with pytest.raises(CheckerError, match=r"stories\.threshold"):
        load_settings(tmp_path)


# -- checker stories -----------------------------------------------------------------------


def _checker(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_stories_command_lists_stories_articles_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    _claims(root, {**FERRY, **CUP}, {"cup_c": "cup-fans"})
    code, out, err = _checker(capsys, "stories", "--root", str(root))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2 stories, 6 articles"
    assert "cup-fans (3 articles)" in lines
    assert re.search(r"^  cup_c +sidecar: story = 'cup-fans'$", out, re.MULTILINE)
    assert re.search(r"^  ferry_a +linked to ferry_\w \(similarity 0\.\d\d\): ", out, re.M)

    code, as_json, err = _checker(capsys, "stories", "--root", str(root), "--format", "json")
    assert code == 0, err
    data = json.loads(as_json)
    ids = [story["id"] for story in data["stories"]]
    assert ids == sorted(ids) and "cup-fans" in ids
    seeds = {m["seed"]: m for story in data["stories"] for m in story["seeds"]}
    assert sorted(seeds) == sorted([*FERRY, *CUP])
    assert seeds["cup_c"]["reason"] == "sidecar"
    assert seeds["ferry_b"]["reason"] == "linked"
    assert seeds["ferry_b"]["linked_to"] in FERRY
    # byte-identical on a second run
    assert _checker(capsys, "stories", "--root", str(root), "--format", "json")[1] == as_json


def test_stories_command_warns_when_a_sidecar_story_changed_since_extraction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _claims(tmp_path, {"ferry_a": FERRY["ferry_a"]})
    with (tmp_path / "seeds" / "ferry_a.toml").open("a", encoding="utf-8") as handle:
        handle.write('story = "ferry"\n')
    code, _, err = _checker(capsys, "stories", "--root", str(tmp_path))
    assert code == 0
    assert "seeds/ferry_a.toml: story changed since extraction" in err


def test_stories_command_without_claims_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_root(tmp_path, {"ferry_a": FERRY["ferry_a"]})
    code, _, err = _checker(capsys, "stories", "--root", str(tmp_path))
    assert code == 2
    assert "run `checker extract`" in err
