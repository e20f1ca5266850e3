"""The one data model every part of framing reads and writes: Document → Sentence → Finding."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

#: Version of the JSON report layout (see framing/schema/report.schema.json).
SCHEMA_VERSION = "1.0"

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One framing signal: a rule code, a character span into the document text and why it matters.

    ``text`` always equals ``document.text[start:end]``; ``details`` holds the
    category-specific fields (preferred form, verb class, source type, ...).
    """

    code: str
    category: str
    start: int
    end: int
    text: str
    message: str
    severity: str = "info"
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "severity": self.severity,
        }
        data.update(self.details)
        return data


@dataclass
class Sentence:
    """A sentence: its span in the document and everything the detectors found in it."""

    index: int
    start: int
    end: int
    text: str
    findings: list[Finding] = field(default_factory=list)
    #: Sentence-level results (source_type, readability, bias_probability, ...).
    details: dict[str, Any] = field(default_factory=dict)
    #: Span of a leading dateline ("KYIV, Ukraine (AP) —"), which is not a claim.
    dateline_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        data.update(self.details)
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


@dataclass
class Document:
    """An input text with its sentences and per-document summary.

    ``text`` is the original text exactly as read (offsets point into it);
    ``prose`` has the same length but blanks out what is not prose (Markdown code,
    front matter, link targets, HTML tags, script and style, URLs).
    """

    text: str
    id: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    prose: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    def __post_init__(self) -> None:
        if not self.prose:
            self.prose = self.text
        if len(self.prose) != len(self.text):
            raise ValueError("prose view must have the same length as the text")

    @property
    def findings(self) -> list[Finding]:
        return [f for s in self.sentences for f in s.findings]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset in the original text (LF, CRLF or CR lines)."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    @cached_property
    def _line_starts(self) -> list[int]:
        # Found once: a long draft has many findings, and counting from the start for each is quadratic.
        from .segment import unify_line_ends

        return [0, *(found.end() for found in re.finditer("\n", unify_line_ends(self.text)))]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if self.path is not None:
            data["path"] = self.path
        data["meta"] = dict(self.meta)
        data["summary"] = dict(self.summary)
        data["sentences"] = [s.to_dict() for s in self.sentences]
        return data


@dataclass
class RecordError:
    """A record of a corpus that could not be read; the run reports it and goes on."""

    source: str
    line: int | None
    message: str

    def __post_init__(self) -> None:
        self.source = printable_name(self.source)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def printable_name(name: str) -> str:
    """A file name that prints on one line and encodes as UTF-8.

    A name may hold a newline, or bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which no output can encode); both are shown as escapes, e.g. 'caf\\xe9.txt'.
    """
    return _UNPRINTABLE.sub(_escape, name) if _UNPRINTABLE.search(name) else name


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of the name, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
