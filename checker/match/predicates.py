"""A statement's core: who (subject), does what (the verb's stem), to what (the object's head).

"The bank raised its key rate on Wednesday to 5.25%" and "The bank did not raise its
key rate on Wednesday, holding it at 5%" say opposite things about one predicate; their
whole clauses differ in figures and tails and would never meet. Their cores do:
subject ``bank``, verb ``rais``, object ``rate``.

Only plain assertions get a core: a modal or hedged verb ("may raise", "is expected to
raise", "could") asserts neither side, reported speech is the speaker's, a pronoun
subject or object names a different referent in each article, and "not only ... but"
is no negation. Negation words are left out of the core: polarity is what the
classifier compares, never what decides the match.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from checker.data import fold
from checker.data.loader import load_bundled
from checker.match.vocabulary import STOPWORDS, Vocabulary, word_set
from checker.schema.claims import Claim, StatementClaim

PREDICATE_POOL = "predicate"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A verb group or subject with one of these is not a plain assertion.
_MODAL = word_set(
    """
    will would shall should can could may might must to expected likely set poised
    planned plans due reportedly allegedly apparently possibly probably reported said
    """
)
# Words of the verb group that are not the verb: auxiliaries, negation, adverbs.
_AUX = word_set(
    """
    is are was were be been being has have had do does did not never no longer also
    already still now just once again
    """
)
# Where an object's head ends: a preposition, a figure, a comma or a conjunction.
_OBJECT_END = re.compile(
    r"[,;:(\"“”]|\d|\b(?:on|to|at|in|for|by|from|with|after|before|during|since|until|"
    r"and|but|or|as|than|amid|despite|because|while|which|who|that|when)\b",
    re.IGNORECASE,
)


@functools.cache
def _irregular() -> dict[str, str]:
    # verbs.toml [lemma]: base verb -> its irregular forms; read once per process.
    table = load_bundled("verbs.toml").get("lemma", {})
    return {fold(form): fold(base) for base, forms in table.items() for form in forms}


def lemma(verb: str) -> str:
    """An irregular form's base verb ("held" -> "hold"), else the folded word."""
    word = fold(verb)
    return _irregular().get(word, word)


def stem(verb: str) -> str:
    """A verb's stem shared by its forms: raise/raised/raises/raising -> rais, held ->
    hold (irregular forms via ``verbs.toml`` ``[lemma]``)."""
    word = lemma(verb)
    for suffix in ("ing", "ies", "ied", "ed", "es", "s", "e"):
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopped" -> "stopp" -> "stop"
    return word


def object_head(obj: str) -> str:
    """The object up to its first preposition, figure or comma: "its key rate on
    Wednesday to 5.25%" -> "its key rate"."""
    cut = _OBJECT_END.search(obj)
    return (obj[: cut.start()] if cut else obj).strip()


def plain_verb(claim: StatementClaim) -> str | None:
    """The one verb of a plain assertion (folded), else ``None`` (see the module doc)."""
    if not claim.subject or not claim.object or not claim.predicate or claim.attributed_to:
        return None
    subject = [fold(w) for w in _WORD.findall(claim.subject)]
    if all(w in STOPWORDS for w in subject) or any(w in _MODAL for w in subject):
        return None
    if " not only " in f" {fold(claim.text)} ":
        return None
    group = [fold(w) for w in _WORD.findall(claim.predicate)]
    if any(w in _MODAL for w in group):
        return None
    verbs = [w for w in group if w not in _AUX]
    return verbs[0] if len(verbs) == 1 else None


def not_asserted(claim: Claim) -> str | None:
    """Why a clause asserts neither itself nor its opposite, or ``None`` when it does:
    a modal or hedged verb ("may raise", "is expected to"), or "not only ... but"."""
    if " not only " in f" {fold(claim.text)} ":
        return "'not only ... but' is no negation"
    if isinstance(claim, StatementClaim):
        words = [fold(w) for w in _WORD.findall(f"{claim.subject or ''} {claim.predicate}")]
        if any(w in _MODAL for w in words):
            return "a modal or hedged verb asserts neither side"
    return None


def verb_of(claim: Claim, vocabulary: Vocabulary) -> str | None:
    """The stem of a plain assertion's verb, synonyms merged ("retook" / "liberated")."""
    if not isinstance(claim, StatementClaim):
        return None
    verb = plain_verb(claim)
    if verb is None:
        return None
    base = lemma(verb)
    return stem(vocabulary.word(base) or base)


def core(claim: Claim, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """``(signature, words)`` of a plain assertion's core, else ``None``.

    The signature is subject tokens | verb stem | the object head's last token: two
    statements with one signature say one predicate of one subject ("key interest
    rate" / "key lending rate" are one rate). The verb's synonyms are merged before
    stemming ("retook" / "liberated"). The words are the key text to match on.
    """
    if not isinstance(claim, StatementClaim) or claim.section != "body":
        return None
    verb = plain_verb(claim)
    if verb is None or claim.subject is None or claim.object is None:
        return None
    head = object_head(claim.object)
    head_tokens = vocabulary.tokens(head)
    subject_tokens = vocabulary.tokens(claim.subject)
    if not head_tokens or not subject_tokens:
        return None  # "raised it": the object is a pronoun, its referent unknown
    verb_stem = verb_of(claim, vocabulary) or stem(verb)
    signature = f"{'_'.join(sorted(set(subject_tokens)))}|{verb_stem}|{head_tokens[-1]}"
    return signature, f"{claim.subject} {verb_stem} {head}"


def shared_cores(claims: Iterable[tuple[str, Claim]], vocabulary: Vocabulary) -> frozenset[str]:
    """Signatures that statements of two or more seeds share (``claims`` as (seed, claim)).

    Only those statements are matched by their core; every other statement keeps its
    whole clause as key, so what it matched before (a quote, a longer clause) it
    still matches.
    """
    seeds: dict[str, set[str]] = {}
    for seed, claim in claims:
        found = core(claim, vocabulary)
        if found is not None:
            seeds.setdefault(found[0], set()).add(seed)
    return frozenset(sig for sig, found in seeds.items() if len(found) > 1)
