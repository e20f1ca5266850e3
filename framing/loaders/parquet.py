"""Parquet corpora, read in record batches so memory stays flat (needs pyarrow)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..document import Document, RecordError

BATCH_ROWS = 1024


def read_parquet(path: Path, text_column: str = "text") -> Iterator[Document | RecordError]:
    from . import InputError, _record_document

    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - optional extra
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'framing-analyzer[parquet]'") from None
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a damaged file
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    if text_column not in parquet.schema_arrow.names:
        raise InputError(f"{path}: Parquet file has no {text_column!r} column")
    row = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            yield _record_document(record, str(path), row, "text")
