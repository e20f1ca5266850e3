"""Hedges (weaken commitment to a claim) and boosters (strengthen it)."""

from __future__ import annotations

from typing import Iterable

from ..document import Finding
from . import Context, register


@register
class HedgeDetector:
    name = "hedges"
    order = 40

    def detect(self, ctx: Context) -> Iterable[Finding]:
        for match in ctx.matches("hedges"):
            entry = match.entries[0]
            kind = entry.get("type")
            code = "H001" if kind == "hedge" else "H002"
            word = ctx.document.text[match.start : match.end]
            what = "weakens" if kind == "hedge" else "strengthens"
            yield ctx.finding(code, match.start, match.end, f"'{word}' {what} the writer's commitment to the claim",
                              hedge_type=kind, rationale=entry.rationale,
                              in_quotation=ctx.in_quotation(match.start))
