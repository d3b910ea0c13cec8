"""``[tool.checker]`` of the root's ``pyproject.toml`` -> one frozen :class:`Settings`.

The settings object is passed explicitly to every stage; nothing reads
configuration from module globals.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CheckerError
from checker.fileio import read_utf8

# 5 MB: a long article is about 100 KB; the cost of a seed grows with its size.
DEFAULT_MAX_SEED_BYTES = 5_000_000

GateBlock = Literal["unreviewed", "confirmed", "in_progress"]


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tolerances(_Section):
    """Relative tolerances that turn a hedged figure into an interval."""

    round_number: float = Field(
        strict=True,
        default=0.05,
        ge=0,
        le=0.5,
        description="A bare round number (300, 1,000) may be this far off.",
    )
    nearly: float = Field(
        strict=True,
        default=0.10,
        ge=0,
        le=0.5,
        description="'nearly/almost N' covers [N*(1-x), N].",
    )
    approximate: float = Field(
        strict=True, default=0.10, ge=0, le=0.5, description="'around/about N' covers N*(1±x)."
    )


class MatchSettings(_Section):
    threshold: float = Field(
        strict=True,
        default=70.0,
        ge=0,
        le=100,
        description="rapidfuzz score (0-100) for two keys to match.",
    )
    wire_copy_threshold: float = Field(
        strict=True,
        default=90.0,
        ge=0,
        le=100,
        description="Sentence similarity that marks shared wire copy.",
    )
    wire_passage_threshold: float = Field(
        strict=True,
        default=70.0,
        ge=0,
        le=100,
        description="Lower sentence similarity that marks wire copy when a neighbouring "
        "sentence pair is similar too (edited copy comes in runs).",
    )
    person_threshold: float = Field(
        strict=True,
        default=90.0,
        ge=0,
        le=100,
        description="Name similarity for two role claims to match.",
    )
    same_words_threshold: float = Field(
        strict=True,
        default=90.0,
        ge=0,
        le=100,
        description="Quote similarity above which two quotes are the same words "
        "(then different speakers contradict).",
    )
    prefix_overlap: float = Field(
        strict=True,
        default=0.5,
        gt=0,
        le=1,
        description="Blocking: keys are scored together when they may share this fraction "
        "of their tokens; lower finds more pairs and costs more.",
    )


class ClassifySettings(_Section):
    min_confidence: float = Field(
        strict=True,
        default=0.7,
        ge=0,
        le=1,
        description="A contradiction whose identity confidence is below this is reported "
        "as uncertain: shown to editors, ranked low, not blocking the gate by default.",
    )


class GateSettings(_Section):
    block_on: tuple[GateBlock, ...] = ("unreviewed", "confirmed", "in_progress")
    fail_on_variance: bool = Field(
        default=False,
        strict=True,
        description="Whether variances awaiting review fail the gate (and join the review queue).",
    )
    block_uncertain: bool = Field(
        strict=True,
        default=False,
        description="Whether uncertain contradictions (low identity confidence, or resting "
        "on an inferred value) block like the others.",
    )


class StorySettings(_Section):
    """Automatic grouping of seeds without a sidecar ``story`` into stories."""

    threshold: float = Field(
        strict=True,
        default=0.12,
        ge=0,
        le=1,
        description="Weighted term overlap (0-1) for two articles to be one story; "
        "higher splits more.",
    )
    window_days: int = Field(
        strict=True,
        default=30,
        ge=0,
        description="Articles published further apart than this are never one story "
        "(no limit when a date is unknown).",
    )


class Settings(_Section):
    root: Path = Path(".")
    aliases: tuple[Path, ...] = Field(
        default=(), description="Extra alias files (TOML), relative to the root."
    )
    max_seed_bytes: int = Field(
        default=DEFAULT_MAX_SEED_BYTES,
        strict=True,
        ge=1,
        description="Largest seed (and sidecar) read, in bytes; a larger one is refused "
        "by name, and `checker add` reads no more than this.",
    )
    tolerances: Tolerances = Tolerances()
    match: MatchSettings = MatchSettings()
    classify: ClassifySettings = ClassifySettings()
    gate: GateSettings = GateSettings()
    stories: StorySettings = StorySettings()

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def claims_dir(self) -> Path:
        return self.root / "claims"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def review_file(self) -> Path:
        return self.reports_dir / "review.jsonl"


_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
# A pyproject.toml is a few KB; this bounds what a stray file costs.
MAX_CONFIG_BYTES = 10_000_000


def load_settings(root: Path) -> Settings:
    """Read ``root/pyproject.toml`` (optional) and return the settings for ``root``.

    Raises :class:`CheckerError` naming the file (and line) when the file is not
    UTF-8 or not a regular file, the TOML is malformed or nested too deeply, or
    ``[tool.checker]`` holds an unknown key or a value of the wrong type (strict:
    ``true`` is not a number, ``"yes"`` is not a boolean) or out of range.
    """
    root = Path(root)
    path = root / "pyproject.toml"
    section: dict[str, object] = {}
    text = ""
    if path.exists() or path.is_symlink():
        text = read_utf8(path, what="configuration file", max_bytes=MAX_CONFIG_BYTES)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = _TOML_LINE.search(str(exc))
            line = int(match.group(1)) if match else None
            message = _TOML_LINE.sub("", str(exc)).strip()
            raise CheckerError(f"invalid TOML: {message}", path=path, line=line) from None
        except RecursionError:
            raise CheckerError("unusable TOML: nested too deeply", path=path) from None
        tool = data.get("tool", {})
        section = tool.get("checker", {}) if isinstance(tool, dict) else {}
        if not isinstance(section, dict):
            raise CheckerError("[tool.checker] must be a table", path=path)
    try:
        settings = Settings.model_validate({**section, "root": root})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        got = _shown(first.get("input"))
        line = _setting_line(text, [str(part) for part in first["loc"]]) if text else None
        raise CheckerError(
            f"[tool.checker] {where}: {first['msg']}{got}", path=path, line=line
        ) from None
    missing = [alias for alias in settings.aliases if not (root / alias).is_file()]
    if missing:
        raise CheckerError(f"[tool.checker] aliases: file not found: {missing[0]}", path=path)
    return settings


def _setting_line(text: str, loc: list[str]) -> int | None:
    """The line of the key ``loc`` (``["gate", "fail_on_variance"]``) under its
    ``[tool.checker...]`` table, when it is written plainly; else ``None``."""
    table = ".".join(["tool", "checker", *loc[:-1]])
    header = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]")
    key = re.compile(rf"^\s*[\"']?{re.escape(loc[-1])}[\"']?\s*=")
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            inside = bool(header.match(line))
        elif inside and key.match(line):
            return number
    return None


def _shown(value: object) -> str:
    """`` (got true)``: the offending scalar as TOML writes it, for the message."""
    if isinstance(value, bool):
        return f" (got {str(value).lower()})"
    if isinstance(value, str) and len(value) <= 40:
        return f" (got {value!r})"
    if isinstance(value, int | float) and len(repr(value)) <= 40:
        return f" (got {value!r})"
    return ""
