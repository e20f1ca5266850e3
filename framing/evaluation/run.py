"""Run the detectors over a gold set and judge them; the recorded figures guard against regressions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..document import Document
from .gold import GoldItem
from .metrics import ANY_CLASS_ROWS, DETECTOR_LABELS, Evaluation, evaluate

SPLITS = ("dev", "test")
#: Detector rows are guarded; per-label rows are too small for a 0.02 tolerance to mean anything.
GUARDED_ROWS = (*DETECTOR_LABELS, *ANY_CLASS_ROWS)


def evaluate_items(items: Iterable[GoldItem], analyzer=None) -> Evaluation:
    """Analyse each gold sentence as its own document (without the classifier) and score it."""
    from ..pipeline import Analyzer

    analyzer = analyzer or Analyzer(exclude=["classifier"])
    items = list(items)
    documents = [Document(text=item.text, id=item.id) for item in items]
    analyzer.analyze_batch(documents)
    return evaluate(zip(items, documents))


def evaluate_splits(items: list[GoldItem], splits: Iterable[str] = SPLITS) -> dict[str, Evaluation]:
    from ..pipeline import Analyzer

    analyzer = Analyzer(exclude=["classifier"])
    return {split: evaluate_items([i for i in items if split == "all" or i.split == split], analyzer)
            for split in splits}


def figures(evaluation: Evaluation) -> dict:
    """The numbers worth recording: P/R/F1 per row and match mode, and source-type accuracy."""
    rows = {}
    for row, by_mode in evaluation.counts.items():
        rows[row] = {mode: {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                            "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                     for mode, c in by_mode.items()}
    return {"items": evaluation.items, "source_type_accuracy": round(evaluation.source_accuracy, 4),
            "source_type_confusion": {g: dict(c) for g, c in evaluation.source_confusion.items()},
            "rows": rows}


def regressions(current: dict, recorded: dict, tolerance: float = 0.02) -> list[str]:
    """Every recorded figure the current run falls more than ``tolerance`` below."""
    problems = []
    for split, rec in recorded.get("splits", {}).items():
        cur = current.get(split)
        if cur is None:
            problems.append(f"{split}: split missing from the current run")
            continue
        if cur["source_type_accuracy"] < rec["source_type_accuracy"] - tolerance:
            problems.append(f"{split}: source-type accuracy {cur['source_type_accuracy']:.3f} "
                            f"< recorded {rec['source_type_accuracy']:.3f}")
        for row, modes in rec["rows"].items():
            if row not in GUARDED_ROWS:
                continue
            for mode, metrics in modes.items():
                for metric in ("precision", "recall", "f1"):
                    now = cur["rows"].get(row, {}).get(mode, {}).get(metric)
                    if now is None or now < metrics[metric] - tolerance:
                        problems.append(f"{split}: {row} {mode} {metric} {now} < recorded {metrics[metric]:.3f}")
    return problems


def load_recorded(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
