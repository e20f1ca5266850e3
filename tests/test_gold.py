"""The project's gold set: up to date with its markup, big enough, and no detector below its record."""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path

import pytest

from framing.evaluation.gold import SOURCE_TYPES, SPAN_LABELS, read_gold
from framing.evaluation.run import SPLITS, evaluate_splits, figures, load_recorded, regressions

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
GOLD = GOLD_DIR / "gold.jsonl"
RECORDED = GOLD_DIR / "recorded.json"


@pytest.fixture(scope="module")
def items():
    return read_gold([GOLD])


def test_gold_jsonl_is_built_from_the_markup():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gold.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_gold_set_is_large_and_covers_every_label_in_both_splits(items):
    assert len(items) >= 400
    for split in SPLITS:
        in_split = [i for i in items if i.split == split]
        labels = collections.Counter(s.label for i in in_split for s in i.spans)
        assert all(labels[label] > 0 for label in SPAN_LABELS), (split, labels)
        types = collections.Counter(i.source_type for i in in_split)
        assert all(types[t] > 0 for t in SOURCE_TYPES), (split, types)
    share = sum(i.split == "test" for i in items) / len(items)
    assert 0.2 < share < 0.3


def test_no_detector_falls_below_the_recorded_figures(items):
    current = {split: figures(e) for split, e in evaluate_splits(items).items()}
    problems = regressions(current, load_recorded(RECORDED))
    assert not problems, "\n".join(problems)
