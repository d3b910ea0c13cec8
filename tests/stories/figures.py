"""Print each story's figures: facts found / expected, planted contradictions found, false
contradictions (every contradiction that touches no planted change).

    .venv/bin/python -m tests.stories.figures

Known gaps count as not found here; the test (``test_stories.py``) is the strict check.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from checker import pipeline
from checker.config import load_settings
from checker.schema import Finding

STORIES = Path(__file__).parent


def _figures(story: Path) -> tuple[int, int, int, int, int]:
    expected: dict[str, Any] = yaml.safe_load((story / "expected.yaml").read_text("utf-8"))
    root = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(story / "seeds", root / "seeds")
        report = pipeline.run(load_settings(root)).report

        def hits(finding: Finding, seed: str, quote: str) -> bool:
            text = (root / "seeds" / f"{seed}.txt").read_text("utf-8")
            start = text.find(quote)
            end = start + len(quote)
            return any(c.seed == seed and c.start < end and start < c.end for c in finding.claims)

        facts = expected.get("facts", [])
        found = sum(
            any(
                f.verdict in fact["verdict"]
                and all(hits(f, s, q) for s, q in fact["quotes"].items())
                for f in report.findings
            )
            for fact in facts
        )
        contradictions = [f for f in report.findings if f.verdict == "contradiction"]
        plants = expected.get("contradictions", [])
        planted = sum(
            any(
                hits(f, p["changed"]["seed"], p["changed"]["text"])
                and any(hits(f, a["seed"], a["text"]) for a in p["against"])
                for f in contradictions
            )
            for p in plants
        )
        false = [
            f
            for f in contradictions
            if not any(hits(f, p["changed"]["seed"], p["changed"]["text"]) for p in plants)
        ]
        return found, len(facts), planted, len(plants), len(false)
    finally:
        shutil.rmtree(root)


def main() -> None:
    total = [0, 0, 0, 0, 0]
    for story in sorted(p for p in STORIES.iterdir() if (p / "expected.yaml").is_file()):
        row = _figures(story)
        total = [t + r for t, r in zip(total, row, strict=True)]
        print(
            f"{story.name:10s} facts {row[0]}/{row[1]}  planted {row[2]}/{row[3]}  "
            f"false contradictions {row[4]}"
        )
    print(
        f"{'total':10s} facts {total[0]}/{total[1]}  planted {total[2]}/{total[3]}  "
        f"false contradictions {total[4]}"
    )


if __name__ == "__main__":
    main()
