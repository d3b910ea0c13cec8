"""Word diff of a finding's quotes: the fast version agrees with all-pairs diffing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.report.worddiff import _TOKEN, _unmatched, _words, diff_spans

WORDS = st.sampled_from(["the", "war", "conflict", "300", "nearly", "Azerbaijan", ",", "."])
TEXTS = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


def naive_differing(texts: list[str]) -> list[set[int]]:
    tokens = [_TOKEN.findall(t) for t in texts]
    words = [_words(t) for t in tokens]
    return [
        set().union(*(_unmatched(words[i], words[j]) for j in range(len(texts)) if j != i))
        for i in range(len(texts))
    ]


@settings(max_examples=80)
@given(st.lists(TEXTS, min_size=2, max_size=10))
def test_segments_rejoin_and_match_the_all_pairs_oracle(texts: list[str]) -> None:
    spans = diff_spans(texts)
    expected = naive_differing(texts)
    for text, segments, differing in zip(texts, spans, expected, strict=True):
        assert "".join(s.text for s in segments) == text
        highlighted = {
            w for s in segments if s.differs for w in _TOKEN.findall(s.text) if not w.isspace()
        }
        tokens = _TOKEN.findall(text)
        assert highlighted == {tokens[k] for k in differing}
