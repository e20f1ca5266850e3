"""Hostile markup that once made a scanner search ahead from every opener (quadratic time).

Each text is 200 KB of one repeated opener that never closes. Linear scans take tens of
milliseconds; the quadratic ones took from seconds (at 20 KB) to hours (at 200 KB), so the
bound below is generous and still catches a regression.
"""

from __future__ import annotations

import time

import pytest

from framing.loaders import prose_view
from framing.segment import split_sentences

from .hostile import words_without_punctuation

SIZE = 200_000
SECONDS = 3.0

HOSTILE = {
    "markdown: [": ("markdown", "["),
    "markdown: ![": ("markdown", "!["),
    "markdown: ![a](": ("markdown", "![a]("),
    "markdown: ](": ("markdown", "]("),
    "markdown: <http:": ("markdown", "<http:"),
    "markdown: fence": ("markdown", "```\n"),
    "markdown: comment": ("markdown", "<!--"),
    "markdown: emphasis": ("markdown", "*_"),
    "html: <a": ("html", "<a "),
    "html: <a \"": ("html", "<a \""),
    "html: <script": ("html", "<script "),
    "html: <!": ("html", "<!"),
    "html: <?": ("html", "<?"),
    "html: CDATA": ("html", "<![CDATA["),
    "text: a@b.": ("text", "a@b."),
    "text: www.": ("text", "www."),
    "text: curly quotes": ("text", "“A. "),
    "text: straight quotes": ("text", "\"A. "),
    "text: full stops": ("text", ". A"),
}


def _timed(text: str, fmt: str) -> float:
    started = time.perf_counter()
    prose = prose_view(text, fmt)
    split_sentences(prose)
    assert len(prose) == len(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", HOSTILE)
def test_unclosed_openers_are_read_in_linear_time(name):
    fmt, opener = HOSTILE[name]
    assert _timed(opener * (SIZE // len(opener)), fmt) < SECONDS


def test_backtick_runs_of_every_length_are_read_in_linear_time():
    # runs of 1..600 backticks, none closed: each one searched ahead to the end before
    text = "".join("`" * k + " x " for k in range(1, 600))
    assert _timed(text, "markdown") < SECONDS


def test_a_1_mb_run_without_punctuation_is_split_in_linear_time():
    text = words_without_punctuation(1024 * 1024).decode("ascii")
    started = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - started < SECONDS
    assert max(span.end - span.start for span in spans) <= 2000
