"""JSON and JSON Lines reports (schema: framing/schema/report.schema.json), streamed document by document."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from .. import __version__
from ..document import SCHEMA_VERSION, Document, RecordError


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def render(documents: Iterable[Document], out: TextIO, errors: list[RecordError]) -> None:
    out.write('{"schema_version": %s, "generator": %s, "documents": [' % (
        _dump(SCHEMA_VERSION), _dump({"name": "framing", "version": __version__})))
    for i, document in enumerate(documents):
        out.write(("," if i else "") + "\n" + _dump(document.to_dict()))
    out.write('\n], "errors": ' + _dump([error_dict(e) for e in errors]) + "}\n")


def render_lines(documents: Iterable[Document], out: TextIO, errors: list[RecordError]) -> None:
    """One document a line, each carrying the schema version."""
    for document in documents:
        out.write(_dump({"schema_version": SCHEMA_VERSION, **document.to_dict()}) + "\n")


def error_dict(error: RecordError) -> dict:
    return {"source": error.source, "line": error.line, "message": error.message}
