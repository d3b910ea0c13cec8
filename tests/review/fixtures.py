"""Hand-made seeds and a :class:`Report` with findings of every verdict, for review tests.

The comparator is not needed: the findings are built here from the seed texts,
with offsets, lines and columns computed from them, as the comparator would.
Two confident contradictions, an uncertain one (low identity confidence), an
update (a count reported as it grows), two variances and an agreement: the queue
to decide holds the three contradictions only.
One finding carries hostile text (``<script>``, ``<img onerror>``) in its quotes,
its fact and its explanation, so the page can be checked to run none of it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from checker.schema import (
    ArticleMeta,
    ClaimKind,
    Finding,
    FindingClaim,
    Report,
    SeedInfo,
    SentenceRef,
    SlotMatch,
    SlotStatus,
    Summary,
    Verdict,
)
from checker.store import sha256_text

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

SEEDS: dict[str, tuple[str | None, str]] = {
    "alpha": (
        "Daily Alpha",
        "Council approves city budget\n\n"
        "The council approved a budget of 300 million dollars on Tuesday, officials said.\n\n"
        "Mayor Jane Roe said the vote came after nearly 45 days of debate. "
        "Opponents walked out.\n\n"
        f"Protesters chanted {SCRIPT} outside the hall, where 200 people gathered.\n\n"
        "By noon 50 people had signed the petition. Police arrested 12 protesters.\n",
    ),
    "beta": (
        "Beta Wire",
        "City budget passes\n\n"
        "Councillors passed a budget of 250 million dollars on Nov. 10, the city said.\n\n"
        "Mayor Jane Roe said the vote came after 44 days of debate.\n\n"
        f"A sign read {IMG} as 200 people gathered outside the hall.\n\n"
        "By evening 120 people had signed the petition.\n",
    ),
    "gamma": (
        None,
        "Budget approved\n\n"
        "The council approved a budget of 300 million dollars on Tuesday, officials said.\n\n"
        "About 200 people gathered outside the hall.\n\n"
        "Police detained 30 protesters.\n",
    ),
}


@dataclass(frozen=True)
class Quote:
    seed: str
    needle: str  # the exact claim text, found in the seed
    value: str
    as_of: str | None = None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Sentence bounds, enough for these seeds: a line, or '. ' before a capital letter."""
    ends = [m.end() - 1 for m in re.finditer(r"\. (?=[A-Z])", text)]
    left = max([text.rfind("\n", 0, start) + 1] + [e + 1 for e in ends if e < start])
    newline = text.find("\n", end)
    right = min([newline if newline >= 0 else len(text)] + [e for e in ends if e >= end])
    return left, right


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def finding_claim(quote: Quote, kind: ClaimKind) -> FindingClaim:
    text = SEEDS[quote.seed][1]
    start = text.index(quote.needle)
    end = start + len(quote.needle)
    s_start, s_end = _sentence(text, start, end)
    line, column = _line_column(text, start)
    end_line, end_column = _line_column(text, end)
    digest = hashlib.sha256(f"{quote.seed}{quote.needle}".encode()).hexdigest()[:12]
    return FindingClaim(
        seed=quote.seed,
        claim_id=f"{quote.seed}:{kind}:{digest}",
        kind=kind,
        rule="Q001",
        text=quote.needle,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        sentence=SentenceRef(start=s_start, end=s_end, text=text[s_start:s_end]),
        value=quote.value,
        normalisation=f"read from {quote.needle!r}",
        as_of=quote.as_of,
    )


def finding(
    verdict: Verdict, kind: ClaimKind, fact: str, quotes: list[Quote], **extra: object
) -> Finding:
    digest = hashlib.sha256(f"{kind}|{fact}|{[q.value for q in quotes]}".encode()).hexdigest()
    claims = [finding_claim(q, kind) for q in quotes]
    seeds = {q.seed for q in quotes}
    return Finding(
        fingerprint=f"{kind}:{digest[:16]}",
        verdict=verdict,
        category=kind,
        rule=str(extra.pop("rule", "C101")),
        rule_name=str(extra.pop("rule_name", "quantity mismatch")),
        fact=fact,
        explanation=str(extra.pop("explanation", f"The sources differ on {fact}.")),
        sources=len(seeds),
        independent_sources=len(seeds),
        claims=claims,
        **extra,  # type: ignore[arg-type]
    )


BUDGET = finding(
    Verdict.CONTRADICTION,
    "quantity",
    "the budget the council approved",
    [
        Quote("alpha", "300 million dollars", "300000000 dollars"),
        Quote("beta", "250 million dollars", "250000000 dollars"),
        Quote("gamma", "300 million dollars", "300000000 dollars"),
    ],
    differences=["value: 300,000,000 vs 250,000,000"],
    confidence=0.9,
    identity=[
        SlotMatch(slot="measure", status=SlotStatus.SAME, value="budget"),
        SlotMatch(slot="time", status=SlotStatus.ONE_SIDE, value="2020-11-10"),
    ],
)
HOSTILE = finding(
    Verdict.CONTRADICTION,
    "quote",
    f"what the protest signs said {SCRIPT}",
    [Quote("alpha", SCRIPT, SCRIPT), Quote("beta", IMG, IMG)],
    rule="C104",
    rule_name="quote mismatch",
    explanation=f"One source quotes {SCRIPT}, the other {IMG}.",
    confidence=0.8,
)
ARRESTS = finding(
    Verdict.CONTRADICTION,
    "quantity",
    "protesters held by police",
    [
        Quote("alpha", "arrested 12 protesters", "12 protesters"),
        Quote("gamma", "detained 30 protesters", "30 protesters"),
    ],
    explanation="12 and 30 protesters share no value (confidence 0.50).",
    uncertain=True,
    confidence=0.5,
    identity=[
        SlotMatch(slot="measure", status=SlotStatus.ONE_SIDE, value="arrested"),
        SlotMatch(slot="subject", status=SlotStatus.SAME, value="protesters"),
        SlotMatch(slot="time", status=SlotStatus.UNSTATED),
    ],
)
PETITION = finding(
    Verdict.UPDATE,
    "quantity",
    "people who signed the petition",
    [
        Quote("beta", "120 people", "120 people", as_of="2020-11-10"),
        Quote("alpha", "50 people", "50 people", as_of="2020-11-09"),
    ],
    explanation="One figure reported as it changes: 50 -> 120.",
)
DEBATE = finding(
    Verdict.VARIANCE,
    "duration",
    "how long the council debated",
    [
        Quote("alpha", "nearly 45 days", "[40.5, 45] days"),
        Quote("beta", "44 days", "44 days"),
    ],
    rule="V201",
    rule_name="hedged value",
    differences=["hedge: nearly vs exact"],
)
DAY = finding(
    Verdict.VARIANCE,
    "date",
    "when the budget was approved",
    [Quote("alpha", "Tuesday", "2020-11-10"), Quote("beta", "Nov. 10", "2020-11-10")],
    rule="V202",
    rule_name="date format",
    uncertain=True,
)
CROWD = finding(
    Verdict.AGREEMENT,
    "quantity",
    "how many people gathered outside",
    [
        Quote("alpha", "200 people", "200 people"),
        Quote("beta", "200 people", "200 people"),
        Quote("gamma", "About 200 people", "200 people"),
    ],
    rule="A001",
    rule_name="same value",
)
FINDINGS = [CROWD, ARRESTS, DEBATE, PETITION, BUDGET, DAY, HOSTILE]  # not in queue order
# The queue to decide: contradictions, confident ones first by confidence, uncertain last.
FLAGGED = [BUDGET, HOSTILE, ARRESTS]
# Listed for reference, not to decide: updates, variances, agreements.
QUEUE = [*FLAGGED, PETITION, DEBATE, DAY, CROWD]


def make_report() -> Report:
    seeds = [
        SeedInfo(id=ident, sha256=sha256_text(text), metadata=ArticleMeta(outlet=outlet))
        for ident, (outlet, text) in sorted(SEEDS.items())
    ]
    return Report(
        checker_version="test",
        seeds=seeds,
        summary=Summary(
            sources=3,
            claims=sum(len(f.claims) for f in FINDINGS),
            facts=len(FINDINGS),
            agreement=1,
            variance=2,
            update=1,
            contradiction=3,
            uncertain=1,
            single_source=0,
        ),
        findings=FINDINGS,
        single_source=[],
    )


def write_seeds(root: Path) -> Path:
    """Write the seeds into ``root/seeds`` and return that folder."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for ident, (_, text) in SEEDS.items():
        (seeds / f"{ident}.txt").write_text(text, encoding="utf-8")
    return seeds
