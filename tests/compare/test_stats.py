"""Intervals, tests and the small-sample rule."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from framing.compare import compare
from framing.compare.model import Measure
from framing.compare.stats import (
    benjamini_hochberg, bootstrap_totals, percentile_interval, permutation_p_values, stream,
)

from .conftest import FAST
from .corpus import COURIER, GAZETTE, TWO_OUTLETS, records

RATE = Measure("rate", "s", "rate", "per 1,000 words", numerator=(0,), denominator=(1,), scale=1000.0)


def test_the_same_seed_gives_the_same_report(test_analyzer, two_outlets):
    again = compare([TWO_OUTLETS], analyzer=test_analyzer, seed=0, **FAST)
    assert again.estimates == two_outlets.estimates
    assert again.differences == two_outlets.differences


def test_another_seed_moves_the_intervals_but_not_the_estimates(test_analyzer, two_outlets):
    other = compare([TWO_OUTLETS], analyzer=test_analyzer, seed=7, **FAST)
    key = "naming_share:kyiv:kiev"
    assert other.estimate(COURIER, key).value == two_outlets.estimate(COURIER, key).value
    assert other.estimate(COURIER, key).low != two_outlets.estimate(COURIER, key).low


def test_every_interval_brackets_its_estimate_on_the_synthetic_outlets(two_outlets):
    for group, by_measure in two_outlets.estimates.items():
        for key, estimate in by_measure.items():
            if estimate.low is not None:
                assert estimate.low - 1e-9 <= estimate.value <= estimate.high + 1e-9, (group, key)


def test_a_group_keeps_its_numbers_when_another_outlet_joins(test_analyzer, two_outlets, tmp_path):
    import json

    third = [{"outlet": "Third", "text": r["text"]} for r in records(12)[:12]]
    path = tmp_path / "three.jsonl"
    path.write_text(TWO_OUTLETS.read_text(encoding="utf-8")
                    + "".join(json.dumps(r) + "\n" for r in third), encoding="utf-8")
    three = compare([path], analyzer=test_analyzer, seed=0, **FAST)
    key = "naming_share:kyiv:kiev"
    assert three.estimate(GAZETTE, "loaded_per_1000_words") == two_outlets.estimate(GAZETTE, "loaded_per_1000_words")
    assert three.estimate(COURIER, key) == two_outlets.estimate(COURIER, key)
    assert len({(d.group_a, d.group_b) for d in three.differences}) == 3


def test_clear_differences_are_significant_and_identical_profiles_are_not(two_outlets):
    kiev = two_outlets.difference("naming_share:kyiv:kiev", GAZETTE, COURIER)
    assert kiev.difference == pytest.approx(-18 / 22)
    assert kiev.p_value < 0.01 and kiev.q_value < 0.05
    assert kiev.high < 0
    doubt = two_outlets.difference("verb_class_share:doubt", GAZETTE, COURIER)
    assert doubt.difference == pytest.approx(0.0) and doubt.p_value > 0.5


def test_permutation_p_value_is_uniform_ish_under_the_null():
    rng = np.random.default_rng(3)
    rows = sparse.csr_matrix(np.column_stack([rng.poisson(3, 60), rng.integers(80, 120, 60)]).astype(float))
    p_values = [permutation_p_values(rows[:30], rows[30:], [RATE], 199, stream(i, "null"))[0] for i in range(20)]
    assert 0.2 < float(np.mean(p_values)) < 0.8
    assert min(p_values) >= 1 / 200


def test_bootstrap_interval_covers_a_known_rate():
    rng = np.random.default_rng(11)
    words = rng.integers(200, 400, 400)
    counts = rng.binomial(words, 0.01)
    rows = sparse.csr_matrix(np.column_stack([counts, words]).astype(float))
    from framing.compare.measures import evaluate

    replicates = evaluate([RATE], bootstrap_totals(rows, 500, stream(0, "coverage")))[:, 0]
    low, high = percentile_interval(replicates, 0.95)
    assert low < 10.0 < high  # the true rate: 1% of words = 10 per 1,000 words
    assert high - low < 3.0


def test_benjamini_hochberg_matches_a_hand_computed_example():
    # m = 4 tests; sorted p 0.01, 0.03, 0.04, 0.2 -> p*m/rank 0.04, 0.06, 0.0533, 0.2 -> running minimum from the top.
    q = benjamini_hochberg([0.01, 0.04, 0.03, None, 0.2])
    assert q[0] == pytest.approx(0.04)
    assert q[1] == pytest.approx(0.04 * 4 / 3) and q[2] == pytest.approx(0.04 * 4 / 3)
    assert q[3] is None and q[4] == pytest.approx(0.2)


def test_small_groups_get_counts_and_a_warning_instead_of_intervals(test_analyzer, tmp_path):
    from .corpus import write_jsonl

    path = write_jsonl(tmp_path / "small.jsonl", per_outlet=4)
    comparison = compare([path], analyzer=test_analyzer, **FAST)
    estimate = comparison.estimate(COURIER, "naming_share:kyiv:kiev")
    assert estimate.low is None and estimate.high is None
    assert "only 4 documents" in estimate.warning
    difference = comparison.difference("naming_share:kyiv:kiev", GAZETTE, COURIER)
    assert difference.p_value is None and difference.warning
    assert any("fewer than 10" in w for w in comparison.warnings)


def test_shares_resting_on_few_events_are_flagged_even_in_large_groups(two_outlets):
    officials = two_outlets.estimate(COURIER, "actor_share:officials:neutral")
    assert officials.denominator == 6
    assert officials.warning.startswith("only 6 in the denominator")
