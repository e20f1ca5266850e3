"""Properties that hold for any corpus: per-group counts add up to the corpus totals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.compare import compare

from .builders import document

#: (code, phrase, details) a sentence may carry; phrases all occur in SENTENCE.
SENTENCE = "Officials in Kiev claimed the brutal regime might fall, Ana Diaz said."
FINDINGS = [
    ("N001", "Kiev", {"preferred": "Kyiv"}),
    ("A002", "claimed", {"verb_class": "doubt", "source": {"start": 0, "end": 9, "text": "Officials"}}),
    ("A001", "said", {"verb_class": "neutral", "source": {"start": 56, "end": 64, "text": "Ana Diaz"}}),
    ("A001", "said", {"verb_class": "neutral", "in_quotation": True}),
    ("L001", "brutal", {"term_category": "emotive"}),
    ("H001", "might", {"hedge_type": "hedge"}),
    ("S002", "Officials", {"source_type": "anonymous"}),
    ("Q002", "regime", {}),
]
SOURCE_TYPES = ["named", "secondary", "anonymous", "none"]

sentence_specs = st.tuples(
    st.lists(st.sampled_from(FINDINGS), max_size=5),
    st.sampled_from(SOURCE_TYPES),
    st.one_of(st.none(), st.floats(min_value=0, max_value=1)),
)
documents = st.lists(
    st.tuples(st.sampled_from(["North", "South", "East", None]), st.lists(sentence_specs, min_size=1, max_size=4)),
    min_size=1, max_size=12,
)


def _build(spec):
    built = []
    for i, (outlet, sentences) in enumerate(spec):
        rows = []
        for findings, source_type, probability in sentences:
            details = {"source_type": source_type, "attributed": source_type != "none"}
            if probability is not None:
                details["bias_probability"] = probability
            rows.append((SENTENCE, findings, details))
        built.append(document(f"doc-{i}", outlet, rows))
    return built


@settings(max_examples=40, deadline=None)
@given(documents)
def test_per_group_counts_add_up_to_the_corpus_totals(test_analyzer, spec):
    comparison = compare(_build(spec), analyzer=test_analyzer, bootstrap=50, permutations=50, top_terms=3)
    corpus = comparison.corpus
    assert sum(g.documents for g in comparison.groups) == corpus.documents == len(spec)
    assert sum(g.sentences for g in comparison.groups) == corpus.sentences
    assert sum(g.words for g in comparison.groups) == corpus.words
    for column, total in corpus.counts.items():
        assert abs(sum(g.counts.get(column, 0) for g in comparison.groups) - total) < 1e-6, column
    assert set().union(*(g.counts for g in comparison.groups)) == set(corpus.counts)


@settings(max_examples=40, deadline=None)
@given(documents)
def test_source_type_shares_of_a_group_sum_to_one(test_analyzer, spec):
    comparison = compare(_build(spec), analyzer=test_analyzer, bootstrap=50, permutations=50, top_terms=0)
    for group in comparison.group_names:
        shares = [comparison.estimate(group, f"source_type_share:{t}").value for t in SOURCE_TYPES]
        assert abs(sum(shares) - 1.0) < 1e-9
