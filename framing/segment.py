"""Offline sentence splitting with character offsets: abbreviations, quotations, datelines, headlines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import lexicon_dir

#: Loaders put this character (it counts as whitespace) where markup starts a new block.
BLOCK_BREAK = "\x1e"
#: A run of text this long with no sentence boundary is not one sentence (a table, a log, a file
#: with no punctuation): it is cut at spaces into pieces no longer than this, so that the detectors,
#: whose work grows with the square of a sentence's length, stay linear in the document's length.
MAX_SENTENCE_CHARS = 2000

_BLOCK_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n\s*|" + BLOCK_BREAK + r"\s*")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9À-ÖØ-Þ])|[.!?…]+[\"”’')\]]*(?=\s*$)")
_TERMINAL_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}[A-Z.]"            # KYIV / NEW YORK / ST. PETERSBURG
    r"(?:,\s+[A-Z][A-Za-z.'’ -]{1,30})*"       # , Ukraine
    r"(?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"  # , Jan. 5
    r"\s*(?:\([A-Za-z .&'’-]{1,40}\))?"          # (AP)
    r"\s*(?:—|–|--|-)\s*"
)
_INITIAL = re.compile(r"[a-z]\.")
_ACRONYM = re.compile(r"(?:[a-z]\.){2,}")
_NUMBER_NEXT = re.compile(r"\s+\d")
_NEXT_WORD = re.compile(r"\s+[\"“‘'(]*([A-Za-z]+)")
_OPENERS = frozenset(
    "the a an he she it they we i you this that these those there but and or so yet "
    "in on at as after before when while if although though however meanwhile still "
    "his her its their our my one some many most no not mr mrs ms dr officials".split()
)


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    dateline_end: int | None = None


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Abbreviation -> kind (inner, number or terminal), from lexicons/abbreviations.txt."""
    kinds = {}
    for line in (lexicon_dir() / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            kinds[parts[0].lower()] = parts[1]
    return kinds


def unify_line_ends(text: str) -> str:
    """``text`` with '\r\n' as ' \n' and a lone '\r' as '\n': line ends are then found on '\n' alone,
    in CRLF, old Mac and mixed files alike, and the length (so every offset) is unchanged."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def split_sentences(prose: str) -> list[SentenceSpan]:
    """Sentence spans over ``prose`` (offsets into it), trimmed of surrounding whitespace."""
    spans: list[SentenceSpan] = []
    position = 0
    prose = unify_line_ends(prose)
    for separator in _BLOCK_SPLIT.finditer(prose):
        _split_block(prose, position, separator.start(), spans)
        position = separator.end()
    _split_block(prose, position, len(prose), spans)
    return spans


def _split_block(text: str, start: int, end: int, out: list[SentenceSpan]) -> None:
    """A block (paragraph) may still hold several lines: headlines, or one paragraph per line."""
    lines = []
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        lines.append((line_start, line_end))
        line_start = line_end + 1
    if not lines:
        return
    longest = max(e - s for s, e in lines)
    unwrapped = longest > 110  # lines this long are paragraphs, not hard-wrapped text
    chunk_start = lines[0][0]
    for number, (s, e) in enumerate(lines):
        line = text[s:e]
        last = number == len(lines) - 1
        breaks = (
            last
            or unwrapped
            or bool(_TERMINAL_END.search(line))
            or (line.strip() and len(line.strip()) < 0.75 * longest)
            or _looks_like_heading(line, text[lines[number + 1][0] : lines[number + 1][1]])
        )
        if breaks:
            _split_chunk(text, chunk_start, e, out)
            chunk_start = e + 1


def _looks_like_heading(line: str, next_line: str) -> bool:
    """A short line that ends without punctuation before a capitalised line: a headline or subtitle."""
    words = line.split()
    return (
        0 < len(words) <= 12
        and words[-1][-1:].isalnum()
        and words[-1].lower() not in _OPENERS
        and next_line.lstrip()[:1].isupper()
    )


def _split_chunk(text: str, start: int, end: int, out: list[SentenceSpan]) -> None:
    abbreviations = _abbreviations()
    chunk = text[start:end]
    quoted = _quoted_ranges(chunk)
    dateline = _DATELINE.match(chunk, len(chunk) - len(chunk.lstrip()))
    dateline_end = start + dateline.end() if dateline and dateline.end() < len(chunk) else None
    sentence_start = 0
    content_end = len(chunk.rstrip())  # once, not per boundary: a chunk can be megabytes long
    for boundary in _BOUNDARY.finditer(chunk):
        cut = boundary.end()
        if cut >= content_end:
            break
        if _inside(quoted, boundary.start(), cut) or not _is_boundary(chunk, boundary.start(), cut, abbreviations):
            continue
        _emit(text, start + sentence_start, start + cut, out, dateline_end)
        dateline_end = None
        sentence_start = cut
    _emit(text, start + sentence_start, end, out, dateline_end)


def _is_boundary(chunk: str, punct_at: int, cut: int, abbreviations: dict[str, str]) -> bool:
    if chunk[punct_at] != ".":
        return True
    token_start = punct_at
    while token_start > 0 and not chunk[token_start - 1].isspace():
        token_start -= 1
    token = chunk[token_start : punct_at + 1].lstrip("\"“‘'([").lower()
    kind = abbreviations.get(token)
    if kind == "inner":
        return False
    if kind == "number":
        return not _NUMBER_NEXT.match(chunk, cut)
    if _INITIAL.fullmatch(token) or _ACRONYM.fullmatch(token) and kind != "terminal":
        return False  # an initial ("John F. Kennedy") or an unknown acronym ("N.A.T.O.")
    if kind == "terminal":
        following = _NEXT_WORD.match(chunk, cut)
        return bool(following and following.group(1).lower() in _OPENERS)
    return True


def _quoted_ranges(chunk: str) -> list[list[tuple[int, int]]]:
    """Spans of double-quoted passages that close in this chunk: their full stops do not end the sentence.

    One list per kind of mark; within a list the spans are in order and never overlap, so a lookup
    is a binary search (a long chunk has many quotations and many boundaries)."""
    curly = [(found.start(), found.end() - 1) for found in re.finditer(r"“[^“”]*”", chunk)]
    straight = []
    if chunk.count('"') % 2 == 0:
        straight = [(found.start(), found.end() - 1) for found in re.finditer(r'"[^"]*"', chunk)]
    return [curly, straight]


def _inside(ranges: list[list[tuple[int, int]]], position: int, cut: int) -> bool:
    """True when the full stop at ``position`` is inside a quotation that goes on after ``cut``."""
    for spans in ranges:
        i = bisect.bisect_left(spans, (position,)) - 1
        if i >= 0 and spans[i][0] < position < spans[i][1] and cut <= spans[i][1]:
            return True
    return False


def _emit(text: str, start: int, end: int, out: list[SentenceSpan], dateline_end: int | None) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _last_space(text, start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        _emit(text, start, cut, out, dateline_end)
        dateline_end = None
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end and any(ch.isalnum() for ch in text[start:end]):
        if dateline_end is not None and not start < dateline_end < end:
            dateline_end = None
        out.append(SentenceSpan(start, end, dateline_end))


def _last_space(text: str, low: int, high: int) -> int:
    """Where to cut an over-long run: after its last space in [low, high), else (one huge token) at high."""
    for position in range(high - 1, low - 1, -1):
        if text[position].isspace():
            return position
    return high
