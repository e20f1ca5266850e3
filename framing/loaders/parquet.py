"""Parquet corpora, read in record batches so memory stays flat (needs pyarrow)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..document import Document, RecordError, printable_name

BATCH_ROWS = 1024


def read_parquet(path: Path, text_column: str = "text") -> Iterator[Document | RecordError]:
    from . import InputError, _record_document

    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - optional extra
        raise InputError(str(path), "reading Parquet needs pyarrow: pip install 'framing-analyzer[parquet]'") from None
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise InputError(str(path), f"not a readable Parquet file ({_first_line(exc)})") from None
    if text_column not in parquet.schema_arrow.names:
        raise InputError(str(path), f"Parquet file has no {text_column!r} column")
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield _record_document(record, printable_name(str(path)), row, "text")
    except Exception as exc:  # a damaged row group fails only when it is read
        raise InputError(str(path), f"unreadable after row {row} ({_first_line(exc)})") from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
