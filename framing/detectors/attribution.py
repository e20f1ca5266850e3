"""Attribution: reporting verbs and phrases, their stance, and the source they attribute to."""

from __future__ import annotations

import re
from typing import Iterable

from ..document import Finding
from . import Context, register
from .source_span import WORD, cited_source, find_source, head_word

CODES = {"neutral": "A001", "doubt": "A002", "endorsing": "A003", "accusatory": "A004", "emotive": "A005"}
_MESSAGES = {
    "neutral": "neutral reporting verb",
    "doubt": "casts doubt on what is reported; a neutral verb would be 'said'",
    "endorsing": "presupposes that the reported statement is true; a neutral verb would be 'said'",
    "accusatory": "frames the statement as an attack; check the speaker's words justify it",
    "emotive": "characterises the speaker's emotion; a neutral verb would be 'said'",
}


_ATTRIBUTIVE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an|his|her|their|its|this|these|those|our|your|my)\s+$", re.IGNORECASE)
# 'led by noted lawyer X', 'reports of alleged abuse': a participle straight after a preposition is an adjective.
_PARTICIPLE_AFTER_PREPOSITION = re.compile(r"(?<!\w)(?:by|of|for|with|about|over|into|against|amid)\s+$", re.IGNORECASE)
#: Subjects that are evidence, not speakers: 'the data suggests' hedges a conclusion, it reports no one.
_EVIDENCE_NOUNS = frozenset(
    "data evidence figures imagery images footage poll polls polling survey surveys research analysis records "
    "documents statistics numbers results trends models estimates signs indicators record trend".split())
_EVIDENCE_VERBS = frozenset(("suggest", "indicate"))


def _is_attributive(text: str, sentence_start: int, verb_start: int, verb_end: int) -> bool:
    window = max(sentence_start, verb_start - 12)
    if _ATTRIBUTIVE_BEFORE.search(text, window, verb_start):
        return True
    return text[verb_start:verb_end].lower().endswith("ed") and bool(
        _PARTICIPLE_AFTER_PREPOSITION.search(text, window, verb_start))


_PREPOSITIONS = frozenset("with of for amid despite after over about by in on to under against without".split())
_COMPLEMENT_AFTER = re.compile(
    r"\s+to\s+\w"  # 'threatened to resign'
    r"|[^.;!?]{0,80}?(?:(?<!\w)(?:that|as|whether|if)(?!\w)|[:“\"‘]|,\s*[“\"])"
    # An object that is itself something said: 'dismissed the idea', 'confirmed the reports'.
    r"|\s+(?:[\w’'-]+\s+){0,3}?(?:idea|ideas|claim|claims|report|reports|reporting|suggestion|suggestions|proposal|"
    r"proposals|allegation|allegations|accusation|accusations|criticism|criticisms|concern|concerns|warning|warnings|"
    r"notion|demand|demands|talk|questions|rumour|rumours|rumor|rumors|speculation|fears|innocence|position|"
    r"stance|view|views|account|accounts|statement|statements|remarks|comments|findings|figures|details|deaths|"
    r"death|casualties|toll|talks|plans|decision|existence)\b",
    re.IGNORECASE)


def _is_noun_use(text: str, sentence_start: int, start: int, end: int, lemma: str) -> bool:
    """'with pledges of aid', 'an air-raid warning', 'claims of fraud': a noun that shares a verb's form."""
    form = text[start:end].lower()
    if not form.endswith(("s", "ing")):
        return False
    before = WORD.findall(text, max(sentence_start, start - 30), start)
    previous = before[-1].lower() if before else ""
    if previous in _PREPOSITIONS or ("-" in previous and previous.islower()):
        return True
    return form.endswith("s") and lemma != "warn" and bool(re.match(r"\s+of\b", text[end:end + 4]))


def _has_speech_complement(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> bool:
    """What a verb like 'maintained' or 'confirmed' needs to be reporting speech: a that-clause, 'as', a
    colon or a quotation after it, or a quotation before it ("'...,' he maintained")."""
    if _COMPLEMENT_AFTER.match(text, end, sentence_end):
        return True
    if re.fullmatch(r"[\s.!?”\"’']*", text[end:sentence_end]) and "," in text[sentence_start:start]:
        return True  # '..., The Sunday Times revealed.': the verb closes a sentence it reports
    return text[sentence_start:start].rstrip().endswith(("”", '"', "’", ",", "—"))


def _is_participle_clause(text: str, sentence_start: int, verb_start: int, verb_end: int) -> bool:
    return text[verb_start:verb_end].lower().endswith("ing") and text[sentence_start:verb_start].rstrip().endswith(",")


@register
class AttributionDetector:
    name = "attribution"
    order = 20

    def detect(self, ctx: Context) -> Iterable[Finding]:
        prose = ctx.document.prose
        last_source: dict[int, tuple[int, int]] = {}
        for match in ctx.matches("attribution"):
            sentence = ctx.sentence_at(match.start)
            if sentence is None:
                continue
            if match.start and prose[match.start - 1] == "-":
                continue  # "so-called", "self-described": part of a compound, not a reporting verb
            if _is_attributive(prose, sentence.start, match.start, match.end):
                continue  # "the alleged attacker", "the reported deaths": a participle used as an adjective
            entry = match.entries[0]
            verb_class = entry.get("class")
            if _is_noun_use(prose, sentence.start, match.start, match.end, entry.term):
                continue
            if entry.get("requires_complement") and not _has_speech_complement(
                    prose, sentence.start, sentence.end, match.start, match.end):
                continue  # "engineers maintained the reactors", "Lviv boasts an old town": not speech
            participle = _is_participle_clause(prose, sentence.start, match.start, match.end)
            if entry.term == "cite":
                source = cited_source(prose, match.end, sentence.end) or (
                    last_source.get(sentence.index) if participle else None)
            elif participle:
                # "The Kremlin denied it, insisting that ...": the participle shares the main verb's subject.
                source = last_source.get(sentence.index)
            else:
                source = find_source(prose, sentence.dateline_end or sentence.start, sentence.end,
                                     match.start, match.end, entry.term)
            if source and entry.term in _EVIDENCE_VERBS and head_word(prose[source[0]:source[1]]) in _EVIDENCE_NOUNS:
                continue  # 'satellite imagery suggests ...': a tentative conclusion (a hedge), not speech
            if source:
                last_source[sentence.index] = source
            details = {
                "verb_class": verb_class,
                "lemma": entry.term,
                "rationale": entry.rationale,
                "in_quotation": ctx.in_quotation(match.start),
            }
            if source:
                details["source"] = {"start": source[0], "end": source[1], "text": ctx.document.text[source[0]:source[1]]}
            end = match.end
            if prose[match.start:end].lower().endswith(" that"):
                end -= len(" that")  # 'found that': the form needs 'that' to be a reporting verb; the verb is 'found'
            verb = ctx.document.text[match.start : end]
            yield ctx.finding(CODES[verb_class], match.start, end, f"'{verb}': {_MESSAGES[verb_class]}", **details)
