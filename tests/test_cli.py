import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

from .conftest import SEED

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_score_seed_terminal_shows_sentences_and_summary():
    result = invoke("score", str(SEED), "--no-classifier")
    assert result.exit_code == 0, result.output
    assert "[1]" in result.output and "Summary" in result.output


def test_score_json_validates_against_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "r.json"
    result = invoke("score", str(SEED), "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parent.parent / "framing" / "schema" / "report.schema.json").read_text())
    jsonschema.validate(report, schema)
    assert report["schema_version"].startswith("1.")
    (document,) = report["documents"]
    text = SEED.read_text(encoding="utf-8")
    for sentence in document["sentences"]:
        assert 0 <= sentence["bias_probability"] <= 1 and sentence["bias_terms"]["up"]
        for finding in sentence["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["text"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown", "html"])
def test_every_format_renders(fmt):
    result = invoke("score", str(SEED), "--format", fmt, "--no-classifier")
    assert result.exit_code == 0, result.output
    assert len(result.output) > 200


def test_html_escapes_what_it_shows():
    result = invoke("score", "-", "--format", "html", "--no-classifier",
                    input="The <script>alert(1)</script> plan was “bold”.")
    assert result.exit_code == 0
    assert "<script>alert" not in result.output
    assert "&lt;script&gt;" in result.output


def test_stdin_and_markdown_input_format():
    result = invoke("score", "-", "--input-format", "markdown", "--format", "json", "--no-classifier",
                    input="# Title\n\n`code` and prose.\n")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["documents"][0]["sentences"][0]["text"] == "Title"


def test_missing_file_is_reported_by_name_with_exit_code_2():
    result = invoke("score", "nope/missing.txt")
    assert result.exit_code == 2
    assert "nope/missing.txt" in result.output


def test_unknown_format_is_a_usage_error():
    result = invoke("score", str(SEED), "--format", "pdf")
    assert result.exit_code == 2


def test_corpus_with_a_bad_record_reports_it_and_goes_on(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "x", "text": "Fine."}\n{"id": \n{"id": "y", "text": "Also fine."}\n', encoding="utf-8")
    result = invoke("score", str(corpus), "--format", "json", "--no-classifier")
    assert result.exit_code == 2  # after the whole report: not every record could be read
    assert f"{corpus}:2" in result.output
    report = json.loads(result.output[result.output.index("{"):result.output.rindex("}") + 1])
    assert [d["id"] for d in report["documents"]] == ["x", "y"]
    assert report["errors"][0]["line"] == 2


def test_lexicons_validate_reports_file_and_line(tmp_path):
    bad = tmp_path / "extra.jsonl"
    bad.write_text('# header\n{"family": "hedges", "term": "perhaps", "type": "maybe", "rationale": "x"}\nnot json\n',
                   encoding="utf-8")
    result = invoke("lexicons", "validate", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:2:" in result.output and f"{bad}:3:" in result.output


def test_shipped_lexicons_are_valid():
    result = invoke("lexicons", "validate")
    assert result.exit_code == 0, result.output


def test_installed_command_runs_outside_the_source_tree(tmp_path):
    exe = shutil.which("framing") or str(Path(sys.executable).parent / "framing")
    if not Path(exe).exists():
        pytest.skip("the framing command is not installed (pip install .)")
    seed_copy = tmp_path / SEED.name
    seed_copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([exe, "score", seed_copy.name, "--format", "json", "--no-classifier"],
                            cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"][0]["summary"]["sentences"] > 10
    bad = subprocess.run([exe, "score", "missing.txt"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "missing.txt" in bad.stderr
