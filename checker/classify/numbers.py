"""C101 quantity: how many of what, compared as hedge intervals."""

from __future__ import annotations

from checker.classify.intervals import HEDGE_WORDS, number, overlap, show
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.schema.claims import Claim, Hedge, QuantityClaim
from checker.schema.findings import Verdict


@register
class QuantityMismatch(Rule):
    """Two sources count the same thing; do their figures allow a common value?

    Each figure is read with its hedge as an interval ("300" -> about 300 within
    the round-number tolerance, "nearly 300" -> [270, 300], "more than 300" ->
    (300, ∞)). Intervals that share a value are compatible: **variance** when
    the hedge, precision or wording differs ("300" / "around 300" / "nearly
    300"), **agreement** when nothing does. Intervals that share no value
    **contradict**: "nearly 300" (at most 300) and "more than 300" cannot both
    hold. A vague count ("several cities") is compatible with any figure: it
    only varies in precision.
    """

    code = "C101"
    name = "quantity mismatch"
    pools = ("quantity",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim)
        differences = wording_differences(_words(a), _words(b), ctx.vocabulary)
        if a.value is None or b.value is None:
            if a.value is None and b.value is None:
                if (a.vague or "") != (b.vague or ""):
                    differences.append("wording")
            else:
                differences.append("precision")
            return _compatible(sorted(set(differences)))
        if not overlap(a.interval, b.interval):
            return Outcome(
                Verdict.CONTRADICTION,
                f"{self.value(a, ctx)} and {self.value(b, ctx)} {a.unit}: the figures allow "
                f"{show(a.interval)} and {show(b.interval)}, which share no value, "
                "so both cannot be true",
                ("value",),
            )
        if a.hedge != b.hedge:
            differences.append("hedge")
        elif a.value != b.value:
            differences.append("precision")
        elif _digits(a.text) != _digits(b.text):
            differences.append("format")
        return _compatible(sorted(set(differences)))

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuantityClaim)
        if claim.value is None:
            return claim.vague or "unspecified"
        return f"{HEDGE_WORDS[claim.hedge]}{number(claim.value)}"

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, QuantityClaim)
        if claim.value is None:
            return f"vague count ({claim.vague or claim.hedge.value}) of {claim.unit}"
        hedge = "exact" if claim.hedge is Hedge.EXACT else claim.hedge.value
        return f"{hedge} figure -> {show(claim.interval)} {claim.unit}"


def _words(claim: QuantityClaim) -> str:
    return " ".join(p for p in (claim.actor, claim.action, claim.unit) if p)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _compatible(differences: list[str]) -> Outcome:
    if not differences:
        return AGREE
    return Outcome(
        Verdict.VARIANCE,
        "compatible figures; differs in " + ", ".join(differences),
        tuple(differences),
    )
