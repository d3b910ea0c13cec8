"""The lexicon: entity aliases, spelling variants and wording synonyms.

:func:`load_lexicon` builds one :class:`Lexicon` per settings (cached) from the
bundled ``aliases.toml`` and ``synonyms.toml`` plus the users' alias files
(``[tool.checker] aliases``). The comparator calls :meth:`Lexicon.canonical`
and :meth:`Lexicon.synonym_key` to decide whether two wordings name the same
thing; the extractor calls :meth:`Lexicon.find_entities` on each sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.data.folding import fold, strip_marks
from checker.data.loader import string_lists
from checker.data.trie import trie_pattern

ENTITY_TYPES = ("country", "place", "person", "organisation")
_SECTIONS = (*ENTITY_TYPES, "spelling")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_EDGE = re.compile(r"^(?:the\s+)|(?:'s|')$", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    return _SPACE.sub(" ", fold(text)).strip()


@dataclass
class AliasTable:
    """Raw alias data before indexing: per section, canonical -> aliases."""

    sections: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {name: {} for name in _SECTIONS}
    )

    def merge(self, data: dict[str, object], label: str | Path, text: str = "") -> None:
        """Add one file's tables; later files override the canonical of a shared alias."""
        from checker.errors import CheckerError

        for section, table in data.items():
            if section not in _SECTIONS:
                raise CheckerError(
                    f"unknown section [{section}] (allowed: {', '.join(_SECTIONS)})", path=label
                )
            for canonical, aliases in string_lists(table, label, section, text).items():
                self.sections[section].setdefault(canonical, [])
                self.sections[section][canonical].extend(aliases)


class Lexicon:
    """Alias and synonym look-ups; immutable once built."""

    def __init__(self, aliases: AliasTable, synonyms: dict[str, list[str]]) -> None:
        self._entities: dict[str, tuple[str, str]] = {}
        self._spelling: dict[str, str] = {}
        self._synonyms: dict[str, str] = {}
        # Wordings of several words ("stepped down", "chief executive"): folded words ->
        # key, and per first word the lengths of its phrases, longest first.
        self._phrases: dict[tuple[str, ...], str] = {}
        self._phrase_lengths: dict[str, tuple[int, ...]] = {}
        # Callers' per-word results over this lexicon (a news vocabulary is bounded).
        self.memo: dict[str, str] = {}
        surfaces: list[str] = []
        for kind in ENTITY_TYPES:
            for canonical, names in aliases.sections[kind].items():
                for name in (canonical, *names):
                    self._entities[_key(name)] = (canonical, kind)
                    surfaces.append(strip_marks(name))
        for canonical, variants in aliases.sections["spelling"].items():
            for variant in (canonical, *variants):
                self._spelling[_key(variant)] = canonical
        lengths: dict[str, set[int]] = {}
        for key, words in synonyms.items():
            for word in (key, *words):
                self._synonyms[_key(word)] = key
                parts = tuple(_WORD.findall(_key(word)))
                if len(parts) > 1:
                    self._phrases[parts] = key
                    lengths.setdefault(parts[0], set()).add(len(parts))
        self._phrase_lengths = {
            first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()
        }
        # Longest first so "Upper Karabakh" wins over "Karabakh"; letters are
        # matched with their case (so "US" is not "us"), diacritics ignored.
        body = trie_pattern(set(surfaces))
        self._finder = re.compile(rf"(?<![\w-])(?:{body})(?![\w-]|-\w)") if surfaces else None
        spell = {strip_marks(v) for v in self._spelling_surfaces(aliases)}
        spell |= {s.lower() for s in spell} | {s[:1].upper() + s[1:] for s in spell}
        self._speller = re.compile(rf"(?<!\w)(?:{trie_pattern(spell)})(?!\w)")

    @staticmethod
    def _spelling_surfaces(aliases: AliasTable) -> Iterable[str]:
        for canonical, variants in aliases.sections["spelling"].items():
            yield canonical
            yield from variants

    def entity(self, name: str) -> tuple[str, str] | None:
        """``(canonical, type)`` of a known entity name or alias, else ``None``."""
        key = _key(name)
        found = self._entities.get(key)
        if found is None:
            found = self._entities.get(_key(_EDGE.sub("", name.strip())))
        return found

    def canonical(self, name: str) -> str:
        """The canonical form of a name or word.

        Known entities map to their canonical name (``Türkiye`` -> ``Turkey``,
        ``Erdoğan`` -> ``Recep Tayyip Erdogan``, ``Upper Karabakh`` ->
        ``Nagorno-Karabakh``). Anything else keeps its words, with diacritics
        stripped, whitespace collapsed, and spelling variants replaced
        (``National Defense Minister`` -> ``National Defence Minister``,
        ``cease-fire`` -> ``ceasefire``).
        """
        found = self.entity(name)
        if found is not None:
            return found[0]
        text = _SPACE.sub(" ", strip_marks(name)).strip()
        return self._speller.sub(self._respell, text)

    def _respell(self, match: re.Match[str]) -> str:
        word = match.group(0)
        canonical = self._spelling.get(_key(word), word)
        if word[:1].isupper() and not canonical[:1].isupper():
            return canonical[:1].upper() + canonical[1:]
        if word[:1].islower() and canonical[:1].isupper():
            return canonical[:1].lower() + canonical[1:]
        return canonical

    def synonym_key(self, word: str) -> str:
        """A key shared by wordings that do not change a fact.

        ``retook``/``liberated``/``recaptured`` -> ``retake``; ``war``/``conflict``
        -> ``war``; ``ceasefire``/``cease-fire``/``truce`` -> ``ceasefire``.
        Unknown words come back folded (lower case, no diacritics).
        """
        key = _key(word)
        spelled = self._spelling.get(key)
        if spelled is not None:
            key = _key(spelled)
        return self._synonyms.get(key, key)

    def phrases(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """Wordings of several words among ``words`` (folded): ``(first, end, key)``.

        ``["she", "stepped", "down", "as", "chief", "executive"]`` ->
        ``[(1, 3, "resign"), (4, 6, "ceo")]``. Whole words only, left to right in one
        pass, the longest phrase at each word first, never overlapping; the cost is
        linear in the words (a look-up per word, a few more where a phrase may begin).
        Callers take the key of each phrase in place of its words *before* dropping
        stopwords ("took on the top job" needs its "on" and "the").
        """
        found: list[tuple[int, int, str]] = []
        table, first_lengths = self._phrases, self._phrase_lengths
        if not first_lengths:
            return found
        index, count = 0, len(words)
        while index < count:
            lengths = first_lengths.get(words[index])
            if lengths is not None:
                for length in lengths:
                    end = index + length
                    key = table.get(tuple(words[index:end])) if end <= count else None
                    if key is not None:
                        found.append((index, end, key))
                        index = end
                        break
                else:
                    index += 1
                continue
            index += 1
        return found

    def find_entities(self, text: str) -> list[str]:
        """Sorted canonical names of the known entities mentioned in ``text``."""
        if self._finder is None:
            return []
        found = {
            self._entities[_key(m.group(0))][0] for m in self._finder.finditer(strip_marks(text))
        }
        return sorted(found)

    def entity_spans(self, text: str) -> list[tuple[int, int, str]] | None:
        """``(start, end, canonical)`` of each known entity in ``text``.

        ``None`` when removing diacritics changes the text's length (offsets
        would not line up); callers then fall back to :meth:`replace_entities`.
        """
        plain = strip_marks(text)
        if len(plain) != len(text):
            return None
        if self._finder is None:
            return []
        return [
            (m.start(), m.end(), self._entities[_key(m.group(0))][0])
            for m in self._finder.finditer(plain)
        ]

    def replace_entities(self, text: str) -> str:
        """``text`` without diacritics, every known entity alias replaced by its canonical."""
        plain = strip_marks(text)
        if self._finder is None:
            return plain
        return self._finder.sub(lambda m: self._entities[_key(m.group(0))][0], plain)

    def entity_type(self, canonical: str) -> str | None:
        found = self._entities.get(_key(canonical))
        return found[1] if found else None
