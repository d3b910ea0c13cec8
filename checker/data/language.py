"""English news language data: hedges, numbers, calendar, titles, verbs, furniture.

:func:`load_language` reads the bundled TOML files once and returns a frozen
:class:`Language` whose tables the text and extract layers use. The files are
reviewed data: change them, not code, to teach the extractor a new word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from checker.data.folding import fold
from checker.data.loader import load_bundled


@dataclass(frozen=True)
class Language:
    hedges: dict[str, str]  # folded phrase -> Hedge value
    vague: dict[str, tuple[float, float | None]]  # folded word -> (low, high)
    number_words: dict[str, int]  # units and tens: "two" -> 2, "forty" -> 40
    scales: dict[str, int]
    number_nouns: dict[str, int]
    ordinals: dict[str, int]
    time_units: dict[str, str]
    months: dict[str, int]  # folded name without period -> month
    weekdays: dict[str, int]
    future_markers: tuple[str, ...]
    time_anaphors: tuple[str, ...]  # "under him", "at the time": the time just told of
    abbreviations: frozenset[str]
    attribution_verbs: frozenset[str]
    finite_verbs: frozenset[str]
    negations: tuple[str, ...]
    issuing_verbs: tuple[str, ...]
    speaker_nouns: frozenset[str]
    statement_nouns: tuple[str, ...]
    title_heads: tuple[str, ...]
    title_key_drop: frozenset[str]
    relative_titles: frozenset[str]
    title_modifiers: frozenset[str]
    title_abbreviations: dict[str, str]  # "Gov." -> "Governor"
    organisation_nouns: frozenset[str]  # folded: a name ending in one names no person
    same_office: dict[str, str]  # folded title key -> the office's usual key
    teaser: tuple[re.Pattern[str], ...]
    source: tuple[re.Pattern[str], ...]
    caption_credit: tuple[re.Pattern[str], ...]
    credit_line: tuple[re.Pattern[str], ...]
    heading_max_words: int
    stopwords: frozenset[str]


def _strs(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    return [str(v) for v in value]


def _ints(table: dict[str, Any]) -> dict[str, int]:
    return {fold(str(k)): int(v) for k, v in table.items()}


@functools.cache
def load_language() -> Language:
    """The bundled language data (read once per process)."""
    hedges_data = load_bundled("hedges.toml")
    numbers = load_bundled("numbers.toml")
    calendar = load_bundled("calendar.toml")
    verbs = load_bundled("verbs.toml")
    titles = load_bundled("titles.toml")
    furniture = load_bundled("furniture.toml")
    hedges = {
        fold(phrase): hedge for hedge, phrases in hedges_data["hedge"].items() for phrase in phrases
    }
    vague = {
        fold(word): (float(low), None if high < 0 else float(high))
        for word, (low, high) in hedges_data["vague"].items()
    }
    months = {
        fold(name).rstrip("."): int(number)
        for number, names in calendar["months"].items()
        for name in names
    }
    weekdays = {
        fold(name).rstrip("."): int(number)
        for number, names in calendar["weekdays"].items()
        for name in names
    }
    return Language(
        hedges=hedges,
        vague=vague,
        number_words={**_ints(numbers["units"]), **_ints(numbers["tens"])},
        scales=_ints(numbers["scales"]),
        number_nouns=_ints(numbers["nouns"]),
        ordinals=_ints(numbers["ordinals"]),
        time_units={fold(k): str(v) for k, v in numbers["time_units"].items()},
        months=months,
        weekdays=weekdays,
        future_markers=tuple(fold(w) for w in _strs(calendar["tense"], "future")),
        time_anaphors=tuple(_strs(calendar["anaphora"], "time")),
        abbreviations=frozenset(_strs(load_bundled("abbreviations.toml"), "abbreviations")),
        attribution_verbs=frozenset(fold(v) for v in _strs(verbs, "attribution")),
        finite_verbs=frozenset(fold(v) for v in _strs(verbs, "finite")),
        negations=tuple(fold(v) for v in _strs(verbs, "negation")),
        issuing_verbs=tuple(fold(v) for v in _strs(verbs, "issuing")),
        speaker_nouns=frozenset(fold(v) for v in _strs(verbs, "speaker_nouns")),
        statement_nouns=tuple(fold(v) for v in _strs(verbs, "statement_nouns")),
        title_heads=tuple(
            sorted(
                {*_strs(titles, "heads"), *titles.get("abbreviated", {})},
                key=lambda s: (-len(s), s),
            )
        ),
        title_key_drop=frozenset(fold(v) for v in _strs(titles, "key_drop")),
        relative_titles=frozenset(fold(v) for v in _strs(titles, "relative")),
        title_modifiers=frozenset(_strs(titles, "modifiers")),
        title_abbreviations={str(k): str(v) for k, v in titles.get("abbreviated", {}).items()},
        organisation_nouns=frozenset(fold(v) for v in _strs(titles, "organisation_nouns")),
        same_office={fold(str(k)): str(v) for k, v in titles.get("same_office", {}).items()},
        teaser=tuple(re.compile(p) for p in _strs(furniture, "teaser")),
        source=tuple(re.compile(p) for p in _strs(furniture, "source")),
        caption_credit=tuple(re.compile(p) for p in _strs(furniture, "caption_credit")),
        credit_line=tuple(re.compile(p) for p in _strs(furniture, "credit_line")),
        heading_max_words=int(furniture.get("heading_max_words", 16)),
        stopwords=frozenset(fold(v) for v in _strs(load_bundled("stopwords.toml"), "stopwords")),
    )
