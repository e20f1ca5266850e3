"""From bytes to text: byte-order marks, binary and non-UTF-8 input, and the size limit for one document."""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from ..document import RecordError

#: The largest document (a file, stdin, or one record of a corpus) framing reads. Analysis keeps
#: every sentence and finding of a document in memory, roughly 60-200 bytes per byte of text, so
#: a 50 MB single text would need gigabytes; nothing written as one article comes near this size.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)
#: What undecodable bytes become under errors="surrogateescape", and what a JSON "\ud800" escape
#: leaves behind: neither can be written out as UTF-8.
SURROGATES = re.compile("[\ud800-\udfff]")


class InputError(Exception):
    """An input that cannot be read at all; the message names the file (and line)."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.record = RecordError(source, line, reason)
        super().__init__(str(self.record))


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark announces (UTF-8 without one) and the mark's length."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return "utf-8", 0


def decode(data: bytes, name: str) -> str:
    """Bytes to text, with a one-line error naming the file for binary or undecodable input.

    A byte-order mark selects UTF-8, UTF-16 or UTF-32 and is dropped, so offsets count from
    the character after it; without one the text must be UTF-8.
    """
    encoding, skip = sniff_encoding(data[:4])
    if skip == 0 and b"\x00" in data[:8192]:
        raise InputError(name, "binary file, not text")
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        position = skip + exc.start
        if encoding != "utf-8":
            raise InputError(name, f"invalid {encoding.upper()} text (at byte {position})") from None
        line = data[:position].count(b"\n") + 1
        raise InputError(name, f"invalid UTF-8 (byte 0x{data[position]:02x} at offset {position}); "
                               "convert the file to UTF-8", line) from None
    nul = text.find("\x00")
    if nul != -1:
        raise InputError(name, f"NUL character at offset {nul}: binary data, not text",
                         text.count("\n", 0, nul) + 1)
    return text


def read_limited(handle: BinaryIO, name: str, size: int | None = None) -> bytes:
    """All of a stream, or a clear error when it is over the size limit (without reading it all)."""
    data = handle.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(name, too_large("file" if size else "input", size))
    return data


def too_large(what: str, size: int | None) -> str:
    measured = f"{what} is {describe_size(size)}, " if size else f"{what} is "
    return (f"{measured}over the {describe_size(MAX_DOCUMENT_BYTES)} limit for one document; "
            "split it (a corpus takes one article per JSONL line)")


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
