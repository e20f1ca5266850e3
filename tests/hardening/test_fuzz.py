"""Short fuzzing runs of the sentence splitter and the Markdown and HTML scanners (hypothesis).

Each test is bounded (a few hundred examples, no deadline) so that CI stays fast; the
strategies mix arbitrary text with the characters these scanners react to, since uniform
random text almost never contains a closing fence or an abbreviation.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.loaders.html import html_prose
from framing.loaders.markdown import code_spans, markdown_prose
from framing.segment import BLOCK_BREAK, MAX_SENTENCE_CHARS, split_sentences

_PIECES = st.sampled_from([
    ".", "!", "?", "…", ",", ";", ":", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", BLOCK_BREAK, '"', "“", "”",
    "'", "‘", "’", "(", ")", "[", "]", "—", "-", "Mr.", "U.S.", "Jan. 5", "St.", "No. 4", "e.g.", "A.", "J. F.",
    "KYIV, Ukraine (AP) — ", "The", "officials", "said", "Kiev", "42", "é", "ß", "日本", "\x00", "\ufeff",
    "`", "``", "```", "~~~", "    ", "# ", "> ", "- ", "1. ", "*", "_", "**", "[", "](", "![", "<", ">", "<!--",
    "-->", "<div>", "</div>", "<script>", "</script>", "<p class=\"x\">", "&amp;", "&#8220;", "https://a.example/x",
    "a@b.org", "---\n", "===\n", "[x]: /url",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(_PIECES, max_size=120).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=80).map("".join),
)
#: A longer hunt by hand: FRAMING_FUZZ_EXAMPLES=20000 python -m pytest tests/hardening/test_fuzz.py
FUZZ = settings(max_examples=int(os.environ.get("FRAMING_FUZZ_EXAMPLES", 400)), deadline=None)


def _assert_sentence_spans(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert any(ch.isalnum() for ch in text[span.start:span.end])
        assert span.end - span.start <= MAX_SENTENCE_CHARS
        if span.dateline_end is not None:
            assert span.start < span.dateline_end < span.end
        previous_end = span.end
    covered = [False] * len(text)
    for span in spans:
        covered[span.start:span.end] = [True] * (span.end - span.start)
    # Only runs with no letter or digit at all (stray punctuation, markup debris) may fall outside.
    assert all(covered[i] or not ch.isalnum() for i, ch in enumerate(text))


@FUZZ
@given(TEXTS)
def test_sentence_spans_are_ordered_disjoint_trimmed_and_cover_every_word(text):
    _assert_sentence_spans(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=8).map("".join), st.integers(1000, 3000))
def test_long_runs_are_cut_into_bounded_sentences(piece, repeat):
    _assert_sentence_spans((piece + " word") * repeat)


@FUZZ
@given(TEXTS)
def test_markdown_prose_keeps_length_and_offsets(text):
    prose = markdown_prose(text)
    assert len(prose) == len(text)
    for i, (original, kept) in enumerate(zip(text, prose)):
        assert kept == original or kept in (" ", BLOCK_BREAK, "\n"), (i, original, kept)
        if original == "\n":
            assert kept == "\n"
    _assert_sentence_spans(prose)


@FUZZ
@given(TEXTS)
def test_code_spans_pair_backtick_runs_in_order(text):
    previous_end = 0
    for start, end in code_spans(text):
        assert previous_end <= start < end <= len(text)
        assert text[start] == "`" and text[end - 1] == "`"
        opener = len(text[start:]) - len(text[start:].lstrip("`"))
        closer = len(text[:end]) - len(text[:end].rstrip("`"))
        assert opener == closer and end - start > 2 * opener - 1
        previous_end = end


@FUZZ
@given(TEXTS)
def test_html_prose_keeps_length_and_offsets(text):
    prose = html_prose(text)
    assert len(prose) == len(text)
    for original, kept in zip(text, prose):
        # kept, blanked, or the character an entity decodes to, placed on its '&' or ';'
        assert kept == original or kept in (" ", BLOCK_BREAK) or original in "&;", (original, kept)
        if original == "\n":
            assert kept == "\n"
    _assert_sentence_spans(prose)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.text(alphabet=st.characters(blacklist_characters="<"), max_size=60), TEXTS)
def test_script_content_is_always_blanked(before, payload, after):
    text = f"{before}<script>{payload}</script>{after}"
    start = len(before) + len("<script>")
    assert not html_prose(text)[start:start + len(payload)].strip(" \n\r" + BLOCK_BREAK)
