"""The scoring pipeline: segment a Document, run every registered detector, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from .detectors import Context, Detector, all_detectors
from .document import Document, RecordError, Sentence
from .lexicon import Lexicons, load_lexicons
from .segment import split_sentences
from .summary import summarize


class Analyzer:
    """Loads lexicons and detectors once; analyses any number of documents."""

    def __init__(self, detectors: Iterable[str] | None = None, extra_lexicons: Iterable[Path] = (),
                 exclude: Iterable[str] = (), options: dict[str, Any] | None = None):
        self.lexicons: Lexicons = load_lexicons(extra_lexicons)
        self.detectors: list[Detector] = all_detectors(detectors, exclude)
        self.options = dict(options or {})

    def analyze(self, document: Document) -> Document:
        spans = split_sentences(document.prose)
        text = document.text
        document.sentences = [
            Sentence(index=i, start=s.start, end=s.end, text=text[s.start : s.end], dateline_end=s.dateline_end)
            for i, s in enumerate(spans)
        ]
        ctx = Context(document, self.lexicons, self.options)
        for detector in self.detectors:
            for finding in detector.detect(ctx):
                sentence = ctx.sentence_at(finding.start)
                if sentence is not None:
                    sentence.findings.append(finding)
        for sentence in document.sentences:
            sentence.findings.sort(key=lambda f: (f.start, f.end, f.code))
        document.summary = summarize(document)
        return document

    def analyze_all(self, items: Iterable[Document | RecordError]) -> Iterator[Document | RecordError]:
        for item in items:
            yield item if isinstance(item, RecordError) else self.analyze(item)
