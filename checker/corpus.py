"""``seeds/`` -> :class:`Article`: the exact text, its sha256, and its metadata.

Metadata comes from the optional sidecar ``seeds/<id>.toml`` (outlet, url,
published, wire, title, story). What the sidecar does not give is inferred from the
text by :func:`checker.text.furniture.infer_metadata` and marked inferred.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from checker.errors import CheckerError
from checker.fileio import read_utf8
from checker.schema.claims import ArticleMeta
from checker.store import sha256_text

SEED_SUFFIX = ".txt"
META_SUFFIX = ".toml"
META_FIELDS = ("outlet", "url", "published", "wire", "title", "story")
STORY_MAX = 200  # characters of a sidecar ``story`` name
SEED_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
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
    """All ``seeds/*.txt``, sorted by id. A missing folder is an input error."""
    if not seeds_dir.is_dir():
        raise CheckerError("seeds folder not found", path=seeds_dir)
    return sorted(p for p in seeds_dir.glob(f"*{SEED_SUFFIX}") if p.is_file())


def seed_id(path: Path) -> str:
    stem = path.stem
    if not SEED_ID.match(stem):
        raise CheckerError(
            "seed id must be letters, digits, '_', '-' or '.', starting with a letter or digit",
            path=path,
        )
    return stem


def read_sidecar(path: Path) -> ArticleMeta:
    """Parse ``seeds/<id>.toml``; unknown keys and bad dates are errors with the line."""
    if not path.is_file():
        return ArticleMeta()
    text = read_utf8(path, what="metadata file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        raise CheckerError(
            f"invalid TOML: {_TOML_LINE.sub('', str(exc)).strip()}", path=path, line=line
        ) from None
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


def load_article(path: Path) -> Article:
    """Read one seed and its sidecar. Empty, binary or non-UTF-8 seeds are input errors."""
    ident = seed_id(path)
    text = read_utf8(path, what="seed")
    if not text.strip():
        raise CheckerError("seed is empty", path=path)
    given = read_sidecar(path.with_suffix(META_SUFFIX))
    return Article(id=ident, path=path, text=text, sha256=sha256_text(text), given=given)


def load_corpus(seeds_dir: Path, ids: list[str] | None = None) -> list[Article]:
    """Load every seed (or the named ones), sorted by id."""
    paths = seed_paths(seeds_dir)
    if ids:
        known = {p.stem: p for p in paths}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise CheckerError(f"no seed with id {unknown[0]!r}", path=seeds_dir)
        paths = [known[i] for i in sorted(set(ids))]
    return [load_article(p) for p in paths]
