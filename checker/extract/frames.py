"""Frames at extraction: what :mod:`checker.frame` reads of a figure's sentence.

A figure's frame needs its clause, the names in it (whose or of what; a speaker is
who said it, not what it is about), and the full dates the clause states (as of
when). This module collects them from the :class:`SentenceContext` and hands plain
values to :func:`checker.frame.quantity.build`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from checker.data.folding import fold
from checker.frame.quantity import FigureInClause, build, cues
from checker.schema.claims import DateClaim, Frame, Hedge

if TYPE_CHECKING:
    from checker.extract.context import SentenceContext

# A run of capitalised words ("Declan Rice", "West Ham", "U.S. Geological Survey").
# A name starts a word: "people.Flames" (a missing space in scraped text) names nothing.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s\.?")
_NAME = re.compile(r"(?<![\w.'’])(?:[A-Z][\w.'’&-]*)(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w.'’&-]*)*")
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
# Capitalised only because they open the sentence: pronouns and the like.
_NOT_NAMES = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "it",
        "his",
        "her",
        "their",
        "our",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "also",
        "however",
        "meanwhile",
        "now",
        "then",
        "still",
        "more",
        "some",
        "about",
        "around",
        "nearly",
        "almost",
        "over",
        "under",
        "hundreds",
        "thousands",
        "dozens",
        "millions",
        "at",
        "up",
        "several",
        "many",
        "few",
        "what",
        "who",
        "where",
        "why",
        "how",
        "which",
        "whose",
    ]
)


def _common_word(ctx: SentenceContext, word: str) -> bool:
    """Whether the article also writes ``word`` in lower case (a common word)."""
    lower = ctx.art.memo.get("lower_words")
    if not isinstance(lower, frozenset):
        lower = frozenset(m.group(0) for m in re.finditer(r"\b[a-z][a-z'-]+\b", ctx.art.text))
        ctx.art.memo["lower_words"] = lower
    return word in lower


def _opening_word(word: str) -> bool:
    return word in _NOT_NAMES or word.endswith(("ing", "ly"))


def proper_names(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """``(start, end, folded canonical name)`` of the names in the sentence, speakers
    ("Correa said", "according to Xinhua") and calendar words left out."""
    found = ctx.memo.get("proper_names")
    if isinstance(found, list):
        return found
    lang = ctx.art.lang
    names: list[tuple[int, int, str]] = []
    text = ctx.text
    for match in _NAME.finditer(text):
        if _ACRONYM_PLURAL.fullmatch(match.group(0)):
            continue  # "176 MPs", "three NGOs": a plural acronym is a common noun
        words = [_POSSESSIVE.sub("", fold(w).rstrip(".")) for w in match.group(0).split()]
        if words and (words[0] in _NOT_NAMES or (match.start() == 0 and _opening_word(words[0]))):
            words.pop(0)
        while words and (words[0] in lang.stopwords or words[0] in lang.months):
            words.pop(0)
        words = [
            w
            for w in words
            if w not in lang.weekdays
            and w not in lang.months
            and not all(part in lang.number_words for part in w.split("-"))
        ]
        if not words or all(w in _NOT_NAMES or len(w) < 2 for w in words):
            continue
        if (
            match.start() == 0
            and len(words) == 1
            and (_common_word(ctx, words[0]) or words[0] in cues().percent_nouns)
        ):
            continue  # "Unemployment stood at 5.8%": capitalised as the first word only
        after = text[match.end() : match.end() + 24].split()
        if after and fold(after[0]).strip(",.") in lang.attribution_verbs:
            continue  # "Correa said": who spoke, not what the figure is of
        if _ACCORDING.search(text, max(0, match.start() - 20), match.start()):
            continue
        canonical = fold(ctx.art.lexicon.canonical(" ".join(words)))
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:'’":
            end -= 1  # "in Toulouse." ends the sentence, not the name
        names.append((match.start(), end, canonical))
    ctx.memo["proper_names"] = names
    return names


# Who gives a figure: "according to the interior ministry", "police said", "the CGT union
# puts the number at". Only authorities count (a ministry, the police, a union, the
# organisers, an institute): anyone else's "said" is reported speech, not a count's source.
_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:[\w'’.&-]+\s+){0,4}[\w'’.&-]+)(?=[\s,;:)]|$)", re.I
)
_SAID_BY = re.compile(
    r"(?P<who>(?:[\w'’.&-]+\s+){0,3}?[\w'’.&-]+)\s+(?:said|says|estimated|estimates|put|"
    r"puts|counted|counts|reported|claimed|announced|confirmed|estimated)\b",
    re.I,
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "local", "state"])
_SAID_HINT = re.compile(
    r"\b(?:according|said|says|estimated|estimates|put|puts|counted|counts|reported|"
    r"claimed|announced|confirmed)\b",
    re.I,
)


def figure_source(ctx: SentenceContext) -> str | None:
    """Who gives the figures of this sentence, when it names an authority: its words,
    folded, from the first word to the authority noun ("interior ministry", "cgt union",
    "police")."""
    found = ctx.memo.get("figure_source", "")
    if found != "":
        return found if isinstance(found, str) else None
    authorities = cues().authorities
    who: str | None = None
    if _SAID_HINT.search(ctx.text) is None:  # most sentences name no one: skip the scans
        ctx.memo["figure_source"] = None
        return None
    for match in [*_ACCORDING_TO.finditer(ctx.text), *_SAID_BY.finditer(ctx.text)]:
        words = [fold(w).strip(".,;:'’") for w in match.group("who").split()]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        heads = [i for i, w in enumerate(words) if w in authorities]
        if not heads:
            continue
        words = words[: heads[-1] + 1]
        while words and (words[0] in _DETERMINERS or words[0] in ctx.art.lang.stopwords):
            words.pop(0)
        if not words:
            continue
        who = " ".join(words[-3:])
        break
    ctx.memo["figure_source"] = who
    return who


# "With 99% of the votes counted", "with almost 91% of ballot boxes counted": how far a
# count had gone when its figures were given (the moment of a running vote count).
_PROGRESS = re.compile(
    r"\b(?:with|after)\s+(?:almost\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?"
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+of\s+(?:the\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:votes?|ballots?|ballot\s+boxes|polls|precincts|polling\s+stations|"
    r"returns)\b[^.;]{0,40}?\b(?:counted|opened|tallied|reported|processed|in)\b",
    re.I,
)


# "With 648 out of 650 seats declared": how far the results had come in.
_DECLARED = re.compile(
    r"\b(?P<done>\d{1,4})\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<all>\d{1,4})\s+"
    r"(?:seats|constituencies|districts|results|precincts|wards)\s+"
    r"(?:had\s+been\s+|have\s+been\s+|were\s+|now\s+)?"
    r"(?:declared|counted|called|in|reported)\b",
    re.I,
)


@functools.lru_cache(maxsize=1024)
def _progress_in(text: str) -> list[tuple[int, int, float]]:
    """(start, end, percent counted) of the count-progress phrases of ``text``."""
    found = [(m.start(), m.end(), float(m.group("pct"))) for m in _PROGRESS.finditer(text)]
    for m in _DECLARED.finditer(text):
        total, done = int(m.group("all")), int(m.group("done"))
        if total and done <= total:
            found.append((m.start(), m.end(), round(100 * done / total, 1)))
    return sorted(found)


def count_progress(ctx: SentenceContext) -> float | None:
    """How far the count had gone for this sentence's figures: stated in the sentence,
    else the one progress the whole article states (when it states exactly one)."""
    here = _progress_in(ctx.text)
    if here:
        return here[0][2]
    found = ctx.art.memo.get("progress", "")
    if found == "":
        values = {pct for _, _, pct in _progress_in(ctx.art.text)}
        found = values.pop() if len(values) == 1 else None
        ctx.art.memo["progress"] = found
    return found if isinstance(found, float) else None


def counting(ctx: SentenceContext) -> bool:
    """Whether the article reports a count still going on (votes being counted)."""
    found = ctx.art.memo.get("counting")
    if not isinstance(found, bool):
        found = bool(_progress_in(ctx.art.text)) or bool(
            re.search(
                r"\b(?:partial|preliminary|provisional|unofficial)\s+results\b", ctx.art.text, re.I
            )
        )
        ctx.art.memo["counting"] = found
    return found


def _months(ctx: SentenceContext) -> list[tuple[int, int | None, int]]:
    """(offset, year, month) of the sentence's months named without a day."""
    return [(d.start, d.year, d.month) for d in ctx.dates if d.month is not None and d.day is None]


def clause_dates(ctx: SentenceContext, start: int, end: int) -> list[dt.date]:
    """The full dates the sentence's date claims resolve to within ``[start, end)``."""
    base = ctx.sentence.start
    found = []
    for claim in ctx.claims:
        if not isinstance(claim, DateClaim) or claim.section != "body":
            continue
        if not (start <= claim.start - base and claim.end - base <= end):
            continue
        resolved = claim.resolved
        if resolved.year is None or resolved.month is None or resolved.day is None:
            continue
        try:
            found.append(dt.date(resolved.year, resolved.month, resolved.day))
        except ValueError:
            continue
    return found


# Negation before a bounded figure in its clause: "neither won more than 50 per cent".
_NEGATION = re.compile(
    r"\b(?:neither|nor|not|never|no\s+one|failed\s+to|didn't|did\s+not|without)\b"
    r"(?:\s+[\w'’-]+){0,4}\s*$",
    re.I,
)


def negated_figure(ctx: SentenceContext, start: int) -> bool:
    """Whether the clause denies the figure it states ("neither candidate won more than
    50 per cent", "did not reach 1,000"): the claim then asserts the complement."""
    clause_start, _ = ctx.clause(start, start)
    return _NEGATION.search(ctx.text, clause_start, start) is not None


def quantity_frame(ctx: SentenceContext, start: int, end: int, fields: dict[str, Any]) -> Frame:
    """The frame of a figure at ``text[start:end]`` of the sentence, from the claim's
    fields (unit, action, hedge, period) and its clause."""
    clause_start, clause_end = ctx.clause(start, end)
    return build(
        FigureInClause(
            text=ctx.text,
            start=start,
            end=end,
            clause_start=clause_start,
            clause_end=clause_end,
            unit=str(fields.get("unit") or ""),
            action=fields.get("action"),
            hedge=fields.get("hedge", Hedge.EXACT),
            period=fields.get("period"),
            published=ctx.art.published,
            clause_dates=clause_dates(ctx, clause_start, clause_end),
            names=proper_names(ctx),
            months=_months(ctx),
            source=figure_source(ctx),
            progress=count_progress(ctx),
            counting=counting(ctx),
            in_progress_phrase=any(s <= start < e for s, e, _ in _progress_in(ctx.text)),
        )
    )
