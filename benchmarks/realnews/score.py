"""Score a ``checker`` run against the annotated real-news corpus.

    .venv/bin/python -m benchmarks.realnews.score [--checker PATH] [--story SLUG ...]
                                                   [--json FILE] [--verbose]

The corpus is ``benchmarks/realnews/stories/<story>.yaml``: a manifest (url, outlet,
date, the search query that finds each article, the sha256 of its text) and a careful
reading of the story: its real contradictions (two sources, incompatible values for one
fact at one time) and its groups of compatible statements (one fact, other wording,
rounding, hedges, units, or a figure that rises over time). The texts belong to their
publishers and stay out of git, in ``benchmarks/realnews/texts/<story>/<id>.txt``
(see ``benchmarks/realnews/README.md`` to restore them).

For each story, a root of its own is built under ``benchmarks/realnews/roots/`` (seeds
plus sidecars from the manifest) and ``checker run`` is called on it as a user would
(``--checker`` picks another installation, e.g. an older checkout to measure
"before"). Then one root holds every story, to count contradictions that pair claims
of different stories. Printed per story and overall:

- ``reported``: contradictions reported (confident ones; ``uncertain`` counted apart);
- ``true``: reported contradictions whose claims cover an annotated contradiction
  (a claim of each side's seed overlapping the side's quote);
- ``precision`` = true / reported; ``caught``: annotated contradictions covered;
- ``false alarms``: reported contradictions that pair two members of one compatible
  group (wording, rounding, an update...), which must never happen;
- ``cross-story``: contradictions in the one-root run whose claims come from two stories.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
TEXTS = HERE / "texts"
ROOTS = HERE / "roots"
SIDECAR_KEYS = ("outlet", "url", "title", "published")


@dataclass(frozen=True)
class Side:
    """One side of an annotation: a seed and the quote (or the quotes, when the seed
    states the same value more than once) that hold the value."""

    seed: str
    quotes: tuple[str, ...]

    @property
    def quote(self) -> str:
        return self.quotes[0]


@dataclass
class Story:
    slug: str
    data: dict[str, Any]
    articles: list[dict[str, Any]]
    contradictions: list[tuple[list[Side], list[Side], str]]
    groups: list[tuple[list[Side], str, str]]


@dataclass
class Score:
    reported: int = 0
    uncertain: int = 0
    true: int = 0
    annotated: int = 0
    caught: int = 0
    caught_any: int = 0  # counting uncertain contradictions too
    false_alarms: int = 0
    groups: int = 0
    updates: int = 0
    false_findings: list[str] = field(default_factory=list)
    uncertain_findings: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "reported",
            "uncertain",
            "true",
            "annotated",
            "caught",
            "caught_any",
            "false_alarms",
            "groups",
            "updates",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.true / self.reported if self.reported else None

    @property
    def recall(self) -> float | None:
        return self.caught / self.annotated if self.annotated else None


def _side(raw: dict[str, Any]) -> Side:
    quote = raw["quote"]
    quotes = tuple(str(q) for q in quote) if isinstance(quote, list) else (str(quote),)
    return Side(str(raw["seed"]), quotes)


def _sides_of(raw: Any) -> list[Side]:
    """A side, or its alternatives: "7.9 here, against 7.8 in every other outlet" is one
    contradiction whose other side any of those outlets' quotes stands for."""
    return [_side(r) for r in raw] if isinstance(raw, list) else [_side(raw)]


def _contradictions(raw: list[dict[str, Any]]) -> list[tuple[list[Side], list[Side], str]]:
    return [(_sides_of(c["a"]), _sides_of(c["b"]), str(c.get("fact", ""))) for c in raw]


def load_stories(only: Sequence[str] = (), split: str = "dev") -> list[Story]:
    """The annotated stories: ``split`` "dev" (tuned on), "holdout" (kept aside), "all"."""
    stories = []
    for path in sorted(STORIES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        slug = str(data["story"])
        if only and slug not in only:
            continue
        if split != "all" and str(data.get("split", "dev")) != split:
            continue
        stories.append(
            Story(
                slug=slug,
                data=data,
                articles=list(data.get("articles") or []),
                contradictions=_contradictions(data.get("contradictions") or []),
                groups=[
                    (
                        [_side(m) for m in g["members"]],
                        str(g.get("fact", "")),
                        str(g.get("why", "")),
                    )
                    for g in data.get("compatible") or []
                ],
            )
        )
    return stories


def _toml_value(value: object) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def check_texts(stories: Iterable[Story]) -> list[str]:
    """Problems with the stored texts: missing, changed, or quotes not found in them."""
    problems = []
    for story in stories:
        for article in story.articles:
            path = TEXTS / story.slug / f"{article['id']}.txt"
            if not path.is_file():
                problems.append(f"{path}: missing (restore it, see README.md)")
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if article.get("sha256") and digest != article["sha256"]:
                problems.append(f"{path}: sha256 differs from the manifest")
        for side in _sides(story):
            path = TEXTS / story.slug / f"{side.seed}.txt"
            for quote in side.quotes:
                if path.is_file() and quote not in path.read_text("utf-8"):
                    problems.append(f"{story.slug}: quote not in {side.seed}: {quote!r}")
    return problems


def _sides(story: Story) -> Iterable[Side]:
    for a, b, _ in story.contradictions:
        yield from a
        yield from b
    for members, _, _ in story.groups:
        yield from members


def build_root(root: Path, stories: Iterable[Story], *, with_story: bool = False) -> None:
    if root.exists():
        shutil.rmtree(root)
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for story in stories:
        for article in story.articles:
            ident = article["id"]
            shutil.copyfile(TEXTS / story.slug / f"{ident}.txt", seeds / f"{ident}.txt")
            lines = [
                f"{key} = {_toml_value(article[key])}"
                for key in SIDECAR_KEYS
                if article.get(key) not in (None, "")
            ]
            if with_story:
                lines.append(f"story = {_toml_value(story.slug)}")
            (seeds / f"{ident}.toml").write_text("\n".join(lines) + "\n", "utf-8")


def run_checker(checker: str, root: Path) -> dict[str, Any]:
    done = subprocess.run(
        [checker, "run", "--root", str(root)], capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1) or not (root / "reports" / "consistency.json").is_file():
        sys.exit(f"checker failed on {root} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads((root / "reports" / "consistency.json").read_text("utf-8"))
    return report


class Locator:
    """Where each annotated quote lies in its seed (every occurrence)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache: dict[str, str] = {}

    def spans(self, side: Side) -> list[tuple[int, int]]:
        if side.seed not in self.cache:
            self.cache[side.seed] = (self.root / "seeds" / f"{side.seed}.txt").read_text("utf-8")
        text, found = self.cache[side.seed], []
        for quote in side.quotes:
            start = 0
            while (at := text.find(quote, start)) >= 0:
                found.append((at, at + len(quote)))
                start = at + 1
        return found

    def hits(self, claim: dict[str, Any], side: Side) -> bool:
        if claim["seed"] != side.seed:
            return False
        return any(claim["start"] < e and s < claim["end"] for s, e in self.spans(side))


def _covers(finding: dict[str, Any], a: list[Side], b: list[Side], loc: Locator) -> bool:
    """Whether a finding holds a claim of one side and a claim of the other."""
    claims = finding["claims"]
    return any(loc.hits(x, s) for x in claims for s in a) and any(
        loc.hits(y, s) for y in claims for s in b
    )


def _in_one_group(finding: dict[str, Any], members: list[Side], loc: Locator) -> bool:
    seeds = {c["seed"] for c in finding["claims"] if any(loc.hits(c, m) for m in members)}
    return len(seeds) >= 2


def _show(finding: dict[str, Any]) -> str:
    values = "; ".join(f"{c['seed'].split('-')[-1]}: {c['text']!r}" for c in finding["claims"])
    confidence = finding.get("confidence")
    sure = "" if confidence is None else f" (confidence {confidence:.2f})"
    return f"{finding['fact']}{sure} [{values}]"


def score_story(story: Story, report: dict[str, Any], loc: Locator) -> Score:
    score = Score(annotated=len(story.contradictions), groups=len(story.groups))
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    confident = [f for f in contradictions if not f.get("uncertain")]
    score.reported = len(confident)
    score.uncertain = len(contradictions) - len(confident)
    score.updates = sum(1 for f in report["findings"] if f["verdict"] == "update")
    for finding in confident:
        if any(_covers(finding, a, b, loc) for a, b, _ in story.contradictions):
            score.true += 1
            continue
        if any(_in_one_group(finding, members, loc) for members, _, _ in story.groups):
            score.false_alarms += 1
        score.false_findings.append(_show(finding))
    for finding in contradictions:
        if finding in confident:
            continue
        real = any(_covers(finding, a, b, loc) for a, b, _ in story.contradictions)
        score.uncertain_findings.append(("real " if real else "") + _show(finding))
    for a, b, fact in story.contradictions:
        if any(_covers(f, a, b, loc) for f in confident):
            score.caught += 1
        else:
            score.missed.append(f"{fact}: {a[0].seed} {a[0].quote!r} / {b[0].seed} {b[0].quote!r}")
        if any(_covers(f, a, b, loc) for f in contradictions):
            score.caught_any += 1
    return score


def cross_story(report: dict[str, Any], story_of: dict[str, str]) -> tuple[int, list[str]]:
    found = []
    for finding in report["findings"]:
        if finding["verdict"] != "contradiction" or finding.get("uncertain"):
            continue
        if len({story_of[c["seed"]] for c in finding["claims"]}) > 1:
            found.append(_show(finding))
    return len(found), found


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = str(Path(sys.executable).with_name("checker"))
    parser.add_argument("--checker", default=default, help="the checker executable")
    parser.add_argument("--story", nargs="*", default=(), help="only these story slugs")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list false and missed")
    parser.add_argument("--with-story", action="store_true", help="sidecars name the story")
    parser.add_argument(
        "--roots",
        type=Path,
        default=ROOTS,
        help="where the scratch roots are built (default benchmarks/realnews/roots; give each "
        "concurrent run its own)",
    )
    parser.add_argument(
        "--split",
        choices=("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "all"),
        default="dev",
        help="dev: the stories rules were tuned on; holdout: those kept aside (default dev)",
    )
    args = parser.parse_args(argv)

    stories = load_stories(args.story, args.split)
    if not stories:
        sys.exit(f"no stories in {STORIES}")
    problems = check_texts(stories)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2

    total = Score()
    rows: dict[str, dict[str, Any]] = {}
    header = (
        f"{'story':<28} {'arts':>4} {'annot':>5} {'rep':>4} {'true':>4} {'prec':>5} "
        f"{'caught':>6} {'recall':>6} {'false':>5} {'uncert':>6} {'update':>6}"
    )
    print(header)
    print("-" * len(header))
    for story in stories:
        root = args.roots / story.slug
        build_root(root, [story], with_story=args.with_story)
        report = run_checker(args.checker, root)
        score = score_story(story, report, Locator(root))
        total.add(score)
        rows[story.slug] = {
            "articles": len(story.articles),
            "annotated": score.annotated,
            "reported": score.reported,
            "true": score.true,
            "precision": score.precision,
            "caught": score.caught,
            "caught_with_uncertain": score.caught_any,
            "false_alarms_on_compatible_groups": score.false_alarms,
            "uncertain": score.uncertain,
            "updates": score.updates,
            "false": score.false_findings,
            "missed": score.missed,
        }
        print(
            f"{story.slug:<28} {len(story.articles):>4} {score.annotated:>5} "
            f"{score.reported:>4} {score.true:>4} {_ratio(score.precision):>5} "
            f"{score.caught:>6} {_ratio(score.recall):>6} {score.false_alarms:>5} "
            f"{score.uncertain:>6} {score.updates:>6}"
        )
        if args.verbose:
            for line in score.false_findings:
                print(f"    FALSE  {line[:220]}")
            for line in score.missed:
                print(f"    MISSED {line[:220]}")
            for line in score.uncertain_findings:
                print(f"    UNSURE {line[:220]}")
    articles = sum(len(s.articles) for s in stories)
    print("-" * len(header))
    print(
        f"{'all (one root per story)':<28} {articles:>4} {total.annotated:>5} "
        f"{total.reported:>4} {total.true:>4} {_ratio(total.precision):>5} "
        f"{total.caught:>6} {_ratio(total.recall):>6} {total.false_alarms:>5} "
        f"{total.uncertain:>6} {total.updates:>6}"
    )
    print(f"caught counting uncertain contradictions too: {total.caught_any}/{total.annotated}")

    one_root = args.roots / f"_all-{args.split}"
    build_root(one_root, stories, with_story=args.with_story)
    story_of = {a["id"]: s.slug for s in stories for a in s.articles}
    crossed, cross_list = cross_story(run_checker(args.checker, one_root), story_of)
    print(f"all stories in one root: {crossed} contradictions pair claims of different stories")
    if args.verbose:
        for line in cross_list:
            print(f"    CROSS  {line[:220]}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "stories": rows,
                    "total": {
                        "articles": articles,
                        "annotated": total.annotated,
                        "reported": total.reported,
                        "true": total.true,
                        "precision": total.precision,
                        "caught": total.caught,
                        "recall": total.recall,
                        "false_alarms_on_compatible_groups": total.false_alarms,
                        "uncertain": total.uncertain,
                        "updates": total.updates,
                        "cross_story": crossed,
                    },
                },
                indent=2,
                sort_keys=True,
            )
            + "\n",
            "utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
