"""Hostile input through the real command line: every case gets a defined outcome, never a traceback.

The rule for score, check and compare alike: a bad input is reported on stderr as one line
(`path[:line]: reason`), skipped, and the others are still read and reported; the command then
exits 2. An empty or whitespace-only file is not an error: it is a document with no sentences.

The three module-scoped runs below each feed one command every case at once, with a good file
last, so the whole suite costs three subprocesses plus a few in-process runs.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.loaders import MAX_DOCUMENT_BYTES

from .hostile import GOOD_TEXT, framing, words_without_punctuation, write

QUICK_COMPARE = ("--bootstrap", "50", "--permutations", "50", "--no-classifier", "-q")
OVERSIZED = MAX_DOCUMENT_BYTES + 1024 * 1024
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

CSV_CORPUS = (
    "id,text,outlet\n"
    'c1,"Officials in Kiev\nsaid so.",Daily\n'      # lines 2-3
    "c2,Ministers met.,Daily,stray\n"                # line 4: one field too many
    ',"The ministry\n\nclaimed it.",Weekly\n'       # lines 5-7, no id
    "c4,Critics fumed.,Weekly\n"                     # line 8
)


def jsonl_corpus() -> bytes:
    lines = [
        json.dumps({"id": "j1", "outlet": "Daily", "text": "Officials in Kiev said so."}),
        '{"id": "j2", "text": unquoted}',
        "[1, 2]",
        "42",
        '"just a string"',
        "null",
        json.dumps({"id": "huge", "text": "a" * OVERSIZED}),
        "[" * 100_000,
        json.dumps({"id": "j3", "outlet": "Weekly", "text": "The ministry claimed it."}),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    write(root / "good.txt", GOOD_TEXT)
    write(root / "empty.txt", b"")
    write(root / "blank.txt", b" \n\t \r\n  ")
    write(root / "huge.txt", words_without_punctuation(50 * 1024 * 1024))
    write(root / "long_run.txt", words_without_punctuation(1024 * 1024))
    write(root / "binary.txt", bytes(range(256)) * 64)
    write(root / "late_nul.txt", b"A plain sentence.\n" * 600 + b"then \x00 a NUL\n")
    write(root / "bad_utf8.txt", b"The first line is fine.\nThe second \xff is not.\n")
    write(root / "utf16le.txt", "\ufeffOfficials in Kiev said so.\r\nThe ministry claimed it.\r\n".encode("utf-16-le"))
    write(root / "utf16be.md", "\ufeff# Notes\n\nOfficials in Kiev said so.\n".encode("utf-16-be"))
    write(root / "mixed_endings.txt", b"Officials in Kiev said so.\r\nThe ministry claimed it.\rCritics fumed.\nKiev replied.")
    write(root / "nested.html", "<div>" * 100_000 + "<p>Officials in Kiev said so.</p>" + "</div>" * 100_000)
    write(root / "script.html", "<html><head><style>p { color: red }</style></head><body><p>The mayor spoke "
                                "<script>document.write('<b>Kiev</b>')</script> and the ministry said so.</p>"
                                "<script>var Kiev = 1;</script></body></html>")
    write(root / "unclosed_fence.md", "# Briefing\n\nOfficials in Kiev said so.\n\n```\nKiev = 'code'\n\nNever closed.\n")
    write(root / "corpus.jsonl", jsonl_corpus())
    write(root / "corpus.csv", CSV_CORPUS)
    write(root / "no_text_column.csv", "id,body\n1,Officials said so.\n")
    write(root / "dir with space" / "ünïcødé" / "fïle ñame.txt", "The ministry claimed it.\n")
    write(root / "loops" / "sub" / "a.txt", "Sources said so.\n")
    (root / "loops" / "sub" / "up").symlink_to("..")
    (root / "loops" / "self").symlink_to("self")
    (root / "loops" / "dangling.txt").symlink_to("missing.txt")
    write(root / "mixed" / "good.md", "# Title\n\nThe ministry claimed it.\n")
    write(root / "mixed" / "bad.txt", b"\xc3\x28 not UTF-8\n")
    write(root / "mixed" / "notes.pdf", b"%PDF-1.4")
    write(root / "mixed" / ".hidden.txt", b"\x00")
    write(root / "unreadable.txt", "Officials said so.\n").chmod(0)
    return root


TEXT_CASES = ["empty.txt", "blank.txt", "huge.txt", "binary.txt", "late_nul.txt", "bad_utf8.txt", "utf16le.txt",
              "utf16be.md", "mixed_endings.txt", "nested.html", "script.html", "unclosed_fence.md",
              "dir with space", "loops", "mixed", "unreadable.txt", "missing.txt"]
CORPUS_CASES = ["corpus.jsonl", "corpus.csv", "no_text_column.csv"]


@pytest.fixture(scope="module")
def score(cases):
    started = time.perf_counter()
    run = framing("score", *TEXT_CASES, "long_run.txt", *CORPUS_CASES, "good.txt",
                  "--no-classifier", "-q", "--format", "json", cwd=cases)
    run.seconds = time.perf_counter() - started
    return run


@pytest.fixture(scope="module")
def check(cases):
    return framing("check", *TEXT_CASES, "good.txt", cwd=cases)


@pytest.fixture(scope="module")
def compare(cases):
    return framing("compare", "corpus.jsonl", "corpus.csv", "binary.txt", "empty.txt", "mixed", "loops",
                   "good.txt", "--format", "json", *QUICK_COMPARE, cwd=cases)


def documents(run) -> dict[str, dict]:
    return {d["id"]: d for d in run.report["documents"]}


def sentences(run, document_id: str) -> list[str]:
    return [s["text"] for s in documents(run)[document_id]["sentences"]]


def check_errors(run) -> list[str]:
    return [line.removeprefix("framing: error: ") for line in run.stderr.splitlines()
            if line.startswith("framing: error: ")]


# -- every command: bad inputs reported, good ones processed, exit 2 -------------------------------

def test_score_reports_every_bad_input_on_one_line_and_still_scores_the_good_file(score):
    assert score.returncode == 2
    assert sentences(score, "good.txt") == ["Officials in Kiev reportedly rejected the plan.",
                                            "The ministry said talks would go on."]
    assert len(score.skipped()) == len(score.report["errors"])
    assert score.stderr.splitlines()[-1] == f"framing: {len(score.report['errors'])} input(s) skipped"


def test_check_reports_every_bad_file_and_still_checks_the_good_file(check):
    assert check.returncode == 2
    assert "good.txt:1:14: N001" in check.stdout


def test_compare_reports_bad_inputs_and_compares_the_rest(compare):
    assert compare.returncode == 2
    report = compare.report
    groups = {g["name"]: g["documents"] for g in report["groups"]}
    # Daily: j1, c1; Weekly: j3, the id-less CSV record, c4; files have no outlet field, and one
    # found in a subdirectory of an input directory is grouped by that subdirectory (loops/sub).
    assert groups == {"Daily": 2, "Weekly": 3, "(no outlet)": 3, "sub": 1}  # empty.txt, mixed/good.md, good.txt
    # 7 JSONL lines, 1 CSV row, binary.txt, mixed/bad.txt and the 3 links of loops/
    assert report["skipped"] == len(compare.skipped()) == 13


# -- empty and whitespace-only files: a document with no sentences, everywhere ---------------------

def test_empty_and_blank_files_are_documents_without_sentences(score, check, compare):
    assert sentences(score, "empty.txt") == [] and sentences(score, "blank.txt") == []
    assert not [e for e in score.report["errors"] if e["source"] in ("empty.txt", "blank.txt")]
    assert not [e for e in check_errors(check) if e.startswith(("empty.txt", "blank.txt"))]
    assert not [line for line in compare.skipped() if "empty.txt" in line]


def test_an_empty_file_alone_exits_0_in_every_command(tmp_path):
    write(tmp_path / "empty.md", b"")
    assert framing("score", "empty.md", "--no-classifier", "-q", cwd=tmp_path).returncode == 0
    assert framing("check", "empty.md", cwd=tmp_path).returncode == 0
    run = framing("compare", "empty.md", "--format", "json", *QUICK_COMPARE, cwd=tmp_path)
    assert run.returncode == 0 and run.report["groups"][0]["documents"] == 1


# -- size: 50 MB refused at once, by its size; a 1 MB run without punctuation is scored -------------

def test_a_50_mb_file_is_refused_with_its_size_and_the_limit(score, check):
    message = "huge.txt: file is 50 MB, over the 10 MB limit for one document"
    assert any(line.startswith(f"framing: skipped {message}") for line in score.skipped())
    assert any(line.startswith(message) for line in check_errors(check))


def test_a_1_mb_run_with_no_punctuation_is_cut_into_bounded_sentences(score):
    pieces = documents(score)["long_run.txt"]["sentences"]
    assert 500 < len(pieces) < 1100
    assert max(s["end"] - s["start"] for s in pieces) <= 2000
    assert all(a["end"] <= b["start"] for a, b in zip(pieces, pieces[1:]))
    # The whole run (50 MB refused, 1 MB scored, 100k nested divs, the corpora) takes seconds; a
    # quadratic step anywhere takes minutes.
    assert score.seconds < 60


# -- binary, NUL, encodings, line endings ----------------------------------------------------------

def test_binary_nul_and_invalid_utf8_are_named_with_file_and_line(score, check):
    expected = ["binary.txt: binary file, not text",
                "late_nul.txt:601: NUL character at offset 10805: binary data, not text",
                "bad_utf8.txt:2: invalid UTF-8 (byte 0xff at offset 35); convert the file to UTF-8"]
    for message in expected:
        assert f"framing: skipped {message}" in score.skipped()
        assert message in check_errors(check)


def test_utf16_with_a_byte_order_mark_is_decoded_and_offsets_follow_the_mark(score, check, cases):
    assert sentences(score, "utf16le.txt") == ["Officials in Kiev said so.", "The ministry claimed it."]
    assert sentences(score, "utf16be.md") == ["Notes", "Officials in Kiev said so."]
    text = (cases / "utf16le.txt").read_bytes()[2:].decode("utf-16-le")
    for sentence in documents(score)["utf16le.txt"]["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
    assert "utf16le.txt:1:14: N001" in check.stdout and "utf16be.md:3:14: N001" in check.stdout


def test_mixed_line_endings_keep_offsets_into_the_original_text(score, check, cases):
    text = (cases / "mixed_endings.txt").read_bytes().decode("utf-8")
    found = documents(score)["mixed_endings.txt"]["sentences"]
    assert [s["text"] for s in found] == ["Officials in Kiev said so.", "The ministry claimed it.",
                                          "Critics fumed.", "Kiev replied."]
    for sentence in found:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
        for finding in sentence["findings"]:
            assert text[finding["start"]:finding["end"]] == finding["text"]
    # a lone CR ends a line for check's line numbers too
    assert "mixed_endings.txt:3:9: A005" in check.stdout and "mixed_endings.txt:4:1: N001" in check.stdout


# -- HTML and Markdown -----------------------------------------------------------------------------

def test_100k_nested_divs_are_read_without_recursion(score, check):
    assert sentences(score, "nested.html") == ["Officials in Kiev said so."]
    assert "nested.html:1:500017: N001" in check.stdout


def test_script_and_style_are_never_prose(score, check):
    found = sentences(score, "script.html")
    assert found == ["The mayor spoke", "and the ministry said so."]
    assert not any("script" in s or "Kiev" in s or "color" in s for s in found)
    assert "script.html" not in check.stdout  # the only 'Kiev' is inside a script


def test_script_content_is_not_echoed_by_the_html_report(cases, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["score", str(cases / "script.html"), "--no-classifier", "-q",
                                      "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "document.write" not in out.read_text(encoding="utf-8")


def test_an_unclosed_code_fence_runs_to_the_end_of_the_file(score, check):
    assert sentences(score, "unclosed_fence.md") == ["Briefing", "Officials in Kiev said so."]
    assert check.stdout.count("unclosed_fence.md:") == 1  # Kiev in the prose; not the one in the code


# -- corpora ---------------------------------------------------------------------------------------

def test_jsonl_bad_lines_are_reported_by_line_and_skipped(score):
    errors = {e["line"]: e["message"] for e in score.report["errors"] if e["source"] == "corpus.jsonl"}
    assert errors[2].startswith("invalid JSON: Expecting value")
    assert errors[3] == 'expected a JSON object with a "text" field, got an array'
    assert errors[4] == 'expected a JSON object with a "text" field, got a number'
    assert errors[5] == 'expected a JSON object with a "text" field, got a string'
    assert errors[6] == 'expected a JSON object with a "text" field, got null'
    assert errors[7].startswith("line is 11 MB, over the 10 MB limit")
    assert errors[8] == "invalid JSON: nested too deeply"
    assert "framing: skipped corpus.jsonl:7: line is 11 MB, over the 10 MB limit for one document; " \
           "split it (a corpus takes one article per JSONL line)" in score.skipped()
    assert {"j1", "j3"} <= set(documents(score))


def test_csv_records_are_named_by_the_line_they_start_on(score):
    assert sentences(score, "c1") == ["Officials in Kiev\nsaid so."]
    assert sentences(score, "corpus.csv:5") == ["The ministry", "claimed it."]
    assert sentences(score, "c4") == ["Critics fumed."]
    errors = [e for e in score.report["errors"] if e["source"] == "corpus.csv"]
    assert errors == [{"source": "corpus.csv", "line": 4,
                       "message": "4 fields where the header has 3 (a quotation mark not closed?)"}]


def test_csv_without_a_text_column_is_skipped_and_named(score):
    assert ("framing: skipped no_text_column.csv:1: CSV header has no 'text' column (it has: id, body)"
            in score.skipped())


# -- paths and directories -------------------------------------------------------------------------

def test_paths_with_spaces_and_non_ascii_characters(score, check):
    name = "dir with space/ünïcødé/fïle ñame.txt"
    assert sentences(score, name) == ["The ministry claimed it."]
    assert f"{name}:1:14: A002" in check.stdout


def test_symlink_loops_are_reported_and_the_rest_of_the_directory_is_read(score, check):
    expected = ["loops/dangling.txt: broken symbolic link",
                "loops/self: cannot follow symbolic link: Too many levels of symbolic links",
                "loops/sub/up: symbolic link to a directory already read (a link loop?)"]
    for message in expected:
        assert f"framing: skipped {message}" in score.skipped()
        assert message in check_errors(check)
    assert sentences(score, "loops/sub/a.txt") == ["Sources said so."]


def test_a_directory_of_good_and_bad_files(score, check):
    assert sentences(score, "mixed/good.md") == ["Title", "The ministry claimed it."]
    assert "framing: skipped mixed/bad.txt:1: invalid UTF-8 (byte 0xc3 at offset 0); convert the file to UTF-8" \
           in score.skipped()
    assert not any("notes.pdf" in line or ".hidden" in line for line in score.stderr.splitlines())
    assert "mixed/good.md:3:14: A002" in check.stdout


def test_a_missing_file_is_named_and_the_others_go_on(score, check):
    assert "framing: skipped missing.txt: no such file or directory" in score.skipped()
    assert "missing.txt: no such file or directory" in check_errors(check)


@pytest.mark.skipif(IS_ROOT, reason="root reads a chmod 000 file; see the monkeypatched test below")
def test_an_unreadable_file_is_named_and_the_others_go_on(score, check):
    assert "framing: skipped unreadable.txt: cannot read: Permission denied" in score.skipped()
    assert "unreadable.txt: cannot read: Permission denied" in check_errors(check)


def test_a_file_that_raises_permission_error_is_skipped_in_every_command(cases, monkeypatch, tmp_path):
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == "good.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.chdir(cases)
    runner = CliRunner()
    out = tmp_path / "score.json"
    result = runner.invoke(app, ["score", "good.txt", "utf16le.txt", "--no-classifier", "-q", "-f", "json", "-o", str(out)])
    assert result.exit_code == 2 and "framing: skipped good.txt: cannot read: Permission denied" in result.output
    assert [d["id"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == ["utf16le.txt"]
    result = runner.invoke(app, ["check", "good.txt", "utf16le.txt"])
    assert result.exit_code == 2 and "framing: error: good.txt: cannot read: Permission denied" in result.output
    assert "utf16le.txt:1:14: N001" in result.output
    result = runner.invoke(app, ["compare", "good.txt", "utf16le.txt", *QUICK_COMPARE])
    assert result.exit_code == 2 and "framing: skipped good.txt: cannot read: Permission denied" in result.output
