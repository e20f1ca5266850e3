"""Safe fixes: apply replacements, preview them as a diff, and write files back byte-faithfully."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .rules import Diagnostic, Fix

_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
_UTF8_BOM = b"\xef\xbb\xbf"


class SourceError(Exception):
    """A file that cannot be read as text; the message names it."""


@dataclass(frozen=True)
class SourceFile:
    """A draft's text and how it was stored, so that a fix writes back exactly the same way."""

    path: Path
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        # Line endings need no care: the text was decoded without newline translation, so a
        # CRLF file still holds its '\r\n' and a fix never touches them.
        return self.bom + text.encode(self.encoding)


def read_source(path: Path) -> SourceFile:
    from ..loaders import InputError, decode

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for bom, encoding in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return SourceFile(path, data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError:
                raise SourceError(f"{path}: invalid {encoding.upper()} text") from None
    try:
        text = decode(data, str(path))  # the loaders' message for binary and invalid UTF-8
    except InputError as exc:
        raise SourceError(str(exc)) from None
    return SourceFile(path, text, "utf-8", _UTF8_BOM if data.startswith(_UTF8_BOM) else b"")


@dataclass(frozen=True)
class AppliedFix:
    """What one fix changed, for the report."""

    path: str
    code: str
    line: int
    column: int
    old: str
    new: str


def fixes_to_apply(diagnostics: Iterable[Diagnostic]) -> list[tuple[Diagnostic, Fix]]:
    """Fixable diagnostics in text order; a fix overlapping an earlier one waits for the next run."""
    chosen: list[tuple[Diagnostic, Fix]] = []
    for diagnostic in sorted((d for d in diagnostics if d.fix), key=lambda d: (d.fix.start, d.fix.end)):
        fix = diagnostic.fix
        if fix.old == fix.new or (chosen and fix.start < chosen[-1][1].end):
            continue
        chosen.append((diagnostic, fix))
    return chosen


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, list[AppliedFix]]:
    """The fixed text and what changed. Applied from the end so earlier offsets stay valid."""
    chosen = fixes_to_apply(diagnostics)
    for _, fix in reversed(chosen):
        if text[fix.start:fix.end] != fix.old:
            raise ValueError(f"fix for {fix.old!r} no longer matches the text")  # a bug, never user error
        text = text[:fix.start] + fix.new + text[fix.end:]
    applied = [AppliedFix(d.path, d.code, d.line, d.column, f.old, f.new) for d, f in chosen]
    return text, applied


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
