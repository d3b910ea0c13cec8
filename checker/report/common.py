"""Helpers every report format shares: seed paths, ordering, decisions, messages,
the confidence and identity evidence of contradictions, the time line of updates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from checker.schema import (
    VERDICT_ORDER,
    DecisionKind,
    Finding,
    FindingClaim,
    SlotMatch,
    SlotStatus,
    Verdict,
)

# Decisions after which a finding needs no further action from an editor.
SETTLED = frozenset({DecisionKind.DISMISSED, DecisionKind.ACCEPTED})

VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.CONTRADICTION: "Contradiction",
    Verdict.UPDATE: "Update",
    Verdict.VARIANCE: "Variance",
    Verdict.AGREEMENT: "Agreement",
}
VERDICT_PLURALS: dict[Verdict, str] = {
    Verdict.CONTRADICTION: "Contradictions",
    Verdict.UPDATE: "Updates",
    Verdict.VARIANCE: "Variances",
    Verdict.AGREEMENT: "Agreements",
}


def seed_path(seed: str) -> str:
    """The repository-relative path of a seed, as CI tools locate it."""
    return f"seeds/{seed}.txt"


def location(claim: FindingClaim) -> str:
    """``seeds/<id>.txt:LINE`` of a claim."""
    return f"{seed_path(claim.seed)}:{claim.line}"


def is_settled(finding: Finding) -> bool:
    """True when an editor dismissed or accepted the finding."""
    return finding.review is not None and finding.review.decision in SETTLED


def contradiction_rank(finding: Finding) -> tuple[bool, float]:
    """Sort key of a contradiction: confident before uncertain, then by confidence,
    highest first (no confidence given counts as certain)."""
    confidence = 1.0 if finding.confidence is None else finding.confidence
    return (finding.uncertain, -confidence)


def ranked_contradictions(findings: Iterable[Finding]) -> list[Finding]:
    """The contradictions among ``findings`` by :func:`contradiction_rank` (ties keep
    report order)."""
    return sorted(
        (f for f in findings if f.verdict is Verdict.CONTRADICTION), key=contradiction_rank
    )


def by_verdict(findings: Iterable[Finding]) -> dict[Verdict, list[Finding]]:
    """Findings grouped by verdict, in :data:`VERDICT_ORDER`; report order kept inside,
    except contradictions, ranked by :func:`contradiction_rank`."""
    groups: dict[Verdict, list[Finding]] = {verdict: [] for verdict in VERDICT_ORDER}
    for finding in findings:
        groups[finding.verdict].append(finding)
    groups[Verdict.CONTRADICTION].sort(key=contradiction_rank)
    return groups


def independence(finding: Finding) -> str:
    """ "3 sources, 1 independent origin"."""
    origins = finding.independent_sources
    return f"{finding.sources} sources, {origins} independent origin{'s' if origins != 1 else ''}"


_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_BEFORE_FIGURE = re.compile(r"^[^\d]*?(?=\d)")


def value_side(value: str) -> str:
    """What a claim's value says once its hedge and notes are set aside: "around 300",
    "nearly 300" and "300" are one side; "2020-09-27 (year inferred)" is "2020-09-27".
    Values without a figure (a title, a quote) are their own side."""
    side = value
    while _NOTE.search(side):
        side = _NOTE.sub("", side)
    if any(ch.isdigit() for ch in side):
        side = _BEFORE_FIGURE.sub("", side)
    return side.strip() or value


def sides(finding: Finding) -> dict[str, list[FindingClaim]]:
    """A finding's claims grouped by :func:`value_side`, in the finding's order."""
    grouped: dict[str, list[FindingClaim]] = {}
    for claim in finding.claims:
        grouped.setdefault(value_side(claim.value), []).append(claim)
    return grouped


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) into one space."""
    return " ".join(text.split())


# ---- contradictions: confidence and identity evidence -------------------------------------

# Order of the identity slots when shown; slots the engine adds later come after, by name.
SLOT_ORDER = ("measure", "subject", "event", "time", "dimension")
# How a slot's status reads; a status without an entry reads as its value.
SLOT_STATUS_LABELS: dict[SlotStatus, str] = {
    SlotStatus.SAME: "same",
    SlotStatus.ONE_SIDE: "one side only",
    SlotStatus.UNSTATED: "unstated",
}


def slot_status_label(status: SlotStatus) -> str:
    """``same``, ``one side only``, ``different``, ``unstated``."""
    return SLOT_STATUS_LABELS.get(status, status.value.replace("_", " "))


def confidence_text(finding: Finding) -> str | None:
    """``confidence 0.85``, or None when the finding carries no confidence."""
    if finding.confidence is None:
        return None
    return f"confidence {finding.confidence:.2f}"


def sorted_identity(finding: Finding) -> list[SlotMatch]:
    """The identity slots in :data:`SLOT_ORDER` (unknown slots after, by name)."""
    rank = {slot: i for i, slot in enumerate(SLOT_ORDER)}
    return sorted(finding.identity, key=lambda s: (rank.get(s.slot, len(rank)), s.slot))


def slot_text(slot: SlotMatch) -> str:
    """``measure "killed"`` or ``time`` (no value)."""
    value = one_line(slot.value) if slot.value else ""
    return f"{slot.slot} \u201c{value}\u201d" if value else slot.slot


def identity_text(finding: Finding) -> str | None:
    """The identity evidence in one line, grouped by status, e.g.
    ``same: measure "killed", event "quake"; one side only: time "3 Aug"; unstated: dimension``;
    None when the finding has none."""
    if not finding.identity:
        return None
    parts = []
    for status in SlotStatus:  # same, one side only, different, unstated
        slots = [slot_text(s) for s in sorted_identity(finding) if s.status is status]
        if slots:
            parts.append(f"{slot_status_label(status)}: {', '.join(slots)}")
    return "; ".join(parts)


def uncertain_label(finding: Finding) -> str | None:
    """``uncertain`` for an uncertain finding, else None."""
    return "uncertain" if finding.uncertain else None


# ---- updates: the figure over time ---------------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _as_of_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def timeline(finding: Finding) -> list[FindingClaim]:
    """The claims in time order: by ``as_of`` (ISO dates sort as text), claims without
    a date last; ties keep report order."""
    return sorted(finding.claims, key=lambda c: (c.as_of is None, c.as_of or ""))


def as_of_label(value: str | None, *, year: bool = False) -> str:
    """``3 Aug`` (``3 Aug 2020`` with ``year``) for an ISO date; other text as given;
    ``date unknown`` for None."""
    if value is None:
        return "date unknown"
    day = _as_of_date(value)
    if day is None:
        return value
    label = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{label} {day.year}" if year else label


def timeline_steps(finding: Finding) -> list[tuple[str, str, int]]:
    """``(what was said, when, how many claims)`` in time order; consecutive claims that
    say the same for the same date are one step. Dates show their year when the claims
    span more than one year."""
    years = {d.year for d in (_as_of_date(c.as_of) for c in finding.claims) if d is not None}
    steps: list[tuple[str, str, int]] = []
    previous: tuple[str, str | None] | None = None
    for claim in timeline(finding):
        key = (one_line(claim.text).casefold(), claim.as_of)
        if key == previous:
            text, when, count = steps[-1]
            steps[-1] = (text, when, count + 1)
            continue
        previous = key
        steps.append((one_line(claim.text), as_of_label(claim.as_of, year=len(years) > 1), 1))
    return steps


def timeline_text(finding: Finding, arrow: str = " \u2192 ") -> str:
    """``150 (3 Aug) → 381 (4 Aug) → close to 600 (6 Aug, 2 sources)``."""
    return arrow.join(
        f"{text} ({when}{f', {count} sources' if count > 1 else ''})"
        for text, when, count in timeline_steps(finding)
    )


def finding_message(finding: Finding) -> str:
    """A plain-text description: verdict and fact, explanation, confidence and identity
    (contradictions) or the time line (updates), then one line per claim with its
    location, quote and value (updates: in time order, with the date). May contain
    newlines (callers escape)."""
    lines = [f"{VERDICT_LABELS[finding.verdict]}: {finding.fact}", finding.explanation]
    if finding.differences:
        lines.append("Differs in: " + ", ".join(finding.differences))
    certainty = [t for t in (uncertain_label(finding), confidence_text(finding)) if t]
    if certainty:
        lines.append(", ".join(certainty).capitalize())
    identity = identity_text(finding)
    if identity is not None:
        lines.append(f"Identity: {identity}")
    update = finding.verdict is Verdict.UPDATE
    if update:
        lines.append(f"Over time: {timeline_text(finding)}")
    for claim in timeline(finding) if update else finding.claims:
        when = f" (as of {claim.as_of})" if update and claim.as_of else ""
        lines.append(f"{location(claim)} \u201c{claim.text}\u201d = {claim.value}{when}")
    if finding.review is not None:
        lines.append(f"Editor: {finding.review.decision.value} by {finding.review.reviewer}")
    return "\n".join(lines)
