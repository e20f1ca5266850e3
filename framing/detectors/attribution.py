"""Attribution: reporting verbs and phrases, their stance, and the source they attribute to."""

from __future__ import annotations

import re
from typing import Iterable

from ..document import Finding
from . import Context, register

CODES = {"neutral": "A001", "doubt": "A002", "endorsing": "A003", "accusatory": "A004", "emotive": "A005"}
_MESSAGES = {
    "neutral": "neutral reporting verb",
    "doubt": "casts doubt on what is reported; a neutral verb would be 'said'",
    "endorsing": "presupposes that the reported statement is true; a neutral verb would be 'said'",
    "accusatory": "frames the statement as an attack; check the speaker's words justify it",
    "emotive": "characterises the speaker's emotion; a neutral verb would be 'said'",
}

PRONOUNS = frozenset("he she they it we i you who which".split())
# Words between a subject and its verb that are not part of the subject.
_SKIPPABLE = frozenset(
    "has have had is was were are be been being will would could should may might must can did does do "
    "also again later earlier then still previously repeatedly consistently already recently reportedly "
    "allegedly once not never publicly privately officially today yesterday on monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)
_DETERMINERS = frozenset("the a an its his her their this these those our some several many one another two three four "
                         "five six seven eight nine ten few both each every other".split())
_LOCATIVES = frozenset("in from at".split())
_ARTICLES = frozenset("the a an his her their its".split())
_CONNECTORS = frozenset("of for and de von der van al bin du la le".split())
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
# Verbs that journalists put before their subject after a comma ("..., said the minister").
_INVERTIBLE = frozenset(
    "say add write ask explain note continue tell reply recall insist claim warn argue conclude declare "
    "report state admit concede acknowledge allege observe remark suggest counter complain".split()
)
_WORD = re.compile(r"[\w’'.-]+")


def _words_before(text: str, start: int, end: int) -> list[re.Match[str]]:
    segment_start = start
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        segment_start = brk.end()
    return list(_WORD.finditer(text, segment_start, end))


def _subject_before(text: str, sentence_start: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase just before the verb: 'The Russian Foreign Ministry (has accused)'."""
    words = _words_before(text, sentence_start, verb_start)
    before = text[sentence_start:verb_start].rstrip()
    if not words and before.endswith(","):
        # An appositive between subject and verb: "Rep. Ann Lee, D-Ohio, called ..."
        closing_comma = sentence_start + len(before) - 1
        opening_comma = text.rfind(",", sentence_start, closing_comma)
        if opening_comma > sentence_start:
            return _subject_before(text, sentence_start, opening_comma)
        return None
    while words and (words[-1].group().lower() in _SKIPPABLE or words[-1].group().lower().endswith("ly")):
        words.pop()
    if not words or words[-1].group().lower() == "to":
        return None  # an infinitive ("used by the US to describe") has no subject of its own here
    head = words[-1].group()
    if head.lower() in PRONOUNS:
        return words[-1].span()
    if not (head[:1].isupper() or head[:1].isdigit()):
        # A common-noun subject needs a determiner close before it ("the ministry", "sources").
        phrase = [words[-1]]
        for word in reversed(words[:-1][-3:]):
            phrase.insert(0, word)
            if word.group().lower() in _DETERMINERS:
                return phrase[0].start(), phrase[-1].end()
        capitalised = [i for i, w in enumerate(phrase[:-1]) if w.group()[:1].isupper()]
        if capitalised:  # "Russian state television"
            return phrase[capitalised[0]].start(), phrase[-1].end()
        if head.lower().endswith("s") and len(head) > 3:
            return words[-1].span()  # a bare plural: "sources said", "officials told"
        return None
    phrase = [words[-1]]
    for word in reversed(words[:-1]):
        token = word.group()
        if token[:1].isupper() or token.lower() in _CONNECTORS or token.lower() in _ARTICLES:
            phrase.insert(0, word)
            if token.lower() in _ARTICLES:
                break
        else:
            break
    while phrase and phrase[-1].group().lower() in _CONNECTORS:
        phrase.pop()
    while phrase and phrase[0].group().lower() in _CONNECTORS:
        phrase.pop(0)
    if not phrase:
        return None
    # "Officials in Kiev (claimed)": the place is a modifier; the source is the noun before it.
    first = words.index(phrase[0]) if phrase[0] in words else -1
    if first >= 2 and words[first - 1].group().lower() in _LOCATIVES:
        noun = words[first - 2].group()
        if noun[:1].isupper() or noun.lower().endswith("s"):
            return words[first - 2].start(), phrase[-1].end()
    return phrase[0].start(), phrase[-1].end()


def _object_after(text: str, verb_end: int, sentence_end: int) -> tuple[int, int] | None:
    """The noun phrase after an inverted verb: '(said) Gen. Petrenko', '(according to) the ministry'."""
    phrase: list[re.Match[str]] = []
    for word in _WORD.finditer(text, verb_end, sentence_end):
        gap = text[phrase[-1].end() if phrase else verb_end : word.start()]
        if phrase and (_CLAUSE_BREAK.search(gap) or "," in gap):
            break
        token = word.group()
        lowered = token.lower().rstrip(".")
        if not phrase and lowered in PRONOUNS:
            return word.span()
        if not phrase and not (token[:1].isupper() or lowered in _ARTICLES):
            return None
        if token[:1].isupper() or lowered in _DETERMINERS or (phrase and lowered in _CONNECTORS) or phrase and token[:1].islower() and len(phrase) < 4:
            phrase.append(word)
            if len(phrase) >= 12:
                break
            continue
        break
    while phrase and phrase[-1].group().lower() in _CONNECTORS | _DETERMINERS:
        phrase.pop()
    if not phrase:
        return None
    end = phrase[-1].end()
    if text[end - 1] == "." and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr|Inc|Ltd|Co|Gen|Dr|Mr|Mrs|Ms)\.$", text[phrase[-1].start():end]):
        end -= 1
    return phrase[0].start(), end


def find_source(text: str, sentence_start: int, sentence_end: int, verb_start: int, verb_end: int, lemma: str) -> tuple[int, int] | None:
    """The span of whoever is quoted, before the verb or (inverted) after it."""
    before = text[sentence_start:verb_start].rstrip()
    participle = text[verb_start:verb_end].lower().endswith("ing")
    inverted = lemma == "according to" or (
        not participle and (before.endswith(("”", '"', "’", "'")) or (before.endswith(",") and lemma in _INVERTIBLE)))
    if inverted:
        found = _object_after(text, verb_end, sentence_end)
        # '..., said Gen. Petrenko.' ends its clause; '..., called the plan a waste' does not.
        if found and (lemma == "according to" or re.match(r"\s*(?:[,.;:!?”\"]|$)", text[found[1]:sentence_end])):
            return found
    return _subject_before(text, sentence_start, verb_start)


_ATTRIBUTIVE_BEFORE = re.compile(r"(?<!\w)(?:the|a|an|his|her|their|its|this|these|those|our|your|my)\s+$", re.IGNORECASE)


def _is_attributive(text: str, sentence_start: int, verb_start: int) -> bool:
    return bool(_ATTRIBUTIVE_BEFORE.search(text, max(sentence_start, verb_start - 12), verb_start))


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
            if _is_attributive(prose, sentence.start, match.start):
                continue  # "the alleged attacker", "the reported deaths": a participle used as an adjective
            entry = match.entries[0]
            verb_class = entry.get("class")
            if _is_participle_clause(prose, sentence.start, match.start, match.end):
                # "The Kremlin denied it, insisting that ...": the participle shares the main verb's subject.
                source = last_source.get(sentence.index)
            else:
                source = find_source(prose, sentence.dateline_end or sentence.start, sentence.end,
                                     match.start, match.end, entry.term)
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
            verb = ctx.document.text[match.start : match.end]
            yield ctx.finding(CODES[verb_class], match.start, match.end, f"'{verb}': {_MESSAGES[verb_class]}", **details)
