"""Words -> matching tokens: folded, aliases and spelling applied, synonyms merged.

Two wordings of one fact ("Armenian military retook" / "Armenia's army
liberated") should give the same tokens, so matching scores what is said
rather than how. The lexicon (``checker.data``) holds the reviewed knowledge;
this module only applies it: wordings of several words first ("stepped down",
"chief executive", before stopwords are dropped), then token by token, with a
cache because the same words recur across thousands of claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.data import Lexicon, fold


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for readable word lists)."""
    return frozenset(text.split())


# Words that carry no fact on their own: dropped from matching keys.
STOPWORDS = word_set(
    """
    a an the of to in on at by for from with and or but as into onto upon over
    that which who whom whose this these those there here it its it's they them their
    he him his she her hers we our us you your i me my
    is are was were be been being has have had do does did will would shall should
    can could may might must also very so such than then when while where after before
    since during until about around nearly almost some any all both each more most
    """
)

# Ordinals and similar words that tell apart events sharing every other word:
# "the first anniversary" and "the second anniversary" are different facts.
ORDINALS = word_set(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    twentieth thirtieth fiftieth hundredth last previous next
    """
)
ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")

MONTHS = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
)

_TEXT_CACHE = 200_000  # texts whose tokens are remembered
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


class Vocabulary:
    """Token normaliser over a :class:`~checker.data.Lexicon`; memoised per word."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._cache: dict[str, str] = {}
        self._spelled: dict[str, str] = {}
        self._folded: dict[str, str] = {}  # raw word -> folded, possessive dropped
        self._texts: dict[str, tuple[str, ...]] = {}
        self.entity_tokens: set[str] = set()  # tokens that stand for a named entity

    def word(self, raw: str) -> str:
        """One surface word -> its matching token ('' when it carries nothing)."""
        cached = self._cache.get(raw)
        if cached is not None:
            return cached
        token = self._normalise(raw)
        self._cache[raw] = token
        return token

    def _normalise(self, raw: str) -> str:
        bare = _POSSESSIVE.sub("", raw)
        folded = fold(bare)
        if folded in STOPWORDS:
            return ""
        entity = self._lexicon.entity(bare)
        if entity is not None:
            token = fold(entity[0]).replace(" ", "_")
            self.entity_tokens.add(token)
            return token
        key = self._lexicon.synonym_key(folded)
        if key != folded:
            return key.replace(" ", "_")
        respelled = fold(self._lexicon.canonical(bare)).replace(" ", "_")
        return _singular(respelled)

    def spelling(self, raw: str) -> str:
        """Aliases and spelling variants applied, synonyms not: ``Erdoğan`` -> ``recep
        tayyip erdogan``, ``Defense`` -> ``defence``, ``liberated`` stays ``liberated``."""
        cached = self._spelled.get(raw)
        if cached is None:
            cached = fold(self._lexicon.canonical(_POSSESSIVE.sub("", raw)))
            self._spelled[raw] = cached
        return cached

    def entity(self, raw: str) -> str | None:
        """The folded canonical name when ``raw`` names a known entity, else ``None``."""
        found = self._lexicon.entity(_POSSESSIVE.sub("", raw))
        return fold(found[0]) if found is not None else None

    def tokens(self, text: str) -> list[str]:
        """The matching tokens of ``text``, in order of appearance."""
        cached = self._texts.get(text)
        if cached is None:
            # Copies of one story repeat the same sentences thousands of times.
            if len(self._texts) >= _TEXT_CACHE:
                self._texts.clear()
            cached = self._texts[text] = tuple(self._tokens(text))
        return list(cached)

    def _tokens(self, text: str) -> list[str]:
        raws = _WORD.findall(text)
        phrases = self._lexicon.phrases([self._fold(raw) for raw in raws])
        out = []
        index = 0
        for first, end, key in (*phrases, (len(raws), len(raws), "")):
            for raw in raws[index:first]:
                token = self.word(raw)
                if token:
                    out.append(token)
            if key:
                out.append(key.replace(" ", "_"))
            index = end
        return out

    def _fold(self, raw: str) -> str:
        folded = self._folded.get(raw)
        if folded is None:
            folded = self._folded[raw] = fold(_POSSESSIVE.sub("", raw))
        return folded


def _singular(word: str) -> str:
    # A light, predictable plural fold ("attacks" -> "attack", "cities" -> "city");
    # enough for matching keys, which are never shown to anyone.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def discriminators(tokens: Iterable[str]) -> frozenset[str]:
    """Tokens that must agree for two keys to name one event (ordinals, numbers)."""
    return frozenset(t for t in tokens if t in ORDINALS or ORDINAL_DIGITS.match(t) or t.isdigit())


def ordinals(tokens: Iterable[str]) -> frozenset[str]:
    """Ordinal words only (no bare numbers): the guard for claims whose numbers are values."""
    return frozenset(t for t in tokens if t in ORDINALS or ORDINAL_DIGITS.match(t))


def without_values(tokens: Iterable[str]) -> list[str]:
    """Drop numbers and calendar words: the compared value never decides the match."""
    return [t for t in tokens if not (t.isdigit() or t in MONTHS or _is_number(t))]


def _is_number(token: str) -> bool:
    # "300", "1,000", "44-day", "2020s": any token led by a digit states a value.
    return token[:1].isdigit() and not ORDINAL_DIGITS.match(token)
