"""Blanking what is not prose while keeping every offset: the prose view has the text's length."""

from __future__ import annotations

import re

from ..segment import BLOCK_BREAK

_URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"“”')\]]+"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|\b(?:[\w-]+\.)+(?:com|org|net|gov|edu|io|ua|ru|uk|eu|de|fr|info|news)(?:/[^\s<>\"“”')\]]*)?",
    re.IGNORECASE,
)


def blank(chars: list[str], start: int, end: int, block: bool = False) -> None:
    """Replace chars[start:end] by spaces (newlines kept); a block break marks where a block begins."""
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "
    if block and end > start and chars[start] != "\n":
        chars[start] = BLOCK_BREAK


def mask_urls(prose: str) -> str:
    """URLs and e-mail addresses are never prose: a name inside them is not a naming choice."""
    if "." not in prose and "@" not in prose:
        return prose
    chars = None
    for found in _URL.finditer(prose):
        if chars is None:
            chars = list(prose)
        end = found.end()
        while end > found.start() and prose[end - 1] in ".,;:!?":
            end -= 1
        blank(chars, found.start(), end)
    return prose if chars is None else "".join(chars)
