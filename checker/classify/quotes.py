"""C105 quote: who said which words."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from checker.classify.evidence import uncertain
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import squash, word_diff
from checker.data import fold
from checker.data.language import load_language
from checker.match.vocabulary import word_set
from checker.schema.claims import Claim, QuoteClaim
from checker.schema.findings import SlotMatch, SlotStatus, Verdict

PRONOUNS = word_set("he she they it we i you his her their the president")
# Confidence factors of a speaker clash (see :func:`_identity`).
_SHORT_WORDS = 4  # a quote of fewer content words is a phrase many people say
_SHORT = 0.6
_REPORTED = 0.85  # one side reports the words indirectly
_BOTH_REPORTED = 0.75  # neither side quotes them verbatim
_INSTITUTION = 0.6  # a speaker named by a common noun may speak for the other


@register
class QuoteMismatch(Rule):
    """Two sources report the same quote; do they give it the same speaker and words?

    Quotes are matched on their words. When the words are the same (similarity
    at least ``same_words_threshold``) but the speakers are different people,
    the sources **contradict**: one sentence has one speaker. The same speaker
    with different wording is a **variance**, shown as a word diff
    ``[-old-] {+new+}``. A speaker one source leaves out (or names only by a
    pronoun) is a variance in attribution.

    A speaker clash carries its identity evidence and a confidence: how alike
    the words are, whether both quote them verbatim (an indirect report is a
    paraphrase: lower), whether the quote is long enough to be one person's
    (a short phrase or slogan, fewer than four content words, is said by
    many: uncertain), and whether a speaker is an institution or a
    spokesperson ("the ministry", "police"), who may speak for the person the
    other source names (uncertain), and whether each speaker is named where the
    words are reported (a "he said" carried over from earlier sentences rests on
    what came before: an uncertain variance in attribution, never a contradiction).
    """

    code = "C105"
    name = "quote attribution"
    pools = ("proposition",)

    @classmethod
    def applies(cls, claims: Sequence[Claim]) -> bool:
        return all(isinstance(c, QuoteClaim) for c in claims)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, QuoteClaim) and isinstance(b, QuoteClaim)
        sa, sb = speaker_key(a.speaker, ctx), speaker_key(b.speaker, ctx)
        same_words = _similarity(a.quote, b.quote) >= ctx.settings.match.same_words_threshold
        differences: list[str] = []
        if sa and sb and not same_person(sa, sb):
            if same_words and not (a.speaker_named and b.speaker_named):
                # "..., he said": who "he" is depends on the sentences before, which
                # the two sources may not share; no clash rests on that alone.
                return Outcome(
                    Verdict.VARIANCE,
                    f"the same words; {a.speaker} and {b.speaker} are speakers carried over "
                    "from earlier sentences ('he said'), not named where the words are",
                    ("attribution",),
                    uncertain=True,
                )
            if same_words:
                slots, confidence = _identity(a, b, ctx)
                shared = ", ".join(s.slot for s in slots if s.status is SlotStatus.SAME)
                return Outcome(
                    Verdict.CONTRADICTION,
                    f"the same words are attributed to {a.speaker} in one source and to "
                    f"{b.speaker} in the other; one statement has one speaker (same "
                    f"{shared or 'nothing stated'}; confidence {confidence:.2f})",
                    ("speaker",),
                    uncertain=uncertain(confidence, ctx),
                    confidence=confidence,
                    identity=tuple(slots),
                )
            differences.append("speaker")
        elif bool(sa) != bool(sb):
            differences.append("attribution")
        elif sa != sb and misspelt(sa, sb):
            differences.append("spelling")  # "Parag Agarwal" / "Parag Agrawal"
        diff = ""
        if squash(a.quote) != squash(b.quote):
            diff = word_diff(a.quote, b.quote)
            if "[-" not in diff and "{+" not in diff:
                differences.append("format")  # punctuation or spacing only
            elif fold(a.quote) == fold(b.quote):
                differences.append("spelling")
            else:
                differences.append("wording")
        if not differences:
            return AGREE
        found = sorted(set(differences))
        if "speaker" in found:
            explanation = (
                f"similar words from {a.speaker} and from {b.speaker}: not the same quote, "
                "so no clash; differs in " + ", ".join(found)
            )
        else:
            explanation = "same quote; differs in " + ", ".join(found)
        if diff:
            explanation += f": {diff}"
        return Outcome(Verdict.VARIANCE, explanation, tuple(found))

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuoteClaim)
        return f"{claim.speaker or 'unattributed'}: {squash(claim.quote)}"

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuoteClaim)
        kind = "direct" if claim.direct else "indirect"
        return f"{kind} quote, speaker {speaker_key(claim.speaker, ctx) or 'unknown'}"


def _identity(a: QuoteClaim, b: QuoteClaim, ctx: Context) -> tuple[list[SlotMatch], float]:
    """Which parts two quotes with clashing speakers share, and how sure that makes
    them one statement (see the rule's doc)."""
    similarity = _similarity(a.quote, b.quote)
    confidence = similarity / 100
    slots = [SlotMatch(slot="words", status=SlotStatus.SAME, value=f"{similarity:.0f}% alike")]
    if len(ctx.vocabulary.tokens(a.quote)) < _SHORT_WORDS:
        confidence *= _SHORT
    if a.direct and b.direct:
        slots.append(SlotMatch(slot="quotation", status=SlotStatus.SAME, value="direct"))
    elif a.direct or b.direct:
        confidence *= _REPORTED
        slots.append(
            SlotMatch(slot="quotation", status=SlotStatus.ONE_SIDE, value="direct / reported")
        )
    else:
        confidence *= _BOTH_REPORTED
        slots.append(SlotMatch(slot="quotation", status=SlotStatus.UNSTATED, value="reported"))
    nouns = load_language().speaker_nouns
    if any(set(fold(s or "").split()) & nouns for s in (a.speaker, b.speaker)):
        confidence *= _INSTITUTION
    return slots, round(confidence, 3)


def speaker_key(name: str | None, ctx: Context) -> str:
    """The canonical, folded speaker name; '' when unknown or only a pronoun."""
    if not name or fold(name).strip() in PRONOUNS:
        return ""
    return ctx.vocabulary.spelling(name)


def same_person(a: str, b: str) -> bool:
    """Canonical names of one person: equal, one is part of the other ("akar"), or one
    is the other misspelt (:func:`misspelt`)."""
    wa, wb = set(a.split()), set(b.split())
    return a == b or wa <= wb or wb <= wa or misspelt(a, b)


_MISSPELT_RATIO = 80.0  # "agarwal" / "agrawal": one name with two letters swapped
_MISSPELT_LENGTH = 5  # shorter words differ too easily ("Jong Un" / "Jong Il")


def misspelt(a: str, b: str) -> bool:
    """Whether two names are one name with a slip in spelling: the same number of words,
    at least one the same, and each other pair long and alike ("Parag Agarwal" / "Parag
    Agrawal")."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa == wb:
        return False
    pairs = list(zip(wa, wb, strict=True))
    if not any(x == y for x, y in pairs):
        return False
    return all(
        x == y
        or (
            min(len(x), len(y)) >= _MISSPELT_LENGTH
            and fuzz.ratio(x, y) >= _MISSPELT_RATIO
            and x[0] == y[0]
        )
        for x, y in pairs
    )


def _similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(fold(squash(a)), fold(squash(b))))
