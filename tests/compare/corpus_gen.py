"""Generated claims corpora for the matcher's oracle test and speed benchmark.

Articles are drawn from *stories*: each story has facts (an event, a count, a
date, a title, a quote, a statement), and each article restates some of its
story's facts with small rewordings (a word dropped, added or replaced), plus
facts no other article states. Words come from a Zipf-like made-up vocabulary
so that token frequencies look like news. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from checker.schema.claims import Claim, ClaimFile
from tests.compare.builders import claim, claim_file

_SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mel",
    "an",
    "sur",
    "vi",
    "do",
    "pen",
    "la",
    "ber",
    "gos",
    "tin",
    "ra",
    "mo",
    "lek",
    "zu",
    "fa",
    "ni",
    "che",
]
_UNITS = ["soldiers", "villages", "settlements", "tanks", "people", "cities", "drones"]
_TITLES = ["President", "Defence Minister", "Foreign Minister", "Prime Minister", "Ambassador"]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


@dataclass
class _Fact:
    kind: str
    words: list[str]
    value: int


class Generator:
    def __init__(self, seed: int = 0, vocabulary: int = 4000) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, vocabulary)
        self.rng.shuffle(self.words)
        # Zipf-like weights: some words are common, most are rare. The head of a
        # real Zipf curve is stopwords, which keys drop, hence the offset.
        self.weights = [1.0 / (rank + 50) for rank in range(len(self.words))]

    def _phrase(self, n: int) -> list[str]:
        return self.rng.choices(self.words, weights=self.weights, k=n)

    def _reword(self, words: list[str]) -> list[str]:
        out = list(words)
        r = self.rng.random()
        if r < 0.2 and len(out) > 3:
            del out[self.rng.randrange(len(out))]
        elif r < 0.35:
            out[self.rng.randrange(len(out))] = self._phrase(1)[0]
        elif r < 0.55:
            out.insert(self.rng.randrange(len(out) + 1), self._phrase(1)[0])
        return out

    def _fact(self) -> _Fact:
        kind = self.rng.choice(["quantity", "date", "duration", "role", "quote", "statement"])
        size = {"quote": 10, "statement": 8, "role": 2}.get(kind, 5)
        return _Fact(kind, self._phrase(size), self.rng.randint(2, 500))

    def _claim(self, fact: _Fact, seed: str, offset: int) -> Claim:
        words = fact.words if fact.kind == "role" else self._reword(fact.words)
        text = " ".join(words)
        value = fact.value if self.rng.random() < 0.9 else fact.value + 1
        spec: dict[str, object]
        if fact.kind == "quantity":
            unit = _UNITS[fact.value % len(_UNITS)]
            spec = {"kind": "quantity", "text": f"{value} {unit}", "value": value, "unit": unit}
            spec["action"] = text
        elif fact.kind == "date":
            spec = {
                "kind": "date",
                "text": f"May {value % 28 + 1}, 2020",
                "event": text,
                "stated": {"year": 2020, "month": 5, "day": value % 28 + 1},
            }
        elif fact.kind == "duration":
            spec = {"kind": "duration", "text": f"{value} days", "event": text}
            spec |= {"value": value, "unit": "day"}
        elif fact.kind == "role":
            title = _TITLES[value % len(_TITLES)]
            person = " ".join(w.capitalize() for w in words)
            spec = {"kind": "role", "text": f"{title} {person}", "person": person, "title": title}
        elif fact.kind == "quote":
            spec = {"kind": "quote", "text": text, "quote": text, "speaker": fact.words[0]}
        else:
            spec = {"kind": "statement", "text": text}
        return claim(spec, seed=seed, start=offset)

    def claim_files(self, articles: int, facts_per_story: int = 12) -> list[ClaimFile]:
        stories = [[self._fact() for _ in range(facts_per_story)] for _ in range(articles // 8 + 1)]
        files = []
        for n in range(articles):
            seed = f"g{n:06d}"
            story = stories[self.rng.randrange(len(stories))]
            chosen = [f for f in story if self.rng.random() < 0.6]
            chosen += [self._fact() for _ in range(self.rng.randint(3, 8))]
            claims = [self._claim(f, seed, 100 * i) for i, f in enumerate(chosen)]
            files.append(claim_file(seed, claims))
        return files
