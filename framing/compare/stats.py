"""Uncertainty: a seeded bootstrap over documents, a permutation test between groups, and the small-sample rule.

* Interval: percentile bootstrap. Each replicate draws a group's documents with replacement
  (the document, not the sentence, is the unit: sentences of one article are not independent),
  sums their count rows and recomputes every measure.
* Difference between two groups: the interval is the percentile interval of the difference of
  their independent bootstrap replicates; the p-value comes from a permutation test that
  reshuffles which documents belong to which of the two groups (two-sided, add-one corrected).
  All p-values of a report are then adjusted together with Benjamini-Hochberg (q-values).
* Random streams are seeded from (seed, group names), so a group's numbers do not change when
  another outlet is added to the corpus, and the same seed gives the same report.
"""

from __future__ import annotations

import zlib
from typing import Sequence

import numpy as np
from scipy import sparse

from .measures import evaluate, raw_counts
from .model import Estimate, Measure

#: Dense weight blocks are limited to about this many cells, so memory stays flat on big corpora.
_BLOCK_CELLS = 4_000_000


def stream(seed: int, *names: str) -> np.random.Generator:
    """A random generator that depends only on the seed and the given names."""
    return np.random.default_rng([seed, *(zlib.crc32(name.encode("utf-8")) for name in names)])


def _block_rows(documents: int) -> int:
    return max(1, _BLOCK_CELLS // max(documents, 1))


def bootstrap_totals(rows: sparse.csr_matrix, replicates: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``replicates`` resamples (with replacement) of the rows: replicates x columns."""
    documents = rows.shape[0]
    out = np.empty((replicates, rows.shape[1]))
    if documents == 0:
        out[:] = 0.0
        return out
    uniform = np.full(documents, 1.0 / documents)
    done = 0
    while done < replicates:
        size = min(_block_rows(documents), replicates - done)
        # How often each document is drawn: one multinomial row per replicate.
        weights = rng.multinomial(documents, uniform, size=size).astype(float)
        out[done:done + size] = np.asarray((rows.T @ weights.T).T)
        done += size
    return out


def percentile_interval(values: np.ndarray, confidence: float) -> tuple[float | None, float | None]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None, None
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(finite, [tail, 100.0 - tail])
    return float(low), float(high)


def small_sample_warning(measure: Measure, documents: int, denominator: float, min_documents: int,
                         min_events: int) -> str | None:
    """Why a group's estimate is too thin for an interval, or None when it is fine."""
    if documents < min_documents:
        return f"only {documents} document{'s' if documents != 1 else ''} (fewer than {min_documents}): no interval"
    if measure.is_share and denominator < min_events:
        return f"only {denominator:g} in the denominator (fewer than {min_events}): no interval"
    return None


def estimates_for_group(measures: Sequence[Measure], rows: sparse.csr_matrix, replicates: np.ndarray,
                        confidence: float, min_documents: int, min_events: int) -> dict[str, Estimate]:
    """Point estimate, interval and raw counts of every measure for one group."""
    documents = rows.shape[0]
    totals = np.asarray(rows.sum(axis=0)).ravel() if documents else np.zeros(rows.shape[1])
    values = evaluate(measures, totals)[0]
    result = {}
    for i, measure in enumerate(measures):
        numerator, denominator = raw_counts(measure, totals)
        value = float(values[i]) if np.isfinite(values[i]) else None
        warning = small_sample_warning(measure, documents, denominator, min_documents, min_events)
        low = high = None
        if warning is None and value is not None:
            low, high = percentile_interval(replicates[:, i], confidence)
        result[measure.key] = Estimate(value, low, high, numerator, denominator, documents, warning)
    return result


def permutation_p_values(rows_a: sparse.csr_matrix, rows_b: sparse.csr_matrix, measures: Sequence[Measure],
                         permutations: int, rng: np.random.Generator) -> np.ndarray:
    """Two-sided permutation p-value of (a - b) for every measure, reshuffling documents between a and b."""
    pooled = sparse.vstack([rows_a, rows_b]).tocsr()
    n_a, n = rows_a.shape[0], pooled.shape[0]
    total = np.asarray(pooled.sum(axis=0)).ravel()
    observed_a = np.asarray(rows_a.sum(axis=0)).ravel()
    observed = evaluate(measures, observed_a)[0] - evaluate(measures, total - observed_a)[0]
    extreme = np.zeros(len(measures))
    membership = np.zeros(n)
    membership[:n_a] = 1.0
    done = 0
    while done < permutations:
        size = min(_block_rows(n), permutations - done)
        # Each row is one relabelling: which n_a of the pooled documents play group a.
        labels = rng.permuted(np.tile(membership, (size, 1)), axis=1)
        totals_a = np.asarray((pooled.T @ labels.T).T)
        diffs = evaluate(measures, totals_a) - evaluate(measures, total - totals_a)
        with np.errstate(invalid="ignore"):
            # A relabelling whose difference is undefined (a zero denominator) counts as extreme:
            # the conservative choice, it can only raise p.
            extreme += np.sum(~(np.abs(diffs) < np.abs(observed) - 1e-12), axis=0)
        done += size
    p_values = (extreme + 1.0) / (permutations + 1.0)
    p_values[~np.isfinite(observed)] = np.nan
    return p_values


def benjamini_hochberg(p_values: Sequence[float | None]) -> list[float | None]:
    """Benjamini-Hochberg adjusted p-values (q-values); None stays None."""
    indexed = [(p, i) for i, p in enumerate(p_values) if p is not None and np.isfinite(p)]
    adjusted: list[float | None] = [None] * len(p_values)
    m = len(indexed)
    running = 1.0
    for rank, (p, i) in reversed(list(enumerate(sorted(indexed), start=1))):
        running = min(running, p * m / rank)
        adjusted[i] = min(1.0, running)
    return adjusted
