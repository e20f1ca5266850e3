"""`framing check` exit codes and `framing rules`, through typer's runner and one real subprocess."""

from __future__ import annotations

import subprocess
import sys

from framing.rules import RULES

CLEAN = "The council met on Monday and approved the budget.\n"
DIRTY = "Officials in Kiev said so.\n"


def test_exit_0_when_clean(cli, write):
    write("clean.md", CLEAN)
    result = cli("check", "clean.md")
    assert result.exit_code == 0 and "All checks passed" in result.output


def test_exit_1_when_a_finding_reaches_the_failing_level(cli, write):
    write("dirty.md", DIRTY)
    result = cli("check", "dirty.md")
    assert result.exit_code == 1
    assert result.output.startswith("dirty.md:1:14: N001 [*] 'Kiev' → 'Kyiv'")


def test_info_findings_never_fail_by_default(cli, write):
    write("said.md", DIRTY)
    result = cli("check", "said.md", "--select", "A001")
    assert result.exit_code == 0 and "A001" in result.output


def test_exit_zero_flag(cli, write):
    write("dirty.md", DIRTY)
    assert cli("check", "dirty.md", "--exit-zero").exit_code == 0


def test_exit_2_on_usage_errors(cli, write):
    write("dirty.md", DIRTY)
    assert cli("check", "missing.md").exit_code == 2
    assert cli("check", "dirty.md", "--select", "NOPE").exit_code == 2
    assert cli("check", "dirty.md", "--config", "nowhere.toml").exit_code == 2
    assert cli("check").exit_code == 2


def test_comma_separated_and_repeated_options(cli, write):
    write("dirty.md", "Officials in Kiev claimed victory.\n")
    assert "A002" not in cli("check", "dirty.md", "--ignore", "A002,A003").output
    assert "N001" not in cli("check", "dirty.md", "--ignore", "A002", "--ignore", "N001").output


def test_rules_lists_every_code(cli):
    result = cli("rules")
    assert result.exit_code == 0
    for code in RULES:
        assert f"\n{code}  " in "\n" + result.output


def test_rules_explains_one_code_with_an_example(cli):
    result = cli("rules", "n001")
    assert result.exit_code == 0
    assert "naming-variant" in result.output and "Example: Officials in Kiev" in result.output
    assert "fixed by --fix" in result.output and "ignore[N001]" in result.output
    assert cli("rules", "X999").exit_code == 2


def test_document_rules_are_documented(cli):
    result = cli("rules", "S101")
    assert "judges the whole draft" in result.output and "anonymous-share" in result.output


def test_real_subprocess(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DIRTY, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "framing", "check", "draft.txt"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, out.stderr
    assert out.stdout.startswith("draft.txt:1:14: N001")
