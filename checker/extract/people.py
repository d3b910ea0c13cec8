"""The people an article names: full names, their titles, and who spoke last.

Rules register a person when a role names them in full ("Defence Minister
Hulusi Akar"); later mentions by surname ("Akar said") resolve to the full
name. Pronouns ("he said") resolve to the last named speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.data.folding import fold
from checker.data.lexicon import Lexicon


@dataclass
class Person:
    name: str
    title_key: str | None = None
    title: str | None = None
    organisation: str | None = None


@dataclass
class People:
    lexicon: Lexicon
    persons: dict[str, Person] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    last_speaker: str | None = None
    last_issuer: str | None = None

    def add(
        self,
        name: str,
        title: str | None = None,
        title_key: str | None = None,
        organisation: str | None = None,
    ) -> str:
        """Register a person; returns the canonical name."""
        canonical = self.lexicon.canonical(name)
        person = self.persons.setdefault(canonical, Person(canonical))
        if title_key and person.title_key is None:
            person.title_key, person.title, person.organisation = title_key, title, organisation
        parts = canonical.split()
        if len(parts) > 1:
            self.surnames.setdefault(fold(parts[-1]), canonical)
            for part in parts[1:-1]:
                self.surnames.setdefault(fold(part), canonical)
        return canonical

    def resolve(self, name: str) -> str:
        """The full canonical name for a full name, a surname or an alias."""
        name = name.strip()
        known = self.lexicon.entity(name)
        if known is not None:
            return known[0]
        parts = name.split()
        if len(parts) == 1 and fold(name) in self.surnames:
            return self.surnames[fold(name)]
        canonical = self.lexicon.canonical(name)
        return canonical

    def is_known(self, name: str) -> bool:
        known = self.lexicon.entity(name)
        if known is not None:
            return known[1] == "person"
        return fold(name) in self.surnames or self.lexicon.canonical(name) in self.persons

    def with_title(self, title_key: str) -> str | None:
        """The last registered person holding ``title_key`` ("president"), if any."""
        found = None
        for person in self.persons.values():
            if person.title_key == title_key:
                found = person.name
        return found

    def mentioned(self, text: str) -> list[str]:
        """Registered people named (in full or by surname) in ``text``."""
        folded = fold(text)
        names = set()
        for surname, full in self.surnames.items():
            if surname in folded and _word_in(surname, folded):
                names.add(full)
        return sorted(names)


def _word_in(word: str, text: str) -> bool:
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False
