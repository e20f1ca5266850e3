"""Inline suppressions (`<!-- framing: ignore[CODE] -->`, `# framing: ignore[CODE]`) and the baseline file."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..segment import unify_line_ends
from .rules import Diagnostic

#: Markdown and HTML: an HTML comment, which never shows in the published page.
_COMMENT = re.compile(
    r"<!--[ \t]*framing:[ \t]*(?P<kind>ignore-start|ignore-end|ignore-file|ignore)"
    r"(?:\[(?P<codes>[^\]\n]*)\])?[ \t]*-->")
#: Plain text has no comments, so a line starting with '#' plays that part (chosen because a draft's
#: prose line never starts with '# framing:'); in Markdown that would be a heading, so it is text-only.
_HASH = re.compile(
    r"#[ \t]*framing:[ \t]*(?P<kind>ignore-start|ignore-end|ignore-file|ignore)"
    r"(?:\[(?P<codes>[^\]\n]*)\])?[ \t]*$")
ALL = "*"


@dataclass(frozen=True)
class Directive:
    kind: str
    codes: frozenset[str]
    line: int
    #: True when the directive is alone on its line (it then governs the next non-blank line).
    own_line: bool


def find_directives(text: str, fmt: str) -> list[Directive]:
    """Suppression comments in the original text, with their 1-based line numbers."""
    text = unify_line_ends(text)  # a lone CR ends a line, as Document.line_col counts lines
    fences = _fenced_code_spans(text) if fmt == "markdown" else []
    directives = []
    offset = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")  # CRLF files
        found = _COMMENT.search(line) or (_HASH.search(line) if fmt == "text" else None)
        if found and not any(a <= offset + found.start() < b for a, b in fences):
            before, after = line[:found.start()], line[found.end():]
            if not after.strip():
                codes = frozenset(c.strip().upper() for c in (found.group("codes") or "").split(",") if c.strip())
                directives.append(Directive(found.group("kind"), codes or frozenset({ALL}), number,
                                            own_line=not before.strip()))
        offset += len(raw_line) + 1
    return directives


def _fenced_code_spans(text: str) -> list[tuple[int, int]]:
    """A directive shown inside a code block (as in documentation) is an example, not a directive."""
    from ..loaders.markdown import _FENCE  # the loader's own definition of a fenced block

    return [m.span() for m in _FENCE.finditer(text)]


@dataclass
class Suppressions:
    """Which codes are suppressed on which lines of one file."""

    by_line: dict[int, set[str]]
    whole_file: set[str]

    def covers(self, diagnostic: Diagnostic) -> bool:
        codes = self.whole_file | self.by_line.get(diagnostic.line, set())
        return ALL in codes or diagnostic.code in codes


def suppressions(text: str, fmt: str) -> Suppressions:
    lines = unify_line_ends(text).split("\n")
    by_line: dict[int, set[str]] = {}
    whole_file: set[str] = set()
    open_blocks: list[tuple[int, frozenset[str]]] = []

    def cover(first: int, last: int, codes: frozenset[str]) -> None:
        for number in range(first, last + 1):
            by_line.setdefault(number, set()).update(codes)

    for directive in find_directives(text, fmt):
        if directive.kind == "ignore-file":
            whole_file |= directive.codes
        elif directive.kind == "ignore-start":
            open_blocks.append((directive.line, directive.codes))
        elif directive.kind == "ignore-end":
            if open_blocks:
                start, codes = open_blocks.pop()
                cover(start, directive.line, codes)
        elif directive.own_line:
            target = next((n for n in range(directive.line + 1, len(lines) + 1) if lines[n - 1].strip()), None)
            if target is not None:
                cover(target, target, directive.codes)
        else:
            cover(directive.line, directive.line, directive.codes)
    for start, codes in open_blocks:  # an unclosed block runs to the end of the file
        cover(start, len(lines), codes)
    return Suppressions(by_line, whole_file)


def apply_suppressions(diagnostics: list[Diagnostic], text: str, fmt: str) -> tuple[list[Diagnostic], int]:
    """(diagnostics left, number suppressed)."""
    if "framing:" not in text:
        return diagnostics, 0
    rules = suppressions(text, fmt)
    kept = [d for d in diagnostics if not rules.covers(d)]
    return kept, len(diagnostics) - len(kept)


# --- baseline ------------------------------------------------------------------------------------------

BASELINE_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read; the message names it."""


def baseline_key(diagnostic: Diagnostic, baseline_dir: Path) -> tuple[str, str, str, str]:
    """path (relative to the baseline file) + code + matched text + hash of the sentence around it.

    No line numbers: an edit above a known finding moves it without making it new. Document-level
    rules have no sentence, so they stay baselined while the draft keeps the problem.
    """
    path = Path(diagnostic.path)
    try:
        relative = os.path.relpath(path.resolve(), baseline_dir.resolve())
    except ValueError:  # another drive on Windows
        relative = str(path)
    return Path(relative).as_posix(), diagnostic.code, diagnostic.text, diagnostic.context


def write_baseline(diagnostics: Iterable[Diagnostic], file: Path) -> int:
    counts = Counter(baseline_key(d, file.parent) for d in diagnostics)
    entries = [{"path": p, "code": c, "text": t, "context": h, "count": n}
               for (p, c, t, h), n in sorted(counts.items())]
    data = {"framing_baseline": BASELINE_VERSION, "entries": entries}
    from ..atomic_write import write_atomically

    write_atomically(file, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return sum(counts.values())


def read_baseline(file: Path) -> Counter:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: baseline not found; create it with --write-baseline {file}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{file}: not a framing baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("framing_baseline") != BASELINE_VERSION:
        raise BaselineError(f"{file}: not a framing baseline (version {BASELINE_VERSION} expected)")
    counts: Counter = Counter()
    try:
        for entry in data["entries"]:
            counts[(entry["path"], entry["code"], entry["text"], entry["context"])] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError) as exc:
        raise BaselineError(f"{file}: malformed entry ({exc})") from None
    return counts


def filter_baseline(diagnostics: list[Diagnostic], known: Counter, baseline_dir: Path) -> tuple[list[Diagnostic], int]:
    """(new diagnostics, number matched by the baseline); each baseline entry absorbs `count` findings."""
    remaining = Counter(known)
    new = []
    for diagnostic in diagnostics:
        key = baseline_key(diagnostic, baseline_dir)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(diagnostic)
    return new, len(diagnostics) - len(new)
