"""The statistics compare reports, each a function of summed per-document counts.

Every measure is a ratio of sums over a group's documents (or, for readability, a formula of
such sums). Pooling counts before dividing weights each word and sentence equally, which is
what "per 1,000 words" means; the bootstrap then resamples whole documents around it.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..rules import RULES
from .aggregate import CATEGORIES, CODES, Aggregate
from .asymmetry import VERB_CLASSES, share_key
from .model import Measure
from .observe import (
    ATTRIBUTED, ATTRIBUTIONS, BIAS_SENTENCES, BIAS_SUM, QUOTATIONS, READABLE_SENTENCES, READABLE_WORDS,
    SENTENCES, SOURCE_TYPES, SYLLABLES, WORDS, actor_column, category_column, code_column, naming_column,
    source_type_column, verb_class_column,
)

PER_WORDS = "Signals per 1,000 words"
PER_SENTENCE = "Signals per sentence"
SOURCING = "Sourcing (share of sentences)"
QUOTES = "Quotations"
LANGUAGE = "Hedges, boosters and loaded language"
ATTRIBUTION = "Attribution verbs (share of attributions outside quotations)"
NAMING = "Naming variants (share of the group's mentions)"
READABILITY = "Readability (pooled over sentences)"
CLASSIFIER = "Classifier"
CODES_SECTION = "Rule codes per 1,000 words"
ASYMMETRY = "Attribution asymmetry (share of an actor's attributions)"
SOURCE_TYPE_LABELS = {"named": "named source", "secondary": "secondary (other media)",
                      "anonymous": "anonymous source", "none": "no source"}


def build_measures(aggregate: Aggregate, actors: Sequence[str] = ()) -> tuple[Measure, ...]:
    col = aggregate.column
    words, sentences = (col(WORDS),), (col(SENTENCES),)
    measures: list[Measure] = []
    for category in CATEGORIES:
        measures.append(Measure(f"per_1000_words:{category}", PER_WORDS, f"{category}", "per 1,000 words",
                                (col(category_column(category)),), words, 1000.0,
                                example_key=category_column(category)))
    for category in CATEGORIES:
        measures.append(Measure(f"per_sentence:{category}", PER_SENTENCE, f"{category}", "per sentence",
                                (col(category_column(category)),), sentences,
                                example_key=category_column(category)))
    for source_type in SOURCE_TYPES:
        measures.append(Measure(f"source_type_share:{source_type}", SOURCING, SOURCE_TYPE_LABELS[source_type],
                                "share of sentences", (col(source_type_column(source_type)),), sentences,
                                is_share=True, example_key=source_type_column(source_type)))
    measures.append(Measure("attributed_share", SOURCING, "attributed (any source)", "share of sentences",
                            (col(ATTRIBUTED),), sentences, is_share=True, example_key=ATTRIBUTED))
    measures.append(Measure("quotations_per_100_sentences", QUOTES, "quotations (direct and partial)",
                            "per 100 sentences", (col(QUOTATIONS),), sentences, 100.0, example_key=QUOTATIONS))
    measures.append(Measure("scare_quotes_per_100_sentences", QUOTES, "scare quotes", "per 100 sentences",
                            (col(code_column("Q002")),), sentences, 100.0, example_key=code_column("Q002")))
    for code, label in (("H001", "hedges"), ("H002", "boosters"), ("L001", "loaded terms")):
        measures.append(Measure(f"{label.split()[0]}_per_1000_words", LANGUAGE, label, "per 1,000 words",
                                (col(code_column(code)),), words, 1000.0, example_key=code_column(code)))
    attributions = (col(ATTRIBUTIONS),)
    for verb_class in VERB_CLASSES:
        measures.append(Measure(f"verb_class_share:{verb_class}", ATTRIBUTION, verb_class, "share of attributions",
                                (col(verb_class_column(verb_class)),), attributions, is_share=True,
                                example_key=verb_class_column(verb_class)))
    measures.extend(_naming_measures(aggregate))
    readability_inputs = (col(READABLE_SENTENCES), col(READABLE_WORDS), col(SYLLABLES))
    measures.append(Measure("flesch_reading_ease", READABILITY, "Flesch reading ease", "score (higher is easier)",
                            readability_inputs, (col(READABLE_SENTENCES),), formula="flesch_reading_ease"))
    measures.append(Measure("flesch_kincaid_grade", READABILITY, "Flesch-Kincaid grade", "US school grade",
                            readability_inputs, (col(READABLE_SENTENCES),), formula="flesch_kincaid_grade"))
    if aggregate.summary().counts.get(BIAS_SENTENCES):
        measures.append(Measure("mean_bias_probability", CLASSIFIER, "mean bias probability", "probability",
                                (col(BIAS_SUM),), (col(BIAS_SENTENCES),), example_key=category_column("classifier")))
    for code in CODES:
        measures.append(Measure(f"per_1000_words:{code}", CODES_SECTION, f"{code} {RULES[code].name}",
                                "per 1,000 words", (col(code_column(code)),), words, 1000.0,
                                example_key=code_column(code), compact=False))
    measures.extend(_actor_measures(aggregate, actors))
    return tuple(measures)


def _naming_measures(aggregate: Aggregate) -> list[Measure]:
    """For each naming group in which some variant occurs, the share of each variant form."""
    result = []
    label = aggregate.naming_labels.get
    for group, forms in aggregate.naming_forms.items():
        variants = [form for form in forms if form != group]
        if not variants:
            continue
        everything = [group, *variants] if group in forms else variants
        columns = tuple(c for c in (aggregate.column(naming_column(group, f)) for f in everything) if c is not None)
        among = " + ".join(label(f, f) for f in everything)
        for variant in variants:
            column = naming_column(group, variant)
            result.append(Measure(f"naming_share:{group}:{variant}", NAMING,
                                  f"\u201c{label(variant, variant)}\u201d among {among}", "share of mentions",
                                  (aggregate.column(column),), columns, is_share=True, example_key=column))
    return result


def _actor_measures(aggregate: Aggregate, actors: Sequence[str]) -> list[Measure]:
    result = []
    for actor in actors:
        columns = {k: aggregate.column(actor_column(actor, k)) for k in VERB_CLASSES}
        present = tuple(c for c in columns.values() if c is not None)
        name = aggregate.actor_labels.get(actor, actor)
        for verb_class, column in columns.items():
            # An actor never given this class still has a (zero) share; -1 marks the missing column.
            result.append(Measure(share_key(actor, verb_class), ASYMMETRY, f"{name}: {verb_class}",
                                  "share of the actor's attributions", (column if column is not None else -1,),
                                  present, is_share=True, example_key=actor_column(actor, verb_class),
                                  compact=False))
    return result


def evaluate(measures: Sequence[Measure], totals: np.ndarray) -> np.ndarray:
    """Every measure for every row of ``totals`` (rows x columns) -> rows x measures; NaN where undefined."""
    totals = np.atleast_2d(np.asarray(totals, dtype=float))
    padded = np.concatenate([totals, np.zeros((totals.shape[0], 1))], axis=1)  # column -1 reads as zero
    out = np.empty((totals.shape[0], len(measures)))
    with np.errstate(divide="ignore", invalid="ignore"):
        for i, measure in enumerate(measures):
            if measure.formula == "ratio":
                numerator = padded[:, list(measure.numerator)].sum(axis=1)
                denominator = padded[:, list(measure.denominator)].sum(axis=1)
                out[:, i] = np.where(denominator > 0, measure.scale * numerator / denominator, np.nan)
                continue
            sentences, words, syllables = (padded[:, c] for c in measure.numerator)
            words_per_sentence = words / sentences
            syllables_per_word = syllables / words
            if measure.formula == "flesch_reading_ease":
                value = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
            elif measure.formula == "flesch_kincaid_grade":
                value = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
            else:
                raise ValueError(f"unknown formula {measure.formula!r}")
            out[:, i] = np.where((sentences > 0) & (words > 0), value, np.nan)
    return out


def raw_counts(measure: Measure, totals: np.ndarray) -> tuple[float, float]:
    """The numerator and denominator sums behind a ratio (sentences for readability)."""
    padded = np.append(np.asarray(totals, dtype=float), 0.0)
    numerator = padded[list(measure.numerator)].sum() if measure.formula == "ratio" else padded[measure.numerator[1]]
    return float(numerator), float(padded[list(measure.denominator)].sum())
