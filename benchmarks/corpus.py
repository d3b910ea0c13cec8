"""A synthetic news corpus: the bundled seeds perturbed into N distinct articles.

``generate(n, seed)`` is deterministic: the same ``n`` and ``seed`` give the
same articles on any machine. Each article is one of the seeds with its
wording varied the way real copies of a story vary: spellings (Türkiye /
Turkey, Defence / Defense, cease-fire / ceasefire), date formats ("September
27, 2020" / "Sept. 27, 2020" / "27 September 2020"), hedges and figures
("nearly 300" / "around 310"), number words, paragraphs dropped or repeated.

CLI: ``python -m benchmarks.corpus OUT_DIR [--n 1000] [--seed 0]`` writes
``OUT_DIR/seeds/<id>.txt``, a root that ``checker`` can run on.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_SWAPS = [
    ("Türkiye", "Turkey"),
    ("Erdoğan", "Erdogan"),
    ("Defence", "Defense"),
    ("cease-fire", "ceasefire"),
    ("recognised", "recognized"),
    ("Nagorno-Karabakh", "Karabakh"),
    ("conflict", "war"),
    ("liberated", "retook"),
    ("truce", "ceasefire"),
]
_MONTHS = [
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "March"),
    ("April", "April"),
    ("May", "May"),
    ("June", "June"),
    ("July", "July"),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
]
_DATE = re.compile(
    r"\b(?P<m>" + "|".join(re.escape(a) + "|" + re.escape(b) for a, b in _MONTHS) + r")"
    r" (?P<d>\d{1,2}), (?P<y>\d{4})\b"
)
_FIGURE = re.compile(r"\b(?P<h>nearly |around |about |almost )?(?P<n>\d{2,3})(?= [a-z])")
_HEDGES = ["", "nearly ", "around ", "about ", "more than ", "at least "]
_WORDS = {2: "two", 3: "three", 6: "six", 7: "seven", 10: "ten", 44: "forty-four"}
_SMALL = re.compile(r"\b(?P<n>2|3|6|7|10|44)(?= [a-z])")


def _month_names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for full, short in _MONTHS:
        names[full] = (full, short)
        names[short] = (full, short)
    return names


def _vary_dates(text: str, rng: random.Random) -> str:
    names = _month_names()

    def repl(match: re.Match[str]) -> str:
        full, short = names[match.group("m")]
        day, year = match.group("d"), match.group("y")
        style = rng.randrange(3)
        if style == 0:
            return f"{full} {day}, {year}"
        if style == 1:
            return f"{short} {day}, {year}"
        return f"{day} {full} {year}"

    return _DATE.sub(repl, text)


def _vary_figures(text: str, rng: random.Random) -> str:
    def repl(match: re.Match[str]) -> str:
        value = int(match.group("n"))
        if rng.random() < 0.5:
            value = max(10, value + rng.randrange(-value // 5, value // 5 + 1))
        return f"{rng.choice(_HEDGES)}{value}"

    text = _FIGURE.sub(repl, text)
    return _SMALL.sub(
        lambda m: _WORDS[int(m.group("n"))] if rng.random() < 0.3 else m.group("n"), text
    )


def _vary_paragraphs(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out: list[str] = []
    for paragraph in paragraphs:
        roll = rng.random()
        if roll < 0.08 and len(paragraphs) > 4:
            continue
        out.append(paragraph)
        if roll > 0.95:
            out.append(paragraph)
    return "\n\n".join(out) + "\n"


def perturb(text: str, rng: random.Random) -> str:
    """One variant of ``text``: spellings, dates, figures and paragraphs varied."""
    for left, right in _SWAPS:
        if rng.random() < 0.5:
            text = text.replace(left, right)
        elif rng.random() < 0.3:
            text = text.replace(right, left)
    text = _vary_dates(text, rng)
    text = _vary_figures(text, rng)
    return _vary_paragraphs(text, rng)


def load_seed_texts(folder: Path = SEEDS) -> list[tuple[str, str]]:
    """The bundled seeds as ``(id, text)``, sorted by id."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def generate(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` distinct articles ``(id, text)`` made from the seeds; deterministic in ``seed``."""
    rng = random.Random(seed)
    bases = load_seed_texts()
    if not bases:
        raise FileNotFoundError(f"no seeds in {SEEDS}")
    articles: list[tuple[str, str]] = []
    seen: set[str] = set()
    attempt = 0
    while len(articles) < n:
        base_id, base = bases[attempt % len(bases)]
        attempt += 1
        text = perturb(base, rng)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            text += f"\nEditor's note: version {attempt}.\n"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        seen.add(digest)
        articles.append((f"gen{len(articles):05d}_{base_id[:3]}_{digest[:8]}", text))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write OUT/seeds/<id>.txt into")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    folder = args.out / "seeds"
    folder.mkdir(parents=True, exist_ok=True)
    for ident, text in generate(args.n, args.seed):
        (folder / f"{ident}.txt").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.n} seeds to {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
