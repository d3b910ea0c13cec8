"""How well automatic story grouping recovers the real stories of the real-news corpus.

    .venv/bin/python -m benchmarks.realnews.stories_check [--split dev|holdout|...|all]
                                [--threshold X] [--window-days N] [--sweep] [--verbose]

Builds one root holding every article of the chosen stories of
``benchmarks/realnews/stories/*.yaml`` (``split``: "dev", the stories tuned on, by
default; "holdout", those kept aside; "all") with sidecars from the manifest but
WITHOUT ``story``, under ``benchmarks/realnews/roots/_stories-<split>``,
extracts its claims (only what is new or stale), runs
:func:`checker.match.stories.group_stories`, and prints the pairwise precision and
recall of the predicted grouping against the true stories: over all pairs of articles,
precision = pairs put together that belong together / pairs put together, recall = pairs
put together that belong together / pairs that belong together. Also printed: the number
of predicted groups and those that mix two true stories. ``--sweep`` prints the figures
for a range of thresholds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checker.config import StorySettings, load_settings
from checker.match.stories import Stories, group_stories
from checker.pipeline import extract, load_claim_files
from checker.schema import ClaimFile

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
TEXTS = HERE / "texts"
ROOTS = HERE / "roots"
SIDECAR_KEYS = ("outlet", "url", "title", "published")


def manifests(split: str) -> list[dict[str, Any]]:
    """The story manifests of ``split`` ("dev", "holdout" or "all"), sorted by file."""
    chosen = []
    for path in sorted(STORIES.glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
        if split == "all" or str(data.get("split", "dev")) == split:
            chosen.append(data)
    return chosen


def true_stories(stories: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Article id -> its true story slug."""
    return {
        str(article["id"]): str(data["story"])
        for data in stories
        for article in data.get("articles") or []
    }


def _toml_value(value: object) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return json.dumps(str(value), ensure_ascii=False)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def build_root(root: Path, stories: Sequence[dict[str, Any]]) -> None:
    """Seeds and sidecars (no ``story``); files already current are left alone, so
    extraction only redoes what changed."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for data in stories:
        for article in data.get("articles") or []:
            ident = str(article["id"])
            source = TEXTS / str(data["story"]) / f"{ident}.txt"
            if not source.is_file():
                sys.exit(f"{source}: missing (restore the texts, see score.py)")
            _write_if_changed(seeds / f"{ident}.txt", source.read_text("utf-8"))
            lines = [
                f"{key} = {_toml_value(article[key])}"
                for key in SIDECAR_KEYS
                if article.get(key) not in (None, "")
            ]
            _write_if_changed(seeds / f"{ident}.toml", "\n".join(lines) + "\n")
            wanted.add(ident)
    for stale in seeds.iterdir():
        if stale.stem not in wanted:
            stale.unlink()


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    groups: int
    mixed: int  # predicted groups holding articles of two or more true stories


def score(stories: Mapping[str, str], truth: Mapping[str, str]) -> Figures:
    together = same = both = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        predicted = stories[a] == stories[b]
        actual = truth[a] == truth[b]
        together += predicted
        same += actual
        both += predicted and actual
    members: dict[str, set[str]] = {}
    for seed, story in stories.items():
        members.setdefault(story, set()).add(truth[seed])
    return Figures(
        precision=both / together if together else 1.0,
        recall=both / same if same else 1.0,
        groups=len(members),
        mixed=sum(len(slugs) > 1 for slugs in members.values()),
    )


def show(stories: Stories, truth: Mapping[str, str]) -> None:
    for story, seeds in stories.groups().items():
        slugs = Counter(truth[s] for s in seeds)
        label = ", ".join(f"{slug} x{n}" for slug, n in sorted(slugs.items()))
        flag = "  MIXED" if len(slugs) > 1 else ""
        print(f"{story}: {len(seeds)} article(s): {label}{flag}")
        for seed in seeds:
            why = stories.why(seed)
            print(f"    {seed} <- {why.describe()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "all"),
        default="dev",
    )
    parser.add_argument("--threshold", type=float, help="override [tool.checker.stories]")
    parser.add_argument("--window-days", type=int, help="override [tool.checker.stories]")
    parser.add_argument("--sweep", action="store_true", help="figures for several thresholds")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every group")
    args = parser.parse_args(argv)

    stories_of_split = manifests(args.split)
    if not stories_of_split:
        sys.exit(f"no {args.split} stories in {STORIES}")
    truth = true_stories(stories_of_split)
    root = ROOTS / f"_stories-{args.split}"
    build_root(root, stories_of_split)
    settings = load_settings(root)
    extract(settings)
    claim_files: list[ClaimFile] = load_claim_files(settings)
    base = settings.stories
    overrides: dict[str, object] = {}
    if args.threshold is not None:
        overrides["threshold"] = args.threshold
    if args.window_days is not None:
        overrides["window_days"] = args.window_days
    chosen = StorySettings.model_validate({**base.model_dump(), **overrides})

    print(f"{len(claim_files)} articles, {len(set(truth.values()))} true stories")
    if args.sweep:
        print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'groups':>6} {'mixed':>5}")
        for step in range(5, 61, 5):
            trial = chosen.model_copy(update={"threshold": step / 100})
            fig = score(group_stories(claim_files, trial), truth)
            print(
                f"{trial.threshold:>9.2f} {fig.precision:>9.3f} {fig.recall:>7.3f} "
                f"{fig.groups:>6} {fig.mixed:>5}"
            )
    stories = group_stories(claim_files, chosen)
    fig = score(stories, truth)
    if args.verbose:
        show(stories, truth)
    print(
        f"threshold {chosen.threshold:.2f}, window {chosen.window_days} days: "
        f"pairwise precision {fig.precision:.3f}, recall {fig.recall:.3f}, "
        f"{fig.groups} predicted groups ({fig.mixed} mixing two true stories)"
    )
    # A root holding one story only (the usual case) must keep it whole.
    split = []
    for slug in sorted(set(truth.values())):
        alone = group_stories([f for f in claim_files if truth[f.seed] == slug], chosen)
        if len(alone.groups()) > 1:
            split.append(f"{slug} ({len(alone.groups())} groups)")
    whole = len(set(truth.values())) - len(split)
    print(
        f"each story in a root of its own: {whole} of {len(set(truth.values()))} stay one "
        f"group{'; split: ' + ', '.join(split) if split else ''}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
