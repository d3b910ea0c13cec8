"""Frames at extraction: what :mod:`checker.frame` reads of a figure's sentence.

A figure's frame needs its clause, the names in it (whose or of what; a speaker is
who said it, not what it is about), and the full dates the clause states (as of
when). This module collects them from the :class:`SentenceContext` and hands plain
values to :func:`checker.frame.quantity.build`.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.frame.quantity import FigureInClause, build, cues, dimension_class_of
from checker.schema.claims import DateClaim, Frame, Hedge
from checker.text.numbers import number_pattern

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
    fields (unit, action, hedge, period) and its clause; a figure of a list takes its
    owner, place or source from the list (:func:`listed_figures`)."""
    clause_start, clause_end = ctx.clause(start, end)
    listed = _listed(ctx, start, end)
    frame = build(
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
            source=(listed.source if listed else None) or figure_source(ctx),
            progress=count_progress(ctx),
            counting=counting(ctx),
            in_progress_phrase=any(s <= start < e for s, e, _ in _progress_in(ctx.text)),
            listed_owner=listed.owner if listed else None,
        )
    )
    if listed is not None and listed.place is not None:
        frame = frame.model_copy(update={"place": listed.place})
    if listed is not None and listed.back:
        frame = _pointed_back(ctx, listed, frame)
    _remember(ctx, start, end, frame)
    return frame


# --- figures distributed over a list -------------------------------------------------
# "Labour and the Conservatives won 34% and 24% respectively", "the union and the
# government put the numbers at 70 percent and 42 percent", "Crowds of 38,000 and 26,000
# marched in Lyon and Marseille respectively": the i-th figure of a coordinated list of
# 2-4 figures goes with the i-th item of a coordinated list of as many names (whose, and
# where when the names follow "in") or authorities (who gives it), when "respectively"
# says so or the form is strictly parallel (the names, a verb phrase of a few lower-case
# words, the figures). A list whose counts do not agree is left alone.

_MIN_ITEMS = 2
_MAX_ITEMS = 4
_PARALLEL_GAP = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){1,5}")
# Between two figures of a list: "34% and 24%", "12%, 30% and 41%", "31,000 people and
# 17,000 people" (the counted noun repeated after each figure).
_FIGURE_COMMA = re.compile(r"(?:\s+(?P<unit>[a-z][\w-]*))?\s*,\s*")
_FIGURE_AND = re.compile(r"(?:\s+(?P<unit>[a-z][\w-]*))?\s*,?\s+and\s+")
_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_PERCENT_AFTER = re.compile(r"\s*%|\s+per\s*cent\b|\s+percent\b", re.I)
_CURRENCY_BEFORE = re.compile(r"[$£€¥₹]\s?$")
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+(?:[$£€¥₹]\s?)?$", re.I)
# Between two names or authorities of a list: "Labour and the Conservatives", "Lyon,
# Marseille and Nantes", "the union and the government".
_ITEM_COMMA = re.compile(r"\s*,\s*(?:the\s+)?", re.I)
_ITEM_AND = re.compile(r"\s*,?\s+(?:and|&)\s+(?:the\s+|its\s+|their\s+)?", re.I)
_LIST_LOCATIVE = re.compile(r"\b(?:in|at|across|outside)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class _ListCues:
    """``lists.toml``, folded."""

    respectively: re.Pattern[str]
    source_verbs: frozenset[str]
    thing_stops: frozenset[str]


@functools.cache
def _list_cues() -> _ListCues:
    data = load_bundled("lists.toml")
    words = sorted((fold(str(w)) for w in data["respectively"]), key=len, reverse=True)
    return _ListCues(
        respectively=re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b"),
        source_verbs=frozenset(fold(str(w)) for w in data["source_verbs"]),
        thing_stops=frozenset(fold(str(w)) for w in data["thing_stops"]),
    )


@dataclass(frozen=True)
class Listed:
    """What a list gives the figure of rank ``index`` in a list of ``size`` figures: its
    owner, where it was counted, who gives it; ``back`` when the sentence names nothing
    and points back ("..., respectively") at the figures of the sentence before."""

    index: int
    size: int
    owner: str | None = None
    place: str | None = None
    source: str | None = None
    back: bool = False


def _coordinated(
    text: str, items: list[tuple[int, int]], comma: re.Pattern[str], conj: re.Pattern[str]
) -> list[list[int]]:
    """Runs (indices into ``items``) of 2-4 items joined as a list: commas between them
    and a conjunction before the last ("A, B and C")."""
    runs: list[list[int]] = []
    current: list[int] = []
    closed = False  # the current run reached its "and"
    for i in range(len(items)):
        if current and not closed:
            gap = text[items[i - 1][1] : items[i][0]]
            if conj.fullmatch(gap):
                current.append(i)
                closed = True
                continue
            if comma.fullmatch(gap):
                current.append(i)
                continue
        if closed and _MIN_ITEMS <= len(current) <= _MAX_ITEMS:
            runs.append(current)
        current, closed = [i], False
    if closed and _MIN_ITEMS <= len(current) <= _MAX_ITEMS:
        runs.append(current)
    return runs


def _one_unit(text: str, figures: list[tuple[int, int]]) -> bool:
    """Whether the figures of a list count one thing: a noun written after one of them
    is written after each ("31,000 people and 17,000 people"), or after none but the
    last ("34% and 24% of the vote")."""
    units = []
    for (_, end), (start, _) in itertools.pairwise(figures):
        gap = _FIGURE_AND.fullmatch(text, end, start) or _FIGURE_COMMA.fullmatch(text, end, start)
        units.append(gap.group("unit") if gap else None)
    if not any(units):
        return True
    last = _WORD_AFTER.match(text, figures[-1][1])
    return (
        all(unit == units[0] for unit in units) and last is not None and last.group(1) == units[0]
    )


def _figure_items(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each number of the sentence, with its currency sign before it
    and its percent sign or word after it."""
    items = []
    for match in number_pattern().finditer(text):
        start, end = match.start("num"), match.end()
        sign = _CURRENCY_BEFORE.search(text, max(0, start - 2), start)
        percent = _PERCENT_AFTER.match(text, end)
        items.append((sign.start() if sign else start, percent.end() if percent else end))
    return items


def _source_items(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """``(start, end, folded words)`` of the authorities the sentence names ("the CGT
    union" -> "cgt union"), adjacent authority words joined."""
    authorities = cues().authorities
    stop = ctx.art.lang.stopwords
    tokens = ctx.tokens
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if _authority(tokens[i].folded) not in authorities:
            i += 1
            continue
        first = last = i
        while last + 1 < len(tokens) and _authority(tokens[last + 1].folded) in authorities:
            if ctx.text[tokens[last].end : tokens[last + 1].start].strip():
                break
            last += 1
        while (
            first > 0
            and i - first < 2
            and not ctx.text[tokens[first - 1].end : tokens[first].start].strip()
            and tokens[first - 1].folded not in stop
            and tokens[first - 1].folded not in _DETERMINERS
        ):
            first -= 1  # "the interior ministry": its qualifier
        words = [_authority(t.folded) for t in tokens[first : last + 1]][-3:]
        found.append((tokens[first].start, tokens[last].end, " ".join(words)))
        i = last + 1
    return found


def _authority(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _sources_give(ctx: SentenceContext, end: int) -> bool:
    """Whether the authorities ending at ``end`` give figures: a verb of giving a count
    follows them, at most one word between ("the police had counted", "put")."""
    words = ctx.text[end : end + 40].split()[:2]
    verbs = _list_cues().source_verbs
    return any(fold(w).strip(",.") in verbs for w in words)


def listed_figures(ctx: SentenceContext) -> dict[int, Listed]:
    """The figures of this sentence that a list distributes, by the start of their
    number (see the section comment above)."""
    found = ctx.memo.get("listed_figures")
    if isinstance(found, dict):
        return found
    listed: dict[int, Listed] = {}
    ctx.memo["listed_figures"] = listed
    text = ctx.text
    if " and " not in text and "&" not in text:
        return listed
    items = _figure_items(text)
    figure_lists = [
        [items[i] for i in run]
        for run in _coordinated(text, items, _FIGURE_COMMA, _FIGURE_AND)
        if not _RANGE_BEFORE.search(text, max(0, items[run[0]][0] - 12), items[run[0]][0])
        and _one_unit(text, [items[i] for i in run])
    ]
    if len(figure_lists) != 1:
        return listed  # none, or several lists: which goes with which is not said
    figures = figure_lists[0]
    names = proper_names(ctx)
    spans = [(s, e) for s, e, _ in names]
    name_lists = [
        ("name", [names[i] for i in run])
        for run in _coordinated(text, spans, _ITEM_COMMA, _ITEM_AND)
    ]
    sources = _source_items(ctx)
    source_lists = [
        ("source", [sources[i] for i in run])
        for run in _coordinated(text, [(s, e) for s, e, _ in sources], _ITEM_COMMA, _ITEM_AND)
        if _sources_give(ctx, sources[run[-1]][1])
    ]
    lists = [*name_lists, *source_lists]
    respectively = _list_cues().respectively.search(ctx.folded) is not None
    if respectively:
        fitting = [(kind, run) for kind, run in lists if len(run) == len(figures)]
    else:  # strictly parallel: the names, a few lower-case words, the figures
        fitting = [
            (kind, run)
            for kind, run in lists
            if len(run) == len(figures)
            and run[-1][1] < figures[0][0]
            and _PARALLEL_GAP.fullmatch(text, run[-1][1], figures[0][0])
        ]
    size = len(figures)
    if len(fitting) == 1:
        kind, run = fitting[0]
        located = _LIST_LOCATIVE.search(text, max(0, run[0][0] - 12), run[0][0]) is not None
        for index, ((start, _), (_, _, item)) in enumerate(zip(figures, run, strict=True)):
            if kind == "source":
                listed[start] = Listed(index, size, source=item)
            else:
                listed[start] = Listed(index, size, owner=item, place=item if located else None)
    elif respectively and not lists:
        for index, (start, _) in enumerate(figures):
            listed[start] = Listed(index, size, back=True)
    return listed


def _listed(ctx: SentenceContext, start: int, end: int) -> Listed | None:
    """What a list gives the figure at ``text[start:end]``: one number of a list inside."""
    listed = listed_figures(ctx)
    if not listed:
        return None
    inside = [found for at, found in listed.items() if start <= at < end]
    return inside[0] if len(inside) == 1 else None


_OF_THING = re.compile(r"\s+of\s+(?:the\s+|all\s+)?([a-z][^,.;:()\d]*)")
_THING_WORDS = 5


@dataclass
class _SentenceFigures:
    """The figures of one body sentence, in order, for a later "respectively"."""

    start: int
    end: int
    block: int
    figures: list[tuple[int, Frame, str | None]] = field(default_factory=list)


def _counted_after(ctx: SentenceContext, end: int) -> str | None:
    """The counted thing written after a figure's "of" ("70 percent of primary school
    teachers are on strike" -> "primary school teacher"), its head singular."""
    match = _OF_THING.match(ctx.text, end)
    if match is None:
        return None
    words: list[str] = []
    stops = _list_cues().thing_stops
    for word in match.group(1).split()[:_THING_WORDS]:
        if fold(word) in stops:
            break
        words.append(fold(word))
    while words and words[-1] in ("and", "or"):
        words.pop()
    if not words:
        return None
    head = words[-1]
    if len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        head = head[:-1]
    return " ".join([*words[:-1], head])


def _remember(ctx: SentenceContext, start: int, end: int, frame: Frame) -> None:
    """Keep the figure for the sentence after ("..., respectively")."""
    if ctx.section != "body":
        return
    here = ctx.art.memo.get("figures_here")
    sentence = ctx.sentence
    if not isinstance(here, _SentenceFigures) or here.start != sentence.start:
        if isinstance(here, _SentenceFigures):
            ctx.art.memo["figures_before"] = here
        here = _SentenceFigures(sentence.start, sentence.end, sentence.block)
        ctx.art.memo["figures_here"] = here
    here.figures.append((start, frame, _counted_after(ctx, end)))


def _pointed_back(ctx: SentenceContext, listed: Listed, frame: Frame) -> Frame:
    """The frame of a "respectively" figure that names nothing: the slots it leaves
    unsaid (what is counted, whose, where) from the figure of the same rank in the
    sentence just before, when that sentence gives as many figures of its dimension."""
    here = ctx.art.memo.get("figures_here")
    before = ctx.art.memo.get("figures_before")
    if isinstance(here, _SentenceFigures) and here.start != ctx.sentence.start:
        before = here  # the first figure of this sentence: the last record is the one before
    if not isinstance(before, _SentenceFigures):
        return frame
    if before.block != ctx.sentence.block or ctx.art.text[before.end : ctx.sentence.start].strip():
        return frame  # not the sentence just before, in the same paragraph
    kind = dimension_class_of(frame.dimension)
    figures = sorted(
        (f for f in before.figures if dimension_class_of(f[1].dimension) == kind),
        key=lambda f: f[0],
    )
    if len(figures) != listed.size:
        return frame
    _, earlier, thing = figures[listed.index]
    update: dict[str, Any] = {}
    if frame.measure is None and (earlier.measure or thing):
        update["measure"] = earlier.measure or thing
    if not frame.subject and earlier.subject:
        update["subject"] = list(earlier.subject)
    if frame.place is None and earlier.place is not None:
        update["place"] = earlier.place
    return frame.model_copy(update=update) if update else frame
