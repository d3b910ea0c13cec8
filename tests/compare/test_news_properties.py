"""Properties of news that no verdict may break (hypothesis, whole pipeline).

(a) A summary made of sentences copied or shortened from an article (numbers, dates
and names unchanged) never contradicts the article. (b) A toll that only rises across
dated reports, in any wording and with any lower-bound hedge, is never a
contradiction: it is one figure reported as it changes. (c) A time of day written in
other formats agrees; moved by more than its precision, it contradicts.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import pipeline
from checker.config import load_settings
from checker.data.language import load_language
from checker.schema import Report, Verdict
from checker.text.sentences import split_blocks, split_sentences
from tests.conftest import SEEDS

STORIES = Path(__file__).resolve().parents[1] / "stories"
ARTICLES = sorted([*SEEDS.glob("*.txt"), *STORIES.glob("*/seeds/*.txt")])


def _sentences(text: str) -> list[str]:
    """The article's sentences, split as the extractor splits them (headings, which end
    without a full stop, are not sentences a summary copies)."""
    abbreviations = load_language().abbreviations
    return [
        s.text.strip()
        for block in split_blocks(text)
        for s in split_sentences(block, abbreviations)
        if len(s.text.split()) >= 6 and s.text.rstrip()[-1:] in '.!?"”'
    ]


def _run(articles: dict[str, tuple[str, dt.date | None]]) -> Report:
    root = Path(tempfile.mkdtemp(prefix="checker-news-"))
    try:
        (root / "seeds").mkdir()
        for seed, (text, published) in articles.items():
            (root / "seeds" / f"{seed}.txt").write_text(text, encoding="utf-8")
            if published is not None:
                sidecar = f"published = {published.isoformat()}\n"
                (root / "seeds" / f"{seed}.toml").write_text(sidecar, encoding="utf-8")
        return pipeline.run(load_settings(root)).report
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _contradictions(report: Report) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (f.fact, [(c.seed, c.text) for c in f.claims])
        for f in report.findings
        if f.verdict is Verdict.CONTRADICTION
    ]


def _shorten(sentence: str, keep: int) -> str:
    """The sentence cut after its first ``keep`` comma-separated parts (0: whole). A
    quote keeps its attribution: cutting '"...," said the minister' changes who said it."""
    parts = sentence.split(", ")
    if keep <= 0 or keep >= len(parts) or any(q in sentence for q in '"“”'):
        return sentence
    return ", ".join(parts[:keep]).rstrip(",;:") + "."


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_summary_copied_from_an_article_never_contradicts_it(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(ARTICLES), label="article")
    text = path.read_text(encoding="utf-8")
    sentences = _sentences(text)
    chosen = data.draw(
        st.lists(st.sampled_from(sentences), min_size=2, max_size=6, unique=True),
        label="sentences",
    )
    cuts = data.draw(st.lists(st.integers(0, 3), min_size=len(chosen), max_size=len(chosen)))
    summary = " ".join(_shorten(s, k) for s, k in zip(chosen, cuts, strict=True)) + "\n"
    published = dt.date(2024, 3, 12)
    report = _run({"article": (text, published), "summary": (summary, published)})
    assert not _contradictions(report), summary


TOLL_WORDINGS = (
    "The death toll from the floods rose to {n} on {day}, officials said.",
    "{hedge}{n} people have been killed in the floods, officials said on {day}.",
    "Officials said on {day} that {hedge}{n} people had died in the floods.",
    "The floods have killed {hedge}{n} people, according to officials on {day}.",
)
HEDGES = ("", "at least ", "more than ")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.integers(5, 400),
    rises=st.lists(st.integers(0, 300), min_size=1, max_size=4),
    wordings=st.lists(st.sampled_from(TOLL_WORDINGS), min_size=5, max_size=5),
    hedges=st.lists(st.sampled_from(HEDGES), min_size=5, max_size=5),
)
def test_a_toll_that_only_rises_is_never_a_contradiction(
    start: int, rises: list[int], wordings: list[str], hedges: list[str]
) -> None:
    tolls = [start]
    for rise in rises:
        tolls.append(tolls[-1] + rise)
    monday = dt.date(2025, 9, 1)
    articles = {}
    for i, toll in enumerate(tolls):
        sentence = wordings[i].format(n=toll, day=DAYS[i], hedge=hedges[i])
        sentence = sentence[0].upper() + sentence[1:]
        text = f"Heavy rain caused floods across the valley.\n\n{sentence}\n"
        articles[f"report{i}"] = (text, monday + dt.timedelta(days=i))
    report = _run(articles)
    assert not _contradictions(report), tolls


CLOCK_WORDINGS = (
    "{h}:{m:02d} p.m.",
    "{h}.{m:02d}pm",
    "{h}:{m:02d} pm local time",
    "{h}:{m:02d}pm",
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hour=st.integers(1, 11),
    minute=st.integers(0, 57),
    shift=st.integers(2, 40),
    wordings=st.lists(st.sampled_from(CLOCK_WORDINGS), min_size=3, max_size=3),
)
def test_a_time_of_day_reformatted_agrees_and_moved_contradicts(
    hour: int, minute: int, shift: int, wordings: list[str]
) -> None:
    """One start time written three ways never contradicts; the same event's time moved
    by two minutes or more (a time to the minute is exact) always does."""
    day = dt.date(2025, 11, 14)

    def article(wording: str, m: int) -> tuple[str, dt.date]:
        told = wording.format(h=hour + (m // 60), m=m % 60)
        return f"The leaders' meeting started at {told} on Friday, officials said.\n", day

    same = {f"s{i}": article(w, minute) for i, w in enumerate(wordings)}
    assert not _contradictions(_run(same)), same
    moved = {"a": article(wordings[0], minute), "b": article(wordings[1], minute + shift)}
    assert _contradictions(_run(moved)), moved
