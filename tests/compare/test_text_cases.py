"""Phenomena of real news as short invented articles, run through the whole pipeline.

Each ``text_cases/<topic>.yaml`` holds cases: two or more tiny articles (``text`` and
an optional ``published`` date) and what an editor expects of them:

- ``contradictions``: how many confident contradictions the run reports (default 0:
  most phenomena are about what must *not* be flagged);
- ``expect``: findings that must exist, each a ``verdict`` (or a list of accepted
  ones) and ``quotes`` (seed -> a quote every such finding must hold a claim of);
  ``uncertain: true|false`` checks a contradiction's flag;
- ``absent``: quote pairs that no contradiction may join;
- ``xfail``: one line naming the phenomenon the engine misses, for a case that is
  right but fails (a strict xfail: once the engine handles it, remove the key).

The articles are written for the tests in our own words; each case names the news
phenomenon it keeps (see benchmarks/realnews for the real articles behind them).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import pipeline
from checker.config import load_settings
from checker.schema import Finding, Report, Verdict

CASES = Path(__file__).parent / "text_cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            # A known engine miss: strict, so a case that starts passing fails the run.
            marks = []
            if "xfail" in case:
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param(case, id=f"{path.stem}-{case['name']}", marks=marks))
    return params


def _run(case: dict[str, Any], root: Path) -> Report:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for seed, article in case["articles"].items():
        (seeds / f"{seed}.txt").write_text(article["text"].strip() + "\n", encoding="utf-8")
        published = article.get("published")
        if published is not None:
            day = published if isinstance(published, dt.date) else dt.date.fromisoformat(published)
            (seeds / f"{seed}.toml").write_text(f"published = {day.isoformat()}\n", "utf-8")
    return pipeline.run(load_settings(root)).report


def _holds(finding: Finding, seed: str, quote: str, texts: dict[str, str]) -> bool:
    text = texts[seed]
    start = text.find(quote)
    assert start >= 0, f"{quote!r} is not in article {seed}"
    end = start + len(quote)
    return any(c.seed == seed and c.start < end and start < c.end for c in finding.claims)


@pytest.mark.parametrize("case", _cases())
def test_text_case(case: dict[str, Any], tmp_path: Path) -> None:
    report = _run(case, tmp_path)
    texts = {s: a["text"].strip() + "\n" for s, a in case["articles"].items()}
    confident = [
        f for f in report.findings if f.verdict is Verdict.CONTRADICTION and not f.uncertain
    ]
    shown = [(f.fact, [(c.seed, c.text) for c in f.claims], f.confidence) for f in confident]
    assert len(confident) == case.get("contradictions", 0), f"confident contradictions: {shown}"
    for want in case.get("expect", []):
        verdicts = want["verdict"] if isinstance(want["verdict"], list) else [want["verdict"]]
        found = [
            f
            for f in report.findings
            if f.verdict.value in verdicts
            and all(_holds(f, s, q, texts) for s, q in want["quotes"].items())
        ]
        every = [(f.verdict.value, f.fact, [c.text for c in f.claims]) for f in report.findings]
        assert found, f"no {verdicts} finding holds {want['quotes']}; findings: {every}"
        if "uncertain" in want:
            assert any(f.uncertain == want["uncertain"] for f in found), found
    for pair in case.get("absent", []):
        joined = [
            f
            for f in report.findings
            if f.verdict is Verdict.CONTRADICTION
            and all(_holds(f, s, q, texts) for s, q in pair.items())
        ]
        assert not joined, f"a contradiction joins {pair}: {joined}"
