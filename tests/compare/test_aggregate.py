"""Per-group counts: exact on the synthetic outlets, grouping by field or directory, bounded memory."""

from __future__ import annotations

import json

import pytest

from framing.compare import compare
from framing.compare.aggregate import CompareAggregator
from framing.compare.logodds import BoundedTermCounter
from framing.compare.naming_forms import NamingForms, form_key

from .builders import document
from .conftest import FAST
from .corpus import COURIER, EXPECTED, GAZETTE, write_directories, write_jsonl


def test_synthetic_outlets_have_exactly_the_counts_they_were_written_with(two_outlets):
    for group in two_outlets.groups:
        for column, expected in EXPECTED[group.name].items():
            assert group.counts.get(column, 0) == expected, (group.name, column)


def test_groups_keep_the_order_in_which_outlets_first_appear(two_outlets):
    assert two_outlets.group_names == (GAZETTE, COURIER)


def test_kiev_share_counts_the_preferred_form_kyiv_too(two_outlets):
    courier = two_outlets.estimate(COURIER, "naming_share:kyiv:kiev")
    gazette = two_outlets.estimate(GAZETTE, "naming_share:kyiv:kiev")
    assert (courier.numerator, courier.denominator) == (18, 22)
    assert courier.value == pytest.approx(18 / 22)
    assert (gazette.numerator, gazette.denominator, gazette.value) == (0, 12, 0.0)


def test_rates_are_pooled_per_1000_words_and_per_sentence(two_outlets):
    courier = next(g for g in two_outlets.groups if g.name == COURIER)
    loaded = two_outlets.estimate(COURIER, "loaded_per_1000_words")
    assert loaded.value == pytest.approx(1000 * 18 / courier.words)
    per_sentence = two_outlets.estimate(COURIER, "per_sentence:loaded")
    assert per_sentence.value == pytest.approx(18 / courier.sentences)


def test_verb_class_profile_ignores_reporting_verbs_inside_quotations(test_analyzer):
    quoted = document("q", "X", [("\u201cThey claimed it was safe,\u201d Ana Diaz said.", [], {})])
    comparison = compare([test_analyzer.analyze(quoted)], analyzer=test_analyzer, **FAST)
    counts = comparison.groups[0].counts
    assert counts["code:A002"] == 1  # the detector still reports it ...
    assert counts.get("verb_class:doubt", 0) == 0  # ... but it is the speaker's verb, not the outlet's
    assert counts["verb_class:neutral"] == 1


def test_mean_classifier_probability_is_reported_once_sentences_carry_one(test_analyzer):
    docs = [document(f"d{i}", "A", [("One.", [], {"bias_probability": 0.2}), ("Two.", [], {"bias_probability": 0.6}),
                                     ("Three.", [], {})]) for i in range(3)]
    comparison = compare(docs, analyzer=test_analyzer, **FAST)
    estimate = comparison.estimate("A", "mean_bias_probability")
    assert estimate.value == pytest.approx(0.4) and estimate.denominator == 6


def test_no_classifier_measure_without_probabilities(two_outlets):
    assert all(m.key != "mean_bias_probability" for m in two_outlets.measures)


def test_directories_name_the_group_by_their_first_component(tmp_path, test_analyzer):
    root = write_directories(tmp_path / "corpus", per_outlet=3)
    (root / "harbour-gazette" / "2024").mkdir()
    (root / "harbour-gazette" / "2024" / "late.txt").write_text("Crews in Kyiv worked late.\n", encoding="utf-8")
    comparison = compare([root], analyzer=test_analyzer, **FAST)
    sizes = {g.name: g.documents for g in comparison.groups}
    assert sizes == {"harbour-gazette": 4, "ridgeline-courier": 3}


def test_csv_corpora_group_by_their_outlet_column(tmp_path, test_analyzer):
    import csv

    from .corpus import records

    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "outlet", "title", "text"])
        writer.writeheader()
        writer.writerows(records(3))
    comparison = compare([path], analyzer=test_analyzer, **FAST)
    assert {g.name: g.documents for g in comparison.groups} == {GAZETTE: 3, COURIER: 3}
    assert next(g for g in comparison.groups if g.name == COURIER).counts["naming:kyiv:kiev"] == 3 + 1


def test_group_by_another_field(tmp_path, test_analyzer):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"text": f"Crews in Kyiv worked on day {i}.", "desk": "a" if i % 3 else "b"})
                            + "\n" for i in range(6)), encoding="utf-8")
    comparison = compare([path], group_by="desk", analyzer=test_analyzer, **FAST)
    assert {g.name: g.documents for g in comparison.groups} == {"b": 2, "a": 4}


def test_records_without_the_field_form_their_own_group_with_a_warning(tmp_path, test_analyzer):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": "Crews in Kyiv worked.", "outlet": "A"}) + "\n"
                    + json.dumps({"text": "Crews in Odesa worked."}) + "\n", encoding="utf-8")
    comparison = compare([path], analyzer=test_analyzer, **FAST)
    assert comparison.group_names == ("A", "(no outlet)")
    assert any("have no 'outlet'" in w for w in comparison.warnings)


def test_bad_records_are_reported_and_the_run_goes_on(tmp_path, test_analyzer):
    path = write_jsonl(tmp_path / "corpus.jsonl", per_outlet=2)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n" + json.dumps({"outlet": "A"}) + "\n")
    seen = []
    comparison = compare([path], analyzer=test_analyzer, on_error=seen.append, **FAST)
    assert comparison.corpus.documents == 4
    assert comparison.skipped == 2 and len(seen) == 2
    assert comparison.errors[0].endswith("invalid JSON: Expecting property name enclosed in double quotes (column 2)")


def test_preferred_forms_are_counted_once_and_never_inside_a_flagged_variant(test_analyzer):
    from framing.lexicon import Entry

    entries = [Entry("naming", "the Ukraine", ("the Ukraine",), "r", False, {"preferred": "Ukraine"}, "t"),
               Entry("naming", "Kiev", ("Kiev",), "r", False, {"preferred": "Kyiv"}, "t")]
    naming = NamingForms(entries)
    doc = document("d", "X", [("Grain from the Ukraine reached Kyiv's port and Ukraine's north.",
                                [("N001", "the Ukraine", {"preferred": "Ukraine"})], {})])
    mentions = [(m.group, m.form, m.preferred) for m in naming.mentions(doc)]
    assert mentions == [("ukraine", "the ukraine", False), ("kyiv", "kyiv", True), ("ukraine", "ukraine", True)]


def test_form_key_folds_case_apostrophes_and_possessives():
    assert form_key("KIEV\u2019s") == form_key("Kiev's") == form_key("kiev") == "kiev"


def test_example_samples_and_term_counters_stay_bounded_on_a_long_stream():
    aggregator = CompareAggregator(NamingForms([]), examples=3, seed=1, term_sample=10, max_terms=50)
    for i in range(1500):
        aggregator.add("A", document(f"d{i}", "A", [(f"Word{i} appears once with filler{i % 7}.",
                                                      [("H001", "appears", {})], {})]))
    aggregate = aggregator.finish()
    assert len(aggregate.examples[("A", "code:H001")]) == 3
    assert len(aggregate.term_samples["A"]) == 10
    assert len(aggregate.term_counts["A"]) <= 50
    assert aggregate.matrix.shape[0] == 1500


def test_bounded_counter_forgets_only_rare_terms():
    counter = BoundedTermCounter(max_terms=10)
    for i in range(100):
        counter.update(iter(["frequent", f"rare{i}"]))
    assert counter.counts["frequent"] >= 90
    assert len(counter.counts) <= 10
