"""Hand-made reports: every verdict, every editor decision, and hostile article text.

The contradictions carry confidences and identity evidence, one of them below the
threshold (``uncertain``); the update's claims are listed out of time order, as
the reports must not rely on it.

The seed texts below are written like news copy; their claims are located by
searching the text, so offsets, lines and columns are consistent the way the
comparator produces them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from checker.schema import (
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

SEEDS: dict[str, str] = {
    "alpha": (
        "Ceasefire holds\n"
        "\n"
        "Nearly 300 settlements returned to Azerbaijani control, officials said.\n"
        "The war lasted 44 days and ended on Nov. 10.\n"
        "Defence Minister Zakir Hasanov visited the region.\n"
        "By Oct. 5 the toll stood at 381 soldiers killed.\n"
        "Officials said 200 tanks were destroyed.\n"
    ),
    "beta": (
        "BAKU (Wire) - The war lasted 44 days and ended on November 10, 2020.\n"
        "Some 250 settlements were returned, <script>alert(1)</script> the ministry said.\n"
        'Defense Minister Zakir Hasanov said: "100% done:: yes, no".\n'
        "On Sept. 30 the ministry counted 150 soldiers killed.\n"
        "Some 120 tanks were captured.\n"
    ),
    "gamma": (
        "The war lasted 44 days and ended on November 9, 2020.\n"
        "A total of 300 settlements, <img src=x onerror=alert(1)> were retaken.\n"
        "Deputy Defence Minister Zakir Hasanov spoke first.\n"
        "Close to 600 soldiers were killed by Oct. 9.\n"
    ),
}

META: dict[str, ArticleMeta] = {
    "alpha": ArticleMeta(outlet="Daily <b>Alpha</b>", published=dt.date(2021, 11, 8)),
    "beta": ArticleMeta(
        outlet="Beta News", wire="Wire", inferred={"wire": "'BAKU (Wire)' dateline"}
    ),
    "gamma": ArticleMeta(outlet="Gamma & Co", title="War, peace: 100%"),
}

AT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def claim(
    seed: str,
    span: str,
    value: str,
    *,
    kind: str = "quantity",
    normalisation: str = "",
    occurrence: int = 0,
    as_of: str | None = None,
) -> FindingClaim:
    """The claim whose text is ``span`` (its ``occurrence``-th match) in seed ``seed``."""
    text = SEEDS[seed]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span, start + 1)
    end = start + len(span)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.index("\n", end)
    line, column = _line_col(text, start)
    end_line, end_column = _line_col(text, end)
    digest = hashlib.sha256(f"{seed}{span}".encode()).hexdigest()[:12]
    return FindingClaim(
        seed=seed,
        claim_id=f"{seed}:{kind}:{digest}",
        kind=kind,  # type: ignore[arg-type]
        rule="Q001" if kind == "quantity" else "D001",
        text=span,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        sentence=SentenceRef(
            start=sentence_start, end=sentence_end, text=text[sentence_start:sentence_end]
        ),
        value=value,
        normalisation=normalisation,
        as_of=as_of,
    )


def slots(**statuses: str) -> list[SlotMatch]:
    """Identity evidence: ``measure="same:killed"`` -> a SlotMatch (no value after ':')."""
    out = []
    for slot, spec in statuses.items():
        status, _, value = spec.partition(":")
        out.append(SlotMatch(slot=slot, status=SlotStatus(status), value=value or None))
    return out


def review(decision: DecisionKind, note: str = "") -> ReviewState:
    return ReviewState(decision=decision, reviewer="Editor <Ed>", note=note, at=AT)


def _fingerprint(name: str) -> str:
    return "f:" + hashlib.sha256(name.encode()).hexdigest()[:16]


def findings() -> list[Finding]:
    settlements = Finding(
        fingerprint=_fingerprint("settlements"),
        verdict=Verdict.CONTRADICTION,
        category="quantity",
        rule="C101",
        rule_name="quantity mismatch",
        fact="settlements returned to Azerbaijan",
        explanation="250 is outside [270, 300] allowed by 'nearly 300' and differs from 300.",
        differences=["value", "hedge"],
        confidence=0.8,
        identity=slots(
            measure="same:returned",
            subject="same:settlements",
            event="same:the war",
            time="unstated",
            dimension="same:count",
        ),
        sources=3,
        independent_sources=3,
        claims=[
            claim(
                "alpha",
                "Nearly 300 settlements",
                "[270, 300] settlements",
                normalisation="hedge 'nearly': [N*(1-0.10), N]",
            ),
            claim("beta", "Some 250 settlements", "~250 settlements", normalisation="'some': ±10%"),
            claim("gamma", "300 settlements", "300 settlements"),
        ],
    )
    end_date = Finding(
        fingerprint=_fingerprint("end date"),
        verdict=Verdict.CONTRADICTION,
        category="date",
        rule="C102",
        rule_name="date mismatch",
        fact="the war ended",
        explanation="Nov. 9, 2020 vs Nov. 10, 2020.",
        differences=["value"],
        uncertain=True,
        confidence=0.9,
        identity=slots(event="same:the war ended", time="one_side:2020"),
        sources=2,
        independent_sources=2,
        claims=[
            claim(
                "alpha",
                "ended on Nov. 10",
                "2020-11-10",
                kind="date",
                normalisation="year 2020 resolved from the event (past tense)",
            ),
            claim("gamma", "ended on November 9, 2020", "2020-11-09", kind="date"),
        ],
        review=review(DecisionKind.DISMISSED, "100% sure:: a typo,\nfixed upstream"),
    )
    title = Finding(
        fingerprint=_fingerprint("title"),
        verdict=Verdict.CONTRADICTION,
        category="role",
        rule="C105",
        rule_name="title mismatch",
        fact="Zakir Hasanov's title",
        explanation="'defence minister' vs 'deputy defence minister'.",
        differences=["title"],
        confidence=0.75,
        identity=slots(subject="same:Zakir Hasanov"),
        sources=2,
        independent_sources=2,
        claims=[
            claim(
                "alpha",
                "Defence Minister Zakir Hasanov",
                "defence minister",
                kind="role",
                normalisation="alias Defense -> Defence",
            ),
            claim(
                "gamma",
                "Deputy Defence Minister Zakir Hasanov",
                "deputy defence minister",
                kind="role",
            ),
        ],
        review=review(DecisionKind.ACCEPTED, "Titles changed in 2021."),
    )
    hedge = Finding(
        fingerprint=_fingerprint("hedge"),
        verdict=Verdict.VARIANCE,
        category="quantity",
        rule="V201",
        rule_name="hedge differs",
        fact="settlements retaken",
        explanation="'nearly 300' and '300' are compatible; the hedge differs.",
        differences=["hedge"],
        sources=2,
        independent_sources=2,
        claims=[
            claim("alpha", "Nearly 300 settlements", "[270, 300] settlements"),
            claim("gamma", "300 settlements", "300 settlements"),
        ],
        review=review(DecisionKind.IN_PROGRESS),
    )
    wording = Finding(
        fingerprint=_fingerprint("wording"),
        verdict=Verdict.VARIANCE,
        category="role",
        rule="V204",
        rule_name="spelling differs",
        fact="defence minister's title, <img src=x onerror=alert(1)>",
        explanation="'Defence' vs 'Defense' (alias).",
        differences=["spelling"],
        sources=2,
        independent_sources=1,
        claims=[
            claim("alpha", "Defence Minister Zakir Hasanov", "defence minister", kind="role"),
            claim(
                "beta",
                "Defense Minister Zakir Hasanov",
                "defence minister",
                kind="role",
                normalisation="alias Defense -> Defence",
            ),
        ],
        review=review(DecisionKind.CONFIRMED, "<script>alert('note')</script>"),
    )
    duration = Finding(
        fingerprint=_fingerprint("duration"),
        verdict=Verdict.AGREEMENT,
        category="duration",
        rule="A301",
        rule_name="same value",
        fact="the war lasted",
        explanation="All sources say 44 days.",
        sources=3,
        independent_sources=1,
        claims=[
            claim("alpha", "lasted 44 days", "44 day", kind="duration"),
            claim("beta", "lasted 44 days", "44 day", kind="duration"),
            claim("gamma", "lasted 44 days", "44 day", kind="duration"),
        ],
    )
    tanks = Finding(
        fingerprint=_fingerprint("tanks"),
        verdict=Verdict.CONTRADICTION,
        category="quantity",
        rule="C101",
        rule_name="quantity mismatch",
        fact="tanks lost by Armenia",
        explanation="200 and 120 tanks share no value (confidence 0.45: the event differs).",
        differences=["value"],
        uncertain=True,
        confidence=0.45,
        identity=slots(
            measure="same:tanks",
            subject="unstated",
            event="one_side:destroyed",
            time="unstated",
            dimension="same:count",
            source="different:officials / army",
        ),
        sources=2,
        independent_sources=2,
        claims=[
            claim("alpha", "200 tanks", "200 tanks"),
            claim("beta", "Some 120 tanks", "~120 tanks", normalisation="'some': ±10%"),
        ],
    )
    toll = Finding(
        fingerprint=_fingerprint("toll"),
        verdict=Verdict.UPDATE,
        category="quantity",
        rule="C101",
        rule_name="quantity mismatch",
        fact="soldiers killed",
        explanation="One figure reported as it changes: 150 (2020-09-30) -> 381 (2020-10-05) "
        "-> close to 600 (2020-10-09).",
        differences=["value"],
        sources=3,
        independent_sources=3,
        # deliberately not in time order (by seed): reports sort by as_of
        claims=[
            claim("alpha", "381 soldiers", "381 soldiers", as_of="2020-10-05"),
            claim("beta", "150 soldiers", "150 soldiers", as_of="2020-09-30"),
            claim(
                "gamma",
                "Close to 600 soldiers",
                "[540, 600] soldiers",
                normalisation="hedge 'close to': [N*(1-0.10), N]",
                as_of="2020-10-09",
            ),
        ],
    )
    # engine order: by verdict, contradictions not by confidence (the reports rank them)
    return [tanks, settlements, end_date, title, toll, hedge, wording, duration]


def single_source() -> list[FindingClaim]:
    return [
        claim("beta", '"100% done:: yes, no"', "100% done:: yes, no", kind="quote"),
        claim("gamma", "spoke first", "spoke first", kind="statement"),
    ]


def sample_report() -> Report:
    """A report with every verdict and decision, uncertain contradictions, an update, and
    hostile text in quotes and notes."""
    found = findings()
    singles = single_source()
    return Report(
        checker_version="0.0.0-test",
        seeds=[
            SeedInfo(id=seed, sha256=hashlib.sha256(text.encode()).hexdigest(), metadata=META[seed])
            for seed, text in SEEDS.items()
        ],
        summary=Summary(
            sources=3,
            claims=sum(len(f.claims) for f in found) + len(singles),
            facts=len(found) + len(singles),
            agreement=1,
            variance=2,
            update=1,
            contradiction=4,
            uncertain=2,
            single_source=len(singles),
        ),
        findings=found,
        single_source=singles,
    )
