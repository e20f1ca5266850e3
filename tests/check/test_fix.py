"""--fix and --diff: safe, case-preserving, idempotent, atomic, and faithful to encoding, BOM and line endings."""

from __future__ import annotations

import os
import stat

import pytest

from framing.check import check_paths
from framing.atomic_write import write_atomically

from .conftest import codes


def fixed(write, text: str, name: str = "draft.md", **options) -> str:
    path = write(name, text)
    check_paths([path], fix=True, **options)
    return path.read_text(encoding="utf-8")


def test_fix_replaces_the_house_form_preserving_case(write):
    assert fixed(write, "KIEV: officials in Kiev and Kiev's mayor met.\n") == \
        "KYIV: officials in Kyiv and Kyiv's mayor met.\n"


def test_fix_is_idempotent(write):
    path = write("draft.md", "Officials in Kiev and Kharkov said so.\n")
    first = check_paths([path], fix=True)
    once = path.read_bytes()
    second = check_paths([path], fix=True)
    assert len(first.fixes) == 2 and second.fixes == [] and path.read_bytes() == once


def test_fix_reports_what_it_changed(write):
    result = check_paths([write("draft.md", "Line one.\nOfficials in Kiev said so.\n")], fix=True)
    (change,) = result.fixes
    assert (change.code, change.line, change.column, change.old, change.new) == ("N001", 2, 14, "Kiev", "Kyiv")
    assert result.diagnostics == [] and result.exit_code == 0


def test_fix_never_touches_code_urls_front_matter_or_link_targets(write):
    text = ("---\ntitle: Kiev diary\n---\n\n"
            "Officials in Kiev said so, see [the Kiev map](https://example.com/Kiev) and `Kiev`.\n\n"
            "```\nKiev = 1\n```\n\nMail kiev@example.org or visit www.kiev.example.com.\n")
    expected = text.replace("Officials in Kiev", "Officials in Kyiv").replace("[the Kiev map]", "[the Kyiv map]")
    assert fixed(write, text) == expected


def test_fix_never_changes_a_quotation(write):
    text = "“We will rebuild Kiev,” the mayor said. Officials in Kiev agreed.\n"
    path = write("draft.md", text)
    result = check_paths([path], fix=True)
    assert path.read_text(encoding="utf-8") == text.replace("Officials in Kiev", "Officials in Kyiv")
    (left,) = result.diagnostics  # the quoted one is still reported, for an editor to judge
    assert left.text == "Kiev" and left.fix is None and left.column == 18


def test_fix_skips_entries_that_need_an_editors_judgement(write):
    assert fixed(write, "Chernobyl's town is empty.\n") == "Chernobyl's town is empty.\n"


def test_kept_house_form_is_not_fixed(write):
    write(".framing.toml", '[naming]\nkeep = ["Kiev"]\n')
    assert fixed(write, "Officials in Kiev said so.\n") == "Officials in Kiev said so.\n"


def test_fix_keeps_crlf_line_endings_and_the_bom(write, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xef\xbb\xbfOfficials in Kiev said so.\r\nKiev again.\r\n")
    check_paths([path], fix=True)
    assert path.read_bytes() == b"\xef\xbb\xbfOfficials in Kyiv said so.\r\nKyiv again.\r\n"


def test_fix_keeps_utf16_encoding(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xff\xfe" + "Les élus de Kiev.\r\n".encode("utf-16-le"))
    result = check_paths([path], fix=True)
    assert result.diagnostics == []
    assert path.read_bytes() == b"\xff\xfe" + "Les élus de Kyiv.\r\n".encode("utf-16-le")


def test_fix_keeps_file_permissions_and_leaves_no_temporary_file(write, tmp_path):
    path = write("draft.md", "Kiev.\n")
    os.chmod(path, 0o640)
    check_paths([path], fix=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


def test_atomic_write_leaves_the_original_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "draft.md"
    path.write_text("original")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(path, b"new")
    assert path.read_text() == "original" and [p.name for p in tmp_path.iterdir()] == ["draft.md"]


def test_diff_previews_and_writes_nothing(write):
    text = "Officials in Kiev said so.\n"
    path = write("draft.md", text)
    result = check_paths([path], diff=True)
    assert path.read_text(encoding="utf-8") == text
    assert result.files[0].diff.splitlines() == [
        f"--- a/{path}", f"+++ b/{path}", "@@ -1 +1 @@",
        "-Officials in Kiev said so.", "+Officials in Kyiv said so."]
    assert result.exit_code == 1


def test_suppressed_findings_are_not_fixed(write):
    text = "<!-- framing: ignore[N001] -->\nOfficials in Kiev said so.\n"
    assert fixed(write, text) == text


def test_fix_then_remaining_findings_decide_the_exit_code(write):
    path = write("draft.md", "Officials in Kiev claimed victory.\n")
    result = check_paths([path], fix=True)
    assert codes(result.diagnostics) == ["A002"] and result.exit_code == 1
    assert path.read_text(encoding="utf-8") == "Officials in Kyiv claimed victory.\n"


def test_cli_fix_and_diff(cli, write):
    write("draft.md", "Officials in Kiev said so.\n")
    preview = cli("check", "draft.md", "--diff")
    assert preview.exit_code == 1 and "+Officials in Kyiv said so." in preview.output
    applied = cli("check", "draft.md", "--fix")
    assert applied.exit_code == 0 and "fixed draft.md:1:14: N001 'Kiev' → 'Kyiv'" in applied.output
    assert cli("check", "draft.md", "--diff").exit_code == 0
    assert cli("check", "draft.md", "--fix", "--diff").exit_code == 2
