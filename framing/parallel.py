"""Scoring on every core of one machine: a process pool fed in bounded, ordered chunks.

The helpers at the bottom (one cached Analyzer per process, chunking, an ordered bounded window
of futures) are shared with the dask engine and with framing.compare's per-partition tasks.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator

from .document import Document, RecordError

#: Documents per task: large enough to amortise inter-process overhead, small enough to stream.
CHUNK_SIZE = 16
#: Below this many documents a pool costs more (start-up, loading lexicons) than it saves.
POOL_THRESHOLD = 48


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_chunk(chunk: list[Document | RecordError], options: dict[str, Any]) -> list[Document | RecordError]:
    """The task a pool process or a dask worker runs: one batch through that process's Analyzer."""
    return list(cached_analyzer(options).analyze_all(chunk))


def analyze_in_pool(items: Iterable[Document | RecordError], jobs: int, options: dict[str, Any],
                    chunk_size: int = CHUNK_SIZE) -> Iterator[Document | RecordError]:
    """Analysed documents in input order, ``jobs`` processes; at most a few chunks per worker in flight."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        submit = partial(pool.submit, analyze_chunk, options=options)
        for analysed in ordered_results(submit, chunked(items, chunk_size), max(2, jobs * 3)):
            yield from analysed


def analyze_stream(items: Iterable[Document | RecordError], jobs: int | None, options: dict[str, Any],
                   analyzer: Any = None) -> Iterator[Document | RecordError]:
    """In this process for small inputs or ``jobs == 1``; otherwise in a pool of ``jobs`` (None: all cores)."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    iterator = iter(items)
    head = list(islice(iterator, POOL_THRESHOLD))
    if jobs == 1 or len(head) < POOL_THRESHOLD:
        yield from (analyzer or cached_analyzer(options)).analyze_all(chain(head, iterator))
        return
    yield from analyze_in_pool(chain(head, iterator), jobs, options)


_cached_analyzers: dict[str, Any] = {}


def cached_analyzer(options: dict[str, Any]) -> Any:
    """One Analyzer per process and option set, built on first use and reused by every later task.

    Built in a parent before a pool forks, it is inherited by the workers instead of rebuilt.
    """
    import json

    key = json.dumps(options, sort_keys=True, default=str)
    analyzer = _cached_analyzers.get(key)
    if analyzer is None:
        from .pipeline import Analyzer

        analyzer = _cached_analyzers[key] = Analyzer(**options)
    return analyzer


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of ``size`` consecutive items (the last one may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered_results(submit: Callable[[Any], Any], tasks: Iterable[Any], window: int) -> Iterator[Any]:
    """``submit(task).result()`` for every task, in task order, with at most ``window`` submitted ahead.

    ``submit`` returns anything with ``.result()``: a concurrent.futures or a dask Future.
    """
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
