"""Reviewed language data (aliases, synonyms, hedges, numbers, titles, verbs) and its loader.

Public API: :func:`load_lexicon` (cached per settings) returning a :class:`Lexicon`.
"""

from __future__ import annotations

import functools
from pathlib import Path

from checker.config import Settings
from checker.data.folding import fold, strip_marks
from checker.data.lexicon import AliasTable, Lexicon
from checker.data.loader import bundled_text, parse_toml, string_lists

__all__ = ["Lexicon", "fold", "load_lexicon", "strip_marks"]


def load_lexicon(settings: Settings) -> Lexicon:
    """The lexicon for ``settings``: bundled data plus ``settings.aliases`` files.

    Cached per root and alias files (and their modification times). Raises
    :class:`~checker.errors.CheckerError` naming the file for a malformed file.
    """
    paths = tuple((settings.root / p) for p in settings.aliases)
    stamps = tuple(_stamp(p) for p in paths)
    return _build(paths, stamps)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _build(paths: tuple[Path, ...], stamps: tuple[tuple[int, int], ...]) -> Lexicon:
    del stamps  # part of the cache key only
    table = AliasTable()
    text, label = bundled_text("aliases.toml")
    table.merge(parse_toml(text, label), label, text)
    for path in paths:
        from checker.fileio import read_utf8

        user_text = read_utf8(path, what="alias file")
        table.merge(parse_toml(user_text, path), path, user_text)
    syn_text, syn_label = bundled_text("synonyms.toml")
    synonyms = string_lists(parse_toml(syn_text, syn_label), syn_label, "synonyms", syn_text)
    return Lexicon(table, synonyms)
