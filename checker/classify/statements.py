"""C106 statement: a factual clause, compared for polarity and for who does what to whom."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import changed_words, squash, wording_differences
from checker.data import fold
from checker.match.predicates import not_asserted, verb_of
from checker.schema.claims import Claim, QuoteClaim, StatementClaim
from checker.schema.findings import Verdict

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|,")
# Words that join entities into one unordered group: "between Armenia and
# Azerbaijan" says nothing about who did what to whom.
_JOINERS = frozenset({"and", "or", ",", "between", "both", "&"})
_SAME_WORDS = 0.6  # Jaccard overlap of matching tokens
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be"})


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
    """

    code = "C106"
    name = "statement polarity and roles"
    pools = ("proposition",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        ta, tb = clause_text(a), clause_text(b)
        if a.negated != b.negated:
            positive, negative = (ta, tb) if b.negated else (tb, ta)
            why = _not_opposed(a, b, ctx)
            if why is not None:
                return Outcome(
                    Verdict.VARIANCE,
                    f"'{negative}' is negated, but not as a plain opposite of '{positive}': {why}",
                    ("polarity",),
                    uncertain=True,
                )
            return Outcome(
                Verdict.CONTRADICTION,
                f"'{negative}' negates '{positive}': a clause and its negation cannot both hold",
                ("polarity",),
            )
        ra, rb = role_slots(ta, ctx), role_slots(tb, ctx)
        if _reversed(ra, rb) and not (_passive(ta) or _passive(tb)) and _same_words(ta, tb, ctx):
            return Outcome(
                Verdict.CONTRADICTION,
                f"the roles are swapped: {_show(ra)} in one source, {_show(rb)} in the "
                "other; the same relation cannot hold both ways",
                ("roles",),
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


def _not_opposed(a: Claim, b: Claim, ctx: Context) -> str | None:
    """Why a negated clause and an affirmed one do not contradict, or ``None``: one
    asserts neither side (modal, hedge, "not only"), one is another speaker's reported
    speech, or the two say different verbs ("cut" / "did not raise")."""
    for claim in (a, b):
        why = not_asserted(claim)
        if why is not None:
            return why
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
