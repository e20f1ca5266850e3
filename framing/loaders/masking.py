"""Blanking what is not prose while keeping every offset: the prose view has the text's length."""

from __future__ import annotations

import re

from ..segment import BLOCK_BREAK

# Anchored on what every URL or address must contain ("://", "www.", "@", a known top-level
# domain), so the expensive part runs only where one can start instead of at every word.
_URL_ANCHOR = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|io|ua|ru|uk|eu|de|fr|info|news)\b", re.IGNORECASE)
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"“”')\]]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|(?:[\w-]+\.)+(?:com|org|net|gov|edu|io|ua|ru|uk|eu|de|fr|info|news)\b(?:/[^\s<>\"“”')\]]*)?",
    re.IGNORECASE,
)
_TOKEN_STOP = re.compile(r"[\s<>\"“”'(\[]")
#: A domain name is at most 253 characters, an e-mail's local part 64: no address starts further back.
_MAX_BEFORE_ANCHOR = 320


def blank(chars: list[str], start: int, end: int, block: bool = False) -> None:
    """Replace chars[start:end] by spaces (newlines kept); a block break marks where a block begins."""
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "
    if block and end > start and chars[start] != "\n":
        chars[start] = BLOCK_BREAK


def mask_urls(prose: str) -> str:
    """URLs and e-mail addresses are never prose: a name inside them is not a naming choice."""
    chars = None
    covered = 0
    for anchor in _URL_ANCHOR.finditer(prose):
        if anchor.start() < covered:
            continue
        # Back up to where the token holding the anchor starts, then match from there.
        # Not past what an earlier match covered, nor further than any address reaches before its
        # anchor: a 1 MB run of 'a@b.' must not be walked back over once per '@'.
        token_start = max(covered, anchor.start() - _MAX_BEFORE_ANCHOR)
        for stop in _TOKEN_STOP.finditer(prose, token_start, anchor.start()):
            token_start = stop.end()
        found = _URL.match(prose, token_start, min(len(prose), anchor.end() + 2048))
        if found is None or found.end() <= anchor.start():
            continue
        if chars is None:
            chars = list(prose)
        end = found.end()
        while end > found.start() and prose[end - 1] in ".,;:!?":
            end -= 1
        blank(chars, found.start(), end)
        covered = max(end, anchor.end())
    return prose if chars is None else "".join(chars)
