"""Stories: which articles are about the same story, so that facts are matched only
between them.

A seed whose sidecar names a ``story`` keeps it. The others are grouped here,
deterministically, from what their claims files say:

1. **Profile.** Each article's salient terms: the canonical entity names of its
   claims, and the words of its title and of its claims' text (folded, aliases and
   synonyms applied, stop words, numbers and calendar words dropped). Teasers
   ("READ MORE: ...") name other stories and are left out. A term counts
   ``1 + log(occurrences)``, title words a little more, names more than plain words.
2. **Rarity.** Each term is weighted by its rarity across the root (idf, smoothed as
   if the root also held ``_PSEUDO_ARTICLES`` unrelated articles, so that a small
   root of one story does not weigh down the very words its articles share).
3. **Links.** Two articles are similar by the cosine of their weighted profiles.
   Only pairs that share one of their most salient terms are scored (blocking,
   capped per article), so the cost grows with the root, not with its square.
4. **Groups.** Average linkage: the two groups whose *average* similarity over all
   their article pairs is highest merge, as long as it reaches ``threshold`` and the
   known publication dates of the merged group lie within ``window_days`` (an
   unknown date does not constrain). One article that links to two stories cannot
   chain them together: the other articles of the two stories do not link, and pull
   the average down. Groups whose articles were never paired by blocking are
   compared by their own profiles, in rounds, until nothing merges.

An automatic story id is a slug of the group's most salient shared names plus a
hash of its seed ids (``kavala-aegean-pearl-3509d5``); an article that links to
nothing is a story of its own. Everything is sorted by seed id first, so the same
claims files give the same stories in any order.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from checker.config import Settings, StorySettings
from checker.data import Lexicon, fold, load_lexicon, strip_marks
from checker.match.vocabulary import MONTHS, Vocabulary
from checker.schema.claims import ClaimBase, ClaimFile

__all__ = ["Membership", "Stories", "group_stories"]

# A word: letters, with inner hyphens or apostrophes ("co-pilot", "o'neill"); no digits.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SLUG_PART = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"'s?$")

_NAME_WEIGHT = 2.0  # a name (entity, capitalised word) counts this much more than a word
_TITLE_COUNT = 2  # a title word counts as this many occurrences
_PSEUDO_ARTICLES = 100.0  # idf smoothing: as if the root held this many unrelated articles
_MIN_LENGTH = 3  # shorter words carry no story
_BLOCK_TERMS = 16  # an article is compared with those sharing one of its top terms,
_POSTINGS = 200  # at most this many per term (the first by seed id),
_NEIGHBOURS = 16  # and at most this many in all (those sharing the most top terms)
_ROUNDS = 8  # rounds of comparing the groups themselves after the articles
_SHOWN_TERMS = 5  # shared terms listed as the reason an article joined
_SLUG_NAMES = 3
_SLUG_LENGTH = 40
_HASH_LENGTH = 6

Reason = Literal["sidecar", "linked", "alone"]


@dataclass(frozen=True)
class Membership:
    """Why one seed is in its story."""

    seed: str
    story: str
    reason: Reason  # sidecar: named there; linked: grouped with others; alone: linked to none
    linked_to: str | None = None  # the article of its story it is most similar to
    similarity: float | None = None  # to ``linked_to`` (cosine, 0-1)
    shared: tuple[str, ...] = ()  # the most salient names and terms shared with it

    def describe(self) -> str:
        """One line for people: ``sidecar story``, or the link and what it rests on."""
        if self.reason == "sidecar":
            return "sidecar: story = " + repr(self.story)
        if self.reason == "alone":
            return "alone: links to no other article"
        terms = ", ".join(self.shared) or "(no shared terms)"
        return f"linked to {self.linked_to} (similarity {self.similarity:.2f}): {terms}"


@dataclass(frozen=True)
class Stories(Mapping[str, str]):
    """Seed id -> story id, with why each seed is in its story."""

    memberships: Mapping[str, Membership] = field(default_factory=dict)

    def __getitem__(self, seed: str) -> str:
        return self.memberships[seed].story

    def __iter__(self) -> Iterator[str]:
        return iter(self.memberships)

    def __len__(self) -> int:
        return len(self.memberships)

    def why(self, seed: str) -> Membership:
        return self.memberships[seed]

    def groups(self) -> dict[str, list[str]]:
        """Story id -> its seed ids (sorted), stories sorted by id."""
        out: dict[str, list[str]] = {}
        for seed in sorted(self.memberships):
            out.setdefault(self.memberships[seed].story, []).append(seed)
        return {story: out[story] for story in sorted(out)}

    def seeds(self, story: str) -> list[str]:
        return sorted(s for s, m in self.memberships.items() if m.story == story)


@dataclass(frozen=True)
class _Profile:
    seed: str
    published: int | None  # proleptic ordinal of the publication date
    weights: dict[str, float]  # term -> weight (tf x idf x name boost)
    norm: float
    unit: dict[str, float]  # weights / norm
    names: frozenset[str]  # the terms that are names


def group_stories(
    claim_files: Sequence[ClaimFile],
    settings: StorySettings,
    *,
    lexicon: Lexicon | None = None,
) -> Stories:
    """Every seed of ``claim_files`` -> its story (sidecar, else grouped automatically).

    ``lexicon`` normalises words (aliases, synonyms); by default the bundled one.
    """
    files = sorted(claim_files, key=lambda f: f.seed)
    lexicon = lexicon if lexicon is not None else load_lexicon(Settings())
    vocabulary = Vocabulary(lexicon)
    surfaces: dict[str, Counter[str]] = {}
    counts = [_terms(f, lexicon, vocabulary, surfaces) for f in files]
    profiles = _weigh(files, counts)
    shown = {term: min(forms, key=lambda f: (-forms[f], f)) for term, forms in surfaces.items()}

    memberships: dict[str, Membership] = {}
    auto: list[_Profile] = []
    named: dict[str, list[_Profile]] = {}
    for claim_file, profile in zip(files, profiles, strict=True):
        story = claim_file.article.story
        if story is not None:
            memberships[claim_file.seed] = Membership(claim_file.seed, story, "sidecar")
            named.setdefault(story, []).append(profile)
        else:
            auto.append(profile)

    similarity = _candidates(auto)
    groups = _average_linkage(auto, similarity, settings.threshold, settings.window_days)
    links = _best_links(groups, similarity)
    for group in groups:
        joined = _named_story([auto[i] for i in group], named, settings.threshold)
        story = joined[0] if joined else _story_id([auto[i] for i in group], shown)
        for i in group:
            if joined is not None:
                memberships[auto[i].seed] = _joined(auto[i], joined, shown)
                continue
            link = links.get(i) if len(group) > 1 else None
            memberships[auto[i].seed] = _membership(auto, i, story, link, shown)
    return Stories({seed: memberships[seed] for seed in sorted(memberships)})


def _named_story(
    group: Sequence[_Profile], named: Mapping[str, Sequence[_Profile]], threshold: float
) -> tuple[str, _Profile, float] | None:
    """The sidecar story an unnamed group belongs to: the one whose articles it is most
    similar to on average, when that is at least ``threshold`` (a new article added to
    a root whose articles name their story joins it). Returns the story, its article
    most similar to the group, and that similarity."""
    best: tuple[float, str, _Profile, float] | None = None
    for story in sorted(named):
        members = named[story]
        scores = [(_dot(a.unit, b.unit), b) for a in group for b in members]
        average = sum(score for score, _ in scores) / len(scores)
        top = max(scores, key=lambda x: (x[0], x[1].seed))
        if average >= threshold and (best is None or average > best[0]):
            best = (average, story, top[1], top[0])
    return None if best is None else (best[1], best[2], best[3])


def _joined(
    profile: _Profile, joined: tuple[str, _Profile, float], shown: Mapping[str, str]
) -> Membership:
    story, other, score = joined
    return Membership(
        profile.seed,
        story,
        "linked",
        linked_to=other.seed,
        similarity=round(score, 4),
        shared=_shared_terms(profile, other, shown),
    )


def _terms(
    claim_file: ClaimFile,
    lexicon: Lexicon,
    vocabulary: Vocabulary,
    surfaces: dict[str, Counter[str]],
) -> tuple[Counter[str], set[str]]:
    """Term occurrences of one article, and which of its terms are names.

    Names come once per sentence from the claims' ``entities``; words from the
    title and from the text the claims cover (overlapping claims counted once).
    ``surfaces`` collects how each term is written, to show it.
    """
    counts: Counter[str] = Counter()
    names: set[str] = set()
    title = claim_file.article.title
    if title:
        for token, is_name, surface in _tokens(title, lexicon, vocabulary, with_entities=True):
            counts[token] += _TITLE_COUNT
            surfaces.setdefault(token, Counter())[surface] += 1
            if is_name:
                names.add(token)
    claims = [c for c in claim_file.claims if c.section != "teaser"]
    sentences: set[tuple[int, int]] = set()
    for claim in claims:
        sentence = (claim.sentence.start, claim.sentence.end)
        if sentence in sentences:
            continue
        sentences.add(sentence)
        for entity in claim.entities:
            token = _entity_token(entity)
            counts[token] += 1
            surfaces.setdefault(token, Counter())[fold(entity)] += 1
            names.add(token)
    for region in _regions(claims):
        for token, is_name, surface in _tokens(region, lexicon, vocabulary, with_entities=False):
            counts[token] += 1
            surfaces.setdefault(token, Counter())[surface] += 1
            if is_name:
                names.add(token)
    return counts, names


def _entity_token(name: str) -> str:
    return fold(name).replace(" ", "_")


def _regions(claims: Sequence[ClaimBase]) -> list[str]:
    """The text the claims cover, overlapping spans merged (each character once)."""
    regions: list[str] = []
    current = ""
    end = -1
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start >= end:
            if current:
                regions.append(current)
            current, end = claim.text, claim.end
        elif claim.end > end:
            current += claim.text[end - claim.start :]
            end = claim.end
    if current:
        regions.append(current)
    return regions


def _tokens(
    text: str, lexicon: Lexicon, vocabulary: Vocabulary, *, with_entities: bool
) -> Iterator[tuple[str, bool, str]]:
    """``(token, is_name, surface)`` for each term of ``text`` that can carry a story.

    A known entity's words become its canonical name (yielded when
    ``with_entities``); another word is a name when capitalised other than as the
    text's first word. ``surface`` is the term as written (folded), to show it.
    """
    plain = strip_marks(text)
    spans = lexicon.entity_spans(plain) or []
    cursor = 0
    position = 0
    for start, stop, canonical in [*spans, (len(plain), len(plain), "")]:
        for match in _WORD.finditer(plain, cursor, start):
            raw = match.group(0)
            token = vocabulary.word(raw)
            if len(token) >= _MIN_LENGTH and token not in MONTHS:
                surface = _POSSESSIVE.sub("", fold(raw))
                yield token, position > 0 and raw[:1].isupper(), surface
            position += 1
        if canonical and with_entities:
            yield _entity_token(canonical), True, fold(canonical)
        position += 1
        cursor = stop


def _weigh(
    files: Sequence[ClaimFile], counts: Sequence[tuple[Counter[str], set[str]]]
) -> list[_Profile]:
    total = len(files)
    frequency: Counter[str] = Counter()
    for terms, _ in counts:
        frequency.update(terms.keys())
    idf = {
        term: math.log((total + _PSEUDO_ARTICLES) / (df + 0.5)) for term, df in frequency.items()
    }
    profiles = []
    for claim_file, (terms, names) in zip(files, counts, strict=True):
        weights = {
            term: (1.0 + math.log(n)) * idf[term] * (_NAME_WEIGHT if term in names else 1.0)
            for term, n in sorted(terms.items())
        }
        weights = {term: w for term, w in weights.items() if w > 0}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        published = claim_file.article.published
        profiles.append(
            _Profile(
                seed=claim_file.seed,
                published=published.toordinal() if published is not None else None,
                weights=weights,
                norm=norm,
                unit={t: w / norm for t, w in weights.items()} if norm else {},
                names=frozenset(names),
            )
        )
    return profiles


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(t, 0.0) for t, w in small.items())


def _top(vector: Mapping[str, float]) -> list[str]:
    """The most salient terms of a profile or a group's sum (highest weight first)."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:_BLOCK_TERMS]


def _neighbours(vectors: Sequence[Mapping[str, float]]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, worth scoring (blocking), sorted.

    ``i`` is paired with the vectors that hold one of its top terms among their own
    top terms: up to ``_POSTINGS`` per term (the first), and of those the
    ``_NEIGHBOURS`` sharing the most top terms. Below those sizes every pair that
    shares a salient term is scored; above them (thousands of articles of one story)
    the cost stays linear.
    """
    tops = [_top(v) for v in vectors]
    postings: dict[str, list[int]] = {}
    for index, terms in enumerate(tops):
        for term in terms:
            postings.setdefault(term, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for i, terms in enumerate(tops):
        shared: Counter[int] = Counter()
        for term in terms:
            shared.update(postings[term][:_POSTINGS])
        shared.pop(i, None)
        for j in sorted(shared, key=lambda j: (-shared[j], j))[:_NEIGHBOURS]:
            pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _candidates(profiles: Sequence[_Profile]) -> dict[tuple[int, int], float]:
    """``(i, j) -> cosine`` over the article pairs blocking keeps (positive ones)."""
    pairs = {
        (i, j): _dot(profiles[i].unit, profiles[j].unit)
        for i, j in _neighbours([p.unit for p in profiles])
    }
    return {key: score for key, score in pairs.items() if score > 0}


class _Linkage:
    """Average linkage over groups of articles, with a date window.

    Profiles are unit vectors, so a group's average similarity to another (over all
    their article pairs) is the dot product of their sums over the product of their
    sizes: no pair is enumerated. A merge can only lower the average with a third
    group (average linkage is reducible), so a queue entry made stale by a merge is
    an upper bound: it is recomputed when it comes first, and the queue always
    yields the best current pair.
    """

    def __init__(self, profiles: Sequence[_Profile], threshold: float, window_days: int):
        self.threshold = threshold
        self.window_days = window_days
        self.parent = list(range(len(profiles)))
        self.sums = [dict(p.unit) for p in profiles]
        self.size = [1] * len(profiles)
        self.version = [0] * len(profiles)
        self.span = [
            (p.published, p.published) if p.published is not None else None for p in profiles
        ]
        self.evaluated: set[tuple[int, int, int, int]] = set()

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def roots(self) -> list[int]:
        return sorted({self.root(i) for i in range(len(self.parent))})

    def _dated(self, a: int, b: int) -> tuple[int, int] | Literal[False] | None:
        """The dates the two groups would span together; ``False`` past the window."""
        dated = _join(self.span[a], self.span[b])
        if dated is not None and dated[1] - dated[0] > self.window_days:
            return False
        return dated

    def entry(self, a: int, b: int) -> tuple[float, int, int, int, int] | None:
        """A queue entry for the current groups ``a`` and ``b``, once per state of the two,
        when they may merge."""
        a, b = min(a, b), max(a, b)
        state = (a, b, self.version[a], self.version[b])
        if state in self.evaluated or self._dated(a, b) is False:
            return None
        self.evaluated.add(state)
        average = _dot(self.sums[a], self.sums[b]) / (self.size[a] * self.size[b])
        return (-average, *state) if average >= self.threshold else None

    def run(self, heap: list[tuple[float, int, int, int, int]]) -> int:
        """Merge from the queue while the best average reaches the threshold; returns
        how many merges."""
        heapq.heapify(heap)
        merges = 0
        while heap:
            _, a, b, version_a, version_b = heapq.heappop(heap)
            ra, rb = self.root(a), self.root(b)
            if ra == rb:
                continue
            dated = self._dated(ra, rb)
            if dated is False:
                continue  # too far apart in time to be one story, now and after any merge
            if (ra, rb, self.version[ra], self.version[rb]) != (a, b, version_a, version_b):
                fresh = self.entry(ra, rb)  # stale: one side has grown since
                if fresh is not None:
                    heapq.heappush(heap, fresh)
                continue
            keep, gone = (ra, rb) if self.size[ra] >= self.size[rb] else (rb, ra)
            self.parent[gone] = keep
            total = self.sums[keep]
            for term, weight in self.sums[gone].items():
                total[term] = total.get(term, 0.0) + weight
            self.sums[gone] = {}
            self.size[keep] += self.size[gone]
            self.version[keep] += 1
            self.span[keep] = dated
            merges += 1
        return merges

    def groups(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            groups.setdefault(self.root(i), []).append(i)
        return sorted(groups.values())


def _average_linkage(
    profiles: Sequence[_Profile],
    similarity: Mapping[tuple[int, int], float],
    threshold: float,
    window_days: int,
) -> list[list[int]]:
    """Groups of ``range(len(profiles))``: merge the two groups with the highest average
    similarity over all their article pairs while it is at least ``threshold`` and the
    known publication dates of the merged group stay within ``window_days``.

    Groups are compared first when two of their articles are candidates; then, in
    rounds, when the groups' own profiles (their sums) block together, so that
    blocking caps do not keep apart two groups whose articles never met.
    """
    linkage = _Linkage(profiles, threshold, window_days)
    merges = linkage.run(
        [(-score, i, j, 0, 0) for (i, j), score in similarity.items() if score >= threshold]
    )
    for _ in range(_ROUNDS):
        roots = linkage.roots()
        if merges == 0 or len(roots) < 2:
            break
        heap = []
        for x, y in _neighbours([linkage.sums[r] for r in roots]):
            found = linkage.entry(roots[x], roots[y])
            if found is not None:
                heap.append(found)
        merges = linkage.run(heap)
    return linkage.groups()


def _join(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def _best_links(
    groups: Sequence[Sequence[int]], similarity: Mapping[tuple[int, int], float]
) -> dict[int, tuple[float, int]]:
    """Each grouped article -> ``(cosine, article)``: its most similar candidate in its group."""
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    best: dict[int, tuple[float, int]] = {}
    for (i, j), score in similarity.items():
        if group_of[i] != group_of[j]:
            continue
        for one, other in ((i, j), (j, i)):
            current = best.get(one)
            if current is None or (score, -other) > (current[0], -current[1]):
                best[one] = (score, other)
    return best


def _membership(
    profiles: Sequence[_Profile],
    index: int,
    story: str,
    link: tuple[float, int] | None,
    shown: Mapping[str, str],
) -> Membership:
    profile = profiles[index]
    if link is None:
        return Membership(profile.seed, story, "alone")
    score, other = link
    linked = profiles[other]
    return Membership(
        profile.seed,
        story,
        "linked",
        linked_to=linked.seed,
        similarity=round(score, 4),
        shared=_shared_terms(profile, linked, shown),
    )


def _shared_terms(a: _Profile, b: _Profile, shown: Mapping[str, str]) -> tuple[str, ...]:
    """The shared terms that weigh most in the link, names first."""
    shared = set(a.weights) & set(b.weights)

    def rank(term: str) -> tuple[bool, float, str]:
        is_name = term in a.names or term in b.names
        return (not is_name, -(a.weights[term] * b.weights[term]), term)

    return tuple(_display(t, shown) for t in _distinct(sorted(shared, key=rank), _SHOWN_TERMS))


def _distinct(ranked: Sequence[str], limit: int) -> list[str]:
    """The first ``limit`` terms, a word left out when a kept name holds it
    (``rishi_sunak`` makes ``rishi`` and ``sunak`` redundant)."""
    kept: list[str] = []
    for term in ranked:
        parts = set(term.split("_"))
        if any(parts <= set(k.split("_")) for k in kept):
            continue
        kept = [k for k in kept if not set(k.split("_")) <= parts]
        kept.append(term)
        if len(kept) == limit:
            break
    return kept


def _display(term: str, shown: Mapping[str, str]) -> str:
    return shown.get(term) or term.replace("_", " ")


def _story_id(members: Sequence[_Profile], shown: Mapping[str, str]) -> str:
    """``<slug of the most salient shared names>-<hash of the seed ids>``."""
    present: Counter[str] = Counter()
    mass: dict[str, float] = {}
    names: set[str] = set()
    for profile in members:
        present.update(profile.weights.keys())
        names |= profile.names
        for term, weight in profile.weights.items():
            mass[term] = mass.get(term, 0.0) + weight / (profile.norm or 1.0)
    quorum = max(1, (len(members) + 1) // 2)
    common = [t for t in present if present[t] >= quorum]
    ranked = sorted(common, key=lambda t: (t not in names, -mass[t], t))
    slug = ""
    for term in _distinct(ranked, _SLUG_NAMES):
        part = _SLUG_PART.sub("-", fold(_display(term, shown))).strip("-")
        if not part or len(slug) + len(part) + 1 > _SLUG_LENGTH:
            continue
        slug = f"{slug}-{part}" if slug else part
    seeds = "\n".join(sorted(p.seed for p in members))
    digest = hashlib.sha256(seeds.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{slug or 'story'}-{digest}"
