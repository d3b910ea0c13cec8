"""Quote rules: who said what, in quotation marks (direct) or reported (indirect).

The speaker comes from the attribution ("Akar said", "said Akar", "he said" =
the last named speaker, "the statement said" = the issuer the article named),
and is canonical through the alias table and the article's people.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from checker.data.folding import fold
from checker.extract.context import WORD, SentenceContext
from checker.extract.patterns import CAPWORD, attribution
from checker.extract.registry import rule
from checker.extract.speakers import speaker_after
from checker.schema.claims import ClaimBase, QuoteClaim, RoleClaim
from checker.text.sentences import quote_marks

_MIN_WORDS = 3
_ADVERBS = frozenset(
    ["also", "later", "then", "again", "once", "further", "has", "had", "have", "had", "earlier"]
)
_PRONOUNS = frozenset(("he", "she"))
# "said on Thursday that ...", "said in a statement that ...": when, how, not what.
_LEAD_IN = re.compile(
    r"\s*(?:(?:(?:late|early)\s+)?(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+"
    r"|in\s+a\s+(?:statement|post|letter|interview)\s+|last\s+(?:week|month|night)\s+)?"
    r"(?:that\s+)?"
)
# "told reporters (that) ...", "told the BBC ...": the listener is not what was said.
_TELLING = frozenset(("told", "tells", "tell", "telling", "assured", "informed", "warned"))
_RECIPIENT = re.compile(
    r"\s*(?:(?:the|a|an|his|her|their)\s+)?(?:reporters|journalists|lawmakers|parliament|"
    r"investors|delegates|officials|senators|members|audience|crowd|staff|employees|"
    r"(?:news\s+)?conference|us|them|him|her|me|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
    r"(?:\s+(?:on|in)\s+[A-Z][a-z]+day)?\s+(?:that\s+)?(?=[a-z\"“A-Z])"
)
# Inside one sentence a period only ends an abbreviation ("Gov. Eduardo Leite said").
_SUBJECT_STOP = re.compile(r"[,;:\"“”()]")
_TRAILING_CAPS = re.compile(rf"(?:{CAPWORD}\s+(?:of\s+(?:the\s+)?)?)*{CAPWORD}\s*$")


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    verb: str
    start: int  # where the attribution (speaker or verb, whichever first) starts
    end: int  # where the verb ends
    subject_start: int


@functools.cache
def _verb() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<verb>{attribution()})(?![\w-])")


@functools.cache
def _issuer_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from checker.data.language import load_language

    lang = load_language()
    issuing = "|".join(re.escape(v) for v in lang.issuing_verbs)
    nouns = "|".join(re.escape(n) for n in sorted(lang.statement_nouns, key=len, reverse=True))
    names = rf"{CAPWORD}(?:\s+(?:of\s+(?:the\s+)?)?{CAPWORD}){{0,5}}"
    return (
        re.compile(
            rf"(?P<issuer>{names})\s+(?:{issuing})\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"
        ),
        re.compile(
            rf"(?:{nouns})\s+(?:made|issued|released|published)\s+by\s+(?:the\s+)?(?P<issuer>{names})"
        ),
    )


@functools.cache
def _according() -> re.Pattern[str]:
    return re.compile(r"^(?P<lead>.*?\b[Aa]ccording to\s+(?P<src>[^,]+)),\s+")


def note_issuer(ctx: SentenceContext) -> None:
    """Remember who issued a statement ("the Foreign Ministry issued a statement")."""
    folded = ctx.folded
    if not any(noun in folded for noun in ctx.art.lang.statement_nouns):
        return
    for pattern in _issuer_patterns():
        match = pattern.search(ctx.text)
        if match:
            issuer = re.sub(r"^[Tt]he\s+", "", match.group("issuer"))
            ctx.art.people.last_issuer = ctx.art.lexicon.canonical(issuer)
            return


def resolve_speaker(phrase: str, ctx: SentenceContext, phrase_end: int) -> str | None:
    """The speaker a subject phrase names, or ``None`` when it names nobody."""
    art = ctx.art
    words = phrase.split()
    while words and fold(words[-1]) in _ADVERBS:
        words.pop()
    if not words:
        return None
    last = fold(words[-1])
    if last in _PRONOUNS:
        return art.people.last_speaker
    folded = fold(" ".join(words))
    if any(noun in folded.split() for noun in art.lang.statement_nouns):
        return art.people.last_issuer
    for claim in ctx.claims:  # a role ending where the subject ends names the speaker
        if isinstance(claim, RoleClaim) and claim.end - ctx.sentence.start == phrase_end:
            return claim.person
    caps = _TRAILING_CAPS.search(" ".join(words))
    if caps is None:
        match = re.search(r"\bthe\s+((?:[a-z]+\s+){0,2}[a-z]+)$", " ".join(words), re.IGNORECASE)
        if match:
            from checker.extract.roles import title_key

            holder = art.people.with_title(title_key(match.group(1), art))
            if holder:
                return holder
        return _generic_speaker(words, art.lang.speaker_nouns)
    name_words = [w for w in caps.group(0).split() if w not in art.lang.title_modifiers]
    heads = set(art.lang.title_heads)
    while name_words and name_words[0] in heads:
        name_words.pop(0)
    if not name_words:
        return None
    return art.people.resolve(" ".join(name_words))


def _generic_speaker(words: list[str], nouns: frozenset[str]) -> str | None:
    """ "the central bank", "police": a speaker named by a common noun, as written."""
    phrase = words[-3:]
    while phrase and fold(phrase[0]) not in nouns and not phrase[0].islower():
        phrase = phrase[1:]
    if not phrase or fold(phrase[-1]) not in nouns:
        return None
    while phrase and fold(phrase[0]) in ("the", "a", "an", "and", "but", "while", "as"):
        phrase = phrase[1:]
    return " ".join(phrase) or None


def attributions(ctx: SentenceContext, spans: list[tuple[int, int]]) -> list[Attribution]:
    """Attribution verbs outside quotations, each with the speaker before or after it."""
    key = f"attributions{spans}"
    cached = ctx.memo.get(key)
    if isinstance(cached, list):
        return cached
    found = _attributions(ctx, spans) if _verb().search(ctx.text) else []
    ctx.memo[key] = found
    return found


def _attributions(ctx: SentenceContext, spans: list[tuple[int, int]]) -> list[Attribution]:
    out: list[Attribution] = []
    text = ctx.text
    stops = [m.end() for m in _SUBJECT_STOP.finditer(text)]
    for match in _verb().finditer(text):
        vs, ve = match.span()
        if any(s <= vs < e for s, e in spans):
            continue
        index = bisect.bisect_right(stops, vs)  # the last stop before the verb
        left = stops[index - 1] if index else 0
        phrase = text[left:vs].strip()
        speaker = resolve_speaker(phrase, ctx, len(text[:vs].rstrip())) if phrase else None
        subject_start = left + (len(text[left:vs]) - len(text[left:vs].lstrip()))
        if speaker is None:
            after = speaker_after(ctx, ve)
            if after is not None:  # "said Akar", "said the interior minister, Carlos Mendez"
                out.append(Attribution(after[0], match.group("verb"), vs, after[1], vs))
                continue
        if speaker is not None:
            out.append(Attribution(speaker, match.group("verb"), subject_start, ve, subject_start))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (a closer with no opener starts at the sentence start)."""
    marks = quote_marks(text)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(marks):
        pos, opens = marks[index]
        if not opens:
            if not spans and index == 0:
                spans.append((0, pos))
            index += 1
            continue
        closer = next((m for m in marks[index + 1 :] if not m[1]), None)
        end = closer[0] if closer else len(text)
        spans.append((pos + 1, end))
        index = marks.index(closer) + 1 if closer else len(marks)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    return start, end


def named_here(speaker: str | None, ctx: SentenceContext) -> bool:
    """Whether the sentence names the speaker itself (not "he said", not a speaker
    carried over from the paragraph's previous sentence)."""
    if speaker is None:
        return False
    words = set(WORD.findall(ctx.folded))
    return any(part in words for part in WORD.findall(fold(speaker)) if len(part) > 2)


def _remember(ctx: SentenceContext, speaker: str | None) -> None:
    if speaker is None:
        return
    entity = ctx.art.lexicon.entity(speaker)
    is_person = entity[1] == "person" if entity else speaker != ctx.art.people.last_issuer
    if is_person:  # "he said" refers to people, not to ministries or statements
        ctx.art.people.last_speaker = speaker
    ctx.art.block_speaker[ctx.sentence.block] = speaker


@rule("S001", "direct quote")
def direct(ctx: SentenceContext) -> list[ClaimBase]:
    """Words in quotation marks (straight or curly) with their speaker: the
    attribution right after the quote (", he said"), else one before it
    ("Akar said: ..."), else the speaker of the paragraph's previous sentence.
    A quote that closes without opening continues from the paragraph before.
    Scare quotes (fewer than three words) and unattributed fragments are not quotes."""
    if not any(q in ctx.text for q in '"“”'):
        return []
    spans = quote_spans(ctx.text)
    found = attributions(ctx, spans)
    out: list[ClaimBase] = []
    for qs, qe in spans:
        start, end = _trim(ctx.text, qs, qe)
        words = WORD.findall(ctx.text, start, end)
        if len(words) < _MIN_WORDS:
            continue
        after = [a for a in found if a.start >= qe and not ctx.text[qe : a.start].strip(' "”,.')]
        before = [a for a in found if a.end <= qs]
        chosen = after[0] if after else before[-1] if before else None
        speaker = chosen.speaker if chosen else ctx.art.block_speaker.get(ctx.sentence.block)
        verb = chosen.verb if chosen else None
        closing = ctx.text[qs:qe].rstrip()
        full_sentence = (
            ctx.text[start : start + 1].isupper() and len(words) >= 4 and closing[-1:] in ".!?"
        )
        if speaker is None and not full_sentence:
            continue
        out.append(
            ctx.make(
                QuoteClaim,
                "S001",
                start,
                end,
                speaker=speaker,
                speaker_named=named_here(speaker, ctx),
                quote=ctx.text[start:end],
                verb=verb,
                direct=True,
                attributed_to=speaker,
            )
        )
        _remember(ctx, speaker)
    return out


@rule("S002", "indirect quote")
def indirect(ctx: SentenceContext) -> list[ClaimBase]:
    """Reported speech without quotation marks: "Akar said Turkey will ...",
    "..., Akar noted." (the words before a trailing attribution), "..., he said,
    Azerbaijan was ..." (the words after a parenthetical one), and "According to
    the statement made by X, ..." (X is the speaker)."""
    if any(isinstance(c, QuoteClaim) for c in ctx.claims):
        return []
    note_issuer(ctx)
    text = ctx.text
    end_text = len(text.rstrip(" .!?"))
    according = _according().match(text) if "ccording to" in text else None
    if according:
        source = according.group("src")
        speaker = resolve_speaker(source, ctx, according.end("src"))
        if speaker is None:
            speaker = (
                ctx.art.people.last_issuer
                if "statement" in fold(source)
                else ctx.art.lexicon.canonical(source)
            )
        claim = _indirect(ctx, according.end(), end_text, speaker, "according to")
        return [claim] if claim else []
    for attr in attributions(ctx, []):
        after = text[attr.end :]
        after_words = WORD.findall(after.split(",")[0])
        comma_before = text[: attr.subject_start].rstrip().endswith(",")
        if after.lstrip().startswith(",") and comma_before:
            start = attr.end + after.index(",") + 1
            claim = _indirect(ctx, start, end_text, attr.speaker, attr.verb)
        elif comma_before and (len(after_words) <= 3 or _circumstantial(after, after_words)):
            start = len(text[: attr.subject_start].rstrip().rstrip(","))
            claim = _indirect(ctx, 0, start, attr.speaker, attr.verb)
        elif len(WORD.findall(after)) >= _MIN_WORDS and not after.lstrip().startswith(","):
            skip = _RECIPIENT.match(after) if attr.verb.lower() in _TELLING else None
            skip = skip or _LEAD_IN.match(after)
            start = attr.end + (skip.end() if skip else 0)
            claim = _indirect(ctx, start, end_text, attr.speaker, attr.verb)
        else:
            continue
        if claim is None:
            continue
        _remember(ctx, attr.speaker)
        return [claim]
    return []


_TAIL_START = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "during",
        "after",
        "before",
        "late",
        "early",
        "earlier",
        "later",
        "last",
        "this",
        "via",
        "through",
    ]
)


def _circumstantial(after: str, words: list[str]) -> bool:
    """Whether the words after a trailing "X said" only say where or when ("in a statement")."""
    return (
        bool(words)
        and len(words) <= 8
        and fold(words[0]) in _TAIL_START
        and "," not in after.strip(" .")
    )


def _indirect(
    ctx: SentenceContext, start: int, end: int, speaker: str | None, verb: str
) -> QuoteClaim | None:
    start, end = _trim(ctx.text, start, end)
    if len(WORD.findall(ctx.text, start, end)) < _MIN_WORDS:
        return None
    return ctx.make(
        QuoteClaim,
        "S002",
        start,
        end,
        speaker=speaker,
        speaker_named=named_here(speaker, ctx),
        quote=ctx.text[start:end],
        verb=verb,
        direct=False,
        attributed_to=speaker,
    )
