"""Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from framing.compare.logodds import distinguishing_terms, ngrams, weighted_log_odds

from .corpus import COURIER, GAZETTE


def test_log_odds_and_z_follow_the_papers_formula():
    a = Counter({"claimed": 30, "said": 70, "talks": 20})
    b = Counter({"claimed": 5, "said": 95, "talks": 20})
    scores = weighted_log_odds({"A": a, "B": b})
    n_a, n_b = sum(a.values()), sum(b.values())
    n, y = n_a + n_b, 35
    alpha_0, alpha_w = n, n * y / n  # the prior: corpus frequencies scaled to the corpus size
    delta = (math.log((30 + alpha_w) / (n_a + alpha_0 - 30 - alpha_w))
             - math.log((5 + alpha_w) / (n_b + alpha_0 - 5 - alpha_w)))
    z = delta / math.sqrt(1 / (30 + alpha_w) + 1 / (5 + alpha_w))
    assert scores["A"]["claimed"] == pytest.approx((delta, z))
    assert scores["B"]["claimed"][1] == pytest.approx(-z)


def test_a_frequent_skewed_term_outranks_a_rare_one_thanks_to_the_prior():
    a = Counter({"claimed": 40, "said": 60, "zebra": 2})
    b = Counter({"claimed": 10, "said": 90})
    top = distinguishing_terms({"A": a, "B": b}, top=2)["A"]
    assert [t.term for t in top] == ["claimed", "zebra"]
    assert top[0].z > 1.96 > top[1].z


def test_ngrams_are_unigrams_and_bigrams_that_never_cross_punctuation():
    grams = [g for g, _, _ in ngrams("Kyiv's mayor said, the Ukraine")]
    assert grams == ["kyiv", "kyiv mayor", "mayor", "mayor said", "said", "the ukraine", "ukraine"]


def test_ngram_offsets_point_at_the_words():
    text = "The regime in Kiev's north"
    for gram, start, end in ngrams(text):
        assert text[start:end].lower().replace("'s", "").split() == gram.split()


def test_outlets_are_told_apart_by_their_own_words(two_outlets):
    courier = [t.term for t in two_outlets.distinguishing_terms[COURIER]]
    gazette = [t.term for t in two_outlets.distinguishing_terms[GAZETTE]]
    assert courier[0] == "kiev"
    assert "hordiy claimed" in courier and "kremlin said" in courier
    assert "hordiy said" in gazette and "kremlin claimed" in gazette
    assert not set(courier) & set(gazette)


def test_term_examples_mark_the_term_in_a_sampled_sentence(two_outlets):
    term = two_outlets.distinguishing_terms[COURIER][0]
    assert term.examples
    for example in term.examples:
        assert any(example.text[s:e].lower() == "kiev" for s, e in example.marks)
