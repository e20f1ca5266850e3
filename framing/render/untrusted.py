"""Text that comes from input (articles, file names, user lexicons) made harmless for terminals, spreadsheets and Markdown.

HTML is escaped where it is written (``html.escape``); JSON needs nothing. These are the
outputs where plain text itself can act: a terminal obeys escape sequences, a spreadsheet
evaluates formulas, a Markdown viewer renders raw HTML and follows links.
"""

from __future__ import annotations

#: Every C0 control but newline and tab, DEL, every C1 control (0x9b is a one-byte CSI on some
#: terminals) and the bidirectional overrides that can make a line read differently from its bytes.
#: Each becomes one visible stand-in, so offsets into the text stay valid for highlighting and a
#: reader sees that the input carried something: an escape sequence shows as inert "␛[31m".
_TERMINAL = str.maketrans(
    {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t\r"}
    | {0x0D: " ", 0x7F: "\u2421"}  # a lone CR would let a line overwrite itself; in CRLF it is invisible
    | {c: "\ufffd" for c in range(0x80, 0xA0)}
    | {c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)

#: Table syntax (| and line breaks), raw HTML (<img onerror=...>) and links are shown as written:
#: every link, image and reference definition opens with "[", so escaping it is enough. Other
#: Markdown emphasis is harmless.
_MARKDOWN = str.maketrans({"\\": "\\\\", "|": "\\|", "\n": " ", "\r": " ", "&": "&amp;", "<": "&lt;", ">": "&gt;",
                           "[": "\\["})

#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on replaced by a visible stand-in of the same length."""
    return text.translate(_TERMINAL)


def spreadsheet_safe(value: object) -> object:
    """A string cell that a spreadsheet would evaluate gets a leading apostrophe; anything else is returned as is.

    Only for cells whose text comes from input: numbers are written by us and stay numbers.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def markdown_text(value: object) -> str:
    """``value`` as inline Markdown that renders as the same text: one table cell, no tags, no links."""
    return str(value).translate(_MARKDOWN)
