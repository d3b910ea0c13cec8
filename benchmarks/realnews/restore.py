"""Restore the corpus texts from saved answers of the `search` tool's `pages` corpus.

The texts belong to their publishers and stay out of git; the manifest in `stories/`
names, for each article, the `query` that finds its page and the `sha256` of the text.
Whoever has the search tool runs each query, saves each answer exactly as returned (the
JSON, one file per answer) and gives the files to this script:

    python -m benchmarks.realnews.restore ANSWER.json [ANSWER.json ...]

For every manifest article whose `url` appears among the answers' results (a feed's
tracking query after `?` aside), the excerpt
is written to `texts/<story>/<id>.txt` (ending in one newline) and its sha256 compared
with the manifest. One line per article says `restored`, `restored, sha256 differs`,
or, with `--missing`, which articles are still to be found (and their query).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
TEXTS = HERE / "texts"


def _manifest() -> dict[str, tuple[str, dict[str, object]]]:
    """url -> (story slug, article) for every article of every story."""
    by_url: dict[str, tuple[str, dict[str, object]]] = {}
    for path in sorted(STORIES.glob("*.yaml")):
        story = yaml.safe_load(path.read_text("utf-8"))
        for article in story["articles"]:
            by_url[str(article["url"])] = (str(story["story"]), article)
    return by_url


def _results(path: Path) -> list[dict[str, object]]:
    try:
        answer = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SystemExit(f"{path}: not a saved search answer ({error})") from None
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise SystemExit(f"{path}: no 'results' list: not a saved search answer")
    return [r for r in results if isinstance(r, dict)]


def restore(answers: list[Path]) -> list[str]:
    by_url = _manifest()
    lines = []
    for path in answers:
        for result in _results(path):
            url = str(result.get("url", ""))
            if url not in by_url:
                url = url.split("?", 1)[0]  # a feed's tracking query ("?src=rss")
            if url not in by_url:
                continue
            slug, article = by_url[url]
            text = str(result.get("excerpt", "")).rstrip("\n") + "\n"  # one final newline
            target = TEXTS / slug / f"{article['id']}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == article.get(
                "sha256"
            ):
                continue  # already right: never overwrite a good text with a worse copy
            target.write_bytes(data)
            same = digest == article.get("sha256")
            lines.append(f"{target}: restored{'' if same else ', sha256 differs'}")
    return lines


def missing() -> list[str]:
    lines = []
    for slug, article in sorted(_manifest().values(), key=lambda x: (x[0], str(x[1]["id"]))):
        target = TEXTS / slug / f"{article['id']}.txt"
        if not target.is_file():
            lines.append(f"{target}: missing; query {article['query']!r}")
        elif hashlib.sha256(target.read_bytes()).hexdigest() != article.get("sha256"):
            lines.append(f"{target}: sha256 differs from the manifest")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", nargs="*", type=Path, help="saved search answers (JSON)")
    parser.add_argument("--missing", action="store_true", help="list texts still to restore")
    args = parser.parse_args(argv)
    for line in restore(args.answers):
        print(line)
    if args.missing:
        for line in missing():
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
