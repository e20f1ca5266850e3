"""compare beyond one process: each task analyses a partition of documents and aggregates it where it runs.

Only a PartialAggregate travels back (counts, per-document rows, bounded example samples, term
counts), never the analysed documents; the caller merges partials in partition order. Partitions
are the ones ``CompareAggregator.add`` forms in one process, so every engine gives the same
comparison: in this process, in a process pool (``jobs``), or on dask.distributed.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator
from weakref import WeakKeyDictionary

from ..document import Document
from ..parallel import cached_analyzer, chunked, default_jobs, ordered_results
from .aggregate import PARTITION_SIZE, CompareAggregator, PartialAggregate, PartialAggregator
from .grouping import analysed_pairs
from .naming_forms import NamingForms

#: Fewer documents than this stay in this process: starting a pool would cost more than it saves.
MIN_POOL_DOCUMENTS = 2 * PARTITION_SIZE

Pair = tuple[str, Document]
Progress = Callable[[int], None]

_naming_forms: WeakKeyDictionary = WeakKeyDictionary()


def naming_forms(analyzer: Any) -> NamingForms:
    """The naming forms of an analyzer's lexicons, compiled once per analyzer."""
    forms = _naming_forms.get(analyzer)
    if forms is None:
        forms = _naming_forms[analyzer] = NamingForms(analyzer.lexicons.family("naming"))
    return forms


def aggregate_partition(pairs: list[Pair], options: dict[str, Any], partial_options: dict[str, Any]
                        ) -> PartialAggregate:
    """The task (in a pool process or on a dask worker): analyse a partition and aggregate it."""
    analyzer = cached_analyzer(options)
    partial = PartialAggregator(naming_forms(analyzer), **partial_options)
    for group, document in analysed_pairs(pairs, analyzer, batch_size=len(pairs) or 1):
        partial.add(group, document)
    return partial.finish()


def aggregate(pairs: Iterable[Pair], aggregator: CompareAggregator, *, analyzer: Any, options: dict[str, Any],
              jobs: int | None = 1, engine: str = "local", scheduler: str | None = None,
              on_progress: Progress | None = None) -> None:
    """Feed every (group, document) pair to ``aggregator``, on the engine asked for.

    ``jobs``: processes on this machine (None or 0: all cores); with ``engine="dask"`` and no
    ``scheduler``, the number of workers of the local cluster started for the run.
    """
    if engine == "dask":
        _aggregate_on_dask(pairs, aggregator, options, scheduler, jobs or None, on_progress)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; expected 'local' or 'dask'")
    jobs = default_jobs() if not jobs or jobs <= 0 else jobs
    pairs = iter(pairs)
    head = list(islice(pairs, MIN_POOL_DOCUMENTS))
    if jobs == 1 or len(head) < MIN_POOL_DOCUMENTS:
        for group, document in analysed_pairs(chain(head, pairs), analyzer):
            aggregator.add(group, document)
            if on_progress is not None and aggregator.documents % PARTITION_SIZE == 0:
                on_progress(aggregator.documents)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            def submit(partition: list[Pair]):
                return pool.submit(aggregate_partition, partition, options, aggregator.partial_options())

            _merge_in_order(ordered_results(submit, chunked(chain(head, pairs), PARTITION_SIZE), 3 * jobs),
                            aggregator, on_progress)
    if on_progress is not None:
        on_progress(aggregator.documents)


def _aggregate_on_dask(pairs: Iterable[Pair], aggregator: CompareAggregator, options: dict[str, Any],
                       scheduler: str | None, workers: int | None, on_progress: Progress | None) -> None:
    from ..engines.dask import dask_client

    with dask_client(scheduler, workers=workers) as client:
        window = max(4, 3 * len(client.scheduler_info().get("workers", {})))

        def submit(partition: list[Pair]):
            return client.submit(aggregate_partition, partition, options, aggregator.partial_options(), pure=False)

        _merge_in_order(ordered_results(submit, chunked(pairs, PARTITION_SIZE), window), aggregator, on_progress)


def _merge_in_order(partials: Iterator[PartialAggregate], aggregator: CompareAggregator,
                    on_progress: Progress | None) -> None:
    for partial in partials:
        aggregator.merge(partial)
        if on_progress is not None:
            on_progress(aggregator.documents)
