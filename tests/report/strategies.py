"""Hypothesis strategies: arbitrary (valid) reports, with text that holds anything."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from checker.schema import (
    CLAIM_KINDS,
    ArticleMeta,
    DecisionKind,
    Finding,
    FindingClaim,
    Report,
    ReviewState,
    SeedInfo,
    SentenceRef,
    SlotMatch,
    SlotStatus,
    Summary,
    Verdict,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%0A%25",
    "::error file=x,line=1::boom",
    "a,b:c",
    "\r\n",
    "\n::warning::x",
    "]]>",
    "`code` | *bold* [link](http://x)",
    "&amp; &lt;",
    "\x00\x0b\x1b[31m",
]

texts = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE)).map(str)
small = st.integers(min_value=1, max_value=10_000)


@st.composite
def claims(draw: st.DrawFn, seed: str | None = None) -> FindingClaim:
    start = draw(st.integers(min_value=0, max_value=10_000))
    return FindingClaim(
        seed=seed if seed is not None else draw(texts),
        claim_id=draw(texts),
        kind=draw(st.sampled_from(CLAIM_KINDS)),
        rule=draw(texts),
        text=draw(texts),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=200)),
        line=draw(small),
        column=draw(small),
        end_line=draw(small),
        end_column=draw(small),
        sentence=SentenceRef(
            start=draw(st.integers(min_value=0, max_value=10_000)),
            end=draw(st.integers(min_value=0, max_value=10_000)),
            text=draw(texts),
        ),
        value=draw(texts),
        normalisation=draw(texts),
        attributed_to=draw(st.none() | texts),
        as_of=draw(st.none() | st.dates().map(dt.date.isoformat)),
    )


slot_matches = st.builds(
    SlotMatch,
    slot=st.sampled_from(["measure", "subject", "event", "time", "dimension"]),
    status=st.sampled_from(list(SlotStatus)),
    value=st.none() | texts,
)


reviews = st.none() | st.builds(
    ReviewState,
    decision=st.sampled_from(list(DecisionKind)),
    reviewer=texts,
    note=texts,
    at=st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.UTC),
    ),
)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    members = draw(st.lists(claims(), min_size=2, max_size=4))
    sources = draw(st.integers(min_value=2, max_value=6))
    verdict = draw(st.sampled_from(list(Verdict)))
    contradiction = verdict is Verdict.CONTRADICTION
    return Finding(
        fingerprint=draw(st.from_regex(r"[a-z0-9]{1,4}:[0-9a-f]{16}", fullmatch=True)),
        verdict=verdict,
        category=draw(st.sampled_from(CLAIM_KINDS)),
        rule=draw(texts),
        rule_name=draw(texts),
        fact=draw(texts),
        explanation=draw(texts),
        differences=draw(st.lists(texts, max_size=3)),
        uncertain=draw(st.booleans()),
        confidence=draw(st.none() | st.floats(0, 1)) if contradiction else None,
        identity=draw(st.lists(slot_matches, max_size=2)) if contradiction else [],
        sources=sources,
        independent_sources=draw(st.integers(min_value=1, max_value=sources)),
        claims=members,
        review=draw(reviews),
    )


@st.composite
def reports(draw: st.DrawFn) -> Report:
    found = draw(st.lists(findings(), max_size=5))
    singles = draw(st.lists(claims(), max_size=3))
    seeds = sorted({c.seed for f in found for c in f.claims} | {c.seed for c in singles})
    count = {v: sum(f.verdict is v for f in found) for v in Verdict}
    return Report(
        checker_version=draw(texts),
        seeds=[
            SeedInfo(id=s, sha256="0" * 64, metadata=ArticleMeta(outlet=draw(st.none() | texts)))
            for s in seeds
        ],
        summary=Summary(
            sources=len(seeds),
            claims=sum(len(f.claims) for f in found) + len(singles),
            facts=len(found) + len(singles),
            agreement=count[Verdict.AGREEMENT],
            variance=count[Verdict.VARIANCE],
            update=count[Verdict.UPDATE],
            contradiction=count[Verdict.CONTRADICTION],
            uncertain=sum(f.verdict is Verdict.CONTRADICTION and f.uncertain for f in found),
            single_source=len(singles),
        ),
        findings=found,
        single_source=singles,
    )
