"""Markdown: only prose is analysed; code, front matter, link targets, HTML and markup are blanked."""

from __future__ import annotations

import re

from .masking import blank

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[`~]*[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]")
_REFERENCE_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|<[\w.+-]+@[\w.-]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BLOCK_MARKER = re.compile(r"^([ \t]*)((?:>[ \t]?)+|#{1,6}(?=[ \t])|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))", re.MULTILINE)
_HEADING_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE)
_INDENTED_CODE = re.compile(r"(?:\A|\n[ \t]*\n)((?:(?: {4}|\t)[^\n]*(?:\n|\Z))+)")
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?![\w*_])")
_LINK_OPEN = re.compile(r"(?<!\\)\[(?=[^\]\n]*\]\()")


def markdown_prose(text: str) -> str:
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
    for pattern in (_CODE_SPAN, _IMAGE, _LINK_TARGET, _AUTOLINK, _HTML_TAG, _HEADING_UNDERLINE, _LINK_OPEN):
        for found in pattern.finditer(view):
            blank(chars, *found.span())
    view = "".join(chars)
    for found in _BLOCK_MARKER.finditer(view):
        blank(chars, *found.span(2), block=True)
    for found in _EMPHASIS.finditer("".join(chars)):
        blank(chars, *found.span())
    return "".join(chars)
