"""The gold reading of the seeds (tests/data/seed-facts.yaml) against the extractor.

Every gold quote must be covered: at least one claim of a fitting kind whose
span overlaps the quote's exact offsets in its seed. A sentence repeated in
one seed (body and caption) must give one claim, not two.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.config import Settings
from checker.corpus import load_article
from checker.extract import extract_article
from checker.schema.claims import ClaimFile

REPO = Path(__file__).resolve().parents[2]
GOLD = yaml.safe_load((REPO / "tests" / "data" / "seed-facts.yaml").read_text(encoding="utf-8"))


@functools.cache
def extracted(seed: str) -> tuple[str, ClaimFile]:
    article = load_article(REPO / "seeds" / f"{seed}.txt")
    return article.text, extract_article(article, Settings(root=REPO))


def _quotes() -> list[Any]:
    params = []
    for section in ("cross_source", "traps"):
        for fact in GOLD[section]:
            for seed, quote in fact["quotes"].items():
                params.append(
                    pytest.param(seed, quote, tuple(fact["kinds"]), id=f"{fact['id']}@{seed[:3]}")
                )
    for index, fact in enumerate(GOLD["single_source"]):
        params.append(
            pytest.param(fact["seed"], fact["quote"], (), id=f"single{index}@{fact['seed'][:3]}")
        )
    return params


@pytest.mark.parametrize(("seed", "quote", "kinds"), _quotes())
def test_gold_quote_is_covered(seed: str, quote: str, kinds: tuple[str, ...]) -> None:
    text, claim_file = extracted(seed)
    spans = _occurrences(text, quote)
    assert spans, f"gold quote not in seed: {quote!r}"
    fitting = [
        c
        for c in claim_file.claims
        for start, end in spans
        if (not kinds or c.kind in kinds) and c.start < end and start < c.end
    ]
    assert fitting, f"no {'/'.join(kinds) or 'claim'} overlaps {quote!r}"


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    position = text.find(quote)
    while position >= 0:
        spans.append((position, position + len(quote)))
        position = text.find(quote, position + 1)
    return spans


def test_repeated_sentence_gives_one_claim() -> None:
    for item in GOLD["within_source"]:
        text, claim_file = extracted(item["seed"])
        quote = item["quote"]
        spans = _occurrences(text, quote)
        assert len(spans) >= 2, "the gold sentence should stand twice"
        hits = [c for c in claim_file.claims for s, e in spans if c.start < e and s < c.end]
        assert len(hits) == 1, [c.text for c in hits]


@pytest.mark.parametrize(
    ("seed", "published", "wire"),
    [
        ("000_188add32cb956324", None, "AA"),
        ("003_ee9c65c083d41239", "2022-11-07", None),
        ("004_ceedfd409654c304", "2021-09-27", None),
    ],
)
def test_metadata_inferred_from_furniture(
    seed: str, published: str | None, wire: str | None
) -> None:
    _, claim_file = extracted(seed)
    meta = claim_file.article
    assert (meta.published.isoformat() if meta.published else None) == published
    assert meta.wire == wire
    if published:
        assert "caption date" in meta.inferred["published"]
        assert "matching 'Monday'" in meta.inferred["published"]


def test_caption_dates_are_not_body_dates() -> None:
    for seed, surface in (
        ("003_ee9c65c083d41239", "Nov. 7, 2022"),
        ("004_ceedfd409654c304", "Sept. 27, 2021"),
    ):
        _, claim_file = extracted(seed)
        dated = [c for c in claim_file.claims if c.kind == "date" and c.text == surface]
        assert dated and all(c.section == "caption" for c in dated)


def test_yearless_dates_resolve_to_the_event_year() -> None:
    _, claim_file = extracted("004_ceedfd409654c304")
    by_text = {c.text: c for c in claim_file.claims if c.kind == "date"}
    for surface in ("Sept. 27", "Nov. 10"):
        claim = by_text[surface]
        assert claim.kind == "date"
        assert claim.resolved.year == 2020, surface
        assert claim.stated.year is None and claim.year_inferred
