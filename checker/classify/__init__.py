"""Classification: each fact -> verdict, differences, explanation, fingerprint.

Rules live one per module and register themselves in :data:`REGISTRY`;
:func:`judge` picks the rule for a fact and compares its claims.
"""

from __future__ import annotations

from checker.classify import dates, durations, numbers, quotes, statements, titles
from checker.classify.fingerprint import FINGERPRINT_VERSION, fingerprint
from checker.classify.judge import Judgement, judge
from checker.classify.registry import REGISTRY, Context, Outcome, Rule, rule_for

# The rule modules register on import; keep them referenced.
RULE_MODULES = (numbers, dates, durations, titles, quotes, statements)

__all__ = [
    "FINGERPRINT_VERSION",
    "REGISTRY",
    "RULE_MODULES",
    "Context",
    "Judgement",
    "Outcome",
    "Rule",
    "fingerprint",
    "judge",
    "rule_for",
]
