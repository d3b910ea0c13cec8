"""A claim in its paragraph: the pieces read back as the seed text, cut only when long."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.review.context import MARGIN, MAX_PARAGRAPH, claim_context, paragraph_bounds
from checker.schema import FindingClaim, SentenceRef


def make_claim(text: str, s_start: int, start: int, end: int, s_end: int) -> FindingClaim:
    return FindingClaim(
        seed="s",
        claim_id="s:quantity:000000000000",
        kind="quantity",
        rule="Q001",
        text=text[start:end],
        start=start,
        end=end,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        sentence=SentenceRef(start=s_start, end=s_end, text=text[s_start:s_end]),
        value="v",
    )


def test_paragraph_is_the_text_between_blank_lines() -> None:
    text = "Title\n\nFirst line\nsecond line of it.\n \nNext paragraph."
    start = text.index("second")
    assert (
        text[slice(*paragraph_bounds(text, start, start + 6))] == "First line\nsecond line of it."
    )
    assert paragraph_bounds("one paragraph", 4, 9) == (0, 13)


@st.composite
def texts_with_a_claim(draw: st.DrawFn) -> tuple[str, list[int]]:
    alphabet = st.sampled_from(list("ab .\n\n\t"))
    parts = [draw(st.text(alphabet, max_size=400)) for _ in range(2)]
    middle = [draw(st.text(st.sampled_from(list("xy ")), max_size=40)) for _ in range(3)]
    claim = draw(st.text(st.sampled_from(list("0123456789")), min_size=1, max_size=8))
    text = parts[0] + middle[0] + claim + middle[1] + parts[1]
    s_start = len(parts[0])
    start = s_start + len(middle[0])
    end = start + len(claim)
    s_end = end + len(middle[1])
    return text, [s_start, start, end, s_end]


@given(texts_with_a_claim())
def test_pieces_read_back_as_the_paragraph(case: tuple[str, list[int]]) -> None:
    text, (s_start, start, end, s_end) = case
    context = claim_context(make_claim(text, s_start, start, end, s_end), text)
    assert context.source == "paragraph"
    assert context.claim == text[start:end]
    assert context.sentence_before + context.claim + context.sentence_after == text[s_start:s_end]
    p_start, p_end = paragraph_bounds(text, s_start, s_end)
    joined = context.before + text[s_start:s_end] + context.after
    if p_end - p_start <= MAX_PARAGRAPH:
        assert (
            joined == text[p_start:p_end].strip() or joined.strip() == text[p_start:p_end].strip()
        )
    assert "\n\n" not in context.before.strip() + context.after.strip()


def test_long_paragraphs_are_cut_around_the_sentence() -> None:
    text = "word " * 400 + "The figure is 300 here." + " more" * 400
    s_start = text.index("The figure")
    s_end = s_start + len("The figure is 300 here.")
    start = text.index("300")
    context = claim_context(make_claim(text, s_start, start, start + 3, s_end), text)
    assert context.before.startswith("… ") and context.after.endswith(" …")
    assert len(context.before) <= MARGIN + 2 and len(context.after) <= MARGIN + 2


def test_without_the_seed_the_stored_sentence_is_used() -> None:
    text = "Intro.\n\nThe figure is 300 here."
    start = text.index("300")
    claim = make_claim(text, text.index("The"), start, start + 3, len(text))
    context = claim_context(claim, None)
    assert context.source == "sentence"
    assert (context.sentence_before, context.claim, context.sentence_after) == (
        "The figure is ",
        "300",
        " here.",
    )
    moved = claim_context(claim, "Changed.\n\n" + text)  # offsets no longer point at the claim
    assert moved.source == "sentence"
