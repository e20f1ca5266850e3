"""What compare keeps from one analysed Document: a sparse row of counts and the sentences behind them.

Counting rules (docs/compare.md repeats them for readers):

* categories and codes count every finding exactly as `framing score` reports it;
* the verb-class profile and the actors count attributions outside quotations only: a
  reporting verb inside a quotation is the speaker's choice, not the outlet's;
* naming groups count the variants the naming detector flags and the preferred forms found
  by NamingForms; words and readability come from the readability detector's sentence details.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..document import Document, Sentence
from .asymmetry import VERB_CLASSES, actor_key, actor_label
from .naming_forms import NamingForms

SOURCE_TYPES = ("named", "secondary", "anonymous", "none")
QUOTATION_CODES = ("Q001", "Q003")

# Column names, written out once so that measures and renderers never spell them differently.
DOCUMENTS, SENTENCES, WORDS = "documents", "sentences", "words"
ATTRIBUTED, ATTRIBUTIONS = "attributed", "attributions"
READABLE_SENTENCES, READABLE_WORDS, SYLLABLES = "readability:sentences", "readability:words", "readability:syllables"
BIAS_SUM, BIAS_SENTENCES = "classifier:probability_sum", "classifier:sentences"
QUOTATIONS = "quotations"


def category_column(category: str) -> str:
    return f"category:{category}"


def code_column(code: str) -> str:
    return f"code:{code}"


def source_type_column(source_type: str) -> str:
    return f"source_type:{source_type}"


def verb_class_column(verb_class: str) -> str:
    return f"verb_class:{verb_class}"


def naming_column(group: str, form: str) -> str:
    return f"naming:{group}:{form}"


def actor_column(actor: str, verb_class: str) -> str:
    return f"actor:{actor}:{verb_class}"


@dataclass
class Observation:
    """One document's counts, its sentences' example keys, and the labels of what it named."""

    counts: Counter = field(default_factory=Counter)
    #: (sentence, {example key: spans to mark}) for every sentence with at least one key.
    sentence_keys: list[tuple[Sentence, dict[str, list[tuple[int, int]]]]] = field(default_factory=list)
    #: naming group -> set of forms seen; actor key -> first surface label.
    naming_forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    actor_labels: dict[str, str] = field(default_factory=dict)


def document_words(document: Document) -> int:
    """Words as `framing score` counts them (its summary), so rates match the per-document report."""
    if "words" in document.summary:
        return int(document.summary["words"])
    return sum(s.details.get("readability", {}).get("words", len(s.text.split())) for s in document.sentences)


def observe(document: Document, naming: NamingForms) -> Observation:
    obs = Observation()
    counts = obs.counts
    counts[DOCUMENTS] = 1
    counts[SENTENCES] = len(document.sentences)
    counts[WORDS] = document_words(document)
    mentions_by_sentence: dict[int, list] = defaultdict(list)
    for mention in naming.mentions(document):
        mentions_by_sentence[mention.sentence_index].append(mention)
    for sentence in document.sentences:
        keys: dict[str, list[tuple[int, int]]] = defaultdict(list)
        _count_findings(sentence, counts, keys, obs)
        _count_sentence_details(sentence, counts, keys)
        for mention in mentions_by_sentence.get(sentence.index, ()):
            column = naming_column(mention.group, mention.form)
            counts[column] += 1
            keys[column].append((mention.start, mention.end))
            obs.naming_forms[mention.group].add(mention.form)
        if keys:
            obs.sentence_keys.append((sentence, keys))
    return obs


def _count_findings(sentence: Sentence, counts: Counter, keys: dict, obs: Observation) -> None:
    for finding in sentence.findings:
        span = (finding.start, finding.end)
        for column in (category_column(finding.category), code_column(finding.code)):
            counts[column] += 1
            keys[column].append(span)
        if finding.code in QUOTATION_CODES:
            counts[QUOTATIONS] += 1
            keys[QUOTATIONS].append(span)
        verb_class = finding.details.get("verb_class")
        if finding.category != "attribution" or verb_class not in VERB_CLASSES or finding.details.get("in_quotation"):
            continue
        counts[ATTRIBUTIONS] += 1
        counts[verb_class_column(verb_class)] += 1
        keys[verb_class_column(verb_class)].append(span)
        source = finding.details.get("source")
        label = actor_label(source.get("text", "")) if isinstance(source, dict) else None
        if label is None:
            continue
        key = actor_key(label)
        obs.actor_labels.setdefault(key, label)
        column = actor_column(key, verb_class)
        counts[column] += 1
        keys[column].extend([span, (source["start"], source["end"])])


def _count_sentence_details(sentence: Sentence, counts: Counter, keys: dict) -> None:
    details = sentence.details
    source_type = details.get("source_type", "none")
    if source_type in SOURCE_TYPES:
        counts[source_type_column(source_type)] += 1
        spans = [(f.start, f.end) for f in sentence.findings if f.details.get("source_type") == source_type]
        keys[source_type_column(source_type)].extend(spans)
    if details.get("attributed"):
        counts[ATTRIBUTED] += 1
        keys[ATTRIBUTED].extend((f.start, f.end) for f in sentence.findings if f.category == "sourcing")
    readability = details.get("readability") or {}
    if readability.get("words"):
        counts[READABLE_SENTENCES] += 1
        counts[READABLE_WORDS] += readability["words"]
        counts[SYLLABLES] += readability.get("syllables", 0)
    probability = details.get("bias_probability")
    if isinstance(probability, (int, float)):
        counts[BIAS_SUM] += float(probability)
        counts[BIAS_SENTENCES] += 1
