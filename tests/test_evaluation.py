"""The gold-set evaluation: markup parsing, span matching, the CLI and the regression guard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.evaluation.gold import GoldError, item_from_record, parse_markup, read_gold, split_of
from framing.evaluation.metrics import Span, match
from framing.evaluation.run import evaluate_items, figures, regressions

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"


def test_markup_gives_text_and_nested_multi_label_spans():
    text, spans = parse_markup("[[Aides in [[Lvov|naming]]|source-anonymous]] say it [[apparently|hedge,source-anonymous]] works.")
    assert text == "Aides in Lvov say it apparently works."
    got = {(s.label, s.text) for s in spans}
    assert got == {("source-anonymous", "Aides in Lvov"), ("naming", "Lvov"), ("hedge", "apparently"),
                   ("source-anonymous", "apparently")}
    assert all(text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize("markup, problem", [
    ("[[oops|naming]", "unclosed span"),
    ("[[never closed", "never closed"),
    ("[[word|nonsense]]", "unknown label"),
    ("a ]] b", "without a label"),
    ("[[ padded|hedge]]", "surrounding spaces"),
])
def test_bad_markup_is_refused(markup, problem):
    with pytest.raises(ValueError, match=problem):
        parse_markup(markup)


def test_read_gold_names_file_and_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "source_type": "none", "markup": "Fine."}\n'
                    '{"id": "b", "source_type": "sideways", "markup": "Bad."}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.jsonl:2: .*source_type"):
        read_gold([path])
    path.write_text('{"id": "a", "source_type": "none", "markup": "One."}\n'
                    '{"id": "a", "source_type": "none", "markup": "Two."}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="duplicate id"):
        read_gold([path])


def test_built_records_check_offsets():
    item = item_from_record({"id": "x", "source_type": "none", "text": "Kiev today.",
                             "spans": [{"start": 0, "end": 4, "label": "naming"}]})
    assert item.spans[0].text == "Kiev"
    with pytest.raises(ValueError, match="outside the text"):
        item_from_record({"id": "x", "source_type": "none", "text": "abc",
                          "spans": [{"start": 2, "end": 9, "label": "naming"}]})


def test_split_is_stable_and_about_a_quarter():
    ids = [f"item-{i}" for i in range(4000)]
    share = sum(split_of(i) == "test" for i in ids) / len(ids)
    assert 0.22 < share < 0.28
    assert split_of("item-7") == split_of("item-7")


def _span(start, end, label="hedge"):
    return Span("i", start, end, label, "")


def test_matching_is_one_to_one_and_prefers_exact_pairs():
    gold = [_span(0, 5), _span(10, 15)]
    predicted = [_span(0, 3), _span(0, 5), _span(20, 25)]
    pairs, fps, fns = match(gold, predicted, "overlap")
    assert len(pairs) == 1 and pairs[0][1] == _span(0, 5)
    assert fps == [_span(0, 3), _span(20, 25)] and fns == [_span(10, 15)]
    pairs, fps, fns = match(gold, [_span(1, 4)], "exact")
    assert not pairs and len(fns) == 2
    pairs, _, _ = match(gold, [_span(1, 4, "booster")], "overlap")
    assert not pairs


def test_evaluation_counts_a_hand_checked_example():
    item = item_from_record({"id": "e1", "source_type": "anonymous", "markup":
                             "[[Officials|source-anonymous]] in [[Kiev|naming]] [[claimed|attr-doubt]] the "
                             "plan [[might|hedge]] fail, but chicken Kiev was on the menu."})
    result = figures(evaluate_items([item]))
    assert result["rows"]["naming"]["exact"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert result["rows"]["attr-doubt"]["exact"]["tp"] == 1
    assert result["rows"]["hedge"]["exact"]["tp"] == 1
    assert result["source_type_accuracy"] == 1.0


def test_regressions_flag_a_drop_beyond_the_tolerance():
    recorded = {"splits": {"dev": {"source_type_accuracy": 0.9, "rows": {
        "naming": {"exact": {"precision": 0.99, "recall": 0.96, "f1": 0.97}}}}}}
    same = {"dev": {"source_type_accuracy": 0.89, "rows": {
        "naming": {"exact": {"precision": 0.98, "recall": 0.95, "f1": 0.96}}}}}
    assert regressions(same, recorded) == []
    worse = {"dev": {"source_type_accuracy": 0.85, "rows": {
        "naming": {"exact": {"precision": 0.90, "recall": 0.95, "f1": 0.92}}}}}
    problems = regressions(worse, recorded)
    assert any("source-type" in p for p in problems) and any("naming exact precision" in p for p in problems)


def test_cli_prints_the_table_and_errors(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "c1", "source_type": "named", "markup":
                                "The mayor [[said|attr-neutral]] the Kiev bridge reopened."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-detectors", str(path), "--split", "all", "--errors"])
    assert result.exit_code == 0, result.output
    assert "naming" in result.output and "FP naming" in result.output  # 'Kiev' was not annotated
    result = CliRunner().invoke(app, ["evaluate-detectors", str(path), "--split", "all", "--format", "json"])
    assert json.loads(result.output)["all"]["rows"]["naming"]["exact"]["fp"] == 1


def test_cli_bad_gold_is_a_one_line_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate-detectors", str(path)])
    assert result.exit_code == 2 and "gold.jsonl:1" in result.output
    result = CliRunner().invoke(app, ["evaluate-detectors", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2 and "missing.jsonl" in result.output
