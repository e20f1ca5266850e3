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
        # 'The minister alleged that ...': a word that is a reporting verb there is attribution, not a hedge.
        reporting = {(f.start, f.end) for f in ctx.findings("attribution")}
        for match in ctx.matches("hedges"):
            if (match.start, match.end) in reporting:
                continue
            entry = match.entries[0]
            kind = entry.get("type")
            code = "H001" if kind == "hedge" else "H002"
            word = ctx.document.text[match.start : match.end]
            what = "weakens" if kind == "hedge" else "strengthens"
            yield ctx.finding(code, match.start, match.end, f"'{word}' {what} the writer's commitment to the claim",
                              hedge_type=kind, rationale=entry.rationale,
                              in_quotation=ctx.in_quotation(match.start))
