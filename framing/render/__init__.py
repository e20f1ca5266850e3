"""Renderers: each turns Documents (and the records that could not be read) into one output format."""

from __future__ import annotations

from typing import Callable, Iterable, TextIO

from ..document import Document, RecordError

Renderer = Callable[[Iterable[Document], TextIO, list[RecordError]], None]

FORMATS = ("terminal", "json", "jsonl", "csv", "markdown", "html")


def get_renderer(name: str) -> Renderer:
    if name == "terminal":
        from .terminal import render
    elif name == "json":
        from .json import render
    elif name == "jsonl":
        from .json import render_lines as render
    elif name == "csv":
        from .csv import render
    elif name == "markdown":
        from .markdown import render
    elif name == "html":
        from .html import render
    else:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    return render
