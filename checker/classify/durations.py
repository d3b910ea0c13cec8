"""C103 duration: how long an event or state lasted, compared in one unit."""

from __future__ import annotations

from checker.classify.intervals import HEDGE_WORDS, number, overlap, scaled, show
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.schema.claims import Claim, DurationClaim, Hedge, Interval
from checker.schema.findings import Verdict

# Days per unit. Months and years are calendar averages: a duration stated in
# months is only as precise as a month anyway.
DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.436875,
    "year": 365.2425,
    "decade": 3652.425,
}


@register
class DurationMismatch(Rule):
    """Two sources say how long the same thing lasted; can both be true?

    Both durations are converted to days before comparing ("two months" and
    "60 days" can agree). An exact figure stands for anything that rounds to
    it in its own unit ("44 days" is more than 43.5 and less than 44.5 days),
    a hedged figure for its hedge interval ("almost 30 years" -> [27, 30]).
    Intervals that share no value **contradict** ("44 days" / "45 days");
    otherwise the finding is a **variance** in hedge, unit or wording, or an
    **agreement**.
    """

    code = "C103"
    name = "duration mismatch"
    pools = ("duration",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, DurationClaim) and isinstance(b, DurationClaim)
        ia, ib = in_days(a), in_days(b)
        if not overlap(ia, ib):
            return Outcome(
                Verdict.CONTRADICTION,
                f"{self.value(a, ctx)} and {self.value(b, ctx)}: in days {show(ia)} and "
                f"{show(ib)} share no value, so both cannot be true",
                ("value",),
            )
        differences = wording_differences(a.event, b.event, ctx.vocabulary)
        if a.hedge != b.hedge:
            differences.append("hedge")
        if a.unit != b.unit:
            differences.append("format")
        elif a.value != b.value:
            differences.append("precision")
        if not differences:
            return AGREE
        return Outcome(
            Verdict.VARIANCE,
            "compatible durations; differs in " + ", ".join(sorted(set(differences))),
            tuple(sorted(set(differences))),
        )

    def value(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, DurationClaim)
        plural = "" if claim.value == 1 else "s"
        return f"{HEDGE_WORDS[claim.hedge]}{number(claim.value)} {claim.unit}{plural}"

    def normalisation(self, claim: Claim, ctx: Context) -> str:
        assert isinstance(claim, DurationClaim)
        return f"{claim.hedge.value} -> {show(in_days(claim))} days"


def in_days(claim: DurationClaim) -> Interval:
    """The claim's interval in days; an exact point widens to what rounds to it."""
    interval = claim.interval
    point = interval.low is not None and interval.low == interval.high
    if claim.hedge is Hedge.EXACT and point:
        interval = Interval(
            low=claim.value - 0.5, high=claim.value + 0.5, low_open=True, high_open=True
        )
    return scaled(interval, DAYS[claim.unit])
