"""checker: cross-reference news articles and report agreements, variances and contradictions."""

from checker.config import Settings, load_settings
from checker.errors import CheckerError
from checker.schema import Claim, ClaimFile, Decision, Finding, Report, Verdict
from checker.version import CHECKER_VERSION as __version__

__all__ = [
    "CheckerError",
    "Claim",
    "ClaimFile",
    "Decision",
    "Finding",
    "Report",
    "Settings",
    "Verdict",
    "__version__",
    "load_settings",
]
