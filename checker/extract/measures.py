"""What a percentage or a sum of money measures: units that name the measured thing.

A bare "percent" or "dollars" names no fact: "inflation 3.4%" and "unemployment
5.8%" are different facts, as are a £40m fee and £5m in add-ons. These helpers
give such figures a unit with the thing measured ("percent inflation",
"pounds add-ons"), read from ``checker/data/measures.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.extract.context import WORD, SentenceContext

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# How far back a percentage looks for the noun it measures, in words.
_LOOK_BACK = 15
_CONJUNCTIONS = frozenset(["and", "but", "or", "while", "whereas", "as", "with", "up", "down"])
_ORDINALS = frozenset(["first", "second", "third", "fourth", "next", "last", "previous"])
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that"])
# A money figure's purpose after it ("£5m in add-ons", "$2bn for reconstruction") ...
_PURPOSE_AFTER = re.compile(r"\s+(?:in|for|on)\s+(?:the\s+|new\s+)?(?P<noun>[a-z][\w-]{2,})")
# ... or the noun it is the value of before it ("a fee of £40m", "add-ons worth up to £5m").
_VALUE_OF = re.compile(r"(?P<noun>[a-z][\w-]{2,})\s+(?:of|worth|totall?ing|by)\s*$")
# "the unemployment rate": a generic measure takes the specific one before it.
_GENERIC = frozenset(["rate", "rates", "index", "target"])


# A count whose counted thing is the sentence's subject: "the death toll rose to more
# than 150", "the number of people killed ... has reached nearly 200".
_TOLL = re.compile(r"\b(?:(?P<kind>death|casualty|injury)\s+)?toll\b", re.I)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<noun>[a-z]+)(?:\s+(?P<verb>[a-z]+ed|hurt|dead))?")
# A passive or intransitive verb after the counted thing: "1,450 people had been injured".
_VERB_AFTER = re.compile(
    r"\s+(?:(?:had|have|has)\s+)?(?:(?:been|were|was|are|is)\s+)?(?P<verb>[a-z]+ed|died|hurt)\b"
)


@dataclass(frozen=True)
class Measures:
    percent_nouns: frozenset[str]
    symbols: dict[str, str]
    words: dict[str, str]
    money: re.Pattern[str]
    casualties: dict[str, str]
    percent_aliases: dict[str, str]
    counted_before: re.Pattern[str]
    window_units: frozenset[str]


@functools.cache
def measures() -> Measures:
    """The bundled measure data and the money regex built from it."""
    data = load_bundled("measures.toml")
    symbols = {str(k): str(v) for k, v in data["symbols"].items()}
    words = {fold(str(k)): str(v) for k, v in data["words"].items()}
    alternation = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    scales = "|".join(sorted(_SCALES, key=len, reverse=True))
    money = re.compile(
        rf"(?<![\w$£€¥₹])(?P<sym>{alternation})\s?(?P<num>{_DIGITS})"
        rf"(?:\s?(?P<scale>{scales})\b)?(?![\w]|[.,]\d)"
    )
    nouns = frozenset(fold(str(n)) for n in data["percent_nouns"])
    casualties = {fold(str(k)): str(v) for k, v in data["casualties"].items()}
    aliases = {fold(str(k)): str(v) for k, v in data["percent_aliases"].items()}
    before = "|".join(sorted((fold(str(n)) for n in data["counted_before"]), key=len, reverse=True))
    counted_before = re.compile(rf"\b(?P<noun>(?i:{before}))\s+of\s+$")
    window = frozenset(fold(str(u)) for u in data["window_units"])
    return Measures(nouns, symbols, words, money, casualties, aliases, counted_before, window)


def measure_before(ctx: SentenceContext, start: int) -> str | None:
    """The noun that says what the figure at ``start`` counts when it comes before the
    figure with "of": "a majority of 176 MPs" -> "majority"."""
    found = measures().counted_before.search(ctx.text, max(0, start - 16), start)
    return fold(found.group("noun")) if found else None


def subject_count(ctx: SentenceContext, start: int) -> tuple[str, str | None] | None:
    """The counted thing a figure with no noun after it takes from the sentence's
    subject: ("people", "killed") for "the death toll rose to 150", ("people",
    "killed") for "the number of people killed has reached 200"."""
    before = ctx.text[:start]
    number_of = _last(_NUMBER_OF.finditer(before))
    if number_of is not None:
        verb = number_of.group("verb")
        action = measures().casualties.get(fold(verb), fold(verb)) if verb else None
        return fold(number_of.group("noun")), action
    toll = _last(_TOLL.finditer(before))
    if toll is not None:
        kind = fold(toll.group("kind") or "death")
        return "people", "injured" if kind == "injury" else "killed"
    return None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        continue
    return found


def casualty(unit: str, action: str | None) -> tuple[str, str | None]:
    """ "120 dead" -> ("people", "killed"): a casualty word counts people."""
    found = measures().casualties.get(fold(unit))
    return ("people", found) if found else (unit, action)


def verb_after(ctx: SentenceContext, end: int) -> str | None:
    """The verb right after a counted thing: "1,450 people had been injured" -> "injured"."""
    match = _VERB_AFTER.match(ctx.text, end)
    return fold(match.group("verb")) if match else None


def money_value(match: re.Match[str]) -> float:
    """The amount a money match states: "£40m" -> 40,000,000."""
    value = float(match.group("num").replace(",", ""))
    scale = match.group("scale")
    return value * _SCALES[scale.lower()] if scale else value


def currency_word(unit: str) -> str | None:
    """``"dollars"`` for a counted thing that starts with a currency word ("dollars next
    year"): the sum is in that currency, whatever words follow."""
    words = unit.split()
    return measures().words.get(fold(words[0])) if words else None


def money_unit(ctx: SentenceContext, currency: str, start: int, end: int) -> str:
    """The currency plus what the sum is the value of ("a fee of £40m") or pays for
    ("£5m in add-ons"), when the sentence says so."""
    before = _VALUE_OF.search(ctx.text, max(0, start - 40), start)
    if before:  # "a net profit of $1.2bn for the third quarter": the profit
        return f"{currency} {fold(before.group('noun'))}"
    after = _PURPOSE_AFTER.match(ctx.text, end)
    if after and fold(after.group("noun")) not in _DETERMINERS | _ORDINALS:
        return f"{currency} {fold(after.group('noun'))}"
    return currency


def _measure(noun: str) -> str:
    return measures().percent_aliases.get(noun, noun)


def percent_unit(ctx: SentenceContext, start: int, end: int) -> str | None:
    """``"percent <measured noun>"``: the measured noun right after the figure ("a 5%
    stake", "5% of GDP"), else the nearest one before it in the sentence ("inflation
    cooled to 3.4%"), else a name in the clause's subject ("the Social Democrats took
    24.1 percent"), else the clause's first content word ("The loonie rose 0.3%").
    ``None`` when the clause names nothing ("..., from 3.1 per cent in November"): a
    bare percentage would pair with any other and is not checkable."""
    nouns = measures().percent_nouns
    after = re.match(r"\s+(?:of\s+(?:the\s+)?)?(?P<w>[A-Za-z]+)", ctx.text[end:])
    if after and fold(after.group("w")) in nouns:
        return f"percent {_measure(fold(after.group('w')))}"
    before = list(WORD.finditer(ctx.text, 0, start))[-_LOOK_BACK:]
    for match in reversed(before):
        word = match.group(0)
        if word[0].isdigit():
            break  # another figure's words are that figure's
        if fold(word) in nouns:
            previous = ctx.text[: match.start()].split()[-1:]
            if fold(word) in _GENERIC and previous and fold(previous[0]) in nouns - {"interest"}:
                return f"percent {_measure(fold(previous[0]))}"  # "unemployment rate"
            return f"percent {_measure(fold(word))}"
    # No measure noun: the clause's subject names what has the share ("the Social
    # Democrats took 112 seats with 24.1 percent"): its first name, else first word.
    clause_start, _ = ctx.clause(start, end)
    words = [
        m.group(0)
        for m in WORD.finditer(ctx.text, clause_start, start)
        if fold(m.group(0)) not in _DETERMINERS and fold(m.group(0)) not in _CONJUNCTIONS
    ]
    first = next((i for i, w in enumerate(words) if w[0].isupper()), None)
    if first is not None:
        run = [words[first]]
        for word in words[first + 1 :]:
            if not word[0].isupper():
                break
            run.append(word)
        return f"percent {fold(' '.join(run))}"
    stop = ctx.art.lang.stopwords
    plain = [w for w in words if not w[0].isdigit() and fold(w) not in stop]
    return f"percent {fold(plain[0])}" if plain else None  # a share of nothing named
