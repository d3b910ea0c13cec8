"""Text layer: sentences with offsets, furniture, folding, and the lexicon API."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.config import Settings
from checker.data import load_lexicon
from checker.data.language import load_language
from checker.text import fold
from checker.text.furniture import classify
from checker.text.sentences import split_blocks, split_sentences


def sentences(text: str) -> list[str]:
    lang = load_language()
    out = []
    for block in split_blocks(text):
        for sentence in split_sentences(block, lang.abbreviations):
            assert text[sentence.start : sentence.end] == sentence.text
            out.append(sentence.text)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes erupted on Sept. 27, 2020. The war ended.", 2),
        ("The deal was signed on Nov. 10 in Moscow. Talks went on.", 2),
        ("Dr. Smith met U.S. officials. They talked.", 2),
        ("John F. Kennedy spoke. He left.", 2),
        ('Akar said: "It is an important day. These days have not come easily." He left.', 2),
        ("“Victory has been won. A new struggle has begun,” he said. Then he left.", 2),
        ("First paragraph.\n\nSecond paragraph. Third sentence.", 3),
        ("No final punctuation", 1),
    ],
)
def test_sentence_split(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected, sentences(text)


def test_a_quote_closing_without_opening_continues_from_before() -> None:
    text = 'Turkey will stand with Azerbaijan. It will not waver," the statement said. Next.'
    assert sentences(text) == [
        'Turkey will stand with Azerbaijan. It will not waver," the statement said.',
        "Next.",
    ]


def test_furniture() -> None:
    text = "\n".join(
        [
            "'Karabakh is Azerbaijan': Erdoğan marks anniversary",
            "A woman grieves in Baku, Azerbaijan, Sept. 27, 2021. (Reuters Photo)",
            "The president spoke on Monday.",
            "READ MORE: Erdogan visits Azerbaijan",
            "Liberation of Karabakh",
            "Akar said peace will come. (AA)",
            "Source: AA",
        ]
    )
    roles = [(f.role, f.agency) for f in classify(split_blocks(text), load_language())]
    assert roles == [
        ("heading", None),
        ("caption", "Reuters"),
        ("body", None),
        ("teaser", None),
        ("heading", None),
        ("caption", "AA"),
        ("source", "AA"),
    ]


@pytest.mark.parametrize(
    ("credit", "role"),
    [
        ("AP Photo/Lena Marsh", "heading"),
        ("REUTERS/Tom Okafor", "heading"),
        ("Photo: Getty Images", "caption"),  # a credit line is itself caption furniture
    ],
)
def test_a_credit_alone_on_the_next_line_makes_the_paragraph_a_caption(
    credit: str, role: str
) -> None:
    text = "\n".join(
        [
            "Rebels attend the opening of their congress in the plains, May 3, 2025.",
            credit,
            "The vote was held on Sunday.",
        ]
    )
    roles = [f.role for f in classify(split_blocks(text), load_language())]
    assert roles == ["caption", role, "body"]


def test_a_paragraph_before_an_ordinary_short_line_stays_body() -> None:
    text = "\n".join(["The vote was held on Sunday.", "Results", "Turnout was low."])
    roles = [f.role for f in classify(split_blocks(text), load_language())]
    assert roles == ["body", "heading", "body"]


def test_fold() -> None:
    assert fold("Türkiye’s “Erdoğan” — İLHAM") == 'turkiye\'s "erdogan" - ilham'
    assert fold("cease‐fire") == "cease-fire"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Türkiye", "Turkey"),
        ("Turkish", "Turkey"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
        ("Upper Karabakh", "Nagorno-Karabakh"),
        ("Karabakh", "Nagorno-Karabakh"),
        ("Shushi", "Shusha"),
        ("Susa", "Shusha"),
        ("Defense", "Defence"),
        ("recognized", "recognised"),
        ("cease-fire", "ceasefire"),
        ("truce", "ceasefire"),
        ("National Defense Minister", "National Defence Minister"),
        ("Hikmet Hajiyev", "Hikmet Hajiyev"),
    ],
)
def test_canonical(name: str, canonical: str) -> None:
    assert load_lexicon(Settings()).canonical(name) == canonical


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("retook", "liberated", "recaptured"), True),
        (("war", "conflict"), True),
        (("ceasefire", "cease-fire", "truce"), True),
        (("war", "ceasefire"), False),
        (("retook", "occupied"), False),
    ],
)
def test_synonym_key(words: tuple[str, ...], same: bool) -> None:
    lexicon = load_lexicon(Settings())
    keys = {lexicon.synonym_key(w) for w in words}
    assert (len(keys) == 1) is same, keys


def test_users_extend_aliases(tmp_path: Path) -> None:
    (tmp_path / "extra.toml").write_text(
        '[place]\n"Khankendi" = ["Stepanakert"]\n[person]\n"Recep Tayyip Erdogan" = ["RTE"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(Settings(root=tmp_path, aliases=(Path("extra.toml"),)))
    assert lexicon.canonical("Stepanakert") == "Khankendi"
    assert lexicon.canonical("RTE") == "Recep Tayyip Erdogan"
    assert lexicon.canonical("Türkiye") == "Turkey"  # the bundled table still applies
    assert load_lexicon(Settings()).canonical("Stepanakert") == "Stepanakert"


def test_find_entities() -> None:
    lexicon = load_lexicon(Settings())
    found = lexicon.find_entities("Türkiye's Erdoğan met officials of the U.N. in Upper Karabakh.")
    assert found == ["Nagorno-Karabakh", "Recep Tayyip Erdogan", "Turkey", "United Nations"]
    assert lexicon.find_entities("us and them") == []


@given(st.text())
def test_strip_marks_fast_path_matches_the_plain_definition(text: str) -> None:
    import unicodedata

    from checker.data.folding import _TABLE, strip_marks

    decomposed = unicodedata.normalize("NFKD", text.translate(_TABLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert strip_marks(text) == (text if text.isascii() else plain)
