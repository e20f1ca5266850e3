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


def _looks_like_title(inner: str, sentence_start: bool) -> bool:
    """'World Economic Outlook', 'We Shall Overcome', or one capitalised word mid-sentence ('Juniper'):
    a title or a name, not anyone's words."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    if len(words) == 1:
        return not sentence_start and words[0][:1].isupper() and words[0][1:].islower()
    long_words = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long_words) and all(w[:1].isupper() for w in long_words)


#: Where a writer's clause ends and another begins: '..., and officials said'.
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|though|although|whereas|as|yet)\s|;|\s[—–]\s")


def _in_reported_clause(text: str, start: int, end: int, verbs: list[tuple[int, int]]) -> bool:
    """A short quote belongs to the speaker when it follows a reporting verb, or precedes one in
    the same clause; '"luxury" flats ..., and the paper reported ...' is the writer's own scare quote."""
    for verb_start, verb_end in verbs:
        if verb_end <= start and not _CLAUSE_JOIN.search(text, verb_end, start):
            return True  # 'X said the "plan" ...', but not 'X insists ..., but the "elections" ...'
        if verb_start >= end and not _CLAUSE_JOIN.search(text, end, verb_start):
            return True
    return False


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
        prose = ctx.document.prose
        verbs: dict[int, list[tuple[int, int]]] = {}
        for sentence in ctx.document.sentences:
            verbs[id(sentence)] = [(f.start, f.end) for f in sentence.findings if f.category == "attribution"]
        for start, end in _with_nested(prose, ctx.quotations):
            sentence = ctx.sentence_at(start)
            if sentence is None:
                continue
            quote = text[start:end]
            inner = quote[1:-1].strip().rstrip(",")
            before = prose[max(0, start - 30):start]
            if _SO_CALLED_BEFORE.search(before) and not _is_reported_speech(quote):
                yield ctx.finding("Q002", start, end,
                                  f"'so-called' and quotation marks around '{inner}': the writer distances itself from the term",
                                  words=len(inner.split()))
                continue
            if is_mention(prose, start, start) or _NAME_BEFORE.search(before):
                continue  # a word cited as a word, or a title: the marks quote a name, not a speaker
            if _is_reported_speech(quote):
                yield ctx.finding("Q001", start, end, "direct quotation", words=len(inner.split()))
                continue
            headline = _is_headline(sentence.text)
            if not headline and _looks_like_title(inner, start <= (sentence.dateline_end or sentence.start)):
                continue
            if _in_reported_clause(prose, start, end, verbs[id(sentence)]):
                yield ctx.finding("Q003", start, end,
                                  f"short quoted phrase '{inner}' in an attributed sentence: partial quotation",
                                  words=len(inner.split()))
            else:
                yield ctx.finding("Q002", start, end,
                                  f"'{inner}' in quotation marks with no speaker: a scare quote distances the writer from the term",
                                  words=len(inner.split()))


def _with_nested(prose: str, quotations: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Top-level quotations and the quotations inside them ('"He shouted, 'Leave now,' and ..."')."""
    spans = []
    for start, end in quotations:
        spans.append((start, end))
        spans.extend((start + 1 + a, start + 1 + b) for a, b in find_quotations(prose[start + 1:end - 1])
                     if prose[start + 1 + a] != prose[start])
    return spans
