"""Quotations: direct quotes, partial quotes, and scare quotes (a short quoted phrase with no speaker)."""

from __future__ import annotations

import re
from typing import Iterable

from ..document import Finding
from . import Context, is_mention, register

_QUOTATION = re.compile(
    r"(?=[“\"‘'])"  # try only where a quotation mark stands
    r"(?:“[^“”]{1,3000}”"
    r"|(?<![\w])\"[^\"\n]{1,3000}\"(?![\w])"
    r"|(?<![\w])‘[^‘’\n]{1,200}’(?![\w])"
    # Straight single quotes, as headlines use them; an apostrophe inside a word ("Kyiv's") is not a mark.
    r"|(?<![\w'])'(?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w)){1,200}?(?<=\S)'(?![\w']))"
)
SCARE_QUOTE_MAX_WORDS = 4
#: A quoted name after one of these is a title or a name ("the report 'Frozen Assets'"), not a scare quote.
_NAME_BEFORE = re.compile(
    r"(?<!\w)(?:report|book|film|movie|song|album|novel|documentary|series|show|play|podcast|programme|"
    r"program|exhibition|essay|article|column|headline|slogan|hashtag|titled|entitled|nicknamed|codenamed|"
    r"code-named|known\s+as|operation|campaign|app|brand)\s*,?\s*$", re.IGNORECASE)
_SO_CALLED_BEFORE = re.compile(r"(?<!\w)so[- ]called\s*$", re.IGNORECASE)


def find_quotations(prose: str) -> list[tuple[int, int]]:
    """Spans of quoted passages, quotation marks included."""
    return [m.span() for m in _QUOTATION.finditer(prose)]


def _is_reported_speech(quote: str) -> bool:
    inner = quote[1:-1].strip()
    words = inner.split()
    return len(words) > SCARE_QUOTE_MAX_WORDS or bool(re.search(r"[.!?…]", inner.rstrip(",")))


def _looks_like_title(inner: str) -> bool:
    words = [w for w in inner.split() if w.isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() for w in words if len(w) > 3)


def _is_headline(sentence: str) -> bool:
    """Title Case throughout: in a headline a capitalised quoted phrase is no sign of a title."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@register
class QuotationDetector:
    name = "quotes"
    order = 30  # after attribution: a short quote in an attributed sentence is a partial quotation

    def detect(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.document.text
        attributed = {id(s) for s in ctx.document.sentences if any(f.category == "attribution" for f in s.findings)}
        for start, end in ctx.quotations:
            sentence = ctx.sentence_at(start)
            if sentence is None:
                continue
            quote = text[start:end]
            inner = quote[1:-1].strip().rstrip(",")
            before = ctx.document.prose[max(0, start - 30):start]
            if _SO_CALLED_BEFORE.search(before) and not _is_reported_speech(quote):
                yield ctx.finding("Q002", start, end,
                                  f"'so-called' and quotation marks around '{inner}': the writer distances itself from the term",
                                  words=len(inner.split()))
                continue
            if is_mention(ctx.document.prose, start, start) or _NAME_BEFORE.search(before):
                continue  # a word cited as a word, or a title: the marks quote a name, not a speaker
            if _is_reported_speech(quote):
                yield ctx.finding("Q001", start, end, "direct quotation", words=len(inner.split()))
            elif id(sentence) in attributed:
                yield ctx.finding("Q003", start, end,
                                  f"short quoted phrase '{inner}' in an attributed sentence: partial quotation",
                                  words=len(inner.split()))
            elif _is_headline(sentence.text) or not _looks_like_title(inner):
                yield ctx.finding("Q002", start, end,
                                  f"'{inner}' in quotation marks with no speaker: a scare quote distances the writer from the term",
                                  words=len(inner.split()))
