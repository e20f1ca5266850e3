"""Span-level precision, recall and F1 per detector and per label, and source-type accuracy.

Each finding code maps to one gold label; a predicted span is a true positive when a gold span with
the same label matches it one-to-one, either exactly (same offsets) or by overlap.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..document import Document
from .gold import SOURCE_TYPES, GoldItem

#: Finding code -> gold label. Codes without a label (S001, S004, R001, C001) are not span-annotated.
LABEL_OF_CODE = {
    "N001": "naming",
    "A001": "attr-neutral", "A002": "attr-doubt", "A003": "attr-endorse", "A004": "attr-accuse",
    "A005": "attr-emotive",
    "S002": "source-anonymous", "S003": "source-secondary",
    "Q001": "quote", "Q003": "quote", "Q002": "scare-quote",
    "H001": "hedge", "H002": "booster",
    "L001": "loaded",
}
#: Detector -> the gold labels it is judged on.
DETECTOR_LABELS = {
    "naming": ("naming",),
    "attribution": ("attr-neutral", "attr-doubt", "attr-endorse", "attr-accuse", "attr-emotive"),
    "sourcing": ("source-anonymous", "source-secondary"),
    "quotes": ("quote", "scare-quote"),
    "hedges": ("hedge", "booster"),
    "loaded": ("loaded",),
}
#: Rows that judge detection regardless of the class (any attribution verb, any quotation).
ANY_CLASS_ROWS = {"attribution (any class)": "attribution", "quotes (any kind)": "quotes"}
MATCHES = ("exact", "overlap")


@dataclass(frozen=True)
class Span:
    item: str
    start: int
    end: int
    label: str
    text: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Errors:
    false_positives: list[Span] = field(default_factory=list)
    false_negatives: list[Span] = field(default_factory=list)


@dataclass
class Evaluation:
    """Counts per row (detector or label) and match mode, source-type accuracy, and the errors."""

    items: int
    counts: dict[str, dict[str, Counts]]  # row -> match -> counts
    source_confusion: dict[str, collections.Counter]  # gold type -> predicted type -> n
    errors: dict[str, Errors]  # row -> errors under overlap matching
    source_errors: list[tuple[str, str, str, str]]  # (item id, gold, predicted, text)

    @property
    def source_accuracy(self) -> float:
        total = sum(sum(c.values()) for c in self.source_confusion.values())
        right = sum(c[gold] for gold, c in self.source_confusion.items())
        return right / total if total else 1.0


def predicted_spans(item: GoldItem, document: Document) -> list[Span]:
    spans = []
    for finding in document.findings:
        label = LABEL_OF_CODE.get(finding.code)
        if label:
            spans.append(Span(item.id, finding.start, finding.end, label, finding.text))
    return sorted(set(spans), key=lambda s: (s.start, s.end, s.label))


def predicted_source_type(document: Document) -> str:
    """The item's source type: the highest-precedence type over its sentences (an item may split)."""
    kinds = {sentence.details.get("source_type", "none") for sentence in document.sentences}
    return next((k for k in SOURCE_TYPES if k in kinds), "none")


def match(gold: Sequence[Span], predicted: Sequence[Span], mode: str,
          same_label=lambda g, p: g.label == p.label) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """One-to-one matches; exact pairs are taken first so overlap matching never steals them."""
    unmatched_gold = list(gold)
    pairs: list[tuple[Span, Span]] = []
    unmatched_pred: list[Span] = []
    ordered = sorted(predicted, key=lambda p: not any(_exact(g, p) for g in gold))
    for p in ordered:
        candidates = [g for g in unmatched_gold if same_label(g, p) and
                      (_exact(g, p) if mode == "exact" else _overlap(g, p))]
        if candidates:
            best = max(candidates, key=lambda g: (_exact(g, p), min(g.end, p.end) - max(g.start, p.start)))
            unmatched_gold.remove(best)
            pairs.append((best, p))
        else:
            unmatched_pred.append(p)
    return pairs, unmatched_pred, unmatched_gold


def _exact(g: Span, p: Span) -> bool:
    return g.start == p.start and g.end == p.end


def _overlap(g: Span, p: Span) -> bool:
    return g.start < p.end and p.start < g.end


def evaluate(pairs: Iterable[tuple[GoldItem, Document]]) -> Evaluation:
    """Compare each gold item with the analysed document of its text."""
    rows = _row_labels()
    counts = {row: {mode: Counts() for mode in MATCHES} for row in rows}
    errors = {row: Errors() for row in rows}
    confusion: dict[str, collections.Counter] = {t: collections.Counter() for t in SOURCE_TYPES}
    source_errors = []
    n = 0
    for item, document in pairs:
        n += 1
        gold = [Span(item.id, s.start, s.end, s.label, s.text) for s in item.spans]
        predicted = predicted_spans(item, document)
        for row, labels in rows.items():
            g = [s for s in gold if s.label in labels]
            p = [s for s in predicted if s.label in labels]
            same = _any_class if row in ANY_CLASS_ROWS else (lambda a, b: a.label == b.label)
            for mode in MATCHES:
                matched, fps, fns = match(g, p, mode, same)
                c = counts[row][mode]
                c.tp += len(matched)
                c.fp += len(fps)
                c.fn += len(fns)
                if mode == "overlap":
                    errors[row].false_positives.extend(fps)
                    errors[row].false_negatives.extend(fns)
        guess = predicted_source_type(document)
        confusion[item.source_type][guess] += 1
        if guess != item.source_type:
            source_errors.append((item.id, item.source_type, guess, item.text))
    return Evaluation(n, counts, confusion, errors, source_errors)


def _any_class(a: Span, b: Span) -> bool:
    return a.label.split("-")[0] == b.label.split("-")[0] or {a.label, b.label} <= {"quote", "scare-quote"}


def _row_labels() -> dict[str, tuple[str, ...]]:
    """Rows in display order: each detector, its 'any class' row, then one row per label (labels
    are named apart from detectors, so a row's name says which it is)."""
    rows: dict[str, tuple[str, ...]] = {}
    for detector, labels in DETECTOR_LABELS.items():
        rows[detector] = labels
        for name, of in ANY_CLASS_ROWS.items():
            if of == detector:
                rows[name] = labels
        if len(labels) > 1:
            for label in labels:
                rows[label] = (label,)
    return rows
