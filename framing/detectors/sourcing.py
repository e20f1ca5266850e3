"""Sourcing: who each sentence's claim rests on (named, anonymous, secondary media, or no one)."""

from __future__ import annotations

import bisect
import re
from typing import Iterable

from ..document import Finding, Sentence
from ..lexicon import normalize
from . import Context, register
from .source_span import PRONOUNS

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
            elif kind == "secondary" and not _names_an_outlet_next(text, match, outlets):
                found.append(ctx.finding("S003", match.start, match.end,
                                         f"'{text[match.start:match.end]}': relayed from other media",
                                         source_type="secondary", rationale=match.entries[0].rationale))
        for start, end in _outlets_as_channels(text, outlets):
            if not any(_overlaps(start, end, f.start, f.end) for f in found):
                found.append(ctx.finding("S003", start, end, f"'{text[start:end]}': relayed from other media",
                                         source_type="secondary"))
        for attribution in (f for f in sentence.findings if f.category == "attribution"):
            source = attribution.details.get("source")
            if not source or attribution.details.get("in_quotation"):
                continue
            start, end, words = source["start"], source["end"], source["text"]
            if any(_overlaps(start, end, f.start, f.end) for f in found):
                continue
            if normalize(words) in PRONOUNS:
                # A pronoun refers back: within the sentence to a media or unnamed source already found
                # ('state television aired footage it said ...'), else to a source named earlier.
                earlier = [f.details["source_type"] for f in found if f.start < start]
                kinds.add(earlier[-1] if earlier else "named")
                continue
            kind = classify_source(words, unnamed_nouns,
                                   is_outlet=any(_overlaps(start, end, m.start, m.end) for m in outlets))
            if kind == "anonymous" and _APPOSITIVE_NAME.match(text, end):
                kind = "named"  # 'A Hamas official, Khalil Darwish, said'
            elif kind != "secondary" and _MEDIA_NOUNS.search(text[max(claim_start, start - 25):start].split(",")[-1]):
                kind = "secondary"  # 'Italian sports daily La Gazzetta dello Sport reported
            found.append(ctx.finding(_SOURCE_CODES[kind], start, end, f"'{words}': {_SOURCE_MESSAGES[kind]}",
                                     source_type=kind))
        if not found and not kinds:
            speaker = _HEADLINE_SPEAKER.match(text, claim_start, sentence.end)
            if speaker and speaker.group(1).split()[0].lower() not in _HEADLINE_LABELS:
                # 'Katzman: "No Truce ..."', 'Officials: Russia Massing Troops': a headline's speaker.
                start, end = speaker.span(1)
                kind = classify_source(speaker.group(1), unnamed_nouns)
                found.append(ctx.finding(_SOURCE_CODES[kind], start, end,
                                         f"'{speaker.group(1)}': {_SOURCE_MESSAGES[kind]}", source_type=kind))
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


_SOURCE_CODES = {"named": "S001", "anonymous": "S002", "secondary": "S003"}
_SOURCE_MESSAGES = {"named": "a named source", "anonymous": "an unnamed source",
                    "secondary": "a news organisation as the source"}
#: Words that end a source's head noun and start what modifies it: 'officials [in Kyiv]', 'people [familiar ...]'.
_POST_MODIFIERS = frozenset(
    "in from at of outside inside near close familiar with who on for based across within to involved "
    "briefed knowledgeable speaking including".split())
#: Inside a source phrase, these say outright that the source is not identified.
_ANONYMITY = re.compile(r"\b(?:familiar with|close to|with knowledge|knowledgeable|briefed on|condition of anonymity|"
                        r"asked not to be|declined to be|not authori[sz]ed|unnamed|anonymous|unidentified)\b", re.I)
#: Media nouns, and the last words of newspaper and broadcaster names ('the Bolton News', 'Army Radio').
_MEDIA_NOUNS = re.compile(r"\b(?:media|press|newspapers?|daily|weekly|tabloid|broadcaster|news agency|news site|"
                          r"news website|outlet|television|TV|radio|magazine|wire service|channel)\b", re.I)
_MEDIA_NAME = re.compile(r"(?:^|\s)(?:[A-Z][\w'-]*\s+)+(?:News|Times|Post|Tribune|Herald|Gazette|Standard|"
                         r"Telegraph|Chronicle|Mail|Express|Guardian|Observer|Radio|TV|Daily|Star|Mirror|Courier|"
                         r"Inquirer|Examiner|Bulletin|Dispatch)$|^(?:Channel|Kanal)\s+\d+$")
_HEADLINE_SPEAKER = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+[\"“‘'A-Z]")
_HEADLINE_LABELS = frozenset("update analysis breaking exclusive live opinion watch note editorial comment review "
                             "explainer factbox timeline correction photos video listen read".split())
_APPOSITIVE_NAME = re.compile(r",\s+(?:[A-Z][\w.'’-]+\s+)+[A-Z][\w'’-]+,")
_INDEFINITE = frozenset("a an one another some any each every no".split())
_NOT_PLURAL = frozenset(("people", "staff", "police", "crew"))


def classify_source(words: str, unnamed_nouns: frozenset[str], is_outlet: bool = False) -> str:
    """'named', 'anonymous' or 'secondary' for the phrase an attribution rests on."""
    phrase = words.strip()
    if is_outlet or _MEDIA_NOUNS.search(phrase) or _MEDIA_NAME.search(phrase):
        return "secondary"
    if _ANONYMITY.search(phrase):
        return "anonymous"
    tokens = phrase.split()
    if not tokens:
        return "named"
    head_at = next((i - 1 for i, t in enumerate(tokens) if i and normalize(t) in _POST_MODIFIERS), len(tokens) - 1)
    while head_at > 0 and normalize(tokens[head_at]) in ("here", "there", "now"):
        head_at -= 1
    head = normalize(tokens[head_at]).removesuffix("'s")
    before_head = tokens[:head_at]
    if head not in unnamed_nouns or _has_personal_name(tokens) or _speaks_for_named_body(tokens[:head_at + 1]):
        return "named"
    # One identifiable holder of a role is named: 'the minister' (named earlier), "Hungary's foreign
    # minister", 'NATO Chief'. 'A minister', 'one backbencher', 'ministers' and 'two aides' identify no one.
    singular = not (head.endswith("s") or head in _NOT_PLURAL)
    if singular and before_head and normalize(before_head[0]) not in _INDEFINITE:
        return "named"
    return "anonymous"


_CHANNEL_BEFORE = re.compile(r"\b(?:by|citing|cited by|according to|per)\s+(?:the\s+)?$", re.I)


def _outlets_as_channels(text: str, outlets) -> list[tuple[int, int]]:
    """Outlets named as the channel of a claim: 'reported by The Sun', 'citing Kathimerini', 'according to WSJ'."""
    return [(m.start, m.end) for m in outlets if _CHANNEL_BEFORE.search(text, max(0, m.start - 20), m.start)]


def _names_an_outlet_next(text: str, cue, outlets) -> bool:
    """'the state news agency RIA Novosti', 'first reported by The Sun': the outlet, not the cue, is the source."""
    return any(0 <= m.start - cue.end <= 6 and text[cue.end:m.start].strip(" ,").lower() in ("", "the")
               for m in outlets)


def _number_variants(noun: str) -> tuple[str, ...]:
    """A noun with its other grammatical number, so 'analysts' in the lexicon also covers 'one analyst'."""
    if noun.endswith("men"):
        return noun, noun[:-3] + "man"
    if noun.endswith("man"):
        return noun, noun[:-3] + "men"
    if noun.endswith("ies"):
        return noun, noun[:-3] + "y"
    if noun.endswith("ves"):  # 'executives' and 'midwives'
        return noun, noun[:-1], noun[:-3] + "fe", noun[:-3] + "f"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun, noun[:-1]
    return noun, noun + "s"


def _has_personal_name(tokens: list[str]) -> bool:
    """'aides to Anna Kuz' or 'Deputy Minister Anna Kuz' names someone; 'Tory backbenchers' and
    'officials in Harris County' do not: a name is two capitalised words in a row, not after 'in'."""
    names = []
    for i, token in enumerate(tokens[1:], start=1):
        place = normalize(tokens[i - 1]) in ("in", "from", "at", "near", "outside") or (names and names[-1] == "place")
        is_capital = token[:1].isupper() and not token.isupper() and "." not in token
        names.append("place" if is_capital and place else is_capital)
    return any(a is True and b is True for a, b in zip(names, names[1:]))


_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
_NOT_IDENTIFYING = frozenset("a an the one another two senior former deputy chief unnamed anonymous unidentified".split())


def _speaks_for_named_body(tokens: list[str]) -> bool:
    """'a ministry spokesperson', 'the army's spokesman': on the record for a named organisation.
    A bare 'a spokesman' or 'an unnamed spokeswoman' names no one."""
    tokens = [normalize(t) for t in tokens]
    if not tokens or tokens[-1] not in _SPOKESPEOPLE or {"unnamed", "anonymous", "unidentified"} & set(tokens):
        return False
    return any(t not in _NOT_IDENTIFYING for t in tokens[:-1])


def _is_quotation_sentence(ctx: Context, sentence: Sentence) -> bool:
    """A sentence that is wholly a quotation carries its speaker's evaluation, not the writer's."""
    return any(a <= sentence.start + 1 and sentence.end - 2 <= b for a, b in ctx.quotations)
