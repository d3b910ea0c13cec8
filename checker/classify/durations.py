"""C103 duration: how long an event or state lasted, compared in one unit."""

from __future__ import annotations

from checker.classify.evidence import event_tokens, generic_tokens, uncertain, words_of
from checker.classify.intervals import HEDGE_WORDS, number, overlap, scaled, show
from checker.classify.registry import AGREE, Context, Outcome, Rule, register
from checker.classify.wording import wording_differences
from checker.frame import durations as frame
from checker.frame import events
from checker.schema.claims import Claim, DurationClaim, Hedge, Interval
from checker.schema.findings import Verdict

# What each kind of length is, for explanations (see checker.frame.durations.bound).
_KINDS = {
    frame.ACTUAL: "the length itself",
    "ceiling": "a ceiling",
    "request": "a length asked for",
    "forecast": "a projected length",
    "within": "a span since or until something ('in 15 years')",
    "release": "the time before release is possible (parole)",
}

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
    "60 days" can agree, "270 months" and "22.5 years" do). An exact figure stands
    for anything that rounds to it in its own unit ("44 days" is more than 43.5 and
    less than 44.5 days; "35 minutes" and "36 minutes" share no value), a hedged
    figure for its hedge interval ("almost 30 years" -> [27, 30]; "almost nine
    minutes" lies below "more than nine minutes", "about nine minutes" overlaps it).
    A ceiling that is asked for ("recommended 5-1/4 years or fewer", "pleaded for no
    more than 6.5 years") is the request itself: two such ceilings that differ are two
    different requests. The explanation shows both in the finer of their units.
    Intervals that share no value **contradict** ("44 days" / "45 days");
    otherwise the finding is a **variance** in hedge, unit or wording, or an
    **agreement**.

    A contradiction carries its identity evidence and a confidence
    (:func:`checker.frame.durations.identity`). A ceiling, a request or a
    projection ("faced more than 100 years", "could face up to 20 years",
    "prosecutors sought 50 years", "will probably serve 20 years") and the time
    before parole ("could be paroled after about 15 years") are other facts than the
    length imposed or lived ("a 25-year sentence"), and event
    words that are only generic ("over the next three years" / "in the next 12
    months", "sentence", "period") prove no event: such clashes are reported as
    uncertain. Event words that name different years or ordinals are
    different events: never a contradiction.
    """

    code = "C103"
    name = "duration mismatch"
    pools = ("duration",)

    def compare(self, a: Claim, b: Claim, ctx: Context) -> Outcome:
        assert isinstance(a, DurationClaim) and isinstance(b, DurationClaim)
        ia, ib = in_days(a), in_days(b)
        if not overlap(ia, ib):
            why = events.apart(words_of(a.event), words_of(b.event))
            if why is not None or (a.period is not None and b.period not in (None, a.period)):
                return Outcome(
                    Verdict.VARIANCE,
                    f"{self.value(a, ctx)} and {self.value(b, ctx)} are lengths of events "
                    f"whose words name {why or 'different years'}: two events, not one "
                    "length stated twice",
                    ("event",),
                    uncertain=True,
                )
            generic = generic_tokens(ctx)
            tokens_a, names_a, who_a = event_tokens(a.event, a.entities, ctx)
            tokens_b, names_b, who_b = event_tokens(b.event, b.entities, ctx)
            slots, confidence = frame.identity(
                frame.DurationSide(a, tokens_a, names_a, who_a),
                frame.DurationSide(b, tokens_b, names_b, who_b),
                generic,
            )
            kind_a, kind_b = frame.bound(a), frame.bound(b)
            note = ""
            if kind_a != kind_b:
                said_a, said_b = _KINDS.get(kind_a, kind_a), _KINDS.get(kind_b, kind_b)
                note = f"; {said_a} against {said_b}: another fact"
            unit = min(a.unit, b.unit, key=DAYS.__getitem__)  # the finer unit reads best
            shown_a, shown_b = scaled(ia, 1 / DAYS[unit]), scaled(ib, 1 / DAYS[unit])
            return Outcome(
                Verdict.CONTRADICTION,
                f"{self.value(a, ctx)} and {self.value(b, ctx)}: in {unit}s {show(shown_a)} "
                f"and {show(shown_b)} share no value, so both cannot be true (same "
                f"{events.shared_slots(slots)}; confidence {confidence:.2f}{note})",
                ("value",),
                uncertain=uncertain(confidence, ctx),
                confidence=confidence,
                identity=tuple(slots),
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
        # In days; a length in minutes or hours in its own unit, which reads better.
        unit = claim.unit if DAYS[claim.unit] < 1 else "day"
        return f"{claim.hedge.value} -> {show(scaled(in_days(claim), 1 / DAYS[unit]))} {unit}s"


def in_days(claim: DurationClaim) -> Interval:
    """The claim's interval in days; an exact point widens to what rounds to it. A
    length asked for "up to" or "no more than" N ("the defence recommended 5-1/4 years
    or fewer") asks for N as its ceiling: the request is N, not anything below it."""
    interval = claim.interval
    point = interval.low is not None and interval.low == interval.high
    ceiling_asked = claim.hedge in (Hedge.AT_MOST, Hedge.LESS_THAN) and frame.bound(claim) == (
        "request"
    )
    if (claim.hedge is Hedge.EXACT and point) or ceiling_asked:
        interval = Interval(
            low=claim.value - 0.5, high=claim.value + 0.5, low_open=True, high_open=True
        )
    return scaled(interval, DAYS[claim.unit])
