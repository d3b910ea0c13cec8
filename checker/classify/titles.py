"""C104 title: the office a source gives a person."""

from __future__ import annotations

from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.match.vocabulary import word_set
from checker.schema.claims import Claim, RoleClaim
from checker.schema.findings import Verdict

# Words that change which office a title names: a "Vice President" is not the
# "President", a "former minister" is no longer one.
RANK_WORDS = word_set(
    "vice deputy former ex assistant acting prime under first second junior senior "
    "interim elect designate"
)
# Titles that describe a relation or a rank rather than an office; they are
# compatible with any office ("his counterpart", "the leader", "an official").
RELATIONAL = word_set("counterpart counterparts leader leaders official officials head chief aide")


@register
class TitleMismatch(Rule):
    """Two sources name the same person; do they give compatible offices?

    Titles are compared on their normalised office (``title_key``: spelling
    variants folded, "national" dropped). Offices are compatible when one is
    the other with extra qualifiers that do not change the office ("Defence
    Minister" / "National Defense Minister" -> **variance**), or when one is
    relational ("counterpart", "leader"). They **contradict** when the person
    is given different offices ("Defence Minister" / "Foreign Minister"), a
    different rank ("President" / "Vice President"), or the same office of
    different countries.
    """

    code = "C104"
    name = "title mismatch"
    pools = ("role",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, RoleClaim) and isinstance(b, RoleClaim)
        ta, tb = _office(a, ctx), _office(b, ctx)
        org_a, org_b = _org(a, ctx), _org(b, ctx)
        relational = bool(ta & RELATIONAL) or bool(tb & RELATIONAL)
        if not relational:
            extra = ta ^ tb
            if not (ta <= tb or tb <= ta) or extra & RANK_WORDS:
                return Outcome(
                    Verdict.CONTRADICTION,
                    f"{a.person} is '{a.title}' in one source and '{b.title}' in the other: "
                    "different offices for the same person",
                    ("title",),
                )
        if org_a and org_b and org_a != org_b:
            return Outcome(
                Verdict.CONTRADICTION,
                f"{a.person} holds office for {a.organisation} in one source and for "
                f"{b.organisation} in the other",
                ("organisation",),
            )
        differences = wording_differences(a.title, b.title, ctx.vocabulary)
        if differences == ["wording"]:
            differences = ["precision"] if relational or ta != tb else ["wording"]
        if bool(org_a) != bool(org_b):
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


def _office(claim: RoleClaim, ctx: Context) -> frozenset[str]:
    words = claim.title_key.replace("-", " ").split()
    return frozenset(ctx.vocabulary.spelling(w) for w in words)


def _org(claim: RoleClaim, ctx: Context) -> str:
    if not claim.organisation:
        return ""
    return ctx.vocabulary.spelling(claim.organisation)
