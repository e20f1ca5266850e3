"""Per-sentence readability (textstat, offline) and a finding for long, hard sentences."""

from __future__ import annotations

from typing import Iterable

from ..document import Finding
from ..readability import counts, flesch_kincaid_grade, flesch_reading_ease
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
            words, syllable_count, polysyllables = counts(prose[sentence.start : sentence.end])
            scores = {
                "words": words,
                "syllables": syllable_count,
                "polysyllables": polysyllables,
                "flesch_reading_ease": round(flesch_reading_ease(words, 1, syllable_count), 2),
                "flesch_kincaid_grade": round(flesch_kincaid_grade(words, 1, syllable_count), 2),
            }
            sentence.details["readability"] = scores
            if scores["flesch_kincaid_grade"] >= HARD_GRADE and scores["words"] >= HARD_WORDS:
                yield ctx.finding("R001", sentence.start, sentence.end,
                                  f"{scores['words']} words at grade {scores['flesch_kincaid_grade']:.0f}: hard to read",
                                  **scores)
