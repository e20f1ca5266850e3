"""The evaluation as a plain-text table (with error lists on request) or as JSON."""

from __future__ import annotations

import json

from .gold import SOURCE_TYPES, SPAN_LABELS
from .metrics import DETECTOR_LABELS, Evaluation
from .run import figures


def render_text(evaluations: dict[str, Evaluation], show_errors: bool = False) -> str:
    lines: list[str] = []
    for split, evaluation in evaluations.items():
        lines.append(f"split: {split} ({evaluation.items} sentences)")
        lines.append(f"{'detector / label':28} {'gold':>5} {'pred':>5}   "
                     f"{'exact P':>7} {'R':>5} {'F1':>5}   {'overlap P':>9} {'R':>5} {'F1':>5}")
        for row, by_mode in evaluation.counts.items():
            exact, overlap = by_mode["exact"], by_mode["overlap"]
            name = f"  {row}" if _is_label_row(row) else row
            lines.append(f"{name:28} {overlap.tp + overlap.fn:5d} {overlap.tp + overlap.fp:5d}   "
                         f"{_rate(exact.precision, exact.tp + exact.fp):>7} {_rate(exact.recall, exact.tp + exact.fn):>5} "
                         f"{_rate(exact.f1, exact.tp + exact.fp + exact.fn):>5}   "
                         f"{_rate(overlap.precision, overlap.tp + overlap.fp):>9} "
                         f"{_rate(overlap.recall, overlap.tp + overlap.fn):>5} "
                         f"{_rate(overlap.f1, overlap.tp + overlap.fp + overlap.fn):>5}")
        lines.append(f"source type per sentence: accuracy {evaluation.source_accuracy:.3f}")
        header = "gold \\ predicted"
        lines.append(f"  {header:18}" + "".join(f"{t:>10}" for t in SOURCE_TYPES))
        for gold in SOURCE_TYPES:
            counts = evaluation.source_confusion[gold]
            lines.append(f"  {gold:18}" + "".join(f"{counts[t]:10d}" for t in SOURCE_TYPES))
        if show_errors:
            lines.extend(_errors(evaluation))
        lines.append("")
    return "\n".join(lines)


def _is_label_row(row: str) -> bool:
    """A per-label row under its detector (a detector with one label has no such row)."""
    return row in SPAN_LABELS and row not in DETECTOR_LABELS


def _rate(value: float, support: int) -> str:
    """A rate, or '-' when nothing was there to measure it on."""
    return f"{value:.3f}" if support else "-"


def _errors(evaluation: Evaluation) -> list[str]:
    lines = ["errors (overlap matching):"]
    for row, errors in evaluation.errors.items():
        if row not in SPAN_LABELS:
            continue  # detector and 'any class' rows repeat their labels' errors
        for kind, spans in (("FP", errors.false_positives), ("FN", errors.false_negatives)):
            for span in spans:
                lines.append(f"  {kind} {row:17} {span.item:8} {span.text!r} @{span.start}")
    for item_id, gold, guess, text in evaluation.source_errors:
        lines.append(f"  SRC {item_id:8} gold={gold} predicted={guess}: {text}")
    return lines


def render_json(evaluations: dict[str, Evaluation], show_errors: bool = False) -> str:
    out = {}
    for split, evaluation in evaluations.items():
        out[split] = figures(evaluation)
        if show_errors:
            out[split]["errors"] = {
                row: {"false_positives": [vars(s) for s in e.false_positives],
                      "false_negatives": [vars(s) for s in e.false_negatives]}
                for row, e in evaluation.errors.items() if e.false_positives or e.false_negatives}
            out[split]["source_type_errors"] = [
                {"id": i, "gold": g, "predicted": p, "text": t} for i, g, p, t in evaluation.source_errors]
    return json.dumps(out, indent=2, ensure_ascii=False)
