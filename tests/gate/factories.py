"""Hand-made reports, findings and decisions for gate unit tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from checker.schema import (
    Decision,
    DecisionKind,
    Finding,
    FindingClaim,
    Report,
    SentenceRef,
    Summary,
    Verdict,
)


def claim(seed: str, value: str, *, line: int = 3, column: int = 5, text: str = "") -> FindingClaim:
    text = text or f"{value} settlements"
    digest = hashlib.sha256(f"{seed}{value}".encode()).hexdigest()[:12]
    return FindingClaim(
        seed=seed,
        claim_id=f"{seed}:quantity:{digest}",
        kind="quantity",
        rule="Q001",
        text=text,
        start=10,
        end=10 + len(text),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        sentence=SentenceRef(start=0, end=40, text=f"It retook {text}."),
        value=value,
    )


def finding(
    verdict: Verdict | str,
    values: dict[str, str],
    *,
    fact: str = "settlements retaken",
    line: int = 3,
    uncertain: bool = False,
    confidence: float | None = None,
) -> Finding:
    verdict = Verdict(verdict)
    digest = hashlib.sha256(f"{verdict}{fact}{sorted(values.items())}".encode()).hexdigest()
    return Finding(
        fingerprint=f"quantity:{digest[:16]}",
        verdict=verdict,
        category="quantity",
        rule="C101",
        rule_name="quantity mismatch",
        fact=fact,
        explanation="the sources give different numbers",
        uncertain=uncertain,
        confidence=confidence,
        sources=len(values),
        independent_sources=len(values),
        claims=[claim(seed, value, line=line) for seed, value in sorted(values.items())],
    )


def report(*findings: Finding, seeds: tuple[str, ...] = ()) -> Report:
    return Report(
        checker_version="test",
        seeds=[],
        summary=Summary(
            sources=len(seeds),
            claims=0,
            facts=len(findings),
            agreement=sum(f.verdict is Verdict.AGREEMENT for f in findings),
            variance=sum(f.verdict is Verdict.VARIANCE for f in findings),
            update=sum(f.verdict is Verdict.UPDATE for f in findings),
            contradiction=sum(f.verdict is Verdict.CONTRADICTION for f in findings),
            uncertain=sum(f.verdict is Verdict.CONTRADICTION and f.uncertain for f in findings),
            single_source=0,
        ),
        findings=list(findings),
        single_source=[],
    )


def decision(fingerprint: str, kind: DecisionKind | str, note: str = "checked") -> Decision:
    return Decision(
        fingerprint=fingerprint,
        decision=DecisionKind(kind),
        reviewer="Editor",
        note=note,
        at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    )
