"""Scoring on a dask.distributed cluster: a map over partitions of documents, results in input order."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..document import Document, RecordError
from ..parallel import analyze_chunk, chunked, default_jobs, ordered_results

PARTITION_SIZE = 64


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None):
    """A client for ``scheduler`` (an address such as tcp://host:8786), or a local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("--engine dask needs dask.distributed: pip install 'framing-analyzer[dask]'") from exc
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def analyze_with_dask(items: Iterable[Document | RecordError], options: dict[str, Any], client: Any,
                      partition_size: int = PARTITION_SIZE) -> Iterator[Document | RecordError]:
    """Partitions are submitted as the input streams in; a bounded window keeps memory flat.

    Each worker analyses its partition with one cached Analyzer per process (framing.parallel).
    """
    window = max(4, 3 * len(client.scheduler_info().get("workers", {})))

    def submit(partition: list[Document | RecordError]) -> Any:
        return client.submit(analyze_chunk, partition, options, pure=False)

    for analysed in ordered_results(submit, chunked(items, partition_size), window):
        yield from analysed
