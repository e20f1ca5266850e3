"""The scoring pipeline: segment a Document, run every registered detector, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from .detectors import Context, Detector, all_detectors
from .document import Document, Finding, RecordError, Sentence
from .lexicon import Lexicons, load_lexicons
from .resources import freeze_loaded_tables
from .segment import split_sentences
from .summary import summarize


#: Documents analysed together: enough to amortise the classifier's per-call cost, few enough to stream.
BATCH_SIZE = 32


class Analyzer:
    """Loads lexicons and detectors once; analyses any number of documents."""

    def __init__(self, detectors: Iterable[str] | None = None, extra_lexicons: Iterable[Path] = (),
                 exclude: Iterable[str] = (), options: dict[str, Any] | None = None):
        self.lexicons: Lexicons = load_lexicons(extra_lexicons)
        self.detectors: list[Detector] = all_detectors(detectors, exclude)
        self.options = dict(options or {})
        freeze_loaded_tables()

    def analyze(self, document: Document) -> Document:
        return self.analyze_batch([document])[0]

    def analyze_batch(self, documents: list[Document]) -> list[Document]:
        """Analyse several documents; detectors with a ``detect_batch`` (the classifier) see them all
        at once, which amortises their per-call cost. Results equal analysing one by one."""
        contexts = [self._prepare(document) for document in documents]
        for detector in self.detectors:
            batch = getattr(detector, "detect_batch", None)
            if batch is not None:
                for ctx, findings in zip(contexts, batch(contexts)):
                    _attach(ctx, findings)
            else:
                for ctx in contexts:
                    _attach(ctx, detector.detect(ctx))
        for document in documents:
            for sentence in document.sentences:
                sentence.findings.sort(key=lambda f: (f.start, f.end, f.code))
            document.summary = summarize(document)
        return documents

    def _prepare(self, document: Document) -> Context:
        spans = split_sentences(document.prose)
        text = document.text
        document.sentences = [
            Sentence(index=i, start=s.start, end=s.end, text=text[s.start : s.end], dateline_end=s.dateline_end)
            for i, s in enumerate(spans)
        ]
        return Context(document, self.lexicons, self.options)

    def analyze_all(self, items: Iterable[Document | RecordError],
                    batch_size: int = BATCH_SIZE) -> Iterator[Document | RecordError]:
        """Analysed documents in input order, in batches of ``batch_size`` (bad records pass through)."""
        pending: list[Document | RecordError] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch_size:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, items: list[Document | RecordError]) -> list[Document | RecordError]:
        self.analyze_batch([item for item in items if not isinstance(item, RecordError)])
        return items


def _attach(ctx: Context, findings: Iterable[Finding]) -> None:
    for finding in findings:
        sentence = ctx.sentence_at(finding.start)
        if sentence is not None:
            sentence.findings.append(finding)
