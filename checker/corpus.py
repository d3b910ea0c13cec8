"""``seeds/`` -> :class:`Article`: the exact text, its sha256, and its metadata.

Metadata comes from the optional sidecar ``seeds/<id>.toml`` (outlet, url,
published, wire, title, story). What the sidecar does not give is inferred from the
text by :func:`checker.text.furniture.infer_metadata` and marked inferred.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from checker.config import DEFAULT_MAX_SEED_BYTES
from checker.errors import CheckerError
from checker.fileio import file_kind, read_utf8
from checker.schema.claims import ArticleMeta
from checker.store import sha256_text

SEED_SUFFIX = ".txt"
META_SUFFIX = ".toml"
META_FIELDS = ("outlet", "url", "published", "wire", "title", "story")
STORY_MAX = 200  # characters of a sidecar ``story`` name
SEED_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Longest seed id: file names derived from it (``claims/.<id>.json.XXXXXXXX.tmp``)
# stay far below the 255 bytes file systems allow.
SEED_ID_MAX = 100
LIMIT_HINT = "raise [tool.checker] max_seed_bytes to allow it"
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class Article:
    """One seed: ``text`` is the file decoded as UTF-8, byte for byte."""

    id: str
    path: Path
    text: str
    sha256: str
    given: ArticleMeta  # from the sidecar only; inference happens in extraction


def seed_paths(seeds_dir: Path) -> list[Path]:
    """All ``seeds/*.txt``, sorted by id. A missing folder is an input error, and so
    is a ``.txt`` entry that is not a regular file (a symbolic link, which could lead
    outside the root, a folder, a FIFO or a device): it is named and never read."""
    if not seeds_dir.is_dir():
        if seeds_dir.exists():
            raise CheckerError("seeds folder is not a folder", path=seeds_dir)
        raise CheckerError("seeds folder not found", path=seeds_dir)
    paths = []
    try:
        with os.scandir(seeds_dir) as entries:
            for entry in entries:
                if not entry.name.endswith(SEED_SUFFIX):
                    continue
                path = seeds_dir / entry.name
                mode = entry.stat(follow_symlinks=False).st_mode
                if not stat.S_ISREG(mode):
                    hint = (
                        "copy the article into seeds/ instead of linking it"
                        if stat.S_ISLNK(mode)
                        else "remove or rename it"
                    )
                    raise CheckerError(
                        f"seed is {file_kind(mode)}, not a regular file: "
                        f"refusing to read it ({hint})",
                        path=path,
                    )
                paths.append(path)
    except OSError as exc:
        raise CheckerError(
            f"cannot list the seeds folder: {exc.strerror}", path=seeds_dir
        ) from None
    return sorted(paths)


def seed_id(path: Path) -> str:
    stem = path.stem
    if not SEED_ID.match(stem):
        raise CheckerError(
            "seed id must be letters, digits, '_', '-' or '.', starting with a letter or digit",
            path=path,
        )
    if len(stem) > SEED_ID_MAX:
        raise CheckerError(
            f"seed id is {len(stem)} characters long: at most {SEED_ID_MAX} (rename the file)",
            path=path,
        )
    return stem


def read_sidecar(path: Path, *, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> ArticleMeta:
    """Parse ``seeds/<id>.toml``; unknown keys and bad dates are errors with the line.

    A sidecar that is not a regular file (a symbolic link, a folder...) is refused."""
    if not (path.exists() or path.is_symlink()):
        return ArticleMeta()
    text = read_utf8(
        path,
        what="metadata file",
        max_bytes=max_bytes,
        follow_symlinks=False,
        limit_hint=LIMIT_HINT,
    )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        raise CheckerError(
            f"invalid TOML: {_TOML_LINE.sub('', str(exc)).strip()}", path=path, line=line
        ) from None
    except RecursionError:
        raise CheckerError("unusable TOML: nested too deeply", path=path) from None
    unknown = sorted(set(data) - set(META_FIELDS))
    if unknown:
        raise CheckerError(
            f"unknown key {unknown[0]!r} (allowed: {', '.join(META_FIELDS)})",
            path=path,
            line=_key_line(text, unknown[0]),
        )
    values: dict[str, object] = {}
    for key in META_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if key == "published":
            if isinstance(value, dt.datetime):
                value = value.date()
            elif isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    raise CheckerError(
                        f"published: {value!r} is not an ISO date (YYYY-MM-DD)",
                        path=path,
                        line=_key_line(text, key),
                    ) from None
            if not isinstance(value, dt.date):
                raise CheckerError(
                    "published must be a date (YYYY-MM-DD)", path=path, line=_key_line(text, key)
                )
        elif not isinstance(value, str):
            raise CheckerError(f"{key} must be a string", path=path, line=_key_line(text, key))
        elif key == "story" and not (value.strip() and len(value) <= STORY_MAX):
            got = f"{len(value)} characters" if value.strip() else "empty"
            raise CheckerError(
                f"story must be a non-empty string of at most {STORY_MAX} characters (got {got})",
                path=path,
                line=_key_line(text, key),
            )
        values[key] = value
    return ArticleMeta.model_validate(values)


def _key_line(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


def load_article(path: Path, *, max_bytes: int = DEFAULT_MAX_SEED_BYTES) -> Article:
    """Read one seed and its sidecar. Empty, binary or non-UTF-8 seeds, seeds larger
    than ``max_bytes`` and seeds that are not regular files are input errors."""
    ident = seed_id(path)
    text = read_utf8(
        path, what="seed", max_bytes=max_bytes, follow_symlinks=False, limit_hint=LIMIT_HINT
    )
    if not text.strip():
        raise CheckerError("seed is empty", path=path)
    given = read_sidecar(path.with_suffix(META_SUFFIX), max_bytes=max_bytes)
    return Article(id=ident, path=path, text=text, sha256=sha256_text(text), given=given)


def load_corpus(
    seeds_dir: Path, ids: list[str] | None = None, *, max_bytes: int = DEFAULT_MAX_SEED_BYTES
) -> list[Article]:
    """Load every seed (or the named ones), sorted by id; ``max_bytes``: the largest
    seed accepted (``[tool.checker] max_seed_bytes``)."""
    paths = seed_paths(seeds_dir)
    if ids:
        known = {p.stem: p for p in paths}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise CheckerError(f"no seed with id {unknown[0]!r}", path=seeds_dir)
        paths = [known[i] for i in sorted(set(ids))]
    return [load_article(p, max_bytes=max_bytes) for p in paths]
