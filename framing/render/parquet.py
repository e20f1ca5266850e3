"""Parquet output: one row per document with its metadata, headline numbers and the full JSON report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..atomic_write import replacing
from ..document import SCHEMA_VERSION, Document

ROWS_PER_GROUP = 2048


def write_parquet(documents: Iterable[Document], path: Path) -> int:
    """Streams documents into ``path`` in row groups; returns the number written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("outlet", pa.string()), ("date", pa.string()), ("title", pa.string()),
        ("url", pa.string()), ("sentences", pa.int64()), ("words", pa.int64()), ("findings", pa.int64()),
        ("sourcing_density", pa.float64()), ("schema_version", pa.string()), ("report", pa.string()),
    ])
    written = 0
    rows: list[dict] = []
    with replacing(path) as temporary, pq.ParquetWriter(temporary, schema) as writer:
        for document in documents:
            summary = document.summary
            rows.append({
                "id": document.id,
                **{k: None if document.meta.get(k) is None else str(document.meta[k]) for k in ("outlet", "date", "title", "url")},
                "sentences": summary.get("sentences", 0), "words": summary.get("words", 0),
                "findings": summary.get("findings", 0), "sourcing_density": summary.get("sourcing_density", 0.0),
                "schema_version": SCHEMA_VERSION, "report": json.dumps(document.to_dict(), ensure_ascii=False),
            })
            if len(rows) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                written += len(rows)
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            written += len(rows)
    return written
