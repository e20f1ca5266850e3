"""Reading inputs (files, directories, stdin, JSONL and CSV corpora) into Documents with offsets."""

from __future__ import annotations

import csv
import io
import json
import sys
from itertools import chain
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..document import Document, RecordError
from .html import html_prose
from .markdown import markdown_prose
from .masking import mask_urls

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".parquet": "parquet", ".gz": "jsonl",
}
TEXT_FORMATS = ("text", "markdown", "html")
META_FIELDS = ("outlet", "date", "url", "title")


class InputError(Exception):
    """An input that cannot be read at all; the message names the file (and line)."""


def prose_view(text: str, fmt: str) -> str:
    """The text with everything that is not prose blanked out, offsets unchanged."""
    if fmt == "markdown":
        prose = markdown_prose(text)
    elif fmt == "html":
        prose = html_prose(text)
    else:
        prose = text
    return mask_urls(prose)


def make_document(text: str, fmt: str = "text", id: str = "", meta: dict[str, Any] | None = None,
                  path: str | None = None) -> Document:
    if fmt not in TEXT_FORMATS:
        raise InputError(f"unknown text format {fmt!r} (expected one of {', '.join(TEXT_FORMATS)})")
    return Document(text=text, id=id, meta=dict(meta or {}), prose=prose_view(text, fmt), path=path)


def decode(data: bytes, name: str) -> str:
    """Bytes to text, with a one-line error naming the file for binary or non-UTF-8 input."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "convert the file to UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


def format_of(path: Path, override: str | None = None) -> str:
    if override:
        return override
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unsupported file type '{path.suffix or '(none)'}' "
                         f"(expected {', '.join(sorted(FORMATS))}, or pass --input-format)")
    return fmt


def read_file(path: Path, fmt: str) -> Iterator[Document | RecordError]:
    """Documents from one file: one for a text file, one per record for a corpus."""
    if fmt == "jsonl":
        yield from read_jsonl(path)
        return
    if fmt == "csv":
        yield from read_csv(path)
        return
    if fmt == "parquet":
        from .parquet import read_parquet

        yield from read_parquet(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    yield make_document(text, fmt, id=str(path), path=str(path))


def _record_document(record: Any, source: str, line: int, default_format: str) -> Document | RecordError:
    if not isinstance(record, dict):
        return RecordError(source, line, "a record must be a JSON object with a \"text\" field")
    text = record.get("text")
    if not isinstance(text, str):
        return RecordError(source, line, "record has no \"text\" string")
    if not text.strip():
        return RecordError(source, line, "record's \"text\" is empty")
    fmt = record.get("format", default_format)
    if fmt not in TEXT_FORMATS:
        return RecordError(source, line, f"unknown \"format\" {fmt!r}")
    meta = {k: record[k] for k in record if k not in ("text", "id", "format")}
    identifier = record.get("id")
    identifier = str(identifier) if identifier is not None else f"{source}:{line}"
    return make_document(text, fmt, id=identifier, meta=meta, path=source)


def read_jsonl(path: Path | str, stream: Iterable[bytes] | None = None,
               default_format: str = "text") -> Iterator[Document | RecordError]:
    """One document per line; a bad line becomes a RecordError and reading goes on."""
    source = str(path)
    try:
        lines = stream if stream is not None else _open_lines(Path(path))
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                record = json.loads(line)
            except UnicodeDecodeError:
                yield RecordError(source, number, "invalid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield RecordError(source, number, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            yield _record_document(record, source, number, default_format)
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None


def _open_lines(path: Path) -> Iterator[bytes]:
    if path.suffix == ".gz":
        import gzip

        with gzip.open(path, "rb") as handle:
            yield from handle
    else:
        with path.open("rb") as handle:
            yield from handle


def read_csv(path: Path, text_column: str = "text") -> Iterator[Document | RecordError]:
    """A CSV corpus (delimiter sniffed among , ; tab |); columns as in JSONL."""
    source = str(path)
    try:
        handle = path.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    with handle:
        head = handle.readline()
        delimiter = max(",;\t|", key=head.count)
        reader = csv.DictReader(chain([head], handle), delimiter=delimiter)
        if reader.fieldnames is None or text_column not in reader.fieldnames:
            raise InputError(f"{source}:1: CSV header has no {text_column!r} column")
        try:
            for record in reader:
                yield _record_document(record, source, reader.line_num, "text")
        except (csv.Error, UnicodeDecodeError) as exc:
            yield RecordError(source, reader.line_num, f"unreadable CSV: {exc}")


def iter_documents(inputs: Iterable[str], input_format: str | None = None,
                   stdin: io.BufferedReader | None = None) -> Iterator[Document | RecordError]:
    """Documents from paths, directories (recursive) and '-' (stdin), in input order.

    A missing or unreadable path named explicitly raises InputError; inside a directory or
    a corpus, a bad file or record is yielded as a RecordError so the run can go on.
    """
    for name in inputs:
        if name == "-":
            data = (stdin or sys.stdin.buffer).read()
            fmt = input_format or "text"
            if fmt == "jsonl":
                yield from read_jsonl("<stdin>", io.BytesIO(data))
                continue
            text = decode(data, "<stdin>")
            if not text.strip():
                raise InputError("<stdin>: input is empty")
            yield make_document(text, fmt, id="<stdin>", path="<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path, input_format)
        elif path.exists():
            yield from read_file(path, format_of(path, input_format))
        else:
            raise InputError(f"{name}: no such file or directory")


def _read_directory(root: Path, input_format: str | None) -> Iterator[Document | RecordError]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
    for file in files:
        if file.suffix.lower() not in FORMATS and not input_format:
            continue
        try:
            yield from read_file(file, format_of(file, input_format))
        except InputError as exc:
            yield RecordError(str(file), None, str(exc).split(": ", 1)[-1])
