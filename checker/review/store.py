"""``reports/review.jsonl``: the editors' decisions, append-only, one JSON object a line.

Every decision is one line with sorted keys; a fingerprint's current decision
is its last line. Appends hold a file lock (``filelock``) and write the whole
line in one ``write`` followed by ``fsync``, so two editors saving at the same
moment lose nothing and a server killed at any point leaves a file whose every
complete line parses. A line that does not parse (a torn last line, a bad hand
edit) is reported as a :class:`StoreProblem` with file and line, and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from pydantic import ValidationError

from checker.errors import CheckerError, FileError
from checker.fileio import file_kind, read_bytes, require_folder, require_regular
from checker.schema import Decision, DecisionRequest, Finding, Report, ReviewState

# How long an append waits for another writer before giving up (seconds).
LOCK_TIMEOUT = 30.0


@dataclass(frozen=True)
class StoreProblem:
    """A line of the decisions file that was skipped, and why."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class LoadResult:
    """Every valid decision in file order, and the lines that were skipped."""

    decisions: list[Decision] = field(default_factory=list)
    problems: list[StoreProblem] = field(default_factory=list)


def decision_line(decision: Decision) -> str:
    """The canonical line of a decision: compact JSON, sorted keys, UTF-8 kept, newline."""
    data = decision.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def finding_values(finding: Finding) -> list[str]:
    """``'seed: value'`` of each claim of ``finding``: what a decision was made about."""
    return [f"{claim.seed}: {claim.value}" for claim in finding.claims]


class DecisionStore:
    """The decisions file at ``path`` (usually ``reports/review.jsonl``).

    The store holds no state in memory: every read goes to the file, so several
    processes (servers, ``checker decide``) can share it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Hidden, beside the file: editors commit reports/ and should not see the lock.
        self.lock_path = self.path.with_name(f".{self.path.name}.lock")

    def append(self, request: DecisionRequest, finding: Finding | None = None) -> Decision:
        """Record ``request`` (stamped with the current UTC time) and return the stored line.

        ``finding`` is the finding as it is now; its fact, verdict and values are
        stored with the decision so it stays readable after the finding changes.
        Raises ``filelock.Timeout`` when another writer holds the lock too long.
        """
        decision = Decision(
            **request.model_dump(),
            at=dt.datetime.now(dt.UTC),
            fact=finding.fact if finding else "",
            verdict=str(finding.verdict) if finding else "",
            values=finding_values(finding) if finding else [],
        )
        data = decision_line(decision).encode("utf-8")
        require_folder(self.path.parent, what="reports folder")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot("create the folder", self.path.parent, exc) from None
        try:
            with FileLock(self.lock_path, timeout=LOCK_TIMEOUT):
                self._append_locked(data)
        except Timeout:
            raise
        except OSError as exc:
            if isinstance(exc, CheckerError):
                raise
            raise _cannot("record the decision", self.path, exc) from None
        return decision

    def _append_locked(self, data: bytes) -> None:
        """Append ``data`` to the decisions file (the lock is held). A decisions file
        that is not a regular file (a symbolic link, a folder, a FIFO) is refused."""
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | os.O_NOFOLLOW
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            require_regular(self.path, what="decisions file")
            raise _cannot("record the decision", self.path, exc) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise CheckerError(
                    f"decisions file is {file_kind(info.st_mode)}, not a regular file: "
                    "refusing to use it",
                    path=self.path,
                )
            os.set_blocking(fd, True)
            if info.st_size and os.pread(fd, 1, info.st_size - 1) != b"\n":
                # A torn last line (a writer killed mid-line): end it, so the new
                # line stays whole and the fragment is reported on its own line.
                data = b"\n" + data
            written = os.write(fd, data)
            if written != len(data):  # pragma: no cover - disk full or similar
                raise OSError(f"short write to {self.path}: {written} of {len(data)} bytes")
            os.fsync(fd)
        finally:
            os.close(fd)

    def load(self) -> LoadResult:
        """Every decision in file order, plus the lines skipped (with line number and reason).

        A missing file holds no decisions. A last line without its newline is kept
        when it is a valid decision (a hand edit) and reported as torn otherwise.
        """
        require_folder(self.path.parent, what="reports folder")
        if not (self.path.exists() or self.path.is_symlink()):
            return LoadResult()
        raw = read_bytes(self.path, what="decisions file", follow_symlinks=False)
        lines = raw.split(b"\n")
        last_complete = raw.endswith(b"\n")
        decisions: list[Decision] = []
        problems: list[StoreProblem] = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            torn = number == len(lines) and not last_complete
            try:
                decisions.append(Decision.model_validate_json(line))
            except ValidationError as exc:
                reason = _reason(exc)
                if torn:
                    reason = f"incomplete last line (a write was interrupted?): {reason}"
                problems.append(StoreProblem(self.path, number, reason))
        return LoadResult(decisions, problems)

    def current(self) -> dict[str, Decision]:
        """The last decision of each fingerprint (lines that do not parse are skipped)."""
        return {d.fingerprint: d for d in self.load().decisions}

    def history(self, fingerprint: str) -> list[Decision]:
        """Every decision on ``fingerprint``, oldest first."""
        return [d for d in self.load().decisions if d.fingerprint == fingerprint]

    def stale(self, fingerprints: Iterable[str]) -> list[Decision]:
        """Current decisions whose finding no longer exists (not in ``fingerprints``)."""
        known = set(fingerprints)
        current = self.current()
        return [current[fp] for fp in sorted(current) if fp not in known]


def _cannot(action: str, path: Path, exc: OSError) -> FileError:
    """One line naming the file: ``cannot record the decision: Read-only file system``."""
    return FileError(f"cannot {action}: {exc.strerror or exc}", path=path, cause=exc)


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"]
    return f"{where}: {message}" if where else message


def review_state(decision: Decision) -> ReviewState:
    """The part of a stored decision that reports show."""
    return ReviewState(
        decision=decision.decision, reviewer=decision.reviewer, note=decision.note, at=decision.at
    )


def attach_decisions(report: Report, current: dict[str, Decision]) -> Report:
    """Return ``report`` with each finding's ``review`` set from ``current`` (or None)."""
    findings = [
        finding.model_copy(
            update={
                "review": review_state(current[finding.fingerprint])
                if finding.fingerprint in current
                else None
            }
        )
        for finding in report.findings
    ]
    return report.model_copy(update={"findings": findings})
