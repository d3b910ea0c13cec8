"""``checker stories [--format text|json]``: the stories of the root, their articles, and
why each article is in its story (its sidecar, or the article it links to and the
names and terms they share)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from checker import pipeline
from checker.cli.common import command_parser, settings_from
from checker.corpus import load_corpus
from checker.data import load_lexicon
from checker.fileio import dumps_canonical
from checker.match.stories import Membership, Stories, group_stories


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = command_parser(
        subparsers, "stories", "list the stories (facts are matched only within a story)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    claim_files = pipeline.load_claim_files(settings)
    # The claims file holds the sidecar's story as it was at extraction time.
    current = {
        a.id: a.given.story
        for a in load_corpus(settings.seeds_dir, max_bytes=settings.max_seed_bytes)
    }
    for claim_file in claim_files:
        if claim_file.article.story != current.get(claim_file.seed):
            print(
                f"checker: warning: seeds/{claim_file.seed}.toml: story changed since "
                f"extraction; run `checker extract --force {claim_file.seed}`",
                file=sys.stderr,
            )
    stories = group_stories(claim_files, settings.stories, lexicon=load_lexicon(settings))
    if args.format == "json":
        sys.stdout.write(dumps_canonical(as_json(stories)))
    else:
        sys.stdout.write(as_text(stories))
    return 0


def as_json(stories: Stories) -> dict[str, Any]:
    """``{"stories": [{"id", "seeds": [{"seed", "reason", ...}]}]}``, sorted by id."""
    return {
        "stories": [
            {"id": story, "seeds": [_member(stories.why(seed)) for seed in seeds]}
            for story, seeds in stories.groups().items()
        ]
    }


def _member(membership: Membership) -> dict[str, Any]:
    return {
        "seed": membership.seed,
        "reason": membership.reason,
        "linked_to": membership.linked_to,
        "similarity": membership.similarity,
        "shared": list(membership.shared),
    }


def as_text(stories: Stories) -> str:
    groups = stories.groups()
    lines = [f"{len(groups)} stories, {len(stories)} articles"]
    for story, seeds in groups.items():
        lines.append("")
        lines.append(f"{story} ({len(seeds)} article{'s' if len(seeds) != 1 else ''})")
        width = max(len(seed) for seed in seeds)
        for seed in seeds:
            lines.append(f"  {seed:<{width}}  {stories.why(seed).describe()}")
    return "\n".join(lines) + "\n"
