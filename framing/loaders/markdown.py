"""Markdown: only prose is analysed; code, front matter, link targets, HTML and markup are blanked."""

from __future__ import annotations

import re

from ..segment import unify_line_ends
from .masking import blank

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# An unclosed fence runs to the end of the document, as in CommonMark; '\r?' lets a CRLF file's
# closing fence close (the suppression scanner reads raw text with this pattern).
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[`~]*[ \t]*\r?$|\Z)", re.DOTALL | re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BACKTICKS = re.compile(r"`+")
# The scans inside brackets and after '<' stop at the next opener ('[', '(', '<'): a line of a
# million '[' then costs one pass, not one pass per '['.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]")
_REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>|<[\w.+-]+@[\w.-]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BLOCK_MARKER = re.compile(r"^([ \t]*)((?:>[ \t]?)+|#{1,6}(?=[ \t])|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))", re.MULTILINE)
_HEADING_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE)
_INDENTED_CODE = re.compile(r"(?:\A|\n[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|\Z))+)")
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")
_LINK_OPEN = re.compile(r"(?<!\\)\[(?=[^\[\]\n]*\]\()")


def markdown_prose(text: str) -> str:
    # The patterns find line ends by '\n'; with '\r\n' as ' \n' and a lone '\r' as '\n' they see
    # every line of a CRLF, CR or mixed file, and the view keeps the text's length and offsets.
    text = unify_line_ends(text)
    chars = list(text)
    for pattern in (_FRONT_MATTER,):
        found = pattern.match(text)
        if found:
            blank(chars, *found.span())
    for pattern in (_FENCE, _HTML_COMMENT, _REFERENCE_DEF):
        for found in pattern.finditer(text):
            blank(chars, *found.span(), block=True)
    for found in _INDENTED_CODE.finditer(text):
        blank(chars, *found.span(1), block=True)
    view = "".join(chars)
    for span in code_spans(view):
        blank(chars, *span)
    for pattern in (_IMAGE, _LINK_TARGET, _AUTOLINK, _HTML_TAG, _HEADING_UNDERLINE, _LINK_OPEN):
        for found in pattern.finditer(view):
            blank(chars, *found.span())
    view = "".join(chars)
    for found in _BLOCK_MARKER.finditer(view):
        blank(chars, *found.span(2), block=True)
    for found in _EMPHASIS.finditer("".join(chars)):
        blank(chars, *found.span())
    return "".join(chars)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length (CommonMark).

    A run with no partner later on is literal text. Pairing runs by length, instead of letting a
    regular expression search ahead from every run, keeps text full of unmatched backticks linear.
    """
    runs = [found.span() for found in _BACKTICKS.finditer(text)]
    partner = [-1] * len(runs)
    next_of_length: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        partner[i] = next_of_length.get(length, -1)
        next_of_length[length] = i
    spans = []
    i = 0
    while i < len(runs):
        if partner[i] < 0:
            i += 1
            continue
        spans.append((runs[i][0], runs[partner[i]][1]))
        i = partner[i] + 1
    return spans
