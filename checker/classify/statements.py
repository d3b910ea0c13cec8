"""C106 statement: a factual clause, compared for polarity and for who does what to whom."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.classify.evidence import uncertain, words_of
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import changed_words, squash, wording_differences
from checker.data import fold
from checker.data.language import load_language
from checker.frame import events
from checker.match.predicates import not_asserted, verb_of
from checker.schema.claims import Claim, QuoteClaim, StatementClaim
from checker.schema.findings import SlotMatch, SlotStatus, Verdict

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|,")
# Words that join entities into one unordered group: "between Armenia and
# Azerbaijan" says nothing about who did what to whom.
_JOINERS = frozenset({"and", "or", ",", "between", "both", "&"})
_SAME_WORDS = 0.6  # Jaccard overlap of matching tokens
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be"})
# Prepositions before a negative determiner: "voted for no change", "ended with no
# injuries", "without delay" negate a noun, not the clause's verb.
_PREPOSITIONS = frozenset(
    {"for", "with", "of", "to", "at", "in", "on", "by", "from", "into", "under", "about"}
)
# Confidence factors of a statement clash (see :func:`_identity`).
_WORDS_FULL = 0.6  # Jaccard overlap of the content words at which the clauses say one thing
_SUBJECTS_APART = 0.5  # both name a subject, and the subjects share no word
_CORE_OPEN = 0.9  # neither the subject nor the verb is shown to be the same


@register
class StatementMismatch(Rule):
    """Two sources state the same clause; do they say the same thing about it?

    The sources **contradict** when one clause is negated and the other is not
    ("Armenia withdrew" / "Armenia did not withdraw"), or when the same roles
    are given to different parties ("a victory for Azerbaijan and a defeat for
    Armenia" / "a victory for Armenia and a defeat for Azerbaijan"). Entities
    joined by "and" or "between" form an unordered group, and a passive clause
    is never compared for role order, so "relations between Armenia and
    Azerbaijan" does not clash with "between Azerbaijan and Armenia".
    Everything else is a **variance** in wording or spelling ("retook" /
    "liberated", "occupied" / "illegally occupied", "militias" / "military"):
    the words the sources differ in are listed.

    Two clauses carrying the same negation ("has not been good enough", quoted
    and narrated) have one polarity. A negation is no plain opposite, and the
    finding an uncertain **variance**, when one clause asserts neither side (a
    modal or hedged verb, "not only"), is another speaker's, says another
    verb, or when the negative word only qualifies a noun ("voted for no
    change"). Clauses whose words name different years or ordinals are
    different events: never a contradiction. A contradiction carries its
    identity evidence and a confidence: the subject and verb both clauses
    share, and how much of their other words they share (long clauses that
    share little besides names are uncertain).
    """

    code = "C106"
    name = "statement polarity and roles"
    pools = ("proposition",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        ta, tb = clause_text(a), clause_text(b)
        # Both clauses carrying one negation ("has not been good enough", quoted and
        # narrated) have one polarity, whatever the extractor's flags say.
        opposed = a.negated != b.negated and not _negations(ta) & _negations(tb)
        ra, rb = role_slots(ta, ctx), role_slots(tb, ctx)
        swapped = (
            not opposed
            and _reversed(ra, rb)
            and not (_passive(ta) or _passive(tb))
            and _same_words(ta, tb, ctx)
        )
        if opposed or swapped:
            apart = events.apart(words_of(ta), words_of(tb))
            if apart is not None:
                return Outcome(
                    Verdict.VARIANCE,
                    f"the clauses name {apart}: two events, so neither negates nor "
                    "reverses the other",
                    ("polarity",) if opposed else ("roles",),
                    uncertain=True,
                )
        if opposed:
            positive, negative = (ta, tb) if b.negated else (tb, ta)
            why = _not_opposed(a, b, ctx)
            if why is not None:
                return Outcome(
                    Verdict.VARIANCE,
                    f"'{negative}' is negated, but not as a plain opposite of '{positive}': {why}",
                    ("polarity",),
                    uncertain=True,
                )
            return _contradiction(
                a,
                b,
                ctx,
                f"'{negative}' negates '{positive}': a clause and its negation cannot both hold",
                "polarity",
            )
        if swapped:
            return _contradiction(
                a,
                b,
                ctx,
                f"the roles are swapped: {_show(ra)} in one source, {_show(rb)} in the "
                "other; the same relation cannot hold both ways",
                "roles",
            )
        differences = wording_differences(ta, tb, ctx.vocabulary)
        if isinstance(a, QuoteClaim) != isinstance(b, QuoteClaim):
            differences.append("attribution")
        if not differences:
            return AGREE
        only_a, only_b = changed_words(ta, tb)
        detail = ""
        if only_a or only_b:
            detail = f": '{' '.join(only_a) or '-'}' / '{' '.join(only_b) or '-'}'"
        found = sorted(set(differences))
        return Outcome(
            Verdict.VARIANCE,
            "same statement; differs in " + ", ".join(found) + detail,
            tuple(found),
        )

    def value(self, claim: Claim, ctx: Context) -> str:
        text = squash(clause_text(claim))
        return f"not: {text}" if claim.negated else text

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        polarity = "negated" if claim.negated else "affirmed"
        return f"{polarity} clause"


def _contradiction(a: Claim, b: Claim, ctx: Context, why: str, clash: str) -> Outcome:
    slots, confidence = _identity(a, b, ctx)
    shared = ", ".join(s.slot for s in slots if s.status is SlotStatus.SAME) or "nothing stated"
    return Outcome(
        Verdict.CONTRADICTION,
        f"{why} (same {shared}; confidence {confidence:.2f})",
        (clash,),
        uncertain=uncertain(confidence, ctx),
        confidence=confidence,
        identity=tuple(slots),
    )


def _identity(a: Claim, b: Claim, ctx: Context) -> tuple[list[SlotMatch], float]:
    """Which parts two clashing clauses share, and how sure that makes one statement.

    The subject (both name one sharing no word: x0.5), the verb, and the clauses'
    other words: their overlap (Jaccard, names and negations left out) scaled so
    that 0.6 or more counts fully. When neither the subject nor the verb is shown
    to be the same, x0.9; the words count fully when both are.
    """
    slots: list[SlotMatch] = []
    confidence = 1.0
    sa, sb = _subject_tokens(a, ctx), _subject_tokens(b, ctx)
    subject_same = bool(sa & sb)
    if subject_same:
        value = " ".join(sorted(sa & sb))
        slots.append(SlotMatch(slot="subject", status=SlotStatus.SAME, value=value))
    elif sa and sb:
        confidence *= _SUBJECTS_APART
        value = f"{' '.join(sorted(sa))} / {' '.join(sorted(sb))}"
        slots.append(SlotMatch(slot="subject", status=SlotStatus.ONE_SIDE, value=value))
    else:
        named = " ".join(sorted(sa or sb)) or None
        status = SlotStatus.ONE_SIDE if named else SlotStatus.UNSTATED
        slots.append(SlotMatch(slot="subject", status=status, value=named))
    va, vb = verb_of(a, ctx.vocabulary), verb_of(b, ctx.vocabulary)
    verb_same = va is not None and va == vb
    if verb_same:
        slots.append(SlotMatch(slot="predicate", status=SlotStatus.SAME, value=va))
    else:
        status = SlotStatus.ONE_SIDE if (va or vb) else SlotStatus.UNSTATED
        slots.append(SlotMatch(slot="predicate", status=status, value=va or vb))
    if not subject_same and not verb_same:
        confidence *= _CORE_OPEN
    overlap = _content_overlap(clause_text(a), clause_text(b), ctx)
    words_status = SlotStatus.SAME if overlap >= _WORDS_FULL else SlotStatus.ONE_SIDE
    slots.append(SlotMatch(slot="words", status=words_status, value=f"{overlap:.2f} shared"))
    if not (subject_same and verb_same):
        confidence *= min(1.0, overlap / _WORDS_FULL)
    if a.attributed_to and a.attributed_to == b.attributed_to:
        slots.append(SlotMatch(slot="speaker", status=SlotStatus.SAME, value=a.attributed_to))
    return slots, round(confidence, 3)


def _subject_tokens(claim: Claim, ctx: Context) -> set[str]:
    if isinstance(claim, StatementClaim) and claim.subject:
        return set(ctx.vocabulary.tokens(claim.subject))
    return set()


def _content_overlap(a: str, b: str, ctx: Context) -> float:
    """Jaccard overlap of two clauses' tokens, names and negation words left out (all
    tokens when a side has nothing else)."""
    negations = {ctx.vocabulary.word(w) for w in load_language().negations} | {"not", "no"}
    ta, tb = set(ctx.vocabulary.tokens(a)) - negations, set(ctx.vocabulary.tokens(b)) - negations
    names = ctx.vocabulary.entity_tokens
    ca, cb = ta - names, tb - names
    if ca and cb:
        ta, tb = ca, cb
    union = ta | tb
    return len(ta & tb) / len(union) if union else 0.0


def _negations(text: str) -> set[str]:
    """Each negation of a clause with the word after it ("not been", "no change")."""
    words = fold(text).replace("n’t", " not").replace("n't", " not").split()
    words = [w.strip(".,;:!?\"“”‘’'()") for w in words]
    single = {n for n in load_language().negations if " " not in n}
    return {
        f"{w} {words[i + 1] if i + 1 < len(words) else ''}".strip()
        for i, w in enumerate(words)
        if w in single
    }


def _noun_negation(claim: Claim) -> str | None:
    """The negative phrase when a clause's only negation qualifies a noun after a
    preposition ("voted for no change", "ended with no injuries"), else ``None``."""
    if not isinstance(claim, StatementClaim) or not claim.negated:
        return None
    predicate = fold(claim.predicate).replace("n’t", " not").replace("n't", " not").split()
    if set(predicate) & set(load_language().negations):
        return None
    words = [w.strip(".,;:!?\"“”‘’'()") for w in fold(claim.object or "").split()]
    for i, word in enumerate(words):
        if word == "without" or (word == "no" and i > 0 and words[i - 1] in _PREPOSITIONS):
            return " ".join(words[max(0, i - 1) : i + 2])
    return None


def _not_opposed(a: Claim, b: Claim, ctx: Context) -> str | None:
    """Why a negated clause and an affirmed one do not contradict, or ``None``: one
    asserts neither side (modal, hedge, "not only"), the negation only qualifies a
    noun ("voted for no change"), one is another speaker's reported speech, or the two
    say different verbs ("cut" / "did not raise")."""
    for claim in (a, b):
        why = not_asserted(claim)
        if why is not None:
            return why
    for claim in (a, b):
        noun = _noun_negation(claim)
        if noun is not None:
            return f"'{noun}' negates a noun, not the verb"
    if a.attributed_to != b.attributed_to:
        return "reported speech of another speaker"
    va, vb = verb_of(a, ctx.vocabulary), verb_of(b, ctx.vocabulary)
    if va is not None and vb is not None and va != vb:
        return "different verbs"
    return None


def clause_text(claim: Claim) -> str:
    """The words a statement-like claim states (a quote's words, a statement's span)."""
    if isinstance(claim, QuoteClaim):
        return claim.quote
    if isinstance(claim, StatementClaim):
        return claim.text
    return claim.text


def role_slots(text: str, ctx: Context) -> list[frozenset[str]]:
    """Entities in order of appearance; entities joined by "and"/"between" share a slot."""
    slots: list[set[str]] = []
    joined = False
    for match in _WORD.finditer(text):
        raw = match.group(0)
        folded = fold(raw)
        entity = ctx.vocabulary.entity(raw) if raw[:1].isupper() else None
        if entity is not None:
            if joined and slots:
                slots[-1].add(entity)
            else:
                slots.append({entity})
            joined = False
        elif folded in _JOINERS:
            joined = bool(slots) or folded == "between"
        elif folded not in ("the", "a", "an", "of"):
            joined = False
    return [frozenset(s) for s in slots]


def _reversed(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    # Same parties, assigned to the slots differently.
    if len(a) != len(b) or list(a) == list(b) or len(a) < 2:
        return False
    return sorted(map(sorted, a)) == sorted(map(sorted, b))


def _same_words(a: str, b: str, ctx: Context) -> bool:
    # Role order only means something when the clauses say the same thing otherwise.
    wa, wb = set(ctx.vocabulary.tokens(a)), set(ctx.vocabulary.tokens(b))
    return bool(wa | wb) and len(wa & wb) / len(wa | wb) >= _SAME_WORDS


def _passive(text: str) -> bool:
    words = [fold(w) for w in _WORD.findall(text)]
    return "by" in words and any(w in _PASSIVE_AUX for w in words)


def _show(slots: Sequence[frozenset[str]]) -> str:
    return " -> ".join("/".join(sorted(s)) for s in slots)
