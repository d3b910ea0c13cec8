"""Word-level differences between the quotes of one finding, for highlighting.

Each claim's span is cut into segments marked as differing or shared: a word
differs when some other claim of the finding has no matching word for it
(``difflib`` over case-folded words). Whitespace and punctuation are kept so
the segments join back into the exact span.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from checker.schema import FindingClaim

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    text: str
    differs: bool


@dataclass(frozen=True)
class Quote:
    """A claim's sentence cut around its span; the span cut into diff segments."""

    before: str
    span: list[Segment]
    after: str


def _words(tokens: list[str]) -> list[tuple[int, str]]:
    return [(i, t.casefold()) for i, t in enumerate(tokens) if not t.isspace()]


def _unmatched(mine: list[tuple[int, str]], other: list[tuple[int, str]]) -> set[int]:
    """Token indices of ``mine`` that have no counterpart in ``other``."""
    matcher = difflib.SequenceMatcher(
        a=[w for _, w in mine], b=[w for _, w in other], autojunk=False
    )
    matched: set[int] = set()
    for block in matcher.get_matching_blocks():
        matched.update(range(block.a, block.a + block.size))
    return {mine[k][0] for k in range(len(mine)) if k not in matched}


# A fact repeated by hundreds of sources (syndicated copy) would make an
# all-pairs diff quadratic; beyond this many distinct wordings each quote is
# diffed against the most frequent ones only.
_MAX_REFERENCES = 16


def diff_spans(texts: list[str]) -> list[list[Segment]]:
    """For each text, its segments; adjacent segments of the same kind are merged.

    A word differs when one of the other distinct wordings has no counterpart
    for it. Identical texts are diffed once.
    """
    tokens = [_TOKEN.findall(text) for text in texts]
    words = [_words(t) for t in tokens]
    keys = [tuple(w for _, w in ws) for ws in words]
    counts: dict[tuple[str, ...], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    references = sorted(counts, key=lambda key: (-counts[key], key))[:_MAX_REFERENCES]
    first = {key: keys.index(key) for key in counts}
    # keyed by the exact tokens: the indices below are token positions
    cache: dict[tuple[str, ...], set[int]] = {}
    result = []
    for i, mine in enumerate(tokens):
        exact = tuple(mine)
        if exact not in cache:
            differing: set[int] = set()
            for other in references:
                if other != keys[i]:
                    differing |= _unmatched(words[i], words[first[other]])
            cache[exact] = differing
        differing = cache[exact]
        segments: list[Segment] = []
        for k, token in enumerate(mine):
            differs = k in differing
            if token.isspace() and segments:
                # whitespace joins whatever precedes it, so highlights do not end in gaps
                differs = segments[-1].differs and (k + 1 in differing)
            if segments and segments[-1].differs == differs:
                segments[-1] = Segment(segments[-1].text + token, differs)
            else:
                segments.append(Segment(token, differs))
        result.append(segments)
    return result


def split_sentence(claim: FindingClaim) -> tuple[str, str, str]:
    """``(before, span, after)`` of the claim in its sentence.

    Uses the offsets when they agree with the texts; otherwise searches the span
    in the sentence; failing that, shows the sentence before the span.
    """
    sentence = claim.sentence.text
    offset = claim.start - claim.sentence.start
    if offset >= 0 and sentence[offset : offset + len(claim.text)] == claim.text:
        return sentence[:offset], claim.text, sentence[offset + len(claim.text) :]
    found = sentence.find(claim.text)
    if found >= 0:
        return sentence[:found], claim.text, sentence[found + len(claim.text) :]
    return sentence + " \u2026 ", claim.text, ""


def quotes(claims: list[FindingClaim]) -> list[Quote]:
    """The claims' sentences with their spans diffed against each other."""
    spans = diff_spans([c.text for c in claims])
    out = []
    for claim, segments in zip(claims, spans, strict=True):
        before, _, after = split_sentence(claim)
        out.append(Quote(before=before, span=segments, after=after))
    return out
