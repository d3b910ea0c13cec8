"""Quantity rules: how many of what, who did what to them, and the interval the hedge allows."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.data.trie import trie_pattern
from checker.extract.ages import age_spans
from checker.extract.context import WORD, SentenceContext
from checker.extract.hedges import hedge_before, interval, is_range, range_interval
from checker.extract.measures import (
    casualty,
    currency_word,
    measure_before,
    measures,
    money_unit,
    money_value,
    percent_unit,
    subject_count,
    verb_after,
)
from checker.extract.patterns import NAME
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, Hedge, Interval, QuantityClaim
from checker.text.numbers import number_pattern, parse_number, trailing_scale

_UNIT_WORDS = 4
# Words that end the counted thing: prepositions, relatives, verbs' particles.
_UNIT_STOP = frozenset(
    [
        "that",
        "which",
        "who",
        "whose",
        "from",
        "by",
        "in",
        "on",
        "at",
        "for",
        "with",
        "to",
        "as",
        "than",
        "while",
        "inside",
        "outside",
        "into",
        "onto",
        "across",
        "near",
        "behind",
        "beneath",
        "under",
        "through",
        "around",
        "respectively",
        "when",
        "where",
        "since",
        "between",
        "during",
        "after",
        "before",
        "because",
        "occupied",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
    ]
)
_AUXILIARIES = frozenset(
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
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
    ]
)
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?\d[\d,]*\s+(?=[a-z])")
_AGENT = re.compile(r"\s+\w+\s+by\b")
_SUBJECT_START = re.compile(r"\b(?:and|but|while|whereas)\s+$")
_CLOCK = re.compile(r"(?:gmt|utc|local time|hours? gmt|a\.?m\b|p\.?m\b|uur\b|uhr\b)")
_MAGNITUDE = re.compile(r"\bmagnitude[\s-]*$", re.I)
_PERCENT = re.compile(r"%|per\s*cent", re.I)
_SKIP_AFTER = re.compile(r"\s*(?:of\s+(?:the|its|their|his|her|our)\b|%|percent|per cent)", re.I)
# "17.00 uur", "9.30 hours": a time of day, not a count.
_TIME_OF_DAY = re.compile(r"(?:[01]?\d|2[0-4])[.:][0-5]\d")
_HOURS = re.compile(r"(?:h|hrs?|hours?|uur|uhr|heures?)\b")
# Ranges: "400-600", "1.5 to 1.75", "5% to 6%", "between 400 and 600".
_RANGE_TO = re.compile(r"(?P<pct>%)?(?:\s?[-–]\s?|\s+to\s+)")
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent)", re.I)
_RANGE_AND = re.compile(r"(?P<pct>%)?\s+and\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
# Words right after "N-M" that make it a score or a tally, not a range.
_SCORE_AFTER = re.compile(r"\s*(?:win|victory|defeat|loss|draw|vote|lead|margin|scoreline)\b", re.I)
# "the two leaders", "these three countries": number words that point back.
_REFERENTIAL = frozenset(["two", "three", "four", "five"])
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.I)
# A figure with no noun in a list ("..., 38,000 in Lyon and 30,000 in Toulouse").
_ELIDED_BEFORE = re.compile(r"(?:[,;:]|\b(?:and|or|but|while|with|including))\s*$", re.I)
# A figure far above the one before it counts something else: "more than 200
# processions, including 400,000 in Paris" (people, not processions).
_ELIDED_RATIO = 10
_ELIDED_PLACE = re.compile(rf"\s+(?:in|at|for|from|on|across)\s+(?:the\s+)?{NAME}")


@functools.cache
def _vague() -> re.Pattern[str]:
    from checker.data.language import load_language

    words = sorted(load_language().vague, key=len, reverse=True)
    body = trie_pattern(words)
    return re.compile(rf"(?<![\w-])(?P<v>(?i:{body}))(?:\s+of)?\s+(?=[a-z])")


def counted_thing(ctx: SentenceContext, start: int) -> tuple[str, int]:
    """The noun phrase after a figure ("settlements and villages") and where it ends."""
    lang = ctx.art.lang
    words: list[re.Match[str]] = []
    position = start
    for match in WORD.finditer(ctx.text, start):
        gap = ctx.text[position : match.start()]
        if gap.strip() and gap.strip() not in ("-",):
            break
        word = fold(match.group(0))
        if (
            word in _UNIT_STOP
            or match.group(0)[0].isdigit()
            or word in lang.hedges
            or (words and word in lang.number_words)  # "140 passengers and six crew"
        ):
            break
        if words and (word in lang.finite_verbs or (word.endswith("ed") and len(word) > 3)):
            break
        if word == "and" and (not words or len(words) >= _UNIT_WORDS - 1):
            break
        if words and word.endswith("ing") and fold(words[-1].group(0)) == "and":
            break  # "120 people and leaving thousands homeless": a second verb phrase
        words.append(match)
        position = match.end()
        if len(words) >= _UNIT_WORDS:
            break
    while words and fold(words[-1].group(0)) in ("and", "or", "of"):
        words.pop()  # "17 coaches of the two trains": what is counted is "coaches"
    if not words:
        return "", start
    text = ctx.text[words[0].start() : words[-1].end()]
    return ctx.art.lexicon.canonical(text).lower(), words[-1].end()


def actor_action(ctx: SentenceContext, start: int) -> tuple[str | None, str | None]:
    """Who did what to the counted thing: the verb before it and that verb's subject."""
    lang = ctx.art.lang
    cs, _ = ctx.clause(start, start)
    tokens = list(WORD.finditer(ctx.text, cs, start))
    for index in range(len(tokens) - 1, -1, -1):
        word = fold(tokens[index].group(0))
        if word in lang.attribution_verbs:
            return None, None
        if word in _AUXILIARIES:
            continue
        participle = index == len(tokens) - 1 and word.endswith("ing") and len(word) > 5
        if word in lang.finite_verbs or (word.endswith("ed") and len(word) > 4) or participle:
            subject: list[str] = []
            for token in reversed(tokens[:index]):
                if not token.group(0)[0].isupper():
                    break
                subject.insert(0, token.group(0))
            actor = ctx.art.lexicon.canonical(" ".join(subject[-4:])) if subject else None
            return actor, word
    return None, None


def _money(ctx: SentenceContext) -> list[ClaimBase]:
    """Sums after a currency symbol: "$4.5bn", "C$4.5 billion", "£40m", "€3 million"."""
    out: list[ClaimBase] = []
    if not any(symbol in ctx.text for symbol in "$£€¥₹"):
        return out
    for match in measures().money.finditer(ctx.text):
        start, end = match.span()
        if ctx.is_taken(start, end):
            continue
        value = money_value(match)
        currency = measures().symbols[match.group("sym")]
        hedge, hedge_start = hedge_before(ctx.text, start)
        actor, action = actor_action(ctx, hedge_start)
        out.append(
            ctx.make(
                QuantityClaim,
                "Q001",
                hedge_start,
                end,
                value=value,
                unit=money_unit(ctx, currency, hedge_start, end),
                actor=actor,
                action=action,
                hedge=hedge,
                interval=interval(value, hedge, ctx.art.settings.tolerances),
            )
        )
        ctx.take(hedge_start, end, "quantity")
    return out


class _Counted(NamedTuple):
    """What a figure counts, kept for a later figure of the sentence that elides it."""

    value: float
    unit: str
    actor: str | None
    action: str | None


class _Range(NamedTuple):
    low: float
    high: float
    high_match: re.Match[str]
    start: int  # where the range begins: "between", else its low figure


def _range(
    ctx: SentenceContext, matches: list[re.Match[str]], index: int, low: float
) -> _Range | None:
    """The range that ``matches[index]`` opens, when it does: "between 400 and 600",
    "17 to 20", "1.5 to 1.75 percent", "5-6", "400-600". The low figure takes the
    high one's scale ("between 1.5 and 2 million"). Not a range: a change and a level
    ("from 62 to 64", "by 0.25% to 5.25%", "rose 2% to 3%"), a vote or a score ("voted
    220-207", "a 1-0 win": the first figure is not below the second), and figures too
    far apart to bound one value ("0.25 to 5.25")."""
    if index + 1 >= len(matches):
        return None
    first, second = matches[index], matches[index + 1]
    start, end = first.span("num")
    between = _BETWEEN.search(ctx.text, max(0, start - 12), start)
    joint = (_RANGE_AND if between else _RANGE_TO).fullmatch(ctx.text, end, second.start("num"))
    if joint is None:
        return None
    high = parse_number(second.group("num"))
    if high is None:
        return None
    if joint.group("pct") and not _PERCENT_AFTER.match(ctx.text, second.end("num")):
        return None  # "5% to 6 people"
    scale = trailing_scale(second.group("num"))
    if scale > 1 and trailing_scale(first.group("num")) == 1 and low * scale <= high:
        low *= scale
    if _SCORE_AFTER.match(ctx.text, second.end("num")):
        return None
    if not is_range(ctx.text, start, low, high, between=between is not None):
        return None
    return _Range(low, high, second, between.start() if between else start)


_WINDOW_BEFORE = re.compile(r"\b(?:in|over|within)\s+(?:the\s+(?:last|past)\s+)?$", re.I)
_ORDINAL_SUFFIX = re.compile(r"\b\d+(?:st|nd|rd|th)\b")


def _record_window(ctx: SentenceContext, start: int, unit: str) -> bool:
    """Whether the figure at ``start`` is the span a tally is counted over, not a count:
    "for the second time in five seasons", "a fifth title in nine years" (an ordinal
    before it in its clause, "in" and a unit of time or of play after it)."""
    words = unit.split()
    if not words or words[-1] not in measures().window_units:
        return False
    if not _WINDOW_BEFORE.search(ctx.text, max(0, start - 20), start):
        return False
    clause_start, _ = ctx.clause(start, start)
    before = ctx.text[clause_start:start]
    ordinals = ctx.art.lang.ordinals
    return _ORDINAL_SUFFIX.search(before) is not None or any(
        fold(m.group(0)) in ordinals for m in WORD.finditer(before)
    )


@functools.cache
def _estimate_at() -> re.Pattern[str]:
    """ "put the total estimate at", "estimated the crowd at", "put it at": a figure given
    for a count the article has already named (verbs and nouns in ``measures.toml``)."""
    data = load_bundled("measures.toml")["estimate"]
    verbs = "|".join(sorted((re.escape(str(v)) for v in data["verbs"]), key=len, reverse=True))
    nouns = "|".join(sorted((re.escape(str(n)) for n in data["nouns"]), key=len, reverse=True))
    return re.compile(
        rf"\b(?i:{verbs})\s+(?:(?:the|its|their|an?|it|them)\s+)?"
        rf"(?:(?:[\w-]+\s+){{0,2}}(?i:{nouns})\s+)?at\s+$"
    )


# "one of them", "fell on one another", "one by one", "one after another": "one" that
# counts nothing.
_NOT_A_COUNT = re.compile(r"\s*(?:of\b|another\b|by\s+one\b|after\s+(?:the\s+)?other\b)", re.I)
# A figure with no noun after it whose verb names what it counts: "Of the dead, 106 are
# women and 26 are foreigners" (a part of the total, not the total).
_PREDICATE_NOUN = re.compile(
    r"\s+(?:are|were|was|is)\s+(?:all\s+)?(?P<noun>women|men|children|girls|boys|"
    r"minors|teenagers|students|foreigners|foreign\s+nationals|tourists|civilians|"
    r"soldiers|police\s+officers|officers|firefighters|staff|workers|passengers|crew|"
    r"nationals|citizens|residents|migrants|refugees|journalists|patients|babies)\b",
    re.I,
)


def _referential(ctx: SentenceContext, surface: str, start: int, end: int) -> bool:
    """ "the two leaders", "these three countries": a small number word after a definite
    determiner points back at things already named and counts nothing new."""
    return (
        fold(surface) in _REFERENTIAL
        and not ctx.text.startswith("-", end)
        and _DEFINITE.search(ctx.text, max(0, start - 8), start) is not None
    )


def _elided(ctx: SentenceContext, hedge_start: int, end: int) -> int | None:
    """Where the place or name after a figure with no noun ends, when the figure
    elides the counted thing of the one before it: "1.12 million people marched,
    38,000 in Lyon and 30,000 in Toulouse" (a list: a comma or a conjunction before)."""
    if not _ELIDED_BEFORE.search(ctx.text, max(0, hedge_start - 12), hedge_start):
        return None
    place = _ELIDED_PLACE.match(ctx.text, end)
    return place.end() if place else None


# Between two figures of a list: "9,000 and 25,000 marchers", "51.2%, 44.9% and 3.9%".
_LIST_GAP = re.compile(r"(?:\s*%|\s+per\s*cent|\s+percent)?(?P<sep>\s*,\s*|\s*,?\s+and\s+)", re.I)
_LIST_FIGURES = 4


def _list_last(ctx: SentenceContext, matches: list[re.Match[str]], index: int) -> int | None:
    """The index of the last figure of the coordinated list of 2-4 figures that the
    figure at ``index`` begins or continues (commas between them, "and" before the
    last), whose noun says what the others count too."""
    last = index
    while last + 1 < len(matches) and last - index < _LIST_FIGURES - 1:
        gap = _LIST_GAP.fullmatch(ctx.text, matches[last].end(), matches[last + 1].start("num"))
        if gap is None:
            return None
        last += 1
        if "and" in gap.group("sep"):
            return last
    return None


def _listed_after(ctx: SentenceContext, matches: list[re.Match[str]], index: int) -> bool:
    """Whether the figure at ``index`` follows the one before it in a list."""
    if index == 0:
        return False
    gap = _LIST_GAP.fullmatch(ctx.text, matches[index - 1].end(), matches[index].start("num"))
    return gap is not None


def _list_percent(ctx: SentenceContext, match: re.Match[str]) -> str | None:
    """The measured noun of the last percentage of a list ("... and 3.9% of the vote")."""
    skip = _SKIP_AFTER.match(ctx.text, match.end())
    if skip is None or not _PERCENT.search(skip.group(0)):
        return None
    return percent_unit(ctx, match.start("num"), skip.end())


@rule("Q001", "counted quantity")
def counted(ctx: SentenceContext) -> list[ClaimBase]:
    """A figure in digits or words and the thing it counts: "300 settlements and
    villages", "forty-four soldiers", "80 million people", "2,000-strong", and sums
    of money ("$4.5bn", "£40 million", "4.5 billion dollars"). Percentages and sums
    carry what they measure in ``unit`` ("percent inflation", "pounds fee").
    The hedge before it sets the interval ("nearly 300" -> [270, 300] with the
    default tolerance); a bare round number carries the rounding tolerance.
    A range is one claim ("between 400 and 600 people", "5-6 metres"): hedge
    ``range``, value its low end, interval [low, high]. A figure with no noun in a
    list, before a place or a name, counts what the figure before it counts
    ("1.12 million people marched, 38,000 in Lyon"); in a list of figures, a figure
    with no noun counts what the list's last one counts ("9,000 and 25,000 marchers")
    and a bare percentage measures what the one before it measures ("won 51.2%, 44.9%
    and 3.9%"). A noun before the figure with
    "of" says what it counts, whatever follows ("a majority of 176 MPs" and "a majority
    of 174" both count the majority). Digits grouped with dots are
    thousands when every group has three digits and there are two groups or the
    group is "000" ("23.000", "1.200.000"). Numbers that belong to dates or
    durations, times of day ("17.00 uur"), ordinals, "one of" and the small number
    words that point back ("the two leaders") are not quantities.
    ``actor``/``action`` are the subject and verb when stated ("Azerbaijan" "retook")."""
    out: list[ClaimBase] = _money(ctx)
    ages = age_spans(ctx.text)  # rule Q003's
    matches = list(number_pattern().finditer(ctx.text))
    previous: _Counted | None = None
    previous_index = -1  # the match ``previous`` was read from
    index = -1
    while index + 1 < len(matches):
        index += 1
        match = matches[index]
        start, end = match.span("num")
        if ctx.is_taken(start, end) or any(s < end and start < e for s, e in ages):
            continue
        surface = match.group("num")
        if fold(surface) == "one" and _NOT_A_COUNT.match(ctx.text, end):
            continue  # "one of", "one another", "one by one": no count
        if _referential(ctx, surface, start, end):
            continue
        value = parse_number(surface)
        if value is None:
            continue
        if 1500 <= value <= 2100 and surface.isdigit():
            continue  # a year the date rules did not claim ("the 2020 war")
        span = _range(ctx, matches, index, value)
        if span is not None:
            high_end = span.high_match.end("num")
            if ctx.is_taken(start, high_end) or any(s < high_end and start < e for s, e in ages):
                span = None
            else:
                value, end = span.low, high_end
                surface = ctx.text[start:end]
                index += 1  # the high end is read
        unit_start = end
        shared: _Counted | None = None  # the figure before in a list, whose verb this shares
        strong = re.match(r"-(strong|member|man|person|seat)\b", ctx.text[end:])
        if strong:  # "the 450-seat parliament": the figure describes the noun after it
            head, head_end = counted_thing(ctx, end + strong.end())
            unit = f"{strong.group(1)} {head}".strip()
            unit_end = head_end if head else end + strong.end()
        else:
            skip = _SKIP_AFTER.match(ctx.text, unit_start)
            part = _PART_OF.match(ctx.text, unit_start)
            if part:  # "238 of the 450 seats": 238 seats, of a total the claim keeps
                unit, unit_end = counted_thing(ctx, part.end())
            elif skip and _PERCENT.search(skip.group(0)):
                unit, unit_end = percent_unit(ctx, start, skip.end()) or "", skip.end()
                final = None if unit else _list_last(ctx, matches, index)
                if final is not None:  # "51.2%, 44.9% and 3.9% of the vote"
                    unit = _list_percent(ctx, matches[final]) or ""
                if (
                    not unit
                    and previous is not None
                    and _PERCENT.match(previous.unit)
                    and previous_index == index - 1
                    and _listed_after(ctx, matches, index)
                ):  # "won 51.2%, 44.9% and 3.9%": what the first of the list measures
                    unit, shared = previous.unit, previous
            else:
                unit, unit_end = counted_thing(ctx, skip.end() if skip else unit_start)
                final = None if unit else _list_last(ctx, matches, index)
                if final is not None:  # "9,000 and 25,000 marchers": the last one's noun
                    unit = counted_thing(ctx, matches[final].end())[0]
                    unit = "" if _PERCENT.match(unit) or currency_word(unit) else unit
        if _MAGNITUDE.search(ctx.text, max(0, start - 12), start):
            unit = f"magnitude {unit}".strip()  # "magnitude 7.1 earthquake": a measure
        hedge, hedge_start = hedge_before(ctx.text, span.start if span else start)
        elided = shared
        if not unit and previous is not None and value <= previous.value * _ELIDED_RATIO:
            place_end = _elided(ctx, hedge_start, end)
            if place_end is not None:  # "..., 38,000 in Lyon": people marched, in Lyon
                elided, unit, unit_end = previous, previous.unit, place_end
        last = ctx.art.last_counted
        if (
            not unit
            and elided is None
            and last is not None
            and last[0] / _ELIDED_RATIO <= value <= last[0] * _ELIDED_RATIO
            and _estimate_at().search(ctx.text, max(0, hedge_start - 60), hedge_start)
        ):  # "The ministry put the total at 1.2 million": the crowd told of before
            elided = _Counted(*last)
            unit = elided.unit
        if _record_window(ctx, hedge_start, unit):
            continue  # "for the second time in five seasons": the span of a tally
        named = measure_before(ctx, hedge_start)
        if named is not None and not _PERCENT.match(unit) and not currency_word(unit):
            unit = named  # "a majority of 176 MPs": the majority is what is counted
        predicate = None if unit else _PREDICATE_NOUN.match(ctx.text, end)
        if predicate is not None:  # "Of the dead, 106 are women": women are counted
            unit, unit_end = fold(predicate.group("noun")), predicate.end()
        subject = None if unit else subject_count(ctx, hedge_start)
        if subject is not None:  # "the death toll rose to more than 150"
            unit, unit_end = subject[0], end
        if (
            not unit
            or _CLOCK.match(unit)
            or (_TIME_OF_DAY.fullmatch(surface) and _HOURS.match(unit))
        ):
            continue  # "2217 GMT", "17.00 uur" are times of day
        currency = currency_word(unit)
        if currency and elided is None:  # "4.5 billion dollars", "500 million soles"
            word = WORD.search(ctx.text, end)
            unit_end = word.end() if word else unit_end
            unit = money_unit(ctx, currency, hedge_start, unit_end)
        if elided is not None:
            actor, action = elided.actor, elided.action
        else:
            actor, action = _actor_action(ctx, hedge_start, unit_end, subject, strong)
            unit, action = casualty(unit, action)
            if not unit.startswith("magnitude"):  # a measure is not what the verb acts on
                action = action or verb_after(ctx, unit_end)
        tolerances = ctx.art.settings.tolerances
        out.append(
            ctx.make(
                QuantityClaim,
                "Q001",
                hedge_start,
                unit_end,
                value=value,
                unit=unit,
                actor=actor,
                action=action,
                hedge=Hedge.RANGE if span else hedge,
                interval=range_interval(value, span.high, hedge, tolerances)
                if span
                else interval(value, hedge, tolerances),
            )
        )
        ctx.take(hedge_start, unit_end, "quantity")
        previous = _Counted(value, unit, actor, action)
        previous_index = index
        if subject is None and not _PERCENT.match(unit) and not currency and ctx.section == "body":
            ctx.art.last_counted = previous
    return out


def _actor_action(
    ctx: SentenceContext,
    hedge_start: int,
    unit_end: int,
    subject: tuple[str, str | None] | None,
    strong: re.Match[str] | None,
) -> tuple[str | None, str | None]:
    """Who did what to a counted figure: the verb before it and its subject, or the
    verb after it when the figure is the subject of a new clause."""
    actor, action = actor_action(ctx, hedge_start) if not strong else (None, None)
    if subject is not None and subject[1]:
        action = subject[1]
    following = verb_after(ctx, unit_end)
    if (
        following
        and _SUBJECT_START.search(ctx.text, max(0, hedge_start - 8), hedge_start)
        and not _AGENT.match(ctx.text, unit_end)
    ):
        # "... were affected and 3,500 buildings collapsed": the count is the subject
        # of the verb after it, not the object of the verb before the "and" (unless
        # that verb is a participle: "retook cities and 300 villages occupied by ...").
        actor, action = None, following
    return actor, action


@rule("Q002", "vague quantity")
def vague(ctx: SentenceContext) -> list[ClaimBase]:
    """A vague count: "several cities", "dozens of people", "a few times".
    ``value`` is null, the hedge ``vague``, and the interval the range the word
    allows (``checker/data/hedges.toml``: "several" is 3 or more). Time units
    ("many years") are not counted things."""
    out: list[ClaimBase] = []
    lang = ctx.art.lang
    for match in _vague().finditer(ctx.text):
        if ctx.is_taken(match.start(), match.end()):
            continue
        unit, unit_end = counted_thing(ctx, match.end())
        if not unit or fold(unit.split()[0]) in lang.time_units:
            continue
        word = fold(match.group("v"))
        low, high = lang.vague[word]
        actor, action = actor_action(ctx, match.start())
        out.append(
            ctx.make(
                QuantityClaim,
                "Q002",
                match.start(),
                unit_end,
                value=None,
                unit=unit,
                actor=actor,
                action=action,
                hedge=Hedge.VAGUE,
                vague=word,
                interval=Interval(low=low, high=high),
            )
        )
        ctx.take(match.start(), unit_end, "quantity")
    return out
