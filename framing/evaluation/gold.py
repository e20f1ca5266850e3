"""The gold set: sentences with labelled character spans, read from JSONL or from inline markup.

Markup writes a span as ``[[text|label]]`` (several labels: ``[[text|a,b]]``), and spans nest, so an
annotator never counts characters; :func:`parse_markup` turns it into plain text and offsets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

SPAN_LABELS = (
    "naming",
    "attr-neutral", "attr-doubt", "attr-endorse", "attr-accuse", "attr-emotive",
    "source-anonymous", "source-secondary",
    "quote", "scare-quote",
    "hedge", "booster",
    "loaded",
)
SOURCE_TYPES = ("named", "secondary", "anonymous", "none")
STYLES = ("wire", "broadsheet", "tabloid", "opinion", "broadcast", "liveblog", "headline", "analysis")
#: An item is in the test split when the first byte of sha256(id) is below this (a quarter of 256).
TEST_SPLIT_BELOW = 64


class GoldError(ValueError):
    """A gold record that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str
    text: str


@dataclass
class GoldItem:
    id: str
    text: str
    source_type: str
    spans: list[GoldSpan] = field(default_factory=list)
    style: str = ""
    split: str = "dev"
    note: str = ""

    def to_json(self) -> dict:
        return {"id": self.id, "style": self.style, "split": self.split, "source_type": self.source_type,
                "text": self.text,
                "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text} for s in self.spans],
                **({"note": self.note} if self.note else {})}


def split_of(item_id: str) -> str:
    return "test" if hashlib.sha256(item_id.encode("utf-8")).digest()[0] < TEST_SPLIT_BELOW else "dev"


def parse_markup(markup: str) -> tuple[str, list[GoldSpan]]:
    """Plain text and spans from ``[[text|label,label]]`` markup (nesting allowed)."""
    out: list[str] = []
    length = 0
    open_starts: list[int] = []
    spans: list[GoldSpan] = []
    i = 0
    while i < len(markup):
        if markup.startswith("[[", i):
            open_starts.append(length)
            i += 2
        elif markup[i] == "|" and open_starts:
            close = markup.find("]]", i)
            if close < 0:
                raise ValueError(f"unclosed span at character {i}")
            labels = [label.strip() for label in markup[i + 1:close].split(",")]
            start = open_starts.pop()
            text = "".join(out)
            for label in labels:
                if label not in SPAN_LABELS:
                    raise ValueError(f"unknown label {label!r}")
                spans.append(GoldSpan(start, length, label, text[start:length]))
            if start == length:
                raise ValueError(f"empty span at character {i}")
            i = close + 2
        elif markup.startswith("]]", i):
            raise ValueError(f"']]' without a label at character {i}")
        else:
            out.append(markup[i])
            length += 1
            i += 1
    if open_starts:
        raise ValueError("a '[[' is never closed")
    text = "".join(out)
    for span in spans:
        if span.text != span.text.strip() or not span.text:
            raise ValueError(f"span {span.text!r} has surrounding spaces")
    return text, sorted(spans, key=lambda s: (s.start, s.end, s.label))


def item_from_record(record: dict) -> GoldItem:
    """A GoldItem from a markup record or a built record (text + spans); raises ValueError."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    item_id = record.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise ValueError("missing 'id'")
    source_type = record.get("source_type")
    if source_type not in SOURCE_TYPES:
        raise ValueError(f"{item_id}: source_type must be one of {', '.join(SOURCE_TYPES)}")
    style = record.get("style", "")
    if style and style not in STYLES:
        raise ValueError(f"{item_id}: unknown style {style!r}")
    if "markup" in record:
        text, spans = parse_markup(str(record["markup"]))
    else:
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError(f"{item_id}: needs 'markup' or 'text'")
        spans = []
        for raw in record.get("spans", []):
            start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                raise ValueError(f"{item_id}: span offsets {start}..{end} outside the text")
            if label not in SPAN_LABELS:
                raise ValueError(f"{item_id}: unknown label {label!r}")
            spans.append(GoldSpan(start, end, label, text[start:end]))
    return GoldItem(id=item_id, text=text, source_type=source_type, spans=spans, style=style,
                    split=record.get("split") or split_of(item_id), note=record.get("note", ""))


def read_gold(paths: Iterable[Path]) -> list[GoldItem]:
    """All items of the given JSONL files (markup or built), checking ids are unique."""
    items: list[GoldItem] = []
    seen: dict[str, str] = {}
    for path in paths:
        for line_no, record in _records(path):
            where = f"{path}:{line_no}"
            try:
                item = item_from_record(record)
            except ValueError as err:
                raise GoldError(f"{where}: {err}") from None
            if item.id in seen:
                raise GoldError(f"{where}: duplicate id {item.id!r} (first at {seen[item.id]})")
            seen[item.id] = where
            items.append(item)
    return items


def gold_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]


def _records(path: Path) -> Iterator[tuple[int, object]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    for line_no, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield line_no, json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(f"{path}:{line_no}: not JSON: {err.msg}") from None
