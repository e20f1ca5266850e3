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
def _exception_pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def is_exception(entry: Entry, text: str, start: int, end: int) -> bool:
    """True when the match lies inside one of the entry's exception phrases ("chicken Kiev")."""
    for phrase in entry.get("exceptions", ()):
        window_start = max(0, start - len(phrase) - 8)
        window_end = min(len(text), end + len(phrase) + 8)
        for found in _exception_pattern(phrase).finditer(text, window_start, window_end):
            if found.start() <= start and end <= found.end():
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
