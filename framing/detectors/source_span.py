"""Who is quoted: the span of the source a reporting verb attributes to, before it or (inverted) after it.

Heuristics over words and punctuation, not a parser: a subject noun phrase before the verb, extended
over its post-modifiers ("sources in the military"); a phrase after an inverted verb or 'according
to'; the agent of a passive; the object of 'citing'.
"""

from __future__ import annotations

import re

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
_ARTICLES = frozenset("the a an his her their its".split())
_CONNECTORS = frozenset("of for and de von der van al bin du la le".split())
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
# Verbs that journalists put before their subject after a comma ("..., said the minister").
_INVERTIBLE = frozenset(
    "say add write ask explain note continue tell reply recall insist claim warn argue conclude declare "
    "report state admit concede acknowledge allege observe remark suggest counter complain".split()
)
#: A word with its inner apostrophes, dots and hyphens ("U.S.", "Kyiv’s", "Rep.").
WORD = re.compile(r"[\w’'.-]+")


def _words_before(text: str, start: int, end: int) -> list[re.Match[str]]:
    segment_start = start
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        segment_start = brk.end()
    return list(WORD.finditer(text, segment_start, end))


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


def head_word(phrase: str) -> str:
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
        for word in WORD.finditer(text, verb_end, sentence_end):
            gap = text[phrase[-1].end() if phrase else verb_end: word.start()]
            if (phrase and (_CLAUSE_BREAK.search(gap) or "," in gap)) or word.group().lower() in _LOOSE_STOPS:
                break
            phrase.append(word)
            if len(phrase) >= 12:
                break
        if phrase and phrase[0].group().lower() not in PRONOUNS | {"the"}:
            return _trim_period(text, phrase[0].start(), phrase[-1])
    phrase: list[re.Match[str]] = []
    for word in WORD.finditer(text, verb_end, sentence_end):
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


def cited_source(text: str, verb_end: int, sentence_end: int) -> tuple[int, int] | None:
    """'RIA Novosti reported, citing the defence ministry': whoever is cited is the source. None for
    a cited reason ('citing concerns about escalation'), where the clause's own source stands."""
    found = _object_after(text, verb_end, sentence_end, loose=True)
    return found if found and _CITED_SOURCE.match(text, found[0], found[1]) else None


def find_source(text: str, sentence_start: int, sentence_end: int, verb_start: int, verb_end: int, lemma: str) -> tuple[int, int] | None:
    """The span of whoever is quoted, before the verb or (inverted) after it."""
    before = text[sentence_start:verb_start].rstrip()
    participle = text[verb_start:verb_end].lower().endswith("ing")
    inverted = lemma == "according to" or (
        not participle and (before.endswith(("”", '"', "’", "'")) or (before.endswith(",") and lemma in _INVERTIBLE)))
    after_quote = before.endswith(("”", '"', "’", "'", ",”", ',"'))
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
