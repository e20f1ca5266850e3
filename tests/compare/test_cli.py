"""`framing compare` through typer's runner and through a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from framing.cli import app

from .corpus import COURIER, GAZETTE, TWO_OUTLETS, write_directories

runner = CliRunner()
QUICK = ["--no-classifier", "--bootstrap", "50", "--permutations", "50"]


def invoke(*args: str):
    return runner.invoke(app, ["compare", *args, *QUICK])


def test_compare_prints_a_terminal_table_for_two_outlets():
    result = invoke(str(TWO_OUTLETS))
    assert result.exit_code == 0, result.output
    assert "24 documents in 2 groups by outlet" in result.output
    assert GAZETTE in result.output and COURIER in result.output


def test_compare_writes_json_to_a_file(tmp_path):
    out = tmp_path / "report.json"
    result = invoke(str(TWO_OUTLETS), "--format", "json", "--output", str(out), "--seed", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["settings"]["seed"] == 3 and data["settings"]["bootstrap"] == 50
    assert [g["name"] for g in data["groups"]] == [GAZETTE, COURIER]


def test_compare_groups_directories_by_outlet_folder(tmp_path):
    root = write_directories(tmp_path / "corpus", per_outlet=2)
    result = invoke(str(root), "--group-by", "directory", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "harbour-gazette" in result.output and "ridgeline-courier" in result.output


def test_usage_errors_exit_with_2_and_a_one_line_message(tmp_path):
    missing = invoke(str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 2 and "no such file or directory" in missing.output
    bad_format = invoke(str(TWO_OUTLETS), "--format", "pdf")
    assert bad_format.exit_code == 2 and "unknown --format 'pdf'" in bad_format.output


def test_compare_runs_as_a_real_command(tmp_path):
    out = tmp_path / "report.html"
    process = subprocess.run([sys.executable, "-m", "framing", "compare", str(TWO_OUTLETS), "-f", "html",
                              "-o", str(out), *QUICK], capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
