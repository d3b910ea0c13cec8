"""Folding for matching: casefold, strip diacritics, straighten quotes and dashes.

Folding lives with the data layer because the lexicon matches aliases on folded
text; :func:`checker.text.fold` re-exports it. The folded text is for matching
only and is never stored in a claim.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters that NFKD does not decompose into ASCII but that readers treat as one
# letter (Turkish dotless i, Nordic and Slavic letters), and typographic marks.
_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u0131": "i",
        "\u00f8": "o",
        "\u00d8": "o",
        "\u0142": "l",
        "\u0141": "l",
        "\u0111": "d",
        "\u0110": "d",
        "\u00e6": "ae",
        "\u00c6": "ae",
        "\u0153": "oe",
        "\u0152": "oe",
        "\u00fe": "th",
        "\u0259": "e",  # Azerbaijani schwa: Əliyev -> eliyev
        "\u018f": "e",
    }
)


# In Latin-only text the combining marks are U+0300-U+036F: a regex removes them
# faster than a per-character test (which other scripts still get).
_DIACRITICS = re.compile(r"[\u0300-\u034e\u0350-\u036f]")  # U+034F joins, has class 0


def strip_marks(text: str) -> str:
    """Remove diacritics (and map special letters) but keep case: ``Erdoğan`` -> ``Erdogan``."""
    if text.isascii():
        return text
    text = text.translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed) < "\u0370":
        return _DIACRITICS.sub("", decomposed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefold, strip diacritics, straighten curly quotes and dashes.

    ``fold("Türkiye’s “Erdoğan” — ok")`` == ``"turkiye's \\"erdogan\\" - ok"``.
    For matching only; never store the result.
    """
    return strip_marks(text).casefold()
