"""Wordings of several words ("stepped down", "chief executive", "took back") are keyed
whole, before stopwords are dropped, on the extraction side (event words) and on the
matching side (vocabulary tokens) alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import load_settings
from checker.data import AliasTable, Lexicon, load_lexicon
from checker.data.language import load_language
from checker.extract.context import normalise
from checker.match.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(load_settings(Path(__file__).parent))


def _small() -> Lexicon:
    return Lexicon(
        AliasTable(),
        {"ceo": ["chief executive", "chief executive officer"], "resign": ["stepped down"]},
    )


def test_phrases_longest_first_whole_words_one_pass() -> None:
    lex = _small()
    words = ["the", "chief", "executive", "officer", "stepped", "down", "as", "chief", "executive"]
    assert lex.phrases(words) == [(1, 4, "ceo"), (4, 6, "resign"), (7, 9, "ceo")]
    # Whole words only, and a phrase cut short by the end of the text does not match.
    assert lex.phrases(["chief", "executives", "stepped"]) == []
    assert lex.phrases([]) == []


def test_phrase_cost_is_linear() -> None:
    lex = _small()
    words = ["chief"] * 50_000 + ["executive"]
    assert lex.phrases(words) == [(49_999, 50_001, "ceo")]


@pytest.mark.parametrize(
    ("a", "b", "key"),
    [
        ("the chief executive officer resigned", "the CEO resigned", "ceo"),
        ("the chief executive's plan", "the CEO's plan", "ceo"),
        ("Berg stepped down", "Berg resigned", "resign"),
        ("the summit was called off", "the summit was cancelled", "cancel"),
        ("the law came into force", "the law took effect", "take-effect"),
        ("thousands took to the streets", "thousands marched", "marched"),
        ("the army took back the town", "the army retook the town", "retake"),
        ("the envoys held talks", "the envoys met", "meet"),
    ],
)
def test_both_sides_agree(lexicon: Lexicon, a: str, b: str, key: str) -> None:
    lang = load_language()
    vocabulary = Vocabulary(lexicon)
    for text in (a, b):
        assert key in vocabulary.tokens(text)
        # The extraction side stores normalised words; matching reads them again.
        stored = normalise(text, lexicon, lang)
        assert key in stored.split()
        assert key in vocabulary.tokens(stored)


def test_phrase_words_before_stopwords(lexicon: Lexicon) -> None:
    # "stood down as" needs its "as", a stopword: troops that stood down did not resign.
    lang = load_language()
    words = normalise("he stood down as leader in May", lexicon, lang).split()
    assert words[-3:] == ["resign", "leader", "may"]
    assert "stood" not in words
    assert Vocabulary(lexicon).tokens("troops stood down") == ["soldier", "stood", "down"]
    assert Vocabulary(lexicon).tokens("he stood down as leader") == ["resign", "leader"]


def test_event_words_of_a_sentence_use_phrases(lexicon: Lexicon, tmp_path: Path) -> None:
    from checker import pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("The chief executive of Norrbank stepped down on 3 May.\n")
    (seeds / "a.toml").write_text("published = 2024-05-20\n")
    pipeline.extract(load_settings(tmp_path))
    text = (tmp_path / "claims" / "a.json").read_text()
    assert '"event": "ceo norrbank resign"' in text
