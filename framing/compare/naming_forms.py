"""Naming variant groups: the variants the naming detector found plus mentions of the preferred forms.

A share such as "Kiev among Kiev + Kyiv mentions" needs the preferred form counted too, which
the detectors never flag. The preferred forms of every naming entry are compiled into one
matcher with the lexicon's own machinery (one trie regex, one scan per document), never a
loop over entries.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..document import Document
from ..lexicon import Entry, Lexicons, normalize

_POSSESSIVE = re.compile(r"'s?$")


def form_key(text: str) -> str:
    """The key a surface form is counted under: case, whitespace, apostrophes and possessive folded."""
    return _POSSESSIVE.sub("", normalize(text))


@dataclass(frozen=True)
class Mention:
    """One mention of a naming group: a variant (flagged by N001) or its preferred form."""

    start: int
    end: int
    sentence_index: int
    group: str  # form_key of the preferred form
    form: str  # form_key of what was written
    preferred: bool


class NamingForms:
    """Knows every naming group and finds its mentions in an analysed document."""

    def __init__(self, naming_entries: Sequence[Entry]):
        self.labels: dict[str, str] = {}
        preferred_forms: dict[str, str] = {}
        for entry in naming_entries:
            preferred = str(entry.get("preferred", "")).strip()
            if not preferred:
                continue
            preferred_forms.setdefault(form_key(preferred), preferred)
            self.labels.setdefault(form_key(entry.term), entry.term)
        for key, preferred in preferred_forms.items():
            self.labels[key] = preferred  # a preferred form's own spelling wins over a variant's
        # The compiled matcher only needs term and forms; family "naming" keeps Entry valid.
        matcher_entries = [
            Entry(family="naming", term=preferred, forms=(preferred,), rationale="preferred form",
                  case_sensitive=False, data={"preferred": preferred}, origin="compare:preferred")
            for preferred in preferred_forms.values()
        ]
        self._matcher = Lexicons(matcher_entries) if matcher_entries else None

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def mentions(self, document: Document) -> list[Mention]:
        """Variant mentions (from N001 findings) and preferred-form mentions, in text order."""
        found: list[Mention] = []
        variant_spans: list[tuple[int, int]] = []
        for sentence in document.sentences:
            for finding in sentence.findings:
                if finding.code != "N001":
                    continue
                group = form_key(str(finding.details.get("preferred", "")))
                found.append(Mention(finding.start, finding.end, sentence.index, group,
                                     form_key(finding.text), preferred=False))
                variant_spans.append((finding.start, finding.end))
        if self._matcher is not None and document.sentences:
            found.extend(self._preferred_mentions(document, variant_spans))
        return sorted(found, key=lambda m: (m.start, m.end))

    def _preferred_mentions(self, document: Document, variant_spans: list[tuple[int, int]]) -> Iterable[Mention]:
        assert self._matcher is not None
        starts = [s.start for s in document.sentences]
        last_end = -1
        # Longest match first at each position, no overlaps: "Ukrainian government" is one mention.
        matches = sorted(self._matcher.scan(document.prose), key=lambda m: (m.start, -(m.end - m.start)))
        for match in matches:
            if match.start < last_end:
                continue
            # "Ukraine" inside a flagged "the Ukraine" is part of the variant, not a preferred use.
            if any(a < match.end and match.start < b for a, b in variant_spans):
                continue
            index = bisect.bisect_right(starts, match.start) - 1
            if index < 0 or match.end > document.sentences[index].end:
                continue
            last_end = match.end
            key = form_key(match.entries[0].term)
            yield Mention(match.start, match.end, document.sentences[index].index, key, key, preferred=True)
