"""The rule registry: each extraction rule is a small registered unit.

A rule has a code (``Q001``: the letter names the claim kind: Q quantity,
D date, U duration, S speech/quote, R role, T statement), a human name, and a
docstring that is its user documentation. Rules run in registration order on
every sentence; each returns the claims it found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.extract.context import SentenceContext
    from checker.schema.claims import ClaimBase

RuleFunc = Callable[["SentenceContext"], "list[ClaimBase]"]
KIND_LETTERS = {
    "Q": "quantity",
    "D": "date",
    "U": "duration",
    "S": "quote",
    "R": "role",
    "T": "statement",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    doc: str
    func: RuleFunc
    sections: frozenset[str]


RULES: dict[str, Rule] = {}
# Run order by kind: roles name the people later rules resolve; dates and
# durations claim their numbers before quantities; quotes come before statements.
RUN_ORDER = "RDUQST"


def ordered_rules() -> list[Rule]:
    """The registered rules in run order."""
    return sorted(RULES.values(), key=lambda r: (RUN_ORDER.index(r.code[0]), r.code))


def rule(
    code: str, name: str, *, sections: tuple[str, ...] = ("body",)
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as rule ``code``; its docstring documents the rule."""
    kind = KIND_LETTERS[code[0]]

    def register(func: RuleFunc) -> RuleFunc:
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        doc = (func.__doc__ or "").strip()
        RULES[code] = Rule(code, name, kind, doc, func, frozenset(sections))
        return func

    return register
