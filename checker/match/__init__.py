"""Matching: claims of all seeds -> facts (blocking, rapidfuzz scoring, clustering),
plus shared wire copy, so that independent corroboration can be counted."""

from __future__ import annotations

from checker.match.cluster import ClaimRef
from checker.match.describe import describe
from checker.match.facts import Fact, MatchResult, match_claims, pool_threshold, score_keys
from checker.match.keys import MatchKey, match_key
from checker.match.sources import SeedText, SeedTexts
from checker.match.vocabulary import Vocabulary
from checker.match.wire import Origins, Sentence, find_origins

__all__ = [
    "ClaimRef",
    "Fact",
    "MatchKey",
    "MatchResult",
    "Origins",
    "SeedText",
    "SeedTexts",
    "Sentence",
    "Vocabulary",
    "describe",
    "find_origins",
    "match_claims",
    "match_key",
    "pool_threshold",
    "score_keys",
]
