"""The decision store: append-only lines, current = last line, torn lines reported, stale."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.review.store import DecisionStore, attach_decisions, decision_line
from checker.schema import Decision, DecisionKind, DecisionRequest, Report
from tests.review.fixtures import BUDGET, DEBATE, HOSTILE


def request(fingerprint: str, decision: str = "confirmed", note: str = "") -> DecisionRequest:
    return DecisionRequest(
        fingerprint=fingerprint, decision=DecisionKind(decision), reviewer="Ann Editor", note=note
    )


def test_append_writes_one_sorted_line_with_utc_time_and_the_finding(store: DecisionStore) -> None:
    before = dt.datetime.now(dt.UTC)
    decision = store.append(request(BUDGET.fingerprint), BUDGET)
    lines = store.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data) == sorted(data)
    assert data["fingerprint"] == BUDGET.fingerprint
    assert data["fact"] == BUDGET.fact
    assert data["verdict"] == "contradiction"
    assert data["values"] == [f"{c.seed}: {c.value}" for c in BUDGET.claims]
    assert data["at"].endswith("Z")
    assert before <= decision.at <= dt.datetime.now(dt.UTC)
    assert decision.at.utcoffset() == dt.timedelta(0)


def test_current_is_the_last_line_and_history_keeps_every_line(store: DecisionStore) -> None:
    store.append(request(BUDGET.fingerprint, "in_progress"), BUDGET)
    store.append(request(DEBATE.fingerprint, "dismissed"), DEBATE)
    store.append(request(BUDGET.fingerprint, "accepted", note="rounding"), BUDGET)
    current = store.current()
    assert current[BUDGET.fingerprint].decision is DecisionKind.ACCEPTED
    assert current[DEBATE.fingerprint].decision is DecisionKind.DISMISSED
    kinds = [d.decision.value for d in store.history(BUDGET.fingerprint)]
    assert kinds == ["in_progress", "accepted"]
    assert store.history("nothing:0000000000000000") == []


def test_missing_file_holds_no_decisions(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "reports" / "review.jsonl")
    assert store.current() == {}
    assert store.load().problems == []


def test_torn_last_line_is_reported_with_line_and_skipped(store: DecisionStore) -> None:
    store.append(request(BUDGET.fingerprint), BUDGET)
    with store.path.open("a", encoding="utf-8") as handle:
        handle.write('{"at":"2026-01-01T00:00:00Z","decision":"dism')  # killed mid-write
    loaded = store.load()
    assert [d.fingerprint for d in loaded.decisions] == [BUDGET.fingerprint]
    assert len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert problem.line == 2
    assert str(problem).startswith(f"{store.path}:2: incomplete last line")

    # The next append starts on a line of its own: both whole lines survive.
    store.append(request(DEBATE.fingerprint, "dismissed"), DEBATE)
    loaded = store.load()
    assert [d.fingerprint for d in loaded.decisions] == [BUDGET.fingerprint, DEBATE.fingerprint]
    assert [p.line for p in loaded.problems] == [2]
    assert "incomplete" not in loaded.problems[0].message  # no longer the last line


def test_invalid_lines_in_the_middle_are_reported_not_dropped(store: DecisionStore) -> None:
    store.append(request(BUDGET.fingerprint), BUDGET)
    good = store.path.read_text(encoding="utf-8")
    bad_kind = json.loads(good)
    bad_kind["decision"] = "maybe"
    no_note = json.loads(good)
    no_note["decision"] = "accepted"
    store.path.write_text(
        good + "not json\n" + json.dumps(bad_kind) + "\n\n" + json.dumps(no_note) + "\n" + good,
        encoding="utf-8",
    )
    loaded = store.load()
    assert len(loaded.decisions) == 2
    assert [p.line for p in loaded.problems] == [2, 3, 5]
    assert "decision" in loaded.problems[1].message
    assert "note" in loaded.problems[2].message


def test_a_valid_last_line_without_newline_is_kept(store: DecisionStore) -> None:
    store.append(request(BUDGET.fingerprint), BUDGET)
    store.path.write_text(store.path.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert store.load().problems == []
    store.append(request(DEBATE.fingerprint), DEBATE)
    assert len(store.load().decisions) == 2


def test_stale_lists_decisions_whose_finding_vanished(store: DecisionStore) -> None:
    store.append(request(BUDGET.fingerprint), BUDGET)
    store.append(request(DEBATE.fingerprint, "dismissed"), DEBATE)
    stale = store.stale([BUDGET.fingerprint, HOSTILE.fingerprint])
    assert [d.fingerprint for d in stale] == [DEBATE.fingerprint]
    assert stale[0].fact == DEBATE.fact  # still readable without the finding


def test_attach_decisions_sets_review_of_decided_findings_only(
    store: DecisionStore, report: Report
) -> None:
    store.append(request(BUDGET.fingerprint, "dismissed", note="typo"), BUDGET)
    attached = attach_decisions(report, store.current())
    reviews = {f.fingerprint: f.review for f in attached.findings}
    review = reviews[BUDGET.fingerprint]
    assert review is not None
    assert (review.decision, review.reviewer, review.note) == (
        DecisionKind.DISMISSED,
        "Ann Editor",
        "typo",
    )
    assert all(r is None for fp, r in reviews.items() if fp != BUDGET.fingerprint)
    assert [f.fingerprint for f in attached.findings] == [f.fingerprint for f in report.findings]


def _append_many(path: str, worker: int, count: int) -> None:
    store = DecisionStore(Path(path))
    for index in range(count):
        store.append(
            DecisionRequest(
                fingerprint=f"quantity:{worker:08x}{index:08x}",
                decision=DecisionKind.IN_PROGRESS,
                reviewer=f"worker {worker}",
                note="x" * 5000,  # long lines: a torn or interleaved write would show
            )
        )


def test_concurrent_appends_from_several_processes_lose_nothing(store: DecisionStore) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_append_many, args=(str(store.path), w, 25)) for w in range(4)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=60)
        assert process.exitcode == 0
    loaded = store.load()
    assert loaded.problems == []
    assert len(loaded.decisions) == 100
    assert len({d.fingerprint for d in loaded.decisions}) == 100


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fingerprint=texts.filter(lambda s: s != ""),
    decision=st.sampled_from(list(DecisionKind)),
    reviewer=texts.filter(lambda s: s.strip() != ""),
    note=texts.filter(lambda s: s.strip() != ""),
)
def test_every_request_round_trips_through_one_line(
    fingerprint: str, decision: DecisionKind, reviewer: str, note: str
) -> None:
    stored = Decision(
        fingerprint=fingerprint,
        decision=decision,
        reviewer=reviewer,
        note=note,
        at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    )
    line = decision_line(stored)
    assert line.endswith("\n") and line.count("\n") == 1
    assert Decision.model_validate_json(line) == stored


def _append_forever(path: str) -> None:
    store = DecisionStore(Path(path))
    index = 0
    while True:
        store.append(
            DecisionRequest(
                fingerprint=f"quantity:{index:016x}",
                decision=DecisionKind.CONFIRMED,
                reviewer="killed",
                note="y" * 2000,
            )
        )
        index += 1


def test_a_writer_killed_at_any_point_leaves_only_whole_lines(store: DecisionStore) -> None:
    context = multiprocessing.get_context("spawn")
    for delay in (0.6, 0.75, 0.9):
        writer = context.Process(target=_append_forever, args=(str(store.path),))
        writer.start()
        deadline = time.monotonic() + 30
        while not store.path.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(delay - 0.5)
        writer.kill()  # SIGKILL: no cleanup, no flush, wherever it is
        writer.join(timeout=30)
    loaded = store.load()
    lines = [line for line in store.path.read_bytes().split(b"\n") if line.strip()]
    # Each kill can tear at most the line being written; every other line parses.
    assert len(loaded.problems) <= 3
    assert len(loaded.decisions) == len(lines) - len(loaded.problems) > 0
    assert {d.reviewer for d in loaded.decisions} == {"killed"}
