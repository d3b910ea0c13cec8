"""Numbers written with digits or words: find them, and read their value.

``parse_number("80 million") == 80_000_000``, ``parse_number("forty-four") == 44``,
``parse_number("1,960") == 1960``, ``parse_number("23.000") == 23000`` (European
grouping: see :func:`european`), ``parse_number("5-1/4") == 5.25`` and
``parse_number("two and a half") == 2.5`` (a whole number and a fraction: see
:func:`fraction_pattern`). The finder regex is built once from the number words in
``checker/data/numbers.toml``.
"""

from __future__ import annotations

import functools
import re

from checker.data.folding import fold
from checker.data.language import Language, load_language
from checker.data.loader import load_bundled
from checker.data.trie import trie_pattern

# Thousands grouped with commas ("1,960"), with dots ("1.200.000", "23.000": see
# :func:`european`), or none; then decimals.
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.-])|\d+(?:\.\d+)?"
)
# Thousands grouped with spaces ("14 000 jobs", "1 200 000"), as much of Europe writes them.
_SPACE_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?![\d-]))")
_EUROPEAN = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SPLIT = re.compile(r"[\s-]+")
_ATTACHED = re.compile(r"^([\d.,]+)(bn|mn|tn)$")


@functools.cache
def number_pattern() -> re.Pattern[str]:
    """A regex matching one number: digits or words, with optional scale words.

    Group ``num`` is the number. Matches are case-insensitive for words.
    """
    lang = load_language()
    units = sorted(lang.number_words, key=len, reverse=True)
    scales = sorted(lang.scales, key=len, reverse=True)
    word = trie_pattern(units)
    scale = trie_pattern(scales)
    word_number = rf"(?:{word})(?:[- ](?:{word}|{scale})\b)*"
    attached = r"(?:bn|mn|tn)\b"  # "4.5bn": unambiguous attached scales ("40m" may be metres)
    with_scale = rf"(?:(?:{_DIGITS})(?:{attached}|(?:[ -](?:{scale})\b)*)|{word_number})"
    # Not a clock time's minutes or hours ("04:17", "4:17 a.m."): ":" next to a digit.
    return re.compile(rf"(?<![\w.,])(?<!\d:)(?P<num>(?i:{with_scale}))(?![\w]|[.,:]\d)")


@functools.cache
def _fractions() -> tuple[dict[str, float], dict[str, float]]:
    """``[fractions]`` of ``numbers.toml``: (words after "and a", signs such as "¼")."""
    table = load_bundled("numbers.toml")["fractions"]
    words = {fold(str(k)): float(v) for k, v in table["words"].items()}
    signs = {str(k): float(v) for k, v in table["signs"].items()}
    return words, signs


@functools.cache
def fraction_pattern(whole: str) -> str:
    """A regex (no groups) for a whole number written as ``whole`` followed by a
    fraction: "two and a half", "22-and-a-half", "5-1/4", "5 1/4", "5¼", "9½".

    A slash fraction needs a numerator below its denominator and no further slash or
    digit ("5 1/4" but not "5 3/4/2021", a date); it follows digits only.
    """
    words, signs = _fractions()
    word = trie_pattern(sorted(words, key=len, reverse=True))
    sign = "".join(sorted(signs))
    slash = r"\d+[\s-][1-9]/[2-9](?![/\d])"
    return rf"(?:{slash}|\d+ ?[{sign}]|(?:{whole})(?i:[ -]and[ -]a[ -](?:{word}))\b)"


_SLASH = re.compile(r"^(?P<whole>.*?)[\s-]+(?P<num>[1-9])/(?P<den>[2-9])$")
_AND_A = re.compile(r"^(?P<whole>.*?)[\s-]+and[\s-]+a[\s-]+(?P<word>[a-z]+)$")


def _split_fraction(surface: str) -> tuple[str, float] | None:
    """``surface`` as (its whole part, its fraction) when it ends in a fraction."""
    words, signs = _fractions()
    text = surface.strip()
    if text and text[-1] in signs:
        return text[:-1].strip(), signs[text[-1]]
    folded = fold(text)
    slash = _SLASH.match(folded)
    if slash:
        num, den = int(slash.group("num")), int(slash.group("den"))
        return (slash.group("whole"), num / den) if num < den else None
    and_a = _AND_A.match(folded)
    if and_a and and_a.group("word") in words:
        return and_a.group("whole"), words[and_a.group("word")]
    return None


def european(token: str) -> bool:
    """Whether digits grouped with dots are thousands, as written in much of Europe:
    every group after a dot has three digits, and there are two or more groups
    ("1.200.000") or the one group is "000" ("23.000", "400.000"). "1.5", "7.25" and
    "1.125" stay decimals."""
    if not _EUROPEAN.match(token):
        return False
    groups = token.split(".")[1:]
    return len(groups) >= 2 or groups[0] == "000"


def parse_number(surface: str, lang: Language | None = None) -> float | None:
    """The value of a number as written, or ``None`` when it is not one.

    Digits may carry thousands commas (or dots, :func:`european`, or spaces) and decimals;
    words combine as in English ("twenty one", "two hundred", "1.5 billion", "a million");
    a fraction may follow a whole number ("5-1/4", "5¼", "twenty-two and a half").
    """
    lang = lang or load_language()
    fraction = _split_fraction(surface)
    if fraction is not None:
        whole = parse_number(fraction[0], lang) if fraction[0] else None
        return None if whole is None else whole + fraction[1]
    surface = _SPACE_GROUP.sub("", surface)
    total = 0.0
    current: float | None = None
    last = 0.0  # the last word's own value: "two three" is not a number, "forty-four" is
    for token in _SPLIT.split(fold(surface).strip()):
        if not token:
            continue
        if token[0].isdigit():
            attached = _ATTACHED.match(token)
            if attached:  # "4.5bn" -> 4.5 billion
                token, scale_word = attached.group(1), attached.group(2)
            else:
                scale_word = ""
            if european(token):
                token = token.replace(".", "")
            try:
                value = float(token.replace(",", ""))
            except ValueError:
                return None
            if scale_word:
                total += ((current or 0.0) + value) * lang.scales[scale_word]
                current = None
                continue
            current = (current or 0.0) + value
        elif token in lang.number_words:
            value = lang.number_words[token]
            if 0 < last < 20 or (last >= 20 and value >= 10):
                return None
            current = (current or 0.0) + value
            last = value
        elif token == "a" and current is None:
            current = 1.0
        elif token in lang.scales:
            last = 0.0
            scale = lang.scales[token]
            base = 1.0 if current is None else current
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = None
        elif token == "and":
            continue
        else:
            return None
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)


def trailing_scale(surface: str, lang: Language | None = None) -> float:
    """The scale word a number ends with, as a factor: "2 million" -> 1e6, "1.5bn" ->
    1e9, "three hundred" -> 100, "300" -> 1. In "between 1.5 and 2 million" the
    first figure takes the second's scale."""
    lang = lang or load_language()
    tokens = [t for t in _SPLIT.split(fold(surface).strip()) if t]
    scale = 1.0
    while len(tokens) > 1 and tokens[-1] in lang.scales:
        scale *= lang.scales[tokens.pop()]
    attached = _ATTACHED.match(tokens[-1]) if tokens else None
    if attached:
        scale *= lang.scales[attached.group(2)]
    return scale


def is_round(value: float) -> bool:
    """A figure a writer may have rounded: a whole multiple of 10 from 10 up (300, 2,000)."""
    return value >= 10 and value == int(value) and int(value) % 10 == 0
