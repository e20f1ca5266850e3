"""HTML: visible text only; tags, comments, script, style and other non-text elements are blanked."""

from __future__ import annotations

import html as html_lib
import re

from .masking import blank

_INVISIBLE = re.compile(
    r"<(script|style|noscript|template|svg|head|iframe|object|canvas|math)\b[^<>]*>.*?(?:</\1\s*>|\Z)",
    re.DOTALL | re.IGNORECASE,
)
# Unclosed constructs run to the end of the text, and no scan crosses a later '<', so that text
# with thousands of unclosed '<a' or '<script' is read in one pass, not one pass per '<'.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^<>]*>|<\?[^<>]*>", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][\w:-]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAGS = frozenset(
    "p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th thead tbody blockquote pre "
    "section article header footer nav aside main figure figcaption title body html form caption "
    "address details summary".split()
)


def html_prose(text: str) -> str:
    chars = list(text)
    for pattern in (_INVISIBLE, _COMMENT):
        for found in pattern.finditer(text):
            blank(chars, *found.span(), block=True)
    view = "".join(chars)
    for found in _TAG.finditer(view):
        blank(chars, *found.span(), block=found.group(1).lower() in _BLOCK_TAGS)
    view = "".join(chars)
    for found in _ENTITY.finditer(view):
        decoded = html_lib.unescape(found.group())
        decoded = " " if decoded in ("\xa0", "") else decoded
        blank(chars, *found.span())
        # the decoded character takes the entity's last position so that a quotation mark
        # stays next to the word it closes ("&ldquo;force&rdquo;" -> "     “force     ”")
        position = found.start() if decoded in "“‘([" else found.end() - 1
        chars[position] = decoded[0] if len(decoded) == 1 else " "
    return "".join(chars)
