"""Reading inputs (files, directories, stdin, JSONL and CSV corpora) into Documents with offsets."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from ..document import Document, RecordError, printable_name
from .decoding import MAX_DOCUMENT_BYTES, SURROGATES, InputError, decode, read_limited, sniff_encoding, too_large
from .directories import walk_files
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

__all__ = ["InputError", "MAX_DOCUMENT_BYTES", "decode", "format_of", "iter_documents", "make_document",
           "prose_view", "read_csv", "read_file", "read_jsonl"]


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
        raise InputError(path or id or "<text>", f"unknown text format {fmt!r} (expected one of {', '.join(TEXT_FORMATS)})")
    return Document(text=text, id=id, meta=dict(meta or {}), prose=prose_view(text, fmt), path=path)


def format_of(path: Path, override: str | None = None) -> str:
    if override:
        return override
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unsupported file type '{path.suffix or '(none)'}' "
                                    f"(expected {', '.join(sorted(FORMATS))}, or pass --input-format)")
    return fmt


def read_file(path: Path, fmt: str) -> Iterator[Document | RecordError]:
    """Documents from one file: one for a text file, one per record for a corpus.

    An empty or whitespace-only text file is a document with no sentences, not an error.
    """
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
        # open() before stat: a FIFO or a device is read like a file, up to the size limit.
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            size = info.st_size if stat.S_ISREG(info.st_mode) else None
            if size is not None and size > MAX_DOCUMENT_BYTES:
                raise InputError(str(path), too_large("file", size))
            data = read_limited(handle, str(path), size)
    except OSError as exc:
        raise InputError(str(path), _cannot_read(exc)) from None
    text = decode(data, str(path))
    yield make_document(text, fmt, id=printable_name(str(path)), path=printable_name(str(path)))


def _cannot_read(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def _kind(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _record_document(record: Any, source: str, line: int, default_format: str) -> Document | RecordError:
    if not isinstance(record, dict):
        return RecordError(source, line, f"expected a JSON object with a \"text\" field, got {_kind(record)}")
    text = record.get("text")
    if text is None:
        return RecordError(source, line, "record has no \"text\" field")
    if not isinstance(text, str):
        return RecordError(source, line, f"\"text\" is {_kind(text)}, not a string")
    if len(text) > MAX_DOCUMENT_BYTES:
        return RecordError(source, line, too_large("\"text\"", len(text.encode("utf-8", "surrogatepass"))))
    fmt = record.get("format", default_format)
    if fmt not in TEXT_FORMATS:
        return RecordError(source, line, f"unknown \"format\" {fmt!r} (expected one of {', '.join(TEXT_FORMATS)})")
    # A JSON "\\ud800" escape decodes to a lone surrogate, which no output can encode: it becomes
    # U+FFFD, one character for one, so offsets do not move.
    record = {key: SURROGATES.sub("\ufffd", value) if isinstance(value, str) else value
              for key, value in record.items()}
    meta = {k: record[k] for k in record if k not in ("text", "id", "format")}
    identifier = record.get("id")
    # An empty CSV cell is no id at all.
    identifier = str(identifier) if identifier not in (None, "") else f"{source}:{line}"
    return make_document(record["text"], fmt, id=identifier, meta=meta, path=source)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def read_jsonl(path: Path | str, stream: BinaryIO | Iterable[bytes] | None = None,
               default_format: str = "text") -> Iterator[Document | RecordError]:
    """One document per line; a bad line becomes a RecordError (file:line: reason) and reading goes on."""
    source = printable_name(str(path))
    try:
        lines = _bounded_lines(stream) if stream is not None else _open_lines(Path(path))
        for number, raw in enumerate(lines, start=1):
            if isinstance(raw, _Oversized):
                yield RecordError(source, number, too_large("line", raw.size))
                continue
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield RecordError(source, number, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
                    continue
            elif SURROGATES.search(raw):
                yield RecordError(source, number, "undecodable bytes (the file's byte-order mark names its encoding)")
                continue
            if number == 1:
                raw = raw.removeprefix("\ufeff")
            if not raw.strip():
                continue
            try:
                record = json.loads(raw, parse_constant=_reject_constant)
            except json.JSONDecodeError as exc:
                yield RecordError(source, number, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield RecordError(source, number, "invalid JSON: nested too deeply")
                continue
            except ValueError as exc:  # NaN or Infinity, or an integer too long to convert
                reason = str(exc) if "not valid JSON" in str(exc) else "a number too long to read"
                yield RecordError(source, number, f"invalid JSON: {reason}")
                continue
            yield _record_document(record, source, number, default_format)
    except (OSError, EOFError, zlib.error) as exc:  # a damaged .gz fails while it is read
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise InputError(source, f"cannot read: {reason}") from None


class _Oversized:
    """A line too long to hold; only its size is kept."""

    def __init__(self, size: int):
        self.size = size


def _bounded_lines(stream: BinaryIO | Iterable[bytes]) -> Iterator[bytes | str | _Oversized]:
    """The lines of a stream; a line over the size limit is skipped without ever being held whole."""
    readline = getattr(stream, "readline", None)
    if readline is None:
        yield from stream  # an iterable of lines given by a caller: already in memory
        return
    while line := readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) <= MAX_DOCUMENT_BYTES or line[-1:] in (b"\n", "\n"):
            yield line
            continue
        size = len(line)
        while (rest := readline(1024 * 1024)) and rest[-1:] not in (b"\n", "\n"):
            size += len(rest)
        yield _Oversized(size + len(rest))


def _open_lines(path: Path) -> Iterator[bytes | str | _Oversized]:
    if path.suffix == ".gz":
        import gzip

        with gzip.open(path, "rb") as handle:
            yield from _bounded_lines(handle)
        return
    with path.open("rb") as handle:
        encoding, skip = sniff_encoding(handle.read(4))
        handle.seek(skip)
        if encoding == "utf-8":
            yield from _bounded_lines(handle)
        else:
            text = io.TextIOWrapper(handle, encoding=encoding, errors="surrogateescape", newline="")
            yield from _bounded_lines(text)


def read_csv(path: Path, text_column: str = "text") -> Iterator[Document | RecordError]:
    """A CSV corpus (delimiter sniffed among , ; tab |); columns as in JSONL.

    Errors name the line a record starts on, which for a quoted field with newlines in it is
    not the line the reader stopped at.
    """
    source = printable_name(str(path))
    # csv.Error stops a field at this length; the document limit is the one that should apply.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_DOCUMENT_BYTES))
    try:
        binary = path.open("rb")
    except OSError as exc:
        raise InputError(source, _cannot_read(exc)) from None
    with binary:
        try:
            encoding, skip = sniff_encoding(binary.read(4))
            binary.seek(skip)
            handle = io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape", newline="")
            head = handle.readline(MAX_DOCUMENT_BYTES)
            delimiter = max(",;\t|", key=head.count)
            reader = csv.reader(_prepend(head, handle), delimiter=delimiter)
            header = next(reader, None)
            if not header or text_column not in header:
                found = f" (it has: {', '.join(header)})" if header else " (the file is empty)"
                raise InputError(source, f"CSV header has no {text_column!r} column{found}", 1)
            while True:
                first_line = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield RecordError(source, first_line, f"unreadable CSV: {exc}")
                    continue
                if not row:
                    continue  # a blank line
                if any(SURROGATES.search(cell) for cell in row):
                    yield RecordError(source, first_line, f"invalid {encoding.upper()}")
                elif len(row) > len(header):
                    yield RecordError(source, first_line, f"{len(row)} fields where the header has {len(header)} "
                                                          "(a quotation mark not closed?)")
                else:
                    yield _record_document(dict(zip(header, row)), source, first_line, "text")
        except OSError as exc:
            raise InputError(source, _cannot_read(exc)) from None


def _prepend(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def iter_documents(inputs: Iterable[str], input_format: str | None = None,
                   stdin: BinaryIO | None = None) -> Iterator[Document | RecordError]:
    """Documents from paths, directories (recursive) and '-' (stdin), in input order.

    Nothing here stops the run: a missing, unreadable, binary or over-large file, a bad file in a
    directory and a bad record of a corpus each come out as a RecordError (file, line, reason),
    in input order, and reading goes on with the next one.
    """
    for name in inputs:
        try:
            if name == "-":
                yield from _read_stdin(stdin or sys.stdin.buffer, input_format or "text")
                continue
            try:
                mode = os.stat(name).st_mode
            except OSError as exc:
                reason = "no such file or directory" if isinstance(exc, FileNotFoundError) else _cannot_read(exc)
                yield RecordError(name, None, reason)
                continue
            path = Path(name)
            if stat.S_ISDIR(mode):
                yield from _read_directory(path, input_format)
            else:
                yield from read_file(path, format_of(path, input_format))
        except InputError as exc:
            yield exc.record


def _read_stdin(stream: BinaryIO, fmt: str) -> Iterator[Document | RecordError]:
    if fmt == "jsonl":
        yield from read_jsonl("<stdin>", stream)
        return
    if fmt not in TEXT_FORMATS:
        raise InputError("<stdin>", f"--input-format {fmt} cannot be read from stdin; give a file")
    text = decode(read_limited(stream, "<stdin>"), "<stdin>")
    yield make_document(text, fmt, id="<stdin>", path="<stdin>")


def _read_directory(root: Path, input_format: str | None) -> Iterator[Document | RecordError]:
    """Every readable file under ``root`` (hidden ones aside); files of other types are passed over."""
    for file in walk_files(root):
        if isinstance(file, RecordError):
            yield file
            continue
        if file.suffix.lower() not in FORMATS and not input_format:
            continue
        try:
            yield from read_file(file, format_of(file, input_format))
        except InputError as exc:
            yield exc.record
