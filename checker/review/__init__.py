"""Editor review: the decision store (reports/review.jsonl) and the local web app."""

from __future__ import annotations

from checker.review.store import DecisionStore, attach_decisions

__all__ = ["DecisionStore", "attach_decisions"]
