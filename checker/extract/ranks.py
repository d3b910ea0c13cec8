"""Ranks of records: "the first player ever to score a hat-trick in a World Cup final",
"the second-lowest in a UK election since 1885", "a record low turnout", "the third-
largest bank in Europe".

A rank is a quantity: the value is the ordinal ("first", "record", "-est ever" = 1,
"second-lowest" = 2), in the dimension ``rank``. Its fact is the record, the frame's
measure ``rank (<record>)``: the holder noun and what was achieved ("person to cup final
hat-trick score world": content words, sorted, so that word order does not matter), or
the superlative and its noun ("lowest turnout"). Who holds the rank is the subject, a
name linked to it ("Mbappe ... to become the first ...", "making him the second ...",
"X, the largest bank ..."): two holders are two facts. The scope is a slot: all-time
("ever", "in history", "on record", "record", or an achievement with none) leaves it
unset; a window ("since 1885", "this season") is the frame's ``period`` and a place
("in Europe") its ``place``. A scoped rank says the rank ever is at least as high, so
"the first since 1966" and "the second ever" can both be true (classification, C101).
Word lists live in ``checker/data/ranks.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.data.loader import load_bundled
from checker.extract.context import WORD, SentenceContext
from checker.extract.frames import proper_names
from checker.extract.registry import rule
from checker.schema.claims import ClaimBase, Frame, Hedge, Interval, QuantityClaim

_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_HOLDER_WORDS = 12  # how far before the rank its holder's name may stand
_MEASURE_WORDS = 15  # how far before a superlative with no noun its measure may stand
_RECORD_WORDS = 10  # at most this many words of what was achieved
_NOUN_WORDS = 3
_HINT = re.compile(r"\b(?:first|second|third|\d+(?:st|nd|rd|th)|record|\w+est|most|least)\b")


@dataclass(frozen=True)
class _Ranks:
    ordinals: dict[str, int]
    holders: dict[str, str]
    not_records: frozenset[str]
    not_superlatives: frozenset[str]
    measures: frozenset[str]
    anaphoric: frozenset[str]
    record_adjectives: dict[str, str]
    links: frozenset[str]
    stops: frozenset[str]
    all_time: tuple[str, ...]
    windows: tuple[str, ...]


@functools.cache
def _ranks() -> _Ranks:
    data = load_bundled("ranks.toml")
    numbers = load_bundled("numbers.toml")
    holders = {str(w): str(k) for k, words in data["holders"].items() for w in words}
    scopes = data["scopes"]
    return _Ranks(
        ordinals={str(w): int(v) for w, v in numbers["ordinals"].items()},
        holders=holders,
        not_records=frozenset(str(w) for w in data["not_records"]),
        not_superlatives=frozenset(str(w) for w in data["not_superlatives"]),
        measures=frozenset(str(w) for w in data["measures"]),
        anaphoric=frozenset(str(w) for w in data["anaphoric"]),
        record_adjectives={str(k): str(v) for k, v in data["record_adjectives"].items()},
        links=frozenset(str(w) for w in data["links"]["verbs"]),
        stops=frozenset(str(w) for w in data["links"]["stops"]),
        all_time=tuple(str(w) for w in scopes["all_time"]),
        windows=tuple(str(w) for w in scopes["windows"]),
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the rank: "the [only] <ordinal>[-]<superlative>[-ever]" or "the <ordinal>",
    a record: "a record low", "a record-high", "an all-time low")."""
    words = sorted(_ranks().ordinals, key=len, reverse=True)
    ordinal = "|".join(re.escape(w) for w in words) + r"|\d+(?:st|nd|rd|th)"
    rank = re.compile(
        rf"(?<![\w'’-])the\s+(?P<ord>{ordinal})\b(?:(?:[\s-]+)(?P<sup>(?:most|least)\s+[a-z]+"
        rf"|[a-z]+est|worst|best))?|(?<![\w'’-])the\s+(?P<sup1>(?:most|least)\s+[a-z]+|[a-z]+est|worst|best)\b",
        re.I,
    )
    adjectives = "|".join(re.escape(w) for w in _ranks().record_adjectives)
    record = re.compile(
        rf"(?<![\w'’-])an?\s+(?:record|all[\s-]time)[\s-](?P<adj>{adjectives})\b", re.I
    )
    return rank, record


@dataclass(frozen=True)
class _Scope:
    end: int  # where the scope's words end in the text
    period: str | None = None  # a window: "since 1885", "this season"
    place: str | None = None  # "in Europe"
    history: list[str] | None = None  # "in World Cup final history": words of the record


def _words_from(ctx: SentenceContext, start: int, limit: int) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` of the words after ``start``, stopping at clause
    punctuation (a comma, a semicolon, a dash, a bracket)."""
    out: list[tuple[int, int, str]] = []
    position = start
    for match in WORD.finditer(ctx.text, start):
        gap = ctx.text[position : match.start()]
        if any(ch in gap for ch in ',;:()[]–—.!?"') or " - " in gap:
            break
        out.append((match.start(), match.end(), fold(match.group(0))))
        position = match.end()
        if len(out) >= limit:
            break
    return out


def _scope(ctx: SentenceContext, start: int) -> _Scope | None:
    """An all-time scope, a window or a place just after ``start``; ``None`` when none."""
    ranks = _ranks()
    rest = fold(ctx.text[start : start + 80])
    lead = len(rest) - len(rest.lstrip())
    body = rest[lead:]
    for phrase in ranks.all_time:
        if re.match(rf"{re.escape(phrase)}\b", body):
            return _Scope(end=start + lead + len(phrase))
    for phrase in ranks.windows:
        if re.match(rf"{re.escape(phrase)}\b", body):
            return _Scope(end=start + lead + len(phrase), period=phrase)
    since = re.match(rf"since\s+({_YEAR})\b(?!\s*(?:[-–]|to)\s*\d)", body)
    if since:
        return _Scope(end=start + lead + since.end(), period=f"since {since.group(1)}")
    history = re.match(r"in\s+(?:the\s+)?((?:[\w'’-]+\s+){1,4}?)history\b", body)
    if history:
        words = [w for w in history.group(1).split() if w not in ctx.art.lang.stopwords]
        return _Scope(end=start + lead + history.end(), history=words)
    return None


def _place(ctx: SentenceContext, start: int) -> _Scope | None:
    """ "in Europe", "in the world": a place that scopes a superlative."""
    match = re.match(
        r"\s+in\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|world)\b",
        ctx.text[start:],
    )
    if match is None:
        return None
    return _Scope(end=start + match.end(), place=fold(match.group("name")))


_SPAN_OF_YEARS = re.compile(
    r"\b(?:in|for|over)\s+(?:(?:more|over|than|almost|nearly|the|last|past|just)\s+)*"
    r"(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|\w+ty)\s+(?:years?|decades?|seasons?)\b"
)


def _killed(ctx: SentenceContext, start: int, end: int) -> bool:
    """A rank within a span of years ("in 56 years", "in a decade"), or one among several
    ("one of the first", "the first of three"): no record."""
    before = fold(ctx.text[max(0, start - 12) : start])
    if re.search(r"\bof\s*$", before) or re.search(r"\bamong\s*$", before):
        return True
    after = fold(ctx.text[end : end + 40])
    return bool(
        re.match(
            r"\s*(?:in|for)\s+(?:(?:more|over|than|almost|nearly|the|last|past)\s+)*"
            r"(?:\d+|a|two|three|four|five|ten|\w+ty)\s+(?:years?|decades?|seasons?)",
            after,
        )
        or re.match(r"\s*of\s", after)
    )


def _content(words: list[str], ctx: SentenceContext) -> list[str]:
    stop = ctx.art.lang.stopwords
    return [_singular(w) for w in words if w not in stop and not w.isdigit()]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _holder(ctx: SentenceContext, start: int) -> list[str]:
    """The name whose rank it is: the nearest name before the rank in its sentence, when
    only an apposition (", ") or a link ("became", "to become", "making him") stands
    between them and no other name does."""
    names = [(s, e, n) for s, e, n in proper_names(ctx) if e <= start]
    if not names:
        return []
    s, e, name = names[-1]
    gap = ctx.text[e:start]
    words = [fold(m.group(0)) for m in WORD.finditer(gap)]
    if len(words) > _HOLDER_WORDS or ";" in gap:
        return []
    if not words and gap.strip() in (",", "–", "—", "-"):
        return [name]  # "Deutsche Bank, the third-largest bank in Europe"
    if not words and not gap.strip():
        ahead = [fold(m.group(0)) for m in WORD.finditer(ctx.text, max(0, s - 20), s)]
        return [name] if ahead and ahead[-1] in _ranks().links else []  # "making Rice the"
    return [name] if any(w in _ranks().links for w in words) else []


_PLACE_BEFORE = re.compile(r"\b(?:in|across)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _place_before(ctx: SentenceContext, start: int) -> str | None:
    """Where the measure a superlative with no noun ranks was taken: "turnout across
    the UK was 60%, the second-lowest ..." -> "uk" (the nearest such place before it)."""
    places = list(_PLACE_BEFORE.finditer(ctx.text, 0, start))
    return fold(places[-1].group(1)) if places else None


def _measure_before(ctx: SentenceContext, start: int) -> str | None:
    """The measure a superlative with no noun ranks: the nearest measure noun before it."""
    words = [fold(m.group(0)) for m in WORD.finditer(ctx.text, 0, start)][-_MEASURE_WORDS:]
    for word in reversed(words):
        if word in _ranks().measures:
            return word
    return None


@rule("Q005", "rank")
def rank(ctx: SentenceContext) -> list[ClaimBase]:
    """The rank of a record: "the first player ever to score a hat-trick in a World Cup
    final", "becoming the second man to score a World Cup final hat-trick", "the
    second-lowest in a UK election since 1885", "a record low turnout", "the third-largest
    bank in Europe". The value is the ordinal (a record, "the lowest-ever" = 1); the
    frame's dimension is ``rank``, its measure ``rank (<record>)`` (the holder's noun and
    the content words of what was achieved, sorted; or the superlative and its noun: "rank
    (lowest turnout)"), its subject the name that holds the rank. Only clear forms give a
    claim: "the" + ordinal + noun + "to <verb>" (with a named holder), or a superlative
    with its noun (or a measure noun such as "turnout" before it) and a scope: "ever",
    "in history", "on record", "since YEAR", "this season", "in <Place>"; "a record
    low|high <noun>". The scope: all-time leaves the frame's ``period`` unset, a window
    sets it ("since 1885"), a place sets ``place``. Not ranks: "the first time since
    1966", "the first half", "the second round", "one of the first", "the first of
    three", "the first player in 56 years to ...", "his second goal"."""
    out: list[ClaimBase] = []
    if not _HINT.search(ctx.folded):
        return out
    rank_pattern, record_pattern = _patterns()
    for match in rank_pattern.finditer(ctx.text):
        found = _read_rank(ctx, match)
        if found is not None:
            out.append(found)
    for match in record_pattern.finditer(ctx.text):
        found = _read_record(ctx, match)
        if found is not None:
            out.append(found)
    return out


def _value(word: str) -> int | None:
    folded = fold(word)
    if folded in _ranks().ordinals:
        return _ranks().ordinals[folded]
    digits = re.match(r"(\d+)", folded)
    return int(digits.group(1)) if digits else None


def _superlative(word: str) -> str | None:
    folded = " ".join(fold(word).split())
    if folded in _ranks().not_superlatives or (len(folded) < 5 and folded != "best"):
        return None
    return folded


def _read_rank(ctx: SentenceContext, match: re.Match[str]) -> ClaimBase | None:
    start, end = match.span()
    if ctx.is_taken(start, end, "quantity"):
        return None
    value = _value(match.group("ord")) if match.group("ord") else 1
    if value is None or value < 1:
        return None
    sup_text = match.group("sup") or match.group("sup1")
    if sup_text is not None:
        sup = _superlative(sup_text)
        if sup is None:
            return None
        return _superlative_rank(ctx, start, end, value, sup)
    if _killed(ctx, start, end):
        return None
    return _achievement(ctx, start, end, value)


def _achievement(ctx: SentenceContext, start: int, end: int, value: int) -> ClaimBase | None:
    """ "the second man [ever] [in X history] [, after ...,] to <what was achieved>"."""
    ranks = _ranks()
    words = _words_from(ctx, end, _NOUN_WORDS + 1)
    noun: list[str] = []
    cursor = end
    for _s, e, w in words:
        if w in ("ever", "in", "to") or w in ctx.art.lang.stopwords:
            break
        noun.append(w)
        cursor = e
    if not noun or noun[-1] in ranks.not_records or len(noun) > _NOUN_WORDS:
        return None
    head = ranks.holders.get(noun[-1], noun[-1])
    qualifiers = noun[:-1]
    history: list[str] = []
    scope = _scope(ctx, cursor)
    while scope is not None:
        if scope.period is not None or scope.place is not None:
            return None  # "the first player since 1966 to ...": a window before the verb
        history += scope.history or []
        cursor = scope.end
        scope = _scope(ctx, cursor)
    aside = re.match(
        r"\s*(?:,|[–—]|\s-)\s*(?:after|behind|following|alongside|joining)\b[^,;–—()]{1,80}"
        r"(?:,|[–—]|\s-)",
        ctx.text[cursor:],
    )
    if aside:
        cursor += aside.end()
    to = re.match(r"\s+to\s+(?=[a-z])", ctx.text[cursor:])
    if to is None:
        return None
    cursor += to.end()
    done: list[str] = []
    claim_end = cursor
    for _s, e, w in _words_from(ctx, cursor, _RECORD_WORDS + 1):
        if w in ranks.stops:
            break
        done.append(w)
        claim_end = e
    if not done or len(done) > _RECORD_WORDS or done[0] in ("be", "have", "get"):
        return None  # "the first to be told": nothing achieved that keys a record
    if _killed(ctx, start, claim_end):
        return None
    scope = _scope(ctx, claim_end)
    period = None
    if scope is not None:
        if scope.place is not None or (scope.period is None and not scope.history):
            claim_end = scope.end  # "ever"
        else:
            period = scope.period
            history += scope.history or []
            claim_end = scope.end
    elif re.match(
        r"\s+(?:in|for|over)\s+(?:the\s+)?(?:\d+|a|two|three|\w+ty)\s+(?:years?|decades?)",
        fold(ctx.text[claim_end : claim_end + 30]),
    ):
        return None
    holder = _holder(ctx, start)
    if not holder:
        return None  # "he became the second man to ...": whose rank is not said
    if _SPAN_OF_YEARS.search(fold(ctx.text[cursor:claim_end])):
        return None  # "the first former premier to lose in almost 90 years": a window
    achieved = _content(done, ctx)
    if not achieved or set(achieved) <= ranks.anaphoric:
        return None  # "to achieve the feat": the record is named elsewhere
    record = sorted(set(_content([*qualifiers, *history], ctx)) | set(achieved))
    measure = f"rank ({head} to {' '.join(record)})"
    return _make(ctx, start, claim_end, value, measure, holder, period, None)


def _superlative_rank(
    ctx: SentenceContext, start: int, end: int, value: int, sup: str
) -> ClaimBase | None:
    """ "the second-lowest [turnout] since 1885", "the lowest-ever winning share",
    "the third-largest bank in Europe"."""
    ranks = _ranks()
    cursor = end
    ever = re.match(r"(?:-|\s+)ever\b", ctx.text[cursor:])
    if ever:
        cursor += ever.end()
    noun: list[str] = []
    for _s, e, w in _words_from(ctx, cursor, _NOUN_WORDS + 1):
        if w in ctx.art.lang.stopwords or w in ("ever", "since", "on", "of", "this", "all"):
            break
        noun.append(w)
        cursor = e
    if len(noun) > _NOUN_WORDS:
        return None
    scope = _scope(ctx, cursor)
    if scope is None and noun:
        scope = _place(ctx, cursor)
    if scope is None:
        # "a qualifier in a UK election" names the class of what is ranked: read on
        qualified = re.match(
            r"\s+in\s+an?\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+(?=\s+since\b)", ctx.text[cursor:]
        )
        if qualified and not noun:
            scope = _scope(ctx, cursor + qualified.end())
    if scope is None and not ever:
        return None
    if noun and noun[-1] in ranks.not_records:
        return None
    holder: list[str] = []
    place: str | None = None
    if noun:
        holder = _holder(ctx, start)
        thing = " ".join(_content(noun, ctx))
        if not thing or (not holder and _singular(noun[-1]) not in ranks.measures):
            return None  # "which bought the second-largest bank in Britain": whose rank?
    else:
        measure_noun = _measure_before(ctx, start)
        if measure_noun is None:
            return None
        thing = measure_noun
        place = _place_before(ctx, start)
    if _killed(ctx, start, cursor):
        return None
    claim_end = scope.end if scope is not None else cursor
    history = " ".join(_content(scope.history or [], ctx)) if scope is not None else ""
    record = " ".join(p for p in (sup, thing, history) if p)
    period = scope.period if scope is not None else None
    if scope is not None and scope.place is not None:
        place = scope.place
    return _make(ctx, start, claim_end, value, f"rank ({record})", holder, period, place)


def _read_record(ctx: SentenceContext, match: re.Match[str]) -> ClaimBase | None:
    """ "a record low turnout", "an all-time high attendance"."""
    start, end = match.span()
    if ctx.is_taken(start, end, "quantity"):
        return None
    sup = _ranks().record_adjectives[fold(match.group("adj"))]
    noun = [w for _, _, w in _words_from(ctx, end, 2)]
    thing: str | None = None
    claim_end = end
    if noun and noun[0] not in ctx.art.lang.stopwords and not noun[0].isdigit():
        thing = _singular(noun[0])
        claim_end = end + len(ctx.text[end:]) - len(ctx.text[end:].lstrip())
        claim_end += len(noun[0])
        if thing not in _ranks().measures:
            return None  # "a record high of 40C" reads on; a noun we do not know: no claim
    else:
        thing = _measure_before(ctx, start)
    if thing is None:
        return None
    return _make(ctx, start, claim_end, 1, f"rank ({sup} {thing})", [], None, None)


def _make(
    ctx: SentenceContext,
    start: int,
    end: int,
    value: int,
    measure: str,
    holder: list[str],
    period: str | None,
    place: str | None,
) -> ClaimBase | None:
    # A figure inside the record ("to score four goals") is a count of its own (Q001):
    # only the rank's own words must be free, which the callers checked.
    frame = Frame(measure=measure, subject=holder, dimension="rank", period=period, place=place)
    claim = ctx.make(
        QuantityClaim,
        "Q005",
        start,
        end,
        value=float(value),
        unit="rank",
        action=measure,
        hedge=Hedge.EXACT,
        interval=Interval(low=float(value), high=float(value)),
        frame=frame,
        period=None,
    )
    ctx.take(start, end, "quantity")
    return claim
