"""Scoring on every core of one machine: a process pool fed in bounded, ordered chunks."""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .document import Document, RecordError

#: Documents per task: large enough to amortise inter-process overhead, small enough to stream.
CHUNK_SIZE = 16
#: Below this many documents a pool costs more (start-up, loading lexicons) than it saves.
POOL_THRESHOLD = 48

_worker_analyzer = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(options: dict[str, Any]) -> None:
    global _worker_analyzer
    from .pipeline import Analyzer

    _worker_analyzer = Analyzer(**options)


def _analyze_chunk(chunk: list[Document | RecordError]) -> list[Document | RecordError]:
    assert _worker_analyzer is not None
    return list(_worker_analyzer.analyze_all(chunk))


def _chunks(items: Iterable[Document | RecordError], size: int) -> Iterator[list[Document | RecordError]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_in_pool(items: Iterable[Document | RecordError], jobs: int, options: dict[str, Any],
                    chunk_size: int = CHUNK_SIZE) -> Iterator[Document | RecordError]:
    """Analysed documents in input order, ``jobs`` processes; at most a few chunks per worker in flight."""
    window = max(2, jobs * 3)
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.submit(_analyze_chunk, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def analyze_stream(items: Iterable[Document | RecordError], jobs: int | None, options: dict[str, Any],
                   analyzer: Any = None) -> Iterator[Document | RecordError]:
    """In this process for small inputs or ``jobs == 1``; otherwise in a pool of ``jobs`` (None: all cores)."""
    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    iterator = iter(items)
    head = list(islice(iterator, POOL_THRESHOLD))
    if jobs == 1 or len(head) < POOL_THRESHOLD:
        if analyzer is None:
            from .pipeline import Analyzer

            analyzer = Analyzer(**options)
        yield from analyzer.analyze_all(_chain(head, iterator))
        return
    yield from analyze_in_pool(_chain(head, iterator), jobs, options)


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


# Helpers for other parallel callers (framing.compare runs its own per-partition task).

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
    return _chunks(items, size)


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
