"""Attribution asymmetry: who gets "said" and who gets "claimed", per outlet."""

from __future__ import annotations

import pytest

from framing.compare.asymmetry import actor_label

from .corpus import COURIER, GAZETTE


@pytest.mark.parametrize("span, label", [
    ("the Russian Foreign Ministry", "Russian Foreign Ministry"),
    ("Foreign Ministry's", "Foreign Ministry"),
    ("  Gen.  Olena   Bondar ", "Gen. Olena Bondar"),
    ("he", None),
    ("They", None),
    ("", None),
])
def test_actor_labels_drop_articles_possessives_and_pronouns(span, label):
    assert actor_label(span) == label


def test_each_outlet_casts_doubt_on_the_other_side(two_outlets):
    profiles = {(p.group, p.label): p for p in two_outlets.actors}
    assert profiles[(GAZETTE, "Mayor Vitali Hordiy")].counts["neutral"] == 18
    assert profiles[(GAZETTE, "Kremlin")].counts["doubt"] == 12
    assert profiles[(COURIER, "Mayor Vitali Hordiy")].counts["doubt"] == 12
    assert profiles[(COURIER, "Kremlin")].counts["neutral"] == 12


def test_actor_shares_have_intervals_and_cross_outlet_tests(two_outlets):
    key = "actor_share:kremlin:doubt"
    assert two_outlets.estimate(GAZETTE, key).value == 1.0
    assert two_outlets.estimate(COURIER, key).value == 0.0
    difference = two_outlets.difference(key, GAZETTE, COURIER)
    assert difference.difference == 1.0 and difference.p_value < 0.01


def test_the_largest_within_outlet_gap_is_reported_with_its_direction(two_outlets):
    gaps = {g.group: g for g in two_outlets.gaps}
    assert (gaps[GAZETTE].actor_high, gaps[GAZETTE].actor_low) == ("Kremlin", "Mayor Vitali Hordiy")
    assert (gaps[COURIER].actor_high, gaps[COURIER].actor_low) == ("Mayor Vitali Hordiy", "Kremlin")
    assert gaps[COURIER].difference == 1.0


def test_actor_examples_mark_the_verb_and_the_source(two_outlets):
    examples = two_outlets.examples[(COURIER, "actor:kremlin:neutral")]
    assert examples
    marked = {examples[0].text[s:e] for s, e in examples[0].marks}
    assert marked == {"said", "The Kremlin"}
