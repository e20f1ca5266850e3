"""Per-sentence readability (textstat, offline) and a finding for long, hard sentences."""

from __future__ import annotations

from typing import Iterable

from ..document import Finding
from ..readability import sentence_readability
from . import Context, register

HARD_GRADE = 16.0
HARD_WORDS = 35


@register
class ReadabilityDetector:
    name = "readability"
    order = 70

    def detect(self, ctx: Context) -> Iterable[Finding]:
        prose = ctx.document.prose
        for sentence in ctx.document.sentences:
            scores = sentence_readability(prose[sentence.start : sentence.end])
            sentence.details["readability"] = scores
            if scores["flesch_kincaid_grade"] >= HARD_GRADE and scores["words"] >= HARD_WORDS:
                yield ctx.finding("R001", sentence.start, sentence.end,
                                  f"{scores['words']} words at grade {scores['flesch_kincaid_grade']:.0f}: hard to read",
                                  **scores)
