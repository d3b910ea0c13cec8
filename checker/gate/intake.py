"""``checker add``: bring a new article into ``seeds/`` and say what it changed.

The article is checked before anything is written (UTF-8, not empty, not
binary), copied byte for byte to ``seeds/<id>.txt`` beside an optional
``seeds/<id>.toml`` of the metadata given, then extracted and compared. The
findings before and after are diffed: the contradictions, updates (a figure
it reports as it changed over time) and variances the new seed brings, the
facts it corroborates, the claims only it makes, and the editor decisions
whose finding changed (they need a new look).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from checker import pipeline
from checker.config import Settings
from checker.corpus import LIMIT_HINT, META_SUFFIX, SEED_ID, SEED_ID_MAX, SEED_SUFFIX
from checker.errors import CheckerError
from checker.fileio import atomic_write_text, read_utf8
from checker.progress import Progress, no_progress
from checker.review import DecisionStore
from checker.schema import Finding, FindingClaim, Report, Verdict
from checker.store import claims_path

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_MAX_ID = SEED_ID_MAX


@dataclass(frozen=True)
class SeedMeta:
    """Metadata for the sidecar; ``None`` fields are left out (then inferred)."""

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    wire: str | None = None
    title: str | None = None

    def items(self) -> list[tuple[str, str | dt.date]]:
        pairs = [
            ("outlet", self.outlet),
            ("url", self.url),
            ("published", self.published),
            ("wire", self.wire),
            ("title", self.title),
        ]
        return [(key, value) for key, value in pairs if value is not None]


@dataclass(frozen=True)
class Changes:
    """What a seed brought to the findings, compared with the corpus before it."""

    contradictions: list[Finding] = field(default_factory=list)
    updates: list[Finding] = field(default_factory=list)
    variances: list[Finding] = field(default_factory=list)
    # agreements, updates and variances it joins
    corroborated: list[Finding] = field(default_factory=list)
    only_here: list[FindingClaim] = field(default_factory=list)
    changed_decisions: list[str] = field(default_factory=list)  # decided fingerprints now gone


@dataclass(frozen=True)
class AddResult:
    seed: str
    seed_path: Path
    sidecar: Path | None
    report: Report
    changes: Changes


def safe_id(name: str) -> str:
    """A seed id from a file name: accents folded, anything but letters, digits,
    ``_ . -`` turned into ``-``, no ``..``, starting with a letter or digit.

    Raises :class:`CheckerError` when nothing usable is left.
    """
    stem = Path(name).name
    for suffix in (SEED_SUFFIX, ".text", ".md"):
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    ident = _UNSAFE.sub("-", folded)
    ident = re.sub(r"\.{2,}", ".", ident)
    ident = re.sub(r"-{2,}", "-", ident).lstrip("._-").rstrip(".-")[:_MAX_ID].rstrip(".-")
    if not ident or not SEED_ID.match(ident):
        raise CheckerError(f"cannot make a seed id from {name!r}: pass --id")
    return ident


def check_id(ident: str) -> str:
    """Validate an id given with ``--id`` (it is used as a file name as given)."""
    if not SEED_ID.match(ident) or ".." in ident or len(ident) > _MAX_ID:
        raise CheckerError(
            f"--id {ident!r}: use letters, digits, '_', '-' or '.' (no '..'), "
            f"starting with a letter or digit, at most {_MAX_ID} characters"
        )
    return ident


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def sidecar_text(meta: SeedMeta) -> str:
    """The ``seeds/<id>.toml`` text for ``meta`` (keys in the documented order)."""
    lines = []
    for key, value in meta.items():
        rendered = value.isoformat() if isinstance(value, dt.date) else toml_string(value)
        lines.append(f"{key} = {rendered}")
    return "\n".join(lines) + "\n"


def _involves(finding: Finding, seed: str) -> bool:
    return any(claim.seed == seed for claim in finding.claims)


def _prior_verdicts(before: Report) -> dict[frozenset[str], str]:
    """Claim ids of each earlier fact -> its verdict (``single_source`` for one claim)."""
    prior = {frozenset(c.claim_id for c in f.claims): f.verdict.value for f in before.findings}
    prior.update({frozenset([c.claim_id]): "single_source" for c in before.single_source})
    return prior


def _is_new(finding: Finding, seed: str, prior: dict[frozenset[str], str]) -> bool:
    """True when the fact did not have this verdict before ``seed`` joined it: the
    other sources' claims formed no fact, or one with another verdict."""
    others = frozenset(c.claim_id for c in finding.claims if c.seed != seed)
    return prior.get(others) != finding.verdict.value


def diff_reports(before: Report, after: Report, seed: str, decided: Collection[str]) -> Changes:
    """What ``seed`` changed between ``before`` and ``after``: the contradictions,
    updates and variances it brings (facts that had another verdict, or none, without
    it), the facts it corroborates (agreements, updates and variances it joins), its
    single-source
    claims, and the decided fingerprints of ``before`` that ``after`` no longer has
    (a new source changes a fact's values, hence its fingerprint)."""
    prior = _prior_verdicts(before)
    mine = [f for f in after.findings if _involves(f, seed)]
    now = {f.fingerprint for f in after.findings}
    gone = sorted({f.fingerprint for f in before.findings} - now)
    return Changes(
        contradictions=[
            f for f in mine if f.verdict is Verdict.CONTRADICTION and _is_new(f, seed, prior)
        ],
        updates=[f for f in mine if f.verdict is Verdict.UPDATE and _is_new(f, seed, prior)],
        variances=[f for f in mine if f.verdict is Verdict.VARIANCE and _is_new(f, seed, prior)],
        corroborated=[f for f in mine if f.verdict is not Verdict.CONTRADICTION],
        only_here=[c for c in after.single_source if c.seed == seed],
        changed_decisions=[fp for fp in gone if fp in decided],
    )


def add_seed(
    settings: Settings,
    source: Path,
    *,
    ident: str | None = None,
    meta: SeedMeta = SeedMeta(),
    progress: Progress = no_progress,
) -> AddResult:
    """Copy ``source`` into ``seeds/``, extract and compare; return what it changed.

    Refuses (:class:`CheckerError`, nothing written) a missing, empty, binary or
    non-UTF-8 file, one that is not a regular file (a device such as ``/dev/zero``,
    a FIFO, a folder: never read), one larger than ``[tool.checker] max_seed_bytes``
    (no more than that is read), an unsafe ``ident``, and an id whose seed or
    sidecar exists. If extraction fails, the files written are removed again.
    """
    if not settings.seeds_dir.is_dir():
        raise CheckerError("seeds folder not found", path=settings.seeds_dir)
    text = read_utf8(
        source, what="article", max_bytes=settings.max_seed_bytes, limit_hint=LIMIT_HINT
    )
    if not text.strip():
        raise CheckerError("article is empty", path=source)
    ident = check_id(ident) if ident is not None else safe_id(source.name)
    target = settings.seeds_dir / f"{ident}{SEED_SUFFIX}"
    sidecar = settings.seeds_dir / f"{ident}{META_SUFFIX}"
    for existing in (target, sidecar):
        if existing.exists() or existing.is_symlink():
            raise CheckerError("already exists; choose another --id", path=existing)
    # Bring the corpus up to date first, so the diff shows only the new seed's effect.
    pipeline.extract(settings, progress=progress)
    before = pipeline.compare(settings, progress=progress)
    written: list[Path] = []
    try:
        if meta.items():
            atomic_write_text(sidecar, sidecar_text(meta))
            written.append(sidecar)
        atomic_write_text(target, text)  # strict UTF-8 round-trips byte for byte
        written.append(target)
        written.append(claims_path(settings.claims_dir, ident))
        pipeline.extract(settings, [ident], progress=progress)
        after = pipeline.compare(settings, progress=progress)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    pipeline.write_reports(settings, after)
    decided = DecisionStore(settings.review_file).current()
    return AddResult(
        seed=ident,
        seed_path=target,
        sidecar=sidecar if meta.items() else None,
        report=after,
        changes=diff_reports(before, after, ident, decided),
    )
