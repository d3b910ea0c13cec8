"""Statement rule: every other checkable factual clause, as subject / predicate / object."""

from __future__ import annotations

import re

from checker.data.folding import fold
from checker.extract.context import WORD, SentenceContext
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, QuoteClaim, StatementClaim

_MIN_WORDS = 4
# Where clauses part: semicolons, and commas before a new clause's first word.
_SPLIT = re.compile(
    r";\s+|,[\"”]?\s+(?=(?:with|which|whose|who|while|but|and|violating|marking|referring|as|"
    r"where|when|although|though|because|after|before)\b)|\s+but\s+"
)
_LEAD = frozenset(
    [
        "with",
        "which",
        "whose",
        "who",
        "while",
        "but",
        "and",
        "as",
        "where",
        "when",
        "although",
        "though",
        "because",
        "however",
        "also",
        "later",
        "then",
        "still",
        "already",
        "now",
        "once",
        "again",
        "earlier",
    ]
)
_AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
    ]
)
# After these a bare verb follows: "did not confirm", "will raise", "can help".
_BASE_BEFORE = frozenset(
    [
        "not",
        "never",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "to",
    ]
)
_IN_GROUP = frozenset(
    ["not", "never", "also", "once", "again", "already", "still", "now", "just", "been", "being"]
)


def clauses(ctx: SentenceContext) -> list[tuple[int, int]]:
    """Clause spans of the sentence; fragments without a verb join the clause before."""
    text = ctx.text
    mask = ctx.date_mask
    cuts = [0]
    for match in _SPLIT.finditer(text):
        if mask[match.start()]:
            continue
        cuts.append(match.end())
    merged: list[tuple[int, int]] = []
    carry: int | None = None  # a verbless opening fragment joins the clause after it
    for index, start in enumerate(cuts):
        end = cuts[index + 1] if index + 1 < len(cuts) else len(text)
        has_verb = verb_at(ctx, start, end) is not None
        if not has_verb and merged:
            merged[-1] = (merged[-1][0], end)
        elif not has_verb:
            carry = start if carry is None else carry
        else:
            merged.append((start if carry is None else carry, end))
            carry = None
    return [_trim(text, s, e) for s, e in merged]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in "\"“'‘":
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def verb_at(ctx: SentenceContext, start: int, end: int) -> int | None:
    """Offset of the clause's finite verb: a listed verb form, or an -ed word that
    is followed by a function word, a name or the clause end (not "armed forces")."""
    lang = ctx.art.lang
    tokens = ctx.tokens_in(start, end)
    loose = None
    for index, token in enumerate(tokens):
        word = token.folded
        if word in lang.finite_verbs:
            return token.start
        if len(word) > 4 and word.endswith("ed") and not token.text[0].isupper():
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                following is None
                or following.text[0].isupper()
                or following.folded in lang.stopwords
                or (index > 1 and tokens[index - 1].text[0].isupper())
            ):
                return token.start
            loose = loose if loose is not None else token.start
    return loose


_NEGATION_REACH = 3  # words after the predicate: "is no longer occupied", "is not seen"


def _scope(ctx: SentenceContext, predicate_end: int, end: int) -> int:
    """Where a clause's negation scope ends: a few words after its predicate. A "not"
    further on belongs to a later clause ("left rates unchanged and said it was no
    longer considering increases" is not a negated statement)."""
    words = list(WORD.finditer(ctx.text, predicate_end, end))[:_NEGATION_REACH]
    return words[-1].end() if words else predicate_end


def _negated(folded: str, negations: tuple[str, ...]) -> bool:
    padded = f" {folded.replace('n’t', ' not').replace(chr(39) + 't', ' not')} "
    return any(f" {word} " in padded for word in negations)


def _skip(ctx: SentenceContext, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Reported speech already claimed as a quote, and attributions, are not statements."""
    if not quotes:
        return False
    covered = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quotes)
    if covered * 2 >= end - start:
        return True
    outside = ctx.text[start:end]
    for qs, qe in sorted(quotes, reverse=True):
        if start <= qs and qe <= end:
            outside = outside[: qs - start] + outside[qe - start :]
    words = {fold(w) for w in WORD.findall(outside)}
    return bool(words & ctx.art.lang.attribution_verbs)


@rule("T001", "factual clause")
def factual_clause(ctx: SentenceContext) -> list[ClaimBase]:
    """Every other checkable clause with a finite verb: subject, predicate and
    object, the normalised clause for matching, and its polarity ("not",
    "never", "no longer" set ``negated``). Clauses are split at semicolons and
    at commas before a new clause ("..., with the ceasefire seen as a victory
    for Azerbaijan"); reported speech already claimed as a quote, and the
    attribution around it, are not repeated."""
    out: list[ClaimBase] = []
    base = ctx.sentence.start
    quotes = [(c.start - base, c.end - base) for c in ctx.claims if isinstance(c, QuoteClaim)]
    lang = ctx.art.lang
    for start, end in clauses(ctx):
        tokens = ctx.tokens_in(start, end)
        if len(tokens) < _MIN_WORDS or _skip(ctx, start, end, quotes):
            continue
        verb = verb_at(ctx, start, end)
        if verb is None:
            continue
        words = [t for t in tokens if t.start >= verb]
        group = [words[0]]
        for token in words[1:]:
            previous, word = group[-1].folded, token.folded
            if (
                word in _IN_GROUP
                or word in _AUX
                or (
                    previous in _AUX | _IN_GROUP
                    and (word in lang.finite_verbs or word.endswith(("ed", "en", "ing")))
                )
                or (previous in _BASE_BEFORE and word not in lang.stopwords)
            ):
                group.append(token)
            else:
                break
        subject_start = max(start, ctx.text.rfind(",", start, verb) + 1)
        subject_words = [
            t.text for t in tokens if subject_start <= t.start < verb and t.folded not in _LEAD
        ]
        subject = ctx.art.lexicon.canonical(" ".join(subject_words)) if subject_words else None
        obj = ctx.text[group[-1].end : end].strip(' ,.;:"”') or None
        out.append(
            ctx.make(
                StatementClaim,
                "T001",
                start,
                end,
                subject=subject,
                predicate=" ".join(t.text for t in group),
                object=obj,
                clause=ctx.normalise_span(start, end),
                negated=_negated(
                    fold(ctx.text[start : _scope(ctx, group[-1].end, end)]), lang.negations
                ),
            )
        )
    return out
