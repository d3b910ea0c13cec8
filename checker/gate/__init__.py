"""The CI gate: claims freshness and validity, findings and editor decisions -> exit code.

Also home of ``checker add`` (:mod:`checker.gate.intake`): adding a seed is the
change the gate guards, and the same diff of findings tells the author what
the new article changed.
"""

from __future__ import annotations

from checker.gate.core import EXIT_FAILED, EXIT_PASSED, GateResult, run_gate, validate
from checker.gate.output import FORMATS, render
from checker.gate.problems import RULES, GateRule, Location, Problem

__all__ = [
    "EXIT_FAILED",
    "EXIT_PASSED",
    "FORMATS",
    "RULES",
    "GateResult",
    "GateRule",
    "Location",
    "Problem",
    "render",
    "run_gate",
    "validate",
]
