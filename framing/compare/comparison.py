"""compare(): read a corpus once, aggregate per group, then attach intervals, tests, terms and asymmetry."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy as np

from ..document import Document, RecordError
from . import asymmetry, logodds
from .aggregate import Aggregate, CompareAggregator
from .grouping import Input, iter_inputs, missing_group
from .measures import ASYMMETRY, build_measures, evaluate
from .model import NO_OCCURRENCES, Comparison, Difference, Estimate, Settings
from .stats import (
    benjamini_hochberg, bootstrap_totals, estimates_for_group, percentile_interval, permutation_p_values, stream,
)

MAX_KEPT_ERRORS = 1000


def compare(inputs: Input | Iterable[Input], group_by: str = "outlet", *, input_format: str | None = None,
            analyzer: Any = None, seed: int = 0, bootstrap: int = 1000, permutations: int = 1000,
            confidence: float = 0.95, min_documents: int = 10, min_events: int = 10, examples: int = 5,
            top_terms: int = 15, top_actors: int = 12, min_actor_attributions: int = 3,
            on_error: Callable[[RecordError], None] | None = None, jobs: int | None = 1, engine: str = "local",
            scheduler: str | None = None, on_progress: Callable[[int], None] | None = None,
            **analyzer_options: Any) -> Comparison:
    """Compare groups of documents (outlets by default) with intervals, tests and distinguishing terms.

    ``inputs``: paths (files, directories with one subdirectory per outlet, JSONL/CSV corpora)
    or Documents. ``group_by``: a metadata field, or "directory". Bad records are reported
    through ``on_error`` and counted; the run goes on.

    ``jobs``: processes on this machine (None or 0: all cores; small inputs stay in-process).
    ``engine="dask"`` analyses and aggregates partitions on a dask.distributed cluster at
    ``scheduler`` (or a local one). Every engine gives the same Comparison. An ``analyzer``
    object only runs in this process; elsewhere, pass its options (``exclude=...``).
    ``on_progress`` is called with the number of documents aggregated so far.
    """
    from .distributed import aggregate, naming_forms

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    in_process = engine == "local" and jobs == 1
    if analyzer is not None and not in_process:
        raise ValueError("an Analyzer object runs in this process only; pass its options (for example "
                         "exclude=['classifier']) to compare with jobs or engine='dask'")
    if analyzer is None:
        from ..parallel import cached_analyzer
        from ..pipeline import Analyzer

        # Outside this process the workers build their own (or, forked, inherit this cached one).
        analyzer = Analyzer(**analyzer_options) if in_process else cached_analyzer(analyzer_options)
    settings = Settings(group_by=group_by, seed=seed, bootstrap=bootstrap, permutations=permutations,
                        confidence=confidence, min_documents=min_documents, min_events=min_events, examples=examples)
    aggregator = CompareAggregator(naming_forms(analyzer), examples=examples, seed=seed)
    skipped = _SkippedRecords(on_error)
    aggregate(skipped.documents(iter_inputs(inputs, group_by, input_format)), aggregator, analyzer=analyzer,
              options=analyzer_options, jobs=jobs, engine=engine, scheduler=scheduler, on_progress=on_progress)
    return summarise(aggregator.finish(), settings, top_terms=top_terms, top_actors=top_actors,
                     min_actor_attributions=min_actor_attributions, errors=tuple(skipped.errors),
                     skipped=skipped.count)


class _SkippedRecords:
    """Takes the bad records out of the input stream as it is read, keeping the first few messages."""

    def __init__(self, on_error: Callable[[RecordError], None] | None):
        self.on_error = on_error
        self.count = 0
        self.errors: list[str] = []

    def documents(self, items: Iterable[tuple[str, Document] | RecordError]) -> Iterator[tuple[str, Document]]:
        for item in items:
            if not isinstance(item, RecordError):
                yield item
                continue
            self.count += 1
            if len(self.errors) < MAX_KEPT_ERRORS:
                self.errors.append(str(item))
            if self.on_error is not None:
                self.on_error(item)


def summarise(aggregate: Aggregate, settings: Settings, *, top_terms: int = 15, top_actors: int = 12,
              min_actor_attributions: int = 3, errors: tuple[str, ...] = (), skipped: int = 0) -> Comparison:
    """The statistics over an Aggregate (separate from reading, so tests can feed hand-made documents)."""
    corpus = aggregate.summary()
    actors = asymmetry.select_actors(_actor_totals(corpus.counts), top_actors, min_actor_attributions)
    measures = build_measures(aggregate, actors)
    groups = tuple(aggregate.summary(name) for name in aggregate.group_names)
    estimates: dict[str, dict[str, Estimate]] = {}
    replicates: dict[str, np.ndarray] = {}
    for name in aggregate.group_names:
        rows = aggregate.rows_of(name)
        totals = bootstrap_totals(rows, settings.bootstrap, stream(settings.seed, "bootstrap", name))
        replicates[name] = evaluate(measures, totals)
        estimates[name] = estimates_for_group(measures, rows, replicates[name], settings.confidence,
                                              settings.min_documents, settings.min_events)
    differences = _differences(aggregate, measures, estimates, replicates, settings)
    terms = logodds.distinguishing_terms(aggregate.term_counts, top=top_terms, samples=aggregate.term_samples)
    profiles = asymmetry.profiles(aggregate.group_names, actors, aggregate.actor_labels,
                                  lambda g, a, k: _count(groups, g, f"actor:{a}:{k}"))
    gaps = []
    share_columns = {m.key: i for i, m in enumerate(measures) if m.section == ASYMMETRY}
    for name in aggregate.group_names:
        gap = asymmetry.largest_gap(name, [p for p in profiles if p.group == name], estimates[name],
                                    {k: replicates[name][:, i] for k, i in share_columns.items()},
                                    settings.confidence, settings.min_events)
        if gap is not None:
            gaps.append(gap)
    return Comparison(
        settings=settings, groups=groups, corpus=corpus, measures=measures, estimates=estimates,
        differences=differences, distinguishing_terms=terms, actors=tuple(profiles), gaps=tuple(gaps),
        examples={(group, str(key)): found for (group, key), found in aggregate.examples.items()},
        warnings=tuple(_warnings(groups, settings)), errors=errors, skipped=skipped,
    )


def _actor_totals(counts: dict[str, float]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for name, value in counts.items():
        if name.startswith("actor:"):
            actor = name[len("actor:"):].rsplit(":", 1)[0]
            totals[actor] = totals.get(actor, 0) + value
    return totals


def _count(groups, group: str, column: str) -> float:
    for summary in groups:
        if summary.name == group:
            return summary.counts.get(column, 0)
    return 0


def _differences(aggregate: Aggregate, measures, estimates, replicates, settings: Settings) -> tuple[Difference, ...]:
    """Every pair of groups, every measure: bootstrap interval of a - b and a permutation p-value."""
    pending: list[tuple[str, str, str, float | None, float | None, float | None, float | None, str | None]] = []
    for a, b in combinations(aggregate.group_names, 2):
        p_values = permutation_p_values(aggregate.rows_of(a), aggregate.rows_of(b), measures,
                                        settings.permutations, stream(settings.seed, "permutation", a, b))
        for i, measure in enumerate(measures):
            est_a, est_b = estimates[a][measure.key], estimates[b][measure.key]
            warning = est_a.warning or est_b.warning
            if est_a.value is None or est_b.value is None:
                pending.append((measure.key, a, b, None, None, None, None, warning or "undefined in one group"))
                continue
            difference = est_a.value - est_b.value
            if measure.formula == "ratio" and est_a.numerator == 0 and est_b.numerator == 0:
                # Nothing to test: neither group has a single occurrence.
                pending.append((measure.key, a, b, difference, None, None, None, NO_OCCURRENCES))
                continue
            if warning:
                pending.append((measure.key, a, b, difference, None, None, None, warning))
                continue
            low, high = percentile_interval(replicates[a][:, i] - replicates[b][:, i], settings.confidence)
            p = float(p_values[i]) if np.isfinite(p_values[i]) else None
            pending.append((measure.key, a, b, difference, low, high, p, None))
    q_values = benjamini_hochberg([row[6] for row in pending])
    return tuple(Difference(key, a, b, diff, low, high, p, q, warning)
                 for (key, a, b, diff, low, high, p, warning), q in zip(pending, q_values))


def _warnings(groups, settings: Settings) -> list[str]:
    found = []
    if len(groups) < 2:
        found.append("only one group: there is nothing to compare (check --group-by)")
    for summary in groups:
        if summary.documents < settings.min_documents:
            found.append(f"{summary.name}: only {summary.documents} document(s), fewer than "
                         f"{settings.min_documents}; its numbers are shown without intervals or tests")
        if summary.name == missing_group(settings.group_by):
            found.append(f"{summary.documents} document(s) have no {settings.group_by!r}; "
                         "they are grouped as " + summary.name)
    return found
