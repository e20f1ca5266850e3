"""CSV: one row per finding, with its document, sentence, position and category-specific fields."""

from __future__ import annotations

import csv
from typing import Iterable, TextIO

from ..document import Document, RecordError
from .untrusted import spreadsheet_safe

COLUMNS = ["document_id", "sentence_index", "line", "column", "start", "end", "code", "category",
           "severity", "text", "message", "preferred", "verb_class", "source_type", "term_category",
           "source_text", "sentence_source_type", "bias_probability"]


def render(documents: Iterable[Document], out: TextIO, errors: list[RecordError]) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for document in documents:
        for sentence in document.sentences:
            for finding in sentence.findings:
                line, column = document.line_col(finding.start)
                details = finding.details
                source = details.get("source")
                # Every str cell comes from the input or a lexicon; numbers stay numbers.
                writer.writerow(map(spreadsheet_safe, [
                    document.id, sentence.index, line, column, finding.start, finding.end, finding.code,
                    finding.category, finding.severity, finding.text, finding.message,
                    details.get("preferred", ""), details.get("verb_class", ""), details.get("source_type", ""),
                    details.get("term_category", ""), source["text"] if isinstance(source, dict) else "",
                    sentence.details.get("source_type", ""),
                    sentence.details.get("bias_probability", ""),
                ]))
