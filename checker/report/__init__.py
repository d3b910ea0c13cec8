"""Report formats: one module per format; :func:`render` dispatches.

Every format renders a :class:`checker.schema.Report` deterministically (sorted,
no timestamps), so two runs over the same input give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.fileio import dumps_canonical
from checker.report import github
from checker.schema import Report

# format -> file name written into reports/ by `checker run` (None: stdout only)
FORMATS: dict[str, str | None] = {
    "json": "consistency.json",
    "github": None,
}


def _json(report: Report) -> str:
    return dumps_canonical(report.model_dump(mode="json"))


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": _json,
    "github": github.render,
}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (a key of :data:`FORMATS`); ``ValueError`` otherwise."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}") from None
    return renderer(report)
