"""Identity evidence shared by the rules: a claim's event tokens and names, the generic
words in the vocabulary's spelling, and whether a confidence is below the threshold."""

from __future__ import annotations

from checker.classify.registry import Context
from checker.frame import events


def event_tokens(event: str, entities: list[str], ctx: Context) -> tuple[list[str], set[str]]:
    """The matching tokens of an event's words, and those of them that are names (an
    entity the vocabulary knows, or one named in the claim's sentence)."""
    tokens = ctx.vocabulary.tokens(event)
    named = {t for name in entities for t in ctx.vocabulary.tokens(name)}
    names = {t for t in tokens if t in ctx.vocabulary.entity_tokens or t in named}
    return tokens, names


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
