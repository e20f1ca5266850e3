"""Configuration: discovery by walking up, every key, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.check import CheckError, check_paths
from framing.check.config import CheckConfig, ConfigError, ConfigFinder, load_config, matches_glob

from .conftest import HOUSE_LEXICON, codes

DRAFT = "Officials in Kiev said the bridge would reopen.\n"


def test_pyproject_tool_framing_is_found_by_walking_up_from_the_file(write):
    write("pyproject.toml", '[project]\nname = "desk"\n\n[tool.framing]\nignore = ["N001"]\n')
    draft = write("drafts/2024/kyiv.md", DRAFT)
    assert codes(check_paths([draft]).diagnostics) == []


def test_framing_toml_wins_over_pyproject_in_the_same_directory(write):
    write("pyproject.toml", '[tool.framing]\nignore = ["N001"]\n')
    write(".framing.toml", 'select = ["N001"]\n')
    draft = write("kyiv.md", DRAFT)
    assert codes(check_paths([draft]).diagnostics) == ["N001"]


def test_pyproject_without_tool_framing_is_skipped_and_the_walk_goes_on(write):
    write(".framing.toml", 'ignore = ["N001"]\n')
    write("desk/pyproject.toml", '[project]\nname = "desk"\n')
    draft = write("desk/kyiv.md", DRAFT)
    assert codes(check_paths([draft]).diagnostics) == []


def test_the_nearest_configuration_governs_each_file(write):
    write(".framing.toml", 'ignore = ["N001"]\n')
    write("strict/.framing.toml", 'select = ["N001"]\n')
    lenient, strict = write("a.md", DRAFT), write("strict/b.md", DRAFT)
    result = check_paths([lenient, strict])
    assert [(Path(d.path).name, d.code) for d in result.diagnostics] == [("b.md", "N001")]


def test_per_file_ignores_match_globs_relative_to_the_config(write):
    write(".framing.toml", '[per-file-ignores]\n"archive/**" = ["N"]\n"*.txt" = ["N001"]\n')
    archived, plain, current = write("archive/2019/old.md", DRAFT), write("notes/x.txt", DRAFT), write("new.md", DRAFT)
    result = check_paths([archived, plain, current])
    assert [Path(d.path).name for d in result.diagnostics] == ["new.md"]


def test_exclude_skips_files_entirely(write):
    write(".framing.toml", 'exclude = ["vendor/*"]\n')
    write("vendor/copied.md", DRAFT)
    assert check_paths([write("vendor/copied.md", DRAFT)]).files == []


def test_severity_override_and_fail_on(write):
    write(".framing.toml", 'fail-on = "error"\n[severity]\nN001 = "info"\n')
    result = check_paths([write("kyiv.md", DRAFT)])
    (diagnostic,) = result.diagnostics
    assert diagnostic.severity == "info" and not diagnostic.fails
    assert result.exit_code == 0


def test_house_style_keeps_a_variant(write):
    write(".framing.toml", '[naming]\nkeep = ["Chernobyl"]\n')
    draft = write("x.md", "Chernobyl's reactor four exploded. Officials in Kiev said so.\n")
    assert [d.text for d in check_paths([draft]).diagnostics] == ["Kiev"]


def test_house_style_prefers_its_own_form_case_preserved(write):
    write(".framing.toml", '[naming.prefer]\nKiev = "Kyïv"\n')
    draft = write("x.md", "KIEV'S mayor spoke in Kiev.\n")
    assert [(d.text, d.fix.new) for d in check_paths([draft]).diagnostics] == [("KIEV", "KYÏV"), ("Kiev", "Kyïv")]


def test_extra_lexicons_are_relative_to_the_config_file(write):
    write("house/naming.jsonl", HOUSE_LEXICON.read_text(encoding="utf-8"))
    write(".framing.toml", 'lexicons = ["house/naming.jsonl"]\n')
    draft = write("x.md", "The march in Londonderry was peaceful.\n")
    (diagnostic,) = check_paths([draft]).diagnostics
    assert (diagnostic.code, diagnostic.text, diagnostic.fix.new) == ("N001", "Londonderry", "Derry")


def test_thresholds_are_read(tmp_path):
    (tmp_path / ".framing.toml").write_text("[thresholds]\nanonymous-share = 0.25\nhedge-min-count = 5\n")
    config = load_config(tmp_path / ".framing.toml")
    assert config.thresholds.anonymous_share == 0.25 and config.thresholds.hedge_min_count == 5
    assert config.thresholds.hedges_per_1000_words == 15.0  # untouched default


@pytest.mark.parametrize("toml, expected", [
    ('selct = ["N001"]\n', "unknown key 'selct' (did you mean 'select'?)"),
    ('select = ["Z999"]\n', "select: unknown rule code or prefix 'Z999'"),
    ('select = "N001"\nignore = 3\n', "ignore must be a list of strings"),
    ('[severity]\nN001 = "fatal"\n', "severity.N001 must be one of info, warning, error"),
    ('fail-on = "never"\n', "fail-on must be one of error, warning, info"),
    ('[thresholds]\nanonymous-share = 1.5\n', "thresholds.anonymous-share must be a number between 0 and 1"),
    ('[thresholds]\nhedges_per_1000_words = 3\n', "unknown key thresholds.'hedges_per_1000_words' (did you mean 'hedges-per-1000-words'?)"),
    ('[naming]\nkeeps = ["Chernobyl"]\n', "unknown key naming.'keeps'"),
    ('lexicons = ["missing.jsonl"]\n', "lexicons: 'missing.jsonl': no such file or directory"),
    ('fixable = ["L001"]\n', "fixable: L001 cannot be fixed automatically"),
    ('select = [\n', "invalid TOML"),
])
def test_invalid_configuration_names_file_and_key(tmp_path, toml, expected):
    config = tmp_path / ".framing.toml"
    config.write_text(toml)
    with pytest.raises(ConfigError) as error:
        load_config(config)
    assert str(error.value).startswith(str(config)) and expected in str(error.value)


def test_invalid_configuration_found_while_checking_exits_2_with_the_key(cli, write):
    write(".framing.toml", 'ignore = ["N001"]\n[thresholds]\nanonymous-shar = 0.2\n')
    write("x.md", DRAFT)
    result = cli("check", "x.md")
    assert result.exit_code == 2
    assert "anonymous-shar" in result.output and ".framing.toml" in result.output


def test_explicit_config_applies_to_every_file(write):
    config = write("elsewhere/strict.toml", 'select = ["N001"]\nfail-on = "error"\n[severity]\nN001 = "error"\n')
    write(".framing.toml", 'ignore = ["N001"]\n')  # ignored: --config wins over discovery
    result = check_paths([write("x.md", DRAFT)], config_file=config)
    assert [d.severity for d in result.diagnostics] == ["error"] and result.exit_code == 1


def test_command_line_select_replaces_and_ignore_extends(write):
    draft = write("x.md", "Officials in Kiev claimed the bridge was safe.\n")
    assert codes(check_paths([draft]).diagnostics) == ["N001", "A002"]
    assert codes(check_paths([draft], select=["A"]).diagnostics) == ["A002"]
    assert codes(check_paths([draft], ignore=["A002"]).diagnostics) == ["N001"]
    with pytest.raises(CheckError, match="--select: unknown rule code"):
        check_paths([draft], select=["X1"])


def test_globs():
    assert matches_glob("archive/2019/a.md", "archive/**")
    assert matches_glob("deep/dir/a.txt", "*.txt")
    assert not matches_glob("drafts/a.md", "archive/*")


def test_defaults_when_no_configuration_exists(tmp_path):
    finder = ConfigFinder()
    assert finder.for_file(tmp_path / "x.md") is finder.defaults
    assert finder.defaults.select == CheckConfig().select
