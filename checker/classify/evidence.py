"""Identity evidence shared by the rules: a claim's event tokens and names, the generic
words in the vocabulary's spelling, and whether a confidence is below the threshold."""

from __future__ import annotations

from checker.classify.registry import Context
from checker.frame import events


def event_tokens(
    event: str, entities: list[str], ctx: Context
) -> tuple[list[str], set[str], set[str]]:
    """The matching tokens of an event's words, those of them that are names (an entity
    the vocabulary knows, or one named in the claim's sentence), and the names the
    event words hold, each whole ("united_kingdom", "nancy_pelosi": two names sharing
    a word are still two names)."""
    tokens = ctx.vocabulary.tokens(event)
    present = set(tokens)
    names = {t for t in tokens if t in ctx.vocabulary.entity_tokens}
    subjects = set(names)
    for entity in entities:
        parts = ctx.vocabulary.tokens(entity)
        if parts and set(parts) <= present:
            names.update(parts)
            subjects.add("_".join(parts))
    return tokens, names, subjects


def generic_tokens(ctx: Context) -> frozenset[str]:
    """The generic event words of ``events.toml`` as the vocabulary spells them."""
    spelled = {ctx.vocabulary.word(w) for w in events.cues().generic}
    return frozenset(t for t in spelled if t)


def uncertain(confidence: float, ctx: Context) -> bool:
    """Whether a contradiction of this confidence is reported as uncertain."""
    return confidence < ctx.settings.classify.min_confidence


def words_of(*texts: str) -> list[str]:
    """The folded words of ``texts`` together."""
    return [w for text in texts for w in events.words(text)]
