"""Speakers named after an attribution verb: "said Akar", "said Governor Elena Marsh",
"said Rovers manager Tom Hartley", "said the interior minister, Carlos Mendez"."""

from __future__ import annotations

import functools
import re

from checker.data.folding import fold
from checker.extract.context import WORD, SentenceContext


@functools.cache
def title_words() -> frozenset[str]:
    """Folded words of titles and their modifiers ("prime", "minister", "interior")."""
    from checker.data.language import load_language

    lang = load_language()
    heads = {fold(word) for head in lang.title_heads for word in head.split()}
    return frozenset(heads | {fold(m) for m in lang.title_modifiers})


def speaker_after(ctx: SentenceContext, verb_end: int) -> tuple[str, int] | None:
    """The speaker named after an attribution verb, and where the name ends.

    Inverted attributions put the title first and the name last: "said Akar",
    "said Governor Elena Marsh", "said Rovers manager Tom Hartley", "said the
    interior minister, Carlos Mendez". Titles and the organisation before the
    name are skipped; the speaker is the trailing run of capitalised words.
    A day or month ("said Monday") is not a speaker.
    """
    text, lang = ctx.text, ctx.art.lang
    titles = title_words()
    taken: list[re.Match[str]] = []
    position = verb_end
    for match in WORD.finditer(text, verb_end):
        gap = text[position : match.start()].strip()
        word, folded = match.group(0), fold(match.group(0))
        titled = bool(taken) and fold(taken[-1].group(0)) in titles
        if gap and not (gap == "," and titled and word[0].isupper()):
            break
        if not taken and folded == "the" and position == verb_end:
            position = match.end()
            continue
        joins = folded in ("of", "the") and bool(taken)  # "Secretary of State Antony Blinken"
        if not (word[0].isupper() or folded in titles or joins) or len(taken) >= 8:
            break
        taken.append(match)
        position = match.end()
    name: list[re.Match[str]] = []
    for match in reversed(taken):
        word, folded = match.group(0), fold(match.group(0))
        possessive = word.endswith(("'s", "’s"))
        if not word[0].isupper() or folded in titles or possessive:
            break
        name.insert(0, match)
    if not name or any(fold(m.group(0)).rstrip(".") in lang.weekdays for m in name):
        return None
    if any(fold(m.group(0)).rstrip(".") in lang.months for m in name):
        return None
    return ctx.art.people.resolve(text[name[0].start() : name[-1].end()]), name[-1].end()
