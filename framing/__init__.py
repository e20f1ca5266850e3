"""framing: explainable media framing analysis, sentence by sentence.

    >>> import framing
    >>> report = framing.analyze("Officials in Kiev reportedly said ...")
    >>> [f.code for f in report.findings]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from .document import SCHEMA_VERSION, Document, Finding, RecordError, Sentence

__all__ = [
    "analyze", "analyze_files", "Analyzer", "Document", "Sentence", "Finding", "RecordError",
    "SCHEMA_VERSION", "__version__",
]
__version__ = "0.1.0"

_default_analyzer = None


def _analyzer(**options: Any) -> "Analyzer":
    global _default_analyzer
    from .pipeline import Analyzer

    if options:
        return Analyzer(**options)
    if _default_analyzer is None:
        _default_analyzer = Analyzer()
    return _default_analyzer


def analyze(text: str, *, format: str = "text", id: str = "", meta: dict[str, Any] | None = None,
            **options: Any) -> Document:
    """The framing report for one text (``format``: text, markdown or html)."""
    from .loaders import make_document

    return _analyzer(**options).analyze(make_document(text, format, id=id, meta=meta))


def analyze_files(paths: Iterable[str | Path], *, input_format: str | None = None, jobs: int | None = 1,
                  engine: str = "local", scheduler: str | None = None,
                  **options: Any) -> Iterator[Document | RecordError]:
    """Reports for files, directories and JSONL/CSV/Parquet corpora, streamed in input order.

    ``jobs``: processes on this machine (None or 0: all cores; small inputs stay in-process).
    ``engine="dask"`` runs on a dask.distributed cluster at ``scheduler`` (or a local one).
    Bad records come back as RecordError (with file and line) instead of stopping the run.
    """
    from .loaders import iter_documents

    items = iter_documents([str(p) for p in paths], input_format)
    if engine == "dask":
        return _analyze_on_dask(items, options, scheduler, jobs)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; expected 'local' or 'dask'")
    from .parallel import analyze_stream

    return analyze_stream(items, jobs, options, analyzer=_analyzer(**options) if jobs == 1 else None)


def _analyze_on_dask(items: Iterable, options: dict[str, Any], scheduler: str | None,
                     jobs: int | None) -> Iterator[Document | RecordError]:
    from .engines.dask import analyze_with_dask, dask_client

    with dask_client(scheduler, workers=jobs or None) as client:
        yield from analyze_with_dask(items, options, client)


def __getattr__(name: str) -> Any:
    if name == "Analyzer":
        from .pipeline import Analyzer

        return Analyzer
    raise AttributeError(name)
