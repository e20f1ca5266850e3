"""Detector registry and the context every detector reads: one uniform interface, detect(ctx) -> findings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from ..document import Document, Finding, Sentence
from ..lexicon import Lexicons, Match, in_exception
from ..rules import RULES


class Detector(Protocol):
    name: str
    #: Detectors run in ascending order; later ones may read earlier findings.
    order: int

    def detect(self, ctx: "Context") -> Iterable[Finding]: ...


REGISTRY: dict[str, Callable[[], Detector]] = {}


def register(factory: Callable[[], Detector]) -> Callable[[], Detector]:
    REGISTRY[factory.name] = factory  # type: ignore[attr-defined]
    return factory


@dataclass
class Context:
    """What detectors share for one document: its sentences, the lexicon matches, earlier findings."""

    document: Document
    lexicons: Lexicons
    options: dict[str, Any] = field(default_factory=dict)
    _matches: dict[str, list[Match]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)
    _quotations: list[tuple[int, int]] | None = None
    _quotation_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.document.sentences]
        prose = self.document.prose
        by_family = self.lexicons.scan_by_family(prose)
        self._matches = {family: [m for m in _longest_first(ms) if not in_exception(m.entries[0], prose, m.start, m.end)]
                         for family, ms in by_family.items()}

    @property
    def quotations(self) -> list[tuple[int, int]]:
        """Spans of quoted passages (marks included), found once per document."""
        if self._quotations is None:
            from .quotes import find_quotations

            self._quotations = find_quotations(self.document.prose)
            self._quotation_starts = [a for a, _ in self._quotations]
        return self._quotations

    def in_quotation(self, offset: int) -> bool:
        """Inside a quotation's marks; quotations never overlap, so the nearest start decides."""
        quotations = self.quotations
        i = bisect.bisect_left(self._quotation_starts, offset) - 1
        return i >= 0 and offset < quotations[i][1]

    def matches(self, family: str) -> list[Match]:
        """Non-overlapping matches of one family, longest first where they overlap, in text order."""
        return self._matches.get(family, [])

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.document.sentences[i].end:
            return self.document.sentences[i]
        return None

    def finding(self, code: str, start: int, end: int, message: str, **details: Any) -> Finding:
        """A finding for ``code`` over [start, end); its text is always the document slice."""
        meta = RULES[code]
        return Finding(
            code=code,
            category=meta.category,
            start=start,
            end=end,
            text=self.document.text[start:end],
            message=message,
            severity=meta.severity,
            details={k: v for k, v in details.items() if v is not None},
        )

    def findings(self, *codes_or_categories: str) -> list[Finding]:
        wanted = set(codes_or_categories)
        return [f for f in self.document.findings if f.code in wanted or f.category in wanted]


#: "the spelling 'Kiev'", "the word regime": a term mentioned as a word, not used to name anything.
_MENTION_BEFORE = re.compile(
    r"(?:(?<!\w)(?:the|a|an|its|their|old|older|former|new|russian|ukrainian|soviet-era|english)\s+(?:(?-i:[A-Z][a-z]+)\s+|(?:old|official|original|colonial|former)\s+)?"
    r"(?:spelling|name|word|term|phrase|expression|label|transliteration|romanization|romanisation|form|version)s?"
    r"(?:\s+(?:as|is|was))?\s*[:,]?"
    r"|(?<!\w)(?:spelt|spelled|spelling|rendered|romanized|romanised|written)(?:\s+it)?(?:\s+as)?)"
    r"\s*[\"“‘']?$",
    re.IGNORECASE)
#: A label given as someone else's: 'what its supporters call ...', 'which Moscow terms ...'.
_LABEL_BEFORE = re.compile(
    r"(?<!\w)(?:what|which|that)\s+(?:[\w’'-]+\s+){0,10}?(?:calls?|called|dubs?|dubbed|terms?|termed|labels?|"
    r"labell?ed|brands?|branded|describes?\s+as|described\s+as|refers?\s+to\s+as)(?:\s+(?:an?|the|its|their|his|her|our))?"
    r"\s*[\"“‘']?$"
    # 'called the group "Daesh"', 'branded them "illegals"': a quoted label given by someone else.
    r"|(?<![\w-])(?:calls?|called|calling|dubs?|dubbed|labels?|labell?ed|brands?|branded|terms?|termed)\s+"
    r"(?:[\w’'-]+\s+){0,3}[\"“‘']$"
    # 'ministries that still use "Burma"': a name cited as the one someone uses.
    r"|(?<!\w)(?:use|uses|used|using|prefer|prefers|preferred|adopt|adopts|adopted|drop|drops|dropped)\s+[\"“‘']$",
    re.IGNORECASE)


def is_mention(text: str, start: int, end: int) -> bool:
    """A term quoted or cited as a word ("the spelling 'Kiev'"): it names nothing."""
    return bool(_MENTION_BEFORE.search(text, max(0, start - 40), start))


def is_attributed_label(text: str, start: int) -> bool:
    """A term given as someone else's label ("what its supporters call ..."): the writer reports the
    name, and does not use it."""
    return bool(_LABEL_BEFORE.search(text, max(0, start - 100), start))


def _longest_first(matches: list[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def all_detectors(names: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> list[Detector]:
    """The registered detectors (or those named), in run order; excluded ones are never built,
    so an unused classifier never loads its model."""
    from . import attribution, hedges, loaded, naming, quotes, readability, sourcing  # noqa: F401 (registers)

    import importlib.util

    if importlib.util.find_spec(f"{__name__}.classifier") is not None:
        from . import classifier  # noqa: F401
    chosen = REGISTRY if names is None else {n: REGISTRY[n] for n in names}
    excluded = set(exclude)
    return sorted((factory() for name, factory in chosen.items() if name not in excluded), key=lambda d: d.order)
