"""Naming choices: a contested variant and the form a neutral style guide prefers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..casing import adapt_case
from ..document import Finding
from ..lexicon import Entry
from . import Context, register


@lru_cache(maxsize=4096)
def _exceptions_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all of an entry's exception phrases, longest first."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        parts = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
        alternatives.append(r"\s+".join(parts))
    return re.compile(r"(?<!\w)(?=((?:" + "|".join(alternatives) + r")(?!\w)))", re.IGNORECASE)


def is_exception(entry: Entry, text: str, start: int, end: int) -> bool:
    """True when the match lies inside one of the entry's exception phrases ("chicken Kiev")."""
    phrases = tuple(entry.get("exceptions", ()))
    if not phrases:
        return False
    reach = max(len(p) for p in phrases) + 8
    window_start = max(0, start - reach)
    for found in _exceptions_pattern(phrases).finditer(text, window_start, min(len(text), end + reach)):
        if found.start(1) > start:
            break
        if end <= found.end(1):
            return True
    return False


@register
class NamingDetector:
    name = "naming"
    order = 10

    def detect(self, ctx: Context) -> Iterable[Finding]:
        prose = ctx.document.prose
        for match in ctx.matches("naming"):
            entry = match.entries[0]
            if is_exception(entry, prose, match.start, match.end):
                continue
            matched = ctx.document.text[match.start : match.end]
            preferred = adapt_case(matched, entry.get("preferred"), canonical=entry.term)
            yield ctx.finding(
                "N001",
                match.start,
                match.end,
                f"'{matched}' → '{preferred}': {entry.get('origin')}",
                preferred=preferred,
                domain=entry.get("domain"),
                origin=entry.get("origin"),
                rationale=entry.rationale,
                citation=entry.get("source"),
                autofix=entry.get("autofix", True),
                in_quotation=ctx.in_quotation(match.start),
            )
