"""What the gate reports: a :class:`Problem` (one rule broken) at one or more :class:`Location`.

Problems are plain data; :mod:`checker.gate.output` renders them for a terminal
or a CI service. Only ``error`` problems fail the gate; ``warning`` and
``notice`` problems are printed and let it pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "notice"]
LEVEL_RANK: dict[str, int] = {"error": 0, "warning": 1, "notice": 2}


@dataclass(frozen=True)
class GateRule:
    """A gate rule: a short code, a name, and what an editor does about it."""

    code: str
    name: str
    description: str


MISSING_CLAIMS = GateRule(
    "G001", "missing-claims", "A seed has no claims file: run `checker extract`."
)
STALE_CLAIMS = GateRule(
    "G002",
    "stale-claims",
    "A claims file was extracted from another version of its seed: run `checker extract`.",
)
INVALID_CLAIMS = GateRule(
    "G003",
    "invalid-claims",
    "A claims file fails the schema: correct it, or delete it and run `checker extract`.",
)
OLD_EXTRACTOR = GateRule(
    "G004",
    "old-extractor",
    "A claims file was written by another extractor version: run `checker extract`.",
)
ORPHAN_CLAIMS = GateRule(
    "G005", "orphan-claims", "A claims file has no seed: delete it, or restore its seed."
)
BAD_DECISION = GateRule(
    "G006",
    "unreadable-decision",
    "A line of reports/review.jsonl does not parse and is skipped: its decision does not count.",
)
OPEN_CONTRADICTION = GateRule(
    "G101",
    "open-contradiction",
    "A contradiction has no editor decision, or one the policy blocks on "
    "([tool.checker.gate] block_on).",
)
OPEN_VARIANCE = GateRule(
    "G102",
    "open-variance",
    "A variance has no editor decision (only with [tool.checker.gate] fail_on_variance).",
)
UNCERTAIN_CONTRADICTION = GateRule(
    "G103",
    "uncertain-contradiction",
    "A contradiction below the confidence threshold (or resting on an inferred value) "
    "awaits an editor: a warning; it blocks only with [tool.checker.gate] block_uncertain.",
)
RULES: tuple[GateRule, ...] = (
    MISSING_CLAIMS,
    STALE_CLAIMS,
    INVALID_CLAIMS,
    OLD_EXTRACTOR,
    ORPHAN_CLAIMS,
    BAD_DECISION,
    OPEN_CONTRADICTION,
    OPEN_VARIANCE,
    UNCERTAIN_CONTRADICTION,
)


@dataclass(frozen=True)
class Location:
    """A place in a file: ``file`` as CI tools see it (relative to the working
    directory), 1-based ``line``/``column``; ``end_column`` is just past the span."""

    file: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    snippet: str | None = None
    label: str | None = None  # e.g. "000: 300" for a claim inside a finding

    def where(self) -> str:
        """``file:line:column`` with the parts that are known."""
        text = self.file
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Problem:
    """One broken rule. ``locations[0]`` is where it is reported first.

    ``message`` is one line; ``detail`` (may be several lines) and ``hint`` (what
    to do) complete it. ``seeds`` are the seed ids involved; ``new`` is set when
    one of them was added or changed since the ``--since`` revision.
    """

    rule: GateRule
    level: Level
    message: str
    locations: tuple[Location, ...]
    hint: str = ""
    detail: str = ""
    seeds: tuple[str, ...] = ()
    fingerprint: str | None = None
    state: str | None = None  # review state of a finding: unreviewed, confirmed, ...
    new: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return self.level == "error"

    def sort_key(self) -> tuple[object, ...]:
        first = self.locations[0] if self.locations else Location("")
        return (
            not self.new,
            LEVEL_RANK[self.level],
            self.rule.code,
            first.file,
            first.line or 0,
            first.column or 0,
            self.fingerprint or "",
            self.message,
        )


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """New problems first, then errors before warnings, then by rule and place."""
    return sorted(problems, key=Problem.sort_key)


def problem_text(problem: Problem) -> str:
    """The full message of a problem (several lines: message, detail, fingerprint, hint)."""
    parts = [problem.message]
    if problem.detail:
        parts.append(problem.detail)
    if problem.fingerprint:
        parts.append(f"Fingerprint: {problem.fingerprint}")
    if problem.hint:
        parts.append(f"To fix: {problem.hint}")
    return "\n".join(parts)
