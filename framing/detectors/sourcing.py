"""Sourcing: who each sentence's claim rests on (named, anonymous, secondary media, or no one)."""

from __future__ import annotations

import bisect
from typing import Iterable

from ..document import Finding, Sentence
from ..lexicon import normalize
from . import Context, register
from .attribution import PRONOUNS

#: Order of precedence when one sentence has several kinds of source.
SOURCE_TYPES = ("named", "secondary", "anonymous", "none")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@register
class SourcingDetector:
    name = "sourcing"
    order = 60  # reads attribution, quotation, hedge and loaded-language findings

    def detect(self, ctx: Context) -> Iterable[Finding]:
        cues = ctx.matches("sourcing")
        unnamed_nouns = self._unnamed_heads(ctx)
        loaded_spans = {(m.start, m.end) for m in ctx.matches("loaded")}
        cue_starts = [m.start for m in cues]
        for sentence in ctx.document.sentences:
            yield from self._sentence(ctx, sentence, cues, cue_starts, unnamed_nouns, loaded_spans)

    def _unnamed_heads(self, ctx: Context) -> frozenset[str]:
        """Head nouns of unnamed sources ('official' from 'an official'): 'a senior U.S. official' is
        unnamed. Derived once per lexicon set, which an Analyzer keeps for its lifetime."""
        lexicons, heads = getattr(self, "_heads_cache", (None, frozenset()))
        if lexicons is not ctx.lexicons:
            heads = frozenset(variant for entry in ctx.lexicons.family("sourcing")
                              if entry.get("type") == "unnamed_source_noun" for form in entry.forms
                              for variant in _number_variants(normalize(form).split()[-1]))
            self._heads_cache = (ctx.lexicons, heads)
        return heads

    def _sentence(self, ctx: Context, sentence: Sentence, cues, cue_starts, unnamed_nouns,
                  loaded_spans) -> Iterable[Finding]:
        text = ctx.document.text
        found: list[Finding] = []
        kinds: set[str] = set()
        claim_start = sentence.dateline_end or sentence.start
        first = bisect.bisect_left(cue_starts, claim_start)
        last = bisect.bisect_left(cue_starts, sentence.end)
        sentence_cues = [m for m in cues[first:last] if m.end <= sentence.end]
        outlets = [m for m in sentence_cues if m.entries[0].get("type") == "media_outlet"]
        for match in sentence_cues:
            kind = match.entries[0].get("type")
            if kind == "anonymous":
                found.append(ctx.finding("S002", match.start, match.end,
                                         f"'{text[match.start:match.end]}': anonymous sourcing the reader cannot check",
                                         source_type="anonymous", rationale=match.entries[0].rationale))
            elif kind == "secondary":
                found.append(ctx.finding("S003", match.start, match.end,
                                         f"'{text[match.start:match.end]}': relayed from other media",
                                         source_type="secondary", rationale=match.entries[0].rationale))
        for attribution in (f for f in sentence.findings if f.category == "attribution"):
            source = attribution.details.get("source")
            if not source or attribution.details.get("in_quotation"):
                continue
            start, end, words = source["start"], source["end"], source["text"]
            if any(_overlaps(start, end, f.start, f.end) for f in found):
                continue
            head = _head_noun(words)
            if normalize(words) in PRONOUNS:
                kinds.add("named")  # a pronoun refers back to a source named earlier
                continue
            if any(_overlaps(start, end, m.start, m.end) for m in outlets):
                found.append(ctx.finding("S003", start, end, f"'{words}': a news organisation as the source",
                                         source_type="secondary"))
            elif head in unnamed_nouns and not _has_personal_name(words) and not _speaks_for_named_body(words):
                found.append(ctx.finding("S002", start, end, f"'{words}': an unnamed source",
                                         source_type="anonymous"))
            else:
                found.append(ctx.finding("S001", start, end, f"'{words}': a named source",
                                         source_type="named"))
        kinds.update(f.details["source_type"] for f in found)
        sentence.details["source_type"] = next((k for k in SOURCE_TYPES if k in kinds), "none")
        sentence.details["source_types"] = [k for k in SOURCE_TYPES if k in kinds]
        sentence.details["attributed"] = bool(kinds)
        yield from found
        if not kinds and not _is_quotation_sentence(ctx, sentence):
            evaluative = [f for f in sentence.findings if not f.details.get("in_quotation") and (
                f.code in ("L001", "H002") or (f.code == "N001" and (f.start, f.end) in loaded_spans))]
            if evaluative:
                first = evaluative[0]
                terms = ", ".join(f"'{f.text}'" for f in evaluative)
                yield ctx.finding("S004", first.start, first.end,
                                  f"evaluative claim ({terms}) with no attribution: whose judgement is it?",
                                  source_type="none", evaluative_terms=[f.text for f in evaluative])


def _number_variants(noun: str) -> tuple[str, ...]:
    """A noun with its other grammatical number, so 'analysts' in the lexicon also covers 'one analyst'."""
    if noun.endswith("men"):
        return noun, noun[:-3] + "man"
    if noun.endswith("man"):
        return noun, noun[:-3] + "men"
    if noun.endswith("ies"):
        return noun, noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun, noun[:-1]
    return noun, noun + "s"


def _head_noun(words: str) -> str:
    """The noun a source phrase is about: 'officials' in 'officials in Kyiv', else the last word."""
    tokens = words.split()
    for i, token in enumerate(tokens[1:], start=1):
        if token in ("in", "from", "at"):
            return normalize(tokens[i - 1])
    return normalize(tokens[-1]) if tokens else ""


def _has_personal_name(words: str) -> bool:
    """'officials including Deputy Minister Anna Kuz' names someone; 'U.S. officials' does not."""
    tokens = words.split()[1:]
    return sum(1 for t in tokens if t[:1].isupper() and not t.isupper() and "." not in t) >= 2


_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
_NOT_IDENTIFYING = frozenset("a an the one another two senior former deputy chief unnamed anonymous unidentified".split())


def _speaks_for_named_body(words: str) -> bool:
    """'a ministry spokesperson', 'the army's spokesman': on the record for a named organisation.
    A bare 'a spokesman' or 'an unnamed spokeswoman' names no one."""
    tokens = [normalize(t) for t in words.split()]
    if not tokens or tokens[-1] not in _SPOKESPEOPLE or {"unnamed", "anonymous", "unidentified"} & set(tokens):
        return False
    return any(t not in _NOT_IDENTIFYING for t in tokens[:-1])


def _is_quotation_sentence(ctx: Context, sentence: Sentence) -> bool:
    """A sentence that is wholly a quotation carries its speaker's evaluation, not the writer's."""
    return any(a <= sentence.start + 1 and sentence.end - 2 <= b for a, b in ctx.quotations)
