"""Inline suppressions in Markdown, HTML and plain text, and the baseline that lets only new findings fail."""

from __future__ import annotations

import json

import pytest

from framing.check import CheckError, check_paths, check_text



def lines_of(found) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in found]


def test_markdown_comment_suppresses_the_next_line_for_the_named_code():
    text = ("<!-- framing: ignore[N001] -->\n"
            "Officials in Kiev claimed victory.\n"
            "Officials in Kiev said so.\n")
    assert lines_of(check_text(text, "markdown")) == [(2, "A002"), (3, "N001")]


def test_next_line_skips_blank_lines_and_takes_several_codes():
    text = "<!-- framing: ignore[N001, a002] -->\n\nOfficials in Kiev claimed victory.\n"
    assert check_text(text, "markdown") == []


def test_trailing_comment_suppresses_its_own_line():
    text = "Officials in Kiev said so. <!-- framing: ignore[N001] -->\nKiev again.\n"
    assert lines_of(check_text(text, "markdown")) == [(2, "N001")]


def test_bare_ignore_suppresses_every_code():
    text = "<!-- framing: ignore -->\nOfficials in Kiev claimed victory.\n"
    assert check_text(text, "markdown") == []


def test_block_suppression_in_html():
    text = ("<p>Kiev before.</p>\n"
            "<!-- framing: ignore-start[N001] -->\n"
            "<p>Kiev inside.</p>\n<p>Kiev inside too.</p>\n"
            "<!-- framing: ignore-end -->\n"
            "<p>Kiev after.</p>\n")
    assert lines_of(check_text(text, "html")) == [(1, "N001"), (6, "N001")]


def test_unclosed_block_runs_to_the_end_of_the_file():
    text = "Kiev one.\n<!-- framing: ignore-start -->\nKiev two.\n\nKiev three.\n"
    assert lines_of(check_text(text, "markdown")) == [(1, "N001")]


def test_file_level_suppression():
    text = "Kiev one.\n\nKiev two.\n<!-- framing: ignore-file[N001] -->\n"
    assert check_text(text, "markdown") == []


def test_plain_text_uses_hash_lines_and_trailing_hash_comments():
    text = ("# framing: ignore[N001]\n"
            "Officials in Kiev said so.\n"
            "Kiev again.   # framing: ignore[N001]\n"
            "Kiev a third time.\n")
    assert lines_of(check_text(text, "text")) == [(4, "N001")]


def test_hash_directive_is_a_heading_in_markdown_not_a_suppression():
    text = "# framing: ignore[N001]\nKiev.\n"
    assert lines_of(check_text(text, "markdown")) == [(2, "N001")]


def test_directive_shown_in_a_code_block_is_an_example_not_a_suppression():
    text = "```\n<!-- framing: ignore[N001] -->\n```\nKiev.\n"
    assert lines_of(check_text(text, "markdown")) == [(4, "N001")]


def test_suppressions_work_in_crlf_files():
    text = "# framing: ignore[N001]\r\nKiev.\r\nKiev.\r\n"
    assert lines_of(check_text(text, "text")) == [(3, "N001")]


def test_suppressed_count_is_reported(write):
    draft = write("x.md", "<!-- framing: ignore[N001] -->\nKiev.\n")
    result = check_paths([draft])
    assert result.diagnostics == [] and result.files[0].suppressed == 1 and result.exit_code == 0


# --- baseline -------------------------------------------------------------------------------------


ARCHIVE = "Officials in Kiev said so.\n\nThe minister claimed victory.\n"


def test_baseline_accepts_known_findings_and_fails_only_new_ones(write, tmp_path):
    draft = write("archive/story.md", ARCHIVE)
    baseline = tmp_path / "framing-baseline.json"
    written = check_paths([draft], write_baseline_to=baseline)
    assert written.baseline_written == 2 and written.exit_code == 0
    assert check_paths([draft], baseline=baseline).exit_code == 0

    draft.write_text("A new first paragraph about Kharkov.\n\n" + ARCHIVE)  # old findings move down
    result = check_paths([draft], baseline=baseline)
    assert [(d.line, d.text) for d in result.diagnostics] == [(1, "Kharkov")]
    assert result.files[0].baselined == 2 and result.exit_code == 1


def test_baseline_counts_repeats_and_an_edited_sentence_is_new(write, tmp_path):
    draft = write("story.md", "Kiev said so.\n\nKiev said so.\n")
    baseline = tmp_path / "b.json"
    check_paths([draft], write_baseline_to=baseline)
    draft.write_text("Kiev said so.\n\nKiev said so.\n\nKiev said so.\n")
    assert len(check_paths([draft], baseline=baseline).diagnostics) == 1
    draft.write_text("Kiev said it again.\n")
    assert len(check_paths([draft], baseline=baseline).diagnostics) == 1


def test_baseline_paths_are_relative_to_the_baseline_so_the_cwd_does_not_matter(write, tmp_path, monkeypatch):
    draft = write("desk/story.md", ARCHIVE)
    baseline = tmp_path / "desk" / "baseline.json"
    check_paths([draft], write_baseline_to=baseline)
    entries = json.loads(baseline.read_text())["entries"]
    assert {e["path"] for e in entries} == {"story.md"}
    monkeypatch.chdir(tmp_path / "desk")
    assert check_paths(["story.md"], baseline="baseline.json").diagnostics == []


def test_bad_baseline_is_a_usage_error(write, tmp_path):
    draft = write("x.md", "Kiev.\n")
    with pytest.raises(CheckError, match="baseline not found"):
        check_paths([draft], baseline=tmp_path / "nope.json")
    (tmp_path / "junk.json").write_text("[1, 2]")
    with pytest.raises(CheckError, match="not a framing baseline"):
        check_paths([draft], baseline=tmp_path / "junk.json")


def test_baseline_via_cli(cli, write):
    write("story.md", ARCHIVE)
    assert cli("check", "story.md", "--write-baseline", "baseline.json").exit_code == 0
    result = cli("check", "story.md", "--baseline", "baseline.json")
    assert result.exit_code == 0 and "2 in the baseline" in result.output
