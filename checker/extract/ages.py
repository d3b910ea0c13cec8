"""Ages: "the 29-year-old defender", "Daan van Dijkstra, aged 29", "Hartley, 52,".

An age is a quantity of the person it belongs to: ``unit`` "age", ``actor`` the
person when the sentence names them. Without a person an age says nothing
checkable across sources ("the 29-year-old joins" could be anyone), unless a
noun says whose it is ("the 29-year-old defender": unit "age defender").
"""

from __future__ import annotations

import re

from checker.data.folding import fold
from checker.extract.context import SentenceContext
from checker.extract.patterns import CAPWORD, PARTICLES
from checker.extract.registry import rule
from checker.extract.speakers import title_words
from checker.schema.claims import ClaimBase, Hedge, Interval, QuantityClaim
from checker.text.numbers import parse_number

_NAME = rf"{CAPWORD}(?:\s+(?:{PARTICLES}\s+)?{CAPWORD}){{1,3}}"
_NUMBER = r"\d{1,3}|[a-z]+(?:-[a-z]+)?"
# "29-year-old", "a 52-year-old manager", "the 29-year-old Dutch defender Daan van Dijkstra".
_OLD = re.compile(
    rf"(?<![\w-])(?P<n>{_NUMBER})-year-old(?:\s+(?P<noun>[a-z]+)(?![\w-]))?"
    rf"(?:\s+(?P<name>{_NAME}))?"
)
# "Daan van Dijkstra, aged 29", "Tom Hartley, 52,", "Hartley (52)".
_AGED = re.compile(
    rf"(?P<name>{_NAME}|{CAPWORD}),\s+(?:aged\s+)?(?P<n>\d{{1,3}})(?=,(?!\d{{3}})|\s*\))"
)  # "Lyon, 36,000 in Toulouse" is a list of counts, not Lyon's age
# "Smith, a 34-year-old father of two": the age of the name the apposition follows.
_NAMED_OLD = re.compile(rf"(?P<name>{_NAME}|{CAPWORD}),\s+an?\s+(?P<n>\d{{1,3}})-year-old\b")
_AGED_PLAIN = re.compile(rf"(?P<name>{_NAME}|{CAPWORD}),?\s+aged\s+(?P<n>\d{{1,3}})\b")
_MAX_AGE = 120
AGE_HINT = re.compile(r"year-old|\baged\s|,\s\d{1,3},")


def age_spans(text: str) -> list[tuple[int, int]]:
    """Where ages stand in ``text``: other quantity rules leave these numbers alone."""
    if not AGE_HINT.search(text):
        return []
    spans = [m.span("n") for m in _OLD.finditer(text)]
    spans += [m.span("n") for p in (_AGED, _AGED_PLAIN) for m in p.finditer(text)]
    return spans


def _untitled(name: str) -> str:
    """ "Prime Minister Keir Hartman" -> "Keir Hartman": the name after any title words."""
    words = name.split()
    titles = title_words()
    while len(words) > 1 and fold(words[0]) in titles:
        words.pop(0)
    return " ".join(words)


def _is_noun(word: str, ctx: SentenceContext) -> bool:
    # "the 29-year-old joins": a verb in the present ends in -s; an age's noun is singular
    return word not in ctx.art.lang.finite_verbs and not word.endswith("s")


def _is_calendar(who: str, ctx: SentenceContext) -> bool:
    word = who.split()[-1].lower().rstrip(".")
    return word in ctx.art.lang.months or word in ctx.art.lang.weekdays


@rule("Q003", "age")
def age(ctx: SentenceContext) -> list[ClaimBase]:
    """A person's age: "Daan van Dijkstra, aged 29", "Tom Hartley, 52,", "the
    29-year-old defender Daan van Dijkstra". ``unit`` is "age" and ``actor`` the
    person (surnames resolve to the full name the article gave); an age with no
    person is kept only when a noun says whose it is ("age defender")."""
    out: list[ClaimBase] = []
    if not AGE_HINT.search(ctx.text):
        return out
    found: list[tuple[int, int, str, str | None]] = []
    named = {m.start("n"): m.group("name") for m in _NAMED_OLD.finditer(ctx.text)}
    for m in _OLD.finditer(ctx.text):
        name, noun = m.group("name") or named.get(m.start()), m.group("noun")
        end = m.end("name") if m.group("name") else m.end("noun") if noun else m.end()
        found.append((m.start(), end, m.group("n"), name or None))
        if not name and noun and _is_noun(noun, ctx):
            found[-1] = (m.start(), end, m.group("n"), f"#{noun}")
    for pattern in (_AGED, _AGED_PLAIN):
        for m in pattern.finditer(ctx.text):
            found.append((m.start(), m.end("n"), m.group("n"), m.group("name")))
    for start, end, surface, who in sorted(found):
        value = parse_number(surface)
        if value is None or not 0 < value <= _MAX_AGE or ctx.is_taken(start, end):
            continue
        if who is None or _is_calendar(who, ctx):
            continue
        person = None if who.startswith("#") else ctx.art.people.resolve(_untitled(who))
        unit = f"age {who[1:]}" if who.startswith("#") else "age"
        out.append(
            ctx.make(
                QuantityClaim,
                "Q003",
                start,
                end,
                value=value,
                unit=unit,
                actor=person,
                action=None,
                hedge=Hedge.EXACT,
                interval=Interval(low=value, high=value),  # ages are never rounded
            )
        )
        ctx.take(start, end, "quantity")
    return out
