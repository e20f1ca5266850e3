"""Naming choices: a contested variant and the form a neutral style guide prefers."""

from __future__ import annotations

import re
from typing import Iterable

from ..casing import adapt_case
from ..document import Finding
from . import Context, is_attributed_label, is_mention, register


#: After a place name that is also a given name, a capitalised word that is not a place word is a surname.
_GIVEN_NAME_AFTER = re.compile(r"\s+(?!(?:Oblast|Region|Province|Port|Bay|Gulf|City|Steps|Opera|Airport|Harbour|"
                               r"Harbor|Street|Road|University|Texas|Ukraine)\b)[A-Z][a-z]+")


@register
class NamingDetector:
    name = "naming"
    order = 10

    def detect(self, ctx: Context) -> Iterable[Finding]:
        prose = ctx.document.prose
        for match in ctx.matches("naming"):
            entry = match.entries[0]
            if is_mention(prose, match.start, match.end) or is_attributed_label(prose, match.start):
                continue
            if entry.get("given_name") and _GIVEN_NAME_AFTER.match(prose, match.end):
                continue  # 'Odessa Mthembu': a person's first name, not the city
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
