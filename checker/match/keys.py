"""Claim -> matching key: which pool it is compared in, and the words that name its fact.

The key names the *fact* (event and referent), never the compared value: the
value ("300", "Nov. 10", "Defence Minister") is what the classifier compares
once claims are matched. So a date key is its event's words without the date,
a role key is the person, a quote key is the quoted words (the speaker is the
compared value).

Pools: claims are only matched within a pool. Quotes and statements share the
``proposition`` pool because reported speech and a narrated clause can state
the same thing ("he praised Erdogan's political and moral support" / "the
political and moral support shown by Turkey").
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.frame.quantity import frame_of, same_fact, signature
from checker.match.predicates import PREDICATE_POOL, core
from checker.match.vocabulary import (
    MONTHS,
    Vocabulary,
    discriminators,
    ordinals,
    without_values,
)
from checker.schema.claims import (
    Claim,
    DateClaim,
    DurationClaim,
    Frame,
    QuantityClaim,
    QuoteClaim,
    RoleClaim,
    StatementClaim,
)

POOLS = ("date", "duration", "proposition", "quantity", "role")
# Tokens two keys must share (or all of the shorter key's, when it has fewer).
MIN_SHARED = {"date": 2, "duration": 2, "quantity": 2, "proposition": 3, "role": 1}
# Of which, for statements and quotes, words that are not names.
MIN_CONTENT = 3
# Words that put a date's event before the one the story is about: "the region was last
# hit by a major earthquake on June 23, 2001", "the previous election in 2019".
PRIOR = frozenset({"last", "previous", "prior", "preceding"})
# Synonym keys of reporting verbs: "said" is how a statement reached us, not what it says.
REPORTING = frozenset({"say"})


@dataclass(frozen=True)
class MatchKey:
    """What the matcher sees of one claim."""

    pool: str
    text: str  # sorted tokens joined by spaces: order-free, cheap to score with `ratio`
    tokens: tuple[str, ...]  # the distinct tokens, sorted
    guard: frozenset[str]  # discriminators (ordinals, numbers): must agree to match
    names: frozenset[str] = frozenset()  # tokens that are named entities
    period: int | None = None  # the year the claim's clause is anchored to, if stated
    frame: Frame | None = None  # a figure's identity slots (checker.frame)

    @property
    def ident(self) -> str:
        """Claims with one ident have one key: the text, the guard, the period and the
        frame's signature."""
        period = "" if self.period is None else f"@{self.period}"
        frame = "" if self.frame is None else f"|{signature(self.frame)}"
        return self.text + "#" + ",".join(sorted(self.guard)) + period + frame


def pool_of(claim: Claim) -> str:
    """The pool a claim is matched in. Furniture (a photo caption, a heading) has pools
    of its own: a caption's date dates the picture, never the story's events."""
    pool = "proposition" if isinstance(claim, QuoteClaim | StatementClaim) else claim.kind
    return pool if claim.section == "body" else f"{pool}@{claim.section}"


def base_pool(pool: str) -> str:
    """``"date@caption"`` -> ``"date"``: the kind of comparison a pool needs."""
    return pool.split("@", 1)[0]


def key_words(claim: Claim) -> str:
    """The raw words that name the claim's fact, before normalisation."""
    if isinstance(claim, QuantityClaim):
        return " ".join(p for p in (claim.actor, claim.action, claim.unit) if p)
    if isinstance(claim, DateClaim | DurationClaim):
        return claim.event
    if isinstance(claim, QuoteClaim):
        return claim.quote
    if isinstance(claim, RoleClaim):
        return claim.person
    if isinstance(claim, StatementClaim):
        parts = (claim.subject, claim.predicate, claim.object)
        return claim.clause or " ".join(p for p in parts if p)
    raise TypeError(f"unknown claim kind {claim.kind!r}")  # pragma: no cover


def match_key(
    claim: Claim, vocabulary: Vocabulary, cores: frozenset[str] = frozenset()
) -> MatchKey:
    """The :class:`MatchKey` of ``claim``. A statement whose core signature is in
    ``cores`` (see :func:`checker.match.predicates.shared_cores`) is keyed by its core
    in a pool of its own, its signature the guard: "raised its key rate on Wednesday to
    5.25%" meets "did not raise its key rate on Wednesday, holding it at 5%"."""
    found = core(claim, vocabulary) if cores else None
    if found is not None and found[0] in cores:
        words = vocabulary.tokens(found[1])
        return MatchKey(
            pool=f"proposition@{PREDICATE_POOL}",
            text=" ".join(sorted(words)),
            tokens=tuple(sorted(set(words))),
            guard=frozenset({found[0]}),
        )
    pool = pool_of(claim)
    tokens = vocabulary.tokens(key_words(claim))
    if base_pool(pool) in ("date", "duration", "quantity"):
        tokens = without_values(tokens)
    if base_pool(pool) == "role":
        # A person is matched by name only; ordinals never apply.
        guard: frozenset[str] = frozenset()
    elif base_pool(pool) in ("date", "duration", "quantity"):
        # The span itself may carry the ordinal the event words leave out
        # ("the first anniversary of ..." with the event "... war victory").
        guard = ordinals([*tokens, *vocabulary.tokens(claim.text)])
    else:
        guard = discriminators(tokens)
    distinct = tuple(sorted(set(tokens)))
    named = {t for name in claim.entities for t in vocabulary.tokens(name)}
    if isinstance(claim, QuantityClaim) and claim.actor:
        named.update(vocabulary.tokens(claim.actor))  # who counted, not what was counted
    names = frozenset(t for t in distinct if t in vocabulary.entity_tokens or t in named)
    return MatchKey(
        pool=pool,
        text=" ".join(sorted(tokens)),
        tokens=distinct,
        guard=guard,
        names=names,
        period=claim.period,
        frame=frame_of(claim) if isinstance(claim, QuantityClaim) else None,
    )


def compatible_periods(a: MatchKey, b: MatchKey) -> bool:
    """Keys anchored to different years never name one fact."""
    return a.period is None or b.period is None or a.period == b.period


def _content(key: MatchKey) -> set[str]:
    # Words that say what happened: not names, dates, numbers or "said".
    return {
        t
        for t in key.tokens
        if t not in key.names and t not in MONTHS and t not in REPORTING and not t[:1].isdigit()
    }


def _prior(key: MatchKey) -> bool:
    return not PRIOR.isdisjoint(key.tokens)


def compatible(a: MatchKey, b: MatchKey) -> bool:
    """Whether two keys that score above the threshold may name one fact.

    Keys whose discriminators differ never do ("first" / "second anniversary"), nor
    keys anchored to different years (``period``: a 2001 quake's toll, 2023's growth).
    Keys must share enough tokens: a subset-friendly scorer gives "victory" and
    "victory day" a high score, but one shared word is not one event.
    """
    if a.guard and b.guard and a.guard != b.guard:
        return False
    if base_pool(a.pool) == "date" and _prior(a) != _prior(b):
        return False  # "was last hit on June 23, 2001" dates an earlier event of the kind
    if a.period is not None and b.period is not None and a.period != b.period:
        return False  # "killed 145 in 2001" is not today's toll; 2023 growth is not 2024's
    if a.frame is not None and b.frame is not None and not same_fact(a.frame, b.frame):
        return False  # "181 aboard" / "179 dead"; a depth / a distance; pounds / percent
    shared = set(a.tokens) & set(b.tokens)
    need = MIN_SHARED.get(base_pool(a.pool), 1)
    if not shared or len(shared) < min(need, len(a.tokens), len(b.tokens)):
        return False
    if base_pool(a.pool) in ("quantity", "duration") and not shared - (a.names | b.names):
        # "Van Dijkstra made 142 appearances" / "Van Dijkstra, aged 29": a shared name
        # is who, not what; a count's fact needs a shared word for the thing counted.
        return False
    if base_pool(a.pool) == "proposition":
        # A statement is more than the people it names: "Aliyev said X" and "a call
        # with Aliyev" share a name, not a fact.
        content_a, content_b = _content(a), _content(b)
        # Short statements ("Karabakh is Azerbaijan") must say the same words.
        return len(content_a & content_b) >= MIN_CONTENT or content_a == content_b
    return True
