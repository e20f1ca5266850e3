"""Loaded and evaluative language, by category, with a more neutral wording where one exists."""

from __future__ import annotations

from typing import Iterable

from ..document import Finding
from . import Context, register


@register
class LoadedLanguageDetector:
    name = "loaded"
    order = 50

    def detect(self, ctx: Context) -> Iterable[Finding]:
        # A term that is also a naming variant is reported once, as N001 with its preferred form.
        named = {(f.start, f.end) for f in ctx.findings("N001")}
        for match in ctx.matches("loaded"):
            if (match.start, match.end) in named:
                continue
            entry = match.entries[0]
            word = ctx.document.text[match.start : match.end]
            alternative = entry.get("alternative")
            message = f"'{word}' is {entry.get('category')} language"
            if alternative:
                message += f"; more neutral: '{alternative}'"
            yield ctx.finding("L001", match.start, match.end, message,
                              term_category=entry.get("category"), alternative=alternative,
                              rationale=entry.rationale, in_quotation=ctx.in_quotation(match.start))
