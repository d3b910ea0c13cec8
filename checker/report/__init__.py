"""Report formats: one module per format; :func:`render` dispatches.

Every format renders a :class:`checker.schema.Report` deterministically (sorted,
no timestamps), so two runs over the same input give byte-identical files.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.report import github, html, json_format, junit, markdown, sarif
from checker.schema import Report

# format -> file name written into reports/ by `checker run` (None: stdout only)
FORMATS: dict[str, str | None] = {
    "json": "consistency.json",
    "md": "consistency.md",
    "html": "consistency.html",
    "sarif": "consistency.sarif",
    "junit": "consistency.junit.xml",
    "github": None,
}

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": json_format.render,
    "md": markdown.render,
    "html": html.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (a key of :data:`FORMATS`); ``ValueError`` otherwise."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}") from None
    return renderer(report)


__all__ = ["FORMATS", "render"]
