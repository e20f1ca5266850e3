"""Distinguishing terms: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

For a term w, group i and the rest of the corpus j, with counts y and totals n, and a prior
alpha_w = alpha_0 * (corpus count of w / corpus total):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var     ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var)

The prior shrinks rare terms towards the corpus rate, so a word said twice by one outlet does
not outrank one it says a hundred times more often than the others (the problem with raw
log-odds ratios). alpha_0 defaults to the corpus size, as in the paper's informative prior.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Mapping

import numpy as np

from .model import DistinguishingTerm, Example

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# N-grams made only of these say nothing about framing; terms that contain one still count
# ("the ukraine"). Kept short and explicit rather than importing a large stop list.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
""".split())


def tokens_with_spans(text: str) -> list[tuple[str, int, int, int]]:
    """Lower-cased word tokens: (word, start, end of the word, end of the token).

    A possessive 's is folded so "Kyiv's" counts as "kyiv"; the word's span stops before it,
    the token's span (used to see what follows) includes it.
    """
    result = []
    for found in _TOKEN.finditer(text):
        token = found.group().lower().replace("’", "'")
        word = _POSSESSIVE.sub("", token)
        result.append((word, found.start(), found.end() - (len(token) - len(word)), found.end()))
    return result


def ngrams(text: str) -> Iterator[tuple[str, int, int]]:
    """Unigrams and bigrams of one sentence; a bigram never spans punctuation (only whitespace)."""
    tokens = tokens_with_spans(text)
    for i, (word, start, end, token_end) in enumerate(tokens):
        if word not in STOPWORDS:
            yield word, start, end
        if i + 1 < len(tokens):
            following, next_start, next_end, _ = tokens[i + 1]
            if text[token_end:next_start].strip() == "" and not (word in STOPWORDS and following in STOPWORDS):
                yield f"{word} {following}", start, next_end


class BoundedTermCounter:
    """A Counter that never holds more than ``max_terms`` terms.

    When full, it forgets every term seen at most ``floor`` times and raises the floor (lossy
    counting). Only rare terms are lost, and rare terms never reach the top of a log-odds
    ranking, so memory stays bounded on any corpus while the reported terms stay exact in practice.
    """

    def __init__(self, max_terms: int = 200_000):
        self.max_terms = max_terms
        self.floor = 0
        self.counts: Counter[str] = Counter()

    def update(self, terms: Iterator[str]) -> None:
        self.counts.update(terms)
        if len(self.counts) > self.max_terms:
            while len(self.counts) > self.max_terms // 2:
                self.floor += 1
                self.counts = Counter({t: c for t, c in self.counts.items() if c > self.floor})


def weighted_log_odds(group_counts: Mapping[str, Counter], prior_scale: float | None = None
                      ) -> dict[str, dict[str, tuple[float, float]]]:
    """For each group: term -> (log-odds delta, z) against the rest of the corpus."""
    corpus: Counter[str] = Counter()
    for counts in group_counts.values():
        corpus.update(counts)
    vocabulary = sorted(corpus)
    if not vocabulary or len(group_counts) < 2:
        return {group: {} for group in group_counts}
    total = np.array([corpus[t] for t in vocabulary], dtype=float)
    n_total = total.sum()
    alpha_0 = float(prior_scale) if prior_scale else n_total
    alpha = alpha_0 * total / n_total
    result = {}
    for group, counts in group_counts.items():
        y_i = np.array([counts.get(t, 0) for t in vocabulary], dtype=float)
        y_j = total - y_i
        n_i, n_j = y_i.sum(), n_total - y_i.sum()
        delta = (np.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)))
        z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
        result[group] = {t: (float(d), float(s)) for t, d, s, c in zip(vocabulary, delta, z, y_i) if c > 0}
    return result


def distinguishing_terms(group_counts: Mapping[str, Counter], top: int = 15, min_count: int = 2,
                         prior_scale: float | None = None,
                         samples: Mapping[str, tuple[Example, ...]] | None = None,
                         examples_per_term: int = 3) -> dict[str, tuple[DistinguishingTerm, ...]]:
    """The ``top`` terms by z-score for each group, with example sentences from its sentence sample."""
    scores = weighted_log_odds(group_counts, prior_scale)
    corpus: Counter[str] = Counter()
    for counts in group_counts.values():
        corpus.update(counts)
    result = {}
    for group, by_term in scores.items():
        counts = group_counts[group]
        ranked = sorted(((z, delta, term) for term, (delta, z) in by_term.items() if counts[term] >= min_count),
                        key=lambda t: (-t[0], t[2]))[:top]
        result[group] = tuple(
            DistinguishingTerm(term=term, z=round(z, 4), log_odds=round(delta, 4), count=int(counts[term]),
                               rest_count=int(corpus[term] - counts[term]),
                               examples=_term_examples(term, (samples or {}).get(group, ()), examples_per_term))
            for z, delta, term in ranked
        )
    return result


def _term_examples(term: str, sample: tuple[Example, ...], limit: int) -> tuple[Example, ...]:
    """Sentences of the group's random sentence sample that contain the term, with it marked."""
    found = []
    for example in sample:
        marks = tuple((start, end) for gram, start, end in ngrams(example.text) if gram == term)
        if marks:
            found.append(Example(example.document_id, example.sentence_index, example.text, marks))
            if len(found) >= limit:
                break
    return tuple(found)
