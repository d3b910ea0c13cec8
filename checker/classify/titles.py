"""C104 title: the office a source gives a person."""

from __future__ import annotations

from checker.classify.evidence import uncertain
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.match.vocabulary import word_set
from checker.schema.claims import Claim, RoleClaim
from checker.schema.findings import SlotMatch, SlotStatus, Verdict

# Words that change which office a title names: a "Vice President" is not the
# "President", a "former minister" is no longer one.
_TWO_OFFICES = 0.5  # two offices sharing no word may be held at once
RANK_WORDS = word_set(
    "vice deputy former ex assistant acting prime under first second junior senior "
    "interim elect designate"
)
# Titles that describe a relation or a rank rather than an office; they are
# compatible with any office ("his counterpart", "the leader", "an official").
RELATIONAL = word_set("counterpart counterparts leader leaders official officials head chief aide")


# Confidence factors of a title clash (see :func:`_identity`).
_SURNAME_ONLY = 0.85  # the person is named by one word: another person may bear it
_ORG_OPEN = 0.9  # the organisation is named on one side or neither
_ORGS_OVERLAP = 0.5  # two organisations sharing words ("Southern District" / "District Court")
_TIME_APART = 0.5  # titles of articles more than a month apart: offices change
_TIME_APART_DAYS = 30


@register
class TitleMismatch(Rule):
    """Two sources name the same person; do they give compatible offices?

    Titles are compared on their normalised office (``title_key``: spelling
    variants folded, "national" dropped). Offices are compatible when one is
    the other with extra qualifiers that do not change the office ("Defence
    Minister" / "National Defense Minister" -> **variance**), or when one is
    relational ("counterpart", "leader"). A title whose words, with its
    organisation's, are contained in the other's is the same office named more
    or less precisely ("Judge Lewis Kaplan" / "District Judge Lewis Kaplan" /
    "U.S. District Court Judge Lewis Kaplan" -> **variance** in precision). They
    **contradict** when the person is given different offices ("Defence
    Minister" / "Foreign Minister"), a different rank ("President" / "Vice
    President": a rank word is never mere precision), or the same office of
    different countries.

    A contradiction carries its identity evidence and a confidence: the person
    (named by one word only: lower), the organisation (stated by one side or
    none: lower; two organisations sharing words: uncertain), and the articles'
    dates (more than a month apart: offices change, uncertain).
    """

    code = "C104"
    name = "title mismatch"
    pools = ("role",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, RoleClaim) and isinstance(b, RoleClaim)
        ta, tb = _office(a, ctx), _office(b, ctx)
        oa, ob = _org_words(a, ctx), _org_words(b, ctx)
        org_a, org_b = _org(a, ctx), _org(b, ctx)
        relational = bool(ta & RELATIONAL) or bool(tb & RELATIONAL)
        if not relational:
            extra = ta ^ tb
            if (not (ta <= tb or tb <= ta) or extra & RANK_WORDS) and not _nested(ta | oa, tb | ob):
                return _contradiction(
                    a,
                    b,
                    ctx,
                    f"{a.person} is '{a.title}' in one source and '{b.title}' in the other: "
                    "different offices for the same person",
                    "title",
                )
        orgs_nested = _nested(oa, ob)
        if org_a and org_b and org_a != org_b and not orgs_nested:
            return _contradiction(
                a,
                b,
                ctx,
                f"{a.person} holds office for {a.organisation} in one source and for "
                f"{b.organisation} in the other",
                "organisation",
            )
        differences = wording_differences(a.title, b.title, ctx.vocabulary)
        if differences == ["wording"]:
            differences = ["precision"] if relational or ta != tb else ["wording"]
        if bool(org_a) != bool(org_b) or (org_a and org_a != org_b):
            differences.append("precision")
        elif org_a and a.organisation != b.organisation:
            differences.append("spelling")
        if not differences:
            return AGREE
        found = sorted(set(differences))
        return Outcome(
            Verdict.VARIANCE,
            f"compatible titles ('{a.title}' / '{b.title}'); differs in " + ", ".join(found),
            tuple(found),
        )

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, RoleClaim)
        org = f" ({claim.organisation})" if claim.organisation else ""
        return f"{claim.title_key}{org}"

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, RoleClaim)
        return f"title '{claim.title}' -> office '{claim.title_key}'"


def _contradiction(a: RoleClaim, b: RoleClaim, ctx: Context, why: str, clash: str) -> Outcome:
    slots, confidence = _identity(a, b, ctx, clash)
    shared = ", ".join(s.slot for s in slots if s.status is SlotStatus.SAME) or "nothing stated"
    return Outcome(
        Verdict.CONTRADICTION,
        f"{why} (same {shared}; confidence {confidence:.2f})",
        (clash,),
        uncertain=uncertain(confidence, ctx),
        confidence=confidence,
        identity=tuple(slots),
    )


def _identity(
    a: RoleClaim, b: RoleClaim, ctx: Context, clash: str
) -> tuple[list[SlotMatch], float]:
    """Which slots two clashing titles share (person, office or organisation, time),
    and how sure that makes one person at one time."""
    confidence = 1.0
    slots = [SlotMatch(slot="person", status=SlotStatus.SAME, value=a.person)]
    if len(a.person.split()) < 2 or len(b.person.split()) < 2:
        confidence *= _SURNAME_ONLY
    ta, tb = _office(a, ctx), _office(b, ctx)
    if clash == "title" and not (ta & tb) and not ((ta | tb) & RANK_WORDS):
        # "CEO" / "President": one person often holds two offices ("President and CEO");
        # "President" / "Vice President" cannot both hold.
        confidence *= _TWO_OFFICES
    if clash == "organisation":
        slots.append(SlotMatch(slot="office", status=SlotStatus.SAME, value=a.title_key))
        if _org_words(a, ctx) & _org_words(b, ctx):
            confidence *= _ORGS_OVERLAP
    elif a.organisation and b.organisation and _org(a, ctx) == _org(b, ctx):
        slots.append(SlotMatch(slot="organisation", status=SlotStatus.SAME, value=a.organisation))
    else:
        confidence *= _ORG_OPEN
        named = a.organisation or b.organisation
        status = SlotStatus.ONE_SIDE if named else SlotStatus.UNSTATED
        slots.append(SlotMatch(slot="organisation", status=status, value=named))
    when_a, when_b = ctx.as_of(a), ctx.as_of(b)
    if when_a is not None and when_a == when_b:
        slots.append(SlotMatch(slot="time", status=SlotStatus.SAME, value=when_a.isoformat()))
    elif when_a is not None and when_b is not None:
        if abs((when_a - when_b).days) > _TIME_APART_DAYS:
            confidence *= _TIME_APART
        value = f"{when_a.isoformat()} / {when_b.isoformat()}"
        slots.append(SlotMatch(slot="time", status=SlotStatus.ONE_SIDE, value=value))
    else:
        known = when_a or when_b
        slots.append(
            SlotMatch(
                slot="time",
                status=SlotStatus.ONE_SIDE if known else SlotStatus.UNSTATED,
                value=known.isoformat() if known else None,
            )
        )
    return slots, round(confidence, 3)


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one word set is contained in the other without a rank word between them:
    the same office named more or less precisely."""
    return (a <= b or b <= a) and not (a ^ b) & RANK_WORDS


def _office(claim: RoleClaim, ctx: Context) -> frozenset[str]:
    words = claim.title_key.replace("-", " ").split()
    return frozenset(ctx.vocabulary.spelling(w) for w in words)


def _org_words(claim: RoleClaim, ctx: Context) -> frozenset[str]:
    """The organisation's words, spelled canonically ("U.S." and "United States" alike)."""
    return frozenset(_org(claim, ctx).replace("-", " ").split())


def _org(claim: RoleClaim, ctx: Context) -> str:
    if not claim.organisation:
        return ""
    return ctx.vocabulary.spelling(claim.organisation)
