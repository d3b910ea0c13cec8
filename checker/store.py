"""Claims files on disk: ``claims/<id>.json`` and ``claims/schema.json``.

Reading validates against the published schema (so a hand-edited file gets a
JSON pointer and a reason), then with pydantic. The schema check runs as
compiled code (``fastjsonschema``, about 10x faster than ``jsonschema``, which
matters at thousands of files); only a file that fails it is validated again
with ``jsonschema``, whose best-match error names the pointer and the reason.
"""

from __future__ import annotations

import copy
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
from pydantic import ValidationError

from checker.errors import CheckerError
from checker.fileio import (
    atomic_write_text,
    dumps_canonical,
    load_json,
    not_regular,
    read_utf8,
    require_folder,
)
from checker.schema.claims import ArticleMeta, ClaimFile
from checker.schema.export import claims_schema, schema_text

SCHEMA_FILE = "schema.json"


def sha256_text(text: str) -> str:
    """The seed fingerprint stored in claims files: sha256 of the UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claims_path(claims_dir: Path, seed_id: str) -> Path:
    return claims_dir / f"{seed_id}.json"


def _dispatch_on_kind(schema: dict[str, Any]) -> dict[str, Any]:
    """The published schema with the claim union's ``oneOf`` turned into ``if kind
    then branch``: the same files are valid, but each claim is checked against its
    own branch only (six times less work) and errors point inside that branch."""
    schema = copy.deepcopy(schema)
    items = schema["properties"]["claims"]["items"]
    mapping: dict[str, str] = items["discriminator"]["mapping"]
    schema["properties"]["claims"]["items"] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": sorted(mapping)}},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": {"$ref": ref}}
            for kind, ref in sorted(mapping.items())
        ],
    }
    return schema


@functools.cache
def _fast_check() -> Any:
    schema = _dispatch_on_kind(claims_schema())
    # fastjsonschema knows drafts 4-7; the schema uses nothing newer than draft 7
    # but the "$defs" pointers, which it resolves like any JSON pointer.
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema.pop("$id", None)
    return fastjsonschema.compile(schema)


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    schema = _dispatch_on_kind(claims_schema())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator


def _pointer(path: Iterable[Any]) -> str:
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "/"


def _discriminated(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a claim that fails every branch of the ``kind`` union, the error inside the
    branch its ``kind`` names (so the pointer reaches the bad field, not the claim)."""
    while error.validator == "oneOf" and error.context:
        branches: dict[Any, list[jsonschema.ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        matching = [
            errs
            for errs in branches.values()
            if not any(list(e.relative_path) == ["kind"] for e in errs)
        ]
        if len(matching) != 1:
            break
        inner = jsonschema.exceptions.best_match(matching[0])
        if inner is None:
            break
        error = inner
    return error


def validate_claims_data(data: Any, path: Path) -> ClaimFile:
    """Validate parsed JSON as a claims file; raise :class:`CheckerError` with a pointer."""
    try:
        _fast_check()(data)
    except fastjsonschema.JsonSchemaException:
        _raise_schema_error(data, path)
    try:
        return ClaimFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CheckerError(first["msg"], path=path, pointer=_pointer(first["loc"])) from None


def _raise_schema_error(data: Any, path: Path) -> None:
    errors = sorted(
        _validator().iter_errors(data), key=lambda e: (list(e.absolute_path), e.message)
    )
    if errors:
        best = _discriminated(jsonschema.exceptions.best_match(errors))
        raise CheckerError(best.message, path=path, pointer=_pointer(best.absolute_path))
    # the compiled check and jsonschema disagree: report what the compiled one saw
    raise CheckerError("does not match the claims schema", path=path)


def claims_file_present(path: Path) -> bool:
    """Whether ``claims/<id>.json`` exists; raise :class:`CheckerError` naming it when
    it, or ``claims/`` itself, is of the wrong type (a folder, a symbolic link, which
    could lead outside the root, a FIFO...): it is never read."""
    require_folder(path.parent, what="claims folder")
    kind = not_regular(path)
    if kind is not None:
        raise CheckerError(
            f"claims file is {kind}, not a regular file: refusing to read it "
            "(remove it and run `checker extract`)",
            path=path,
        )
    return path.exists()


def read_claim_file(path: Path, seed_text: str | None = None) -> ClaimFile:
    """Load and validate one claims file (a symbolic link is refused, not followed).

    With ``seed_text`` (the seed's text) the claims' offsets are checked against it
    too when the file is fresh (its ``seed_sha256`` is the text's): see
    :func:`check_offsets`.
    """
    claim_file = validate_claims_data(
        load_json(path, what="claims file", follow_symlinks=False), path
    )
    if seed_text is not None and claim_file.seed_sha256 == sha256_text(seed_text):
        check_offsets(claim_file, seed_text, path)
    return claim_file


def check_offsets(claim_file: ClaimFile, seed_text: str, path: Path) -> None:
    """Raise :class:`CheckerError` (with the JSON pointer) at the first claim whose
    span or sentence lies outside ``seed_text``: reports would quote and locate it
    wrongly."""
    size = len(seed_text)
    for index, claim in enumerate(claim_file.claims):
        spans = (
            ("start", claim.start, claim.end),
            ("sentence/start", claim.sentence.start, claim.sentence.end),
        )
        for field, start, end in spans:
            base = field.rsplit("/", 1)[0] + "/" if "/" in field else ""
            if end > size:
                raise CheckerError(
                    f"offset {end} is past the end of the seed text ({size} characters)",
                    path=path,
                    pointer=f"/claims/{index}/{base}end",
                )
            if start > end:
                raise CheckerError(
                    f"start {start} is after end {end}",
                    path=path,
                    pointer=f"/claims/{index}/{field}",
                )


def claim_file_text(claim_file: ClaimFile) -> str:
    """The canonical, byte-stable serialisation of a claims file."""
    return dumps_canonical(claim_file.model_dump(mode="json"))


def write_claim_file(claims_dir: Path, claim_file: ClaimFile) -> Path:
    """Write ``claims/<seed>.json`` atomically; returns its path."""
    path = claims_path(claims_dir, claim_file.seed)
    atomic_write_text(path, claim_file_text(claim_file))
    return path


def write_claims_schema(claims_dir: Path) -> Path:
    """Write ``claims/schema.json`` (only when its content changes)."""
    path = claims_dir / SCHEMA_FILE
    text = schema_text(claims_schema())
    require_folder(claims_dir, what="claims folder")
    if not_regular(path) is not None or not path.exists():
        atomic_write_text(path, text)  # replaces a link or FIFO in the way, never reads it
        return path
    try:
        current = read_utf8(path, what="claims schema", follow_symlinks=False)
    except CheckerError:
        current = None
    if current != text:
        atomic_write_text(path, text)
    return path


@dataclass(frozen=True)
class Freshness:
    """State of a seed's claims file: ``fresh``, ``missing`` or ``stale``."""

    seed: str
    state: str
    path: Path
    extractor_version: str | None = None


def sidecar_change(recorded: Any, given: ArticleMeta) -> str | None:
    """The first metadata field whose sidecar value (``given``) differs from what the
    claims file recorded (``recorded``: its ``article`` object), else ``None``.

    Extraction bakes the sidecar into the claims (publication dates resolve years,
    ``story`` groups articles): a sidecar edited after extraction makes them stale.
    """
    if not isinstance(recorded, dict):
        return "article"
    for field, value in given.model_dump(mode="json", exclude={"inferred"}).items():
        was = recorded.get(field)
        # A field the sidecar gives must be what was extracted with; one it does not
        # give may have been inferred or corrected by hand in the claims file, except
        # the story, which only a sidecar names.
        if (value is not None or field == "story") and value != was:
            return field
    return None


def freshness(
    claims_dir: Path, seed_id: str, seed_sha256: str, given: ArticleMeta | None = None
) -> Freshness:
    """Compare a claims file's ``seed_sha256`` with the seed's current hash, and (with
    ``given``) its recorded metadata with the seed's sidecar.

    Only those fields are read here (the file may be invalid; validation reports that).
    """
    path = claims_path(claims_dir, seed_id)
    if not claims_file_present(path):
        return Freshness(seed_id, "missing", path)
    try:
        data = load_json(path, what="claims file", follow_symlinks=False)
    except CheckerError:
        return Freshness(seed_id, "stale", path)
    if not isinstance(data, dict):
        return Freshness(seed_id, "stale", path)
    state = "fresh" if data.get("seed_sha256") == seed_sha256 else "stale"
    if given is not None and sidecar_change(data.get("article"), given) is not None:
        state = "stale"
    version = data.get("extractor_version")
    return Freshness(seed_id, state, path, version if isinstance(version, str) else None)
