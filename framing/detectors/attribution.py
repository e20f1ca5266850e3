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
    "thursday friday saturday sunday as".split()
)
_AUXILIARIES = frozenset("has have had is was were are be been being will would could should may might must can did does do".split())
#: Post-modifiers a source phrase may carry before its verb: 'sources [in the military]', 'people [familiar with ...]'.
_POSTMODIFIER_LINKS = frozenset("in from at of with outside inside near to for within across close familiar".split())
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
            if word.group().lower() in _AUXILIARIES:
                break  # 'the landlord has stopped (answering)': a verb phrase, not a noun phrase
            phrase.insert(0, word)
            if word.group().lower() in _DETERMINERS:
                return _with_head_before(words, words.index(phrase[0]), phrase[-1].end())
        capitalised = [i for i, w in enumerate(phrase[:-1]) if w.group()[:1].isupper()]
        if capitalised:  # "Russian state television"
            return phrase[capitalised[0]].start(), phrase[-1].end()
        if head.lower().endswith("s") and len(head) > 3:
            return _with_head_before(words, len(words) - 1, words[-1].end())  # a bare plural: "sources said"
        return _with_head_before(words, len(words) - 1, words[-1].end(), required=True)
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
    return _with_head_before(words, words.index(phrase[0]), phrase[-1].end())


def _with_head_before(words: list[re.Match[str]], first: int, end: int, required: bool = False) -> tuple[int, int] | None:
    """Extend a phrase back over a post-modifier to the noun it modifies: '[sources] in the military',
    '[two people] familiar with the talks', '[the chief inspector] of constabulary'. With ``required``,
    only such an extension is a subject (a bare singular noun alone is not)."""
    start = first
    while start >= 2 and words[start - 1].group().lower() in _POSTMODIFIER_LINKS:
        link = start - 1
        if words[link].group().lower() in ("with", "to") and link >= 1 and words[link - 1].group().lower() in ("familiar", "close"):
            link -= 1  # 'familiar with', 'close to'
        noun = link - 1
        while noun >= 1 and words[noun].group().lower() in ("here", "there", "now"):
            noun -= 1
        if noun < 0 or words[noun].group().lower() in _SKIPPABLE:
            break
        start = noun
        while start >= 1 and (words[start - 1].group().lower() in _DETERMINERS or words[start - 1].group()[:1].isupper()
                              or words[start - 1].group().lower() not in _SKIPPABLE | _POSTMODIFIER_LINKS
                              and start - noun < 3):
            start -= 1
    if required and start == first:
        return None
    return words[start].start(), end


def _head(phrase: str) -> str:
    words = phrase.lower().split()
    return words[-1] if words else ""


_CITED_SOURCE = re.compile(
    r"(?:(?:the|a|an|one|two|three|four|several|unnamed|anonymous|senior|local|western|unidentified)\s+)*"
    r"(?:[A-Z]|(?:sources?|officials?|reports?|people|persons?|insiders?|diplomats?|analysts?|experts?|witnesses?|"
    r"residents?|data|figures|statements?|media|documents?)\b)")
_LOOSE_STOPS = frozenset("to that as and but or who which while when because if after before".split())


def _object_after(text: str, verb_end: int, sentence_end: int, loose: bool = False) -> tuple[int, int] | None:
    """The noun phrase after an inverted verb: '(said) Gen. Petrenko', '(according to) the ministry'.
    ``loose`` also takes a lowercase phrase, where the construction leaves no doubt that a source
    follows: '(according to) local residents', '"...," quipped one backbencher'."""
    if loose:
        phrase = []
        for word in _WORD.finditer(text, verb_end, sentence_end):
            gap = text[phrase[-1].end() if phrase else verb_end: word.start()]
            if (phrase and (_CLAUSE_BREAK.search(gap) or "," in gap)) or word.group().lower() in _LOOSE_STOPS:
                break
            phrase.append(word)
            if len(phrase) >= 12:
                break
        if phrase and phrase[0].group().lower() not in PRONOUNS | {"the"}:
            return _trim_period(text, phrase[0].start(), phrase[-1])
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
    return _trim_period(text, phrase[0].start(), phrase[-1])


def _trim_period(text: str, start: int, last: re.Match[str]) -> tuple[int, int]:
    """A phrase's span without the sentence's full stop (but with 'Jr.' or 'U.S.')."""
    end = last.end()
    if text[end - 1] == "." and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr|Inc|Ltd|Co|Gen|Dr|Mr|Mrs|Ms)\.$", text[last.start():end]):
        end -= 1
    return start, end


def find_source(text: str, sentence_start: int, sentence_end: int, verb_start: int, verb_end: int, lemma: str) -> tuple[int, int] | None:
    """The span of whoever is quoted, before the verb or (inverted) after it."""
    before = text[sentence_start:verb_start].rstrip()
    participle = text[verb_start:verb_end].lower().endswith("ing")
    inverted = lemma == "according to" or (
        not participle and (before.endswith(("”", '"', "’", "'")) or (before.endswith(",") and lemma in _INVERTIBLE)))
    after_quote = before.endswith(("”", '"', "’", "'", ",”", ',"'))
    if lemma == "cite":
        # 'RIA Novosti reported, citing the defence ministry': whoever is cited is the source;
        # 'citing concerns about escalation' cites a reason, and the clause's subject is the source.
        found = _object_after(text, verb_end, sentence_end, loose=True)
        return found if found and _CITED_SOURCE.match(text, found[0], found[1]) else None
    if lemma != "quote" and re.match(r"\s+by\s", text[verb_end:verb_end + 5]) and re.search(r"(?<!\w)(?:is|are|was|were|been|being|be)(?:\s+\w+ly)?$", before, re.I):
        # The passive names its speaker after 'by': 'was said by one local official', 'has been accused by Kyiv'.
        found = _object_after(text, text.index("by", verb_end) + 2, sentence_end, loose=True)
        if found:
            return found
    if inverted:
        found = _object_after(text, verb_end, sentence_end, loose=lemma == "according to" or after_quote)
        # '..., said Gen. Petrenko.' ends its clause; '..., called the plan a waste' does not.
        if found and (lemma == "according to" or re.match(r"\s*(?:[,.;:!?”\"]|$)", text[found[1]:sentence_end])):
            return found
    return _subject_before(text, sentence_start, verb_start)


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
    before = _WORD.findall(text, max(sentence_start, start - 30), start)
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
            cited = find_source(prose, sentence.start, sentence.end, match.start, match.end, "cite") \
                if entry.term == "cite" else None
            if cited:
                source = cited
            elif _is_participle_clause(prose, sentence.start, match.start, match.end):
                # "The Kremlin denied it, insisting that ...": the participle shares the main verb's subject.
                source = last_source.get(sentence.index)
            else:
                source = find_source(prose, sentence.dateline_end or sentence.start, sentence.end,
                                     match.start, match.end, entry.term)
            if source and entry.term in _EVIDENCE_VERBS and _head(prose[source[0]:source[1]]) in _EVIDENCE_NOUNS:
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
