"""Markdown report: a section per document, a table of findings, and the summary."""

from __future__ import annotations

from typing import Iterable, TextIO

from ..document import Document, RecordError
from .untrusted import markdown_text as _cell


def render(documents: Iterable[Document], out: TextIO, errors: list[RecordError]) -> None:
    for document in documents:
        out.write(f"## {_cell(document.id or 'document')}\n\n")
        s = document.summary
        out.write(f"{s.get('sentences', 0)} sentences, {s.get('words', 0)} words, {s.get('findings', 0)} findings; "
                  f"sourcing density {s.get('sourcing_density', 0):.0%}; "
                  f"quotations per 100 sentences {s.get('quotations_per_100_sentences', 0):.1f}.\n\n")
        out.write("| # | sentence | source | findings |\n| ---: | --- | --- | --- |\n")
        for sentence in document.sentences:
            findings = "<br>".join(f"`{f.code}` {_cell(f.message)}" for f in sentence.findings)
            out.write(f"| {sentence.index + 1} | {_cell(sentence.text)} | {sentence.details.get('source_type', '')} | {findings} |\n")
        out.write("\n")
    if errors:
        out.write("## Skipped inputs\n\n" + "".join(f"- {_cell(e)}\n" for e in errors))
