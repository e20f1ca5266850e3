"""docs/check.md stays true: every rule is documented, and its configuration and suppression examples work."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from framing.check import check_text
from framing.check.config import parse_config
from framing.rules import RULES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "check.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL)


def test_every_rule_code_is_in_the_table():
    for code in RULES:
        assert f"| {code} |" in DOC, code


def test_configuration_example_is_valid(tmp_path):
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    (example,) = blocks("toml")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "naming.jsonl").write_text("")
    table = tomllib.loads(example)["tool"]["framing"]
    config = parse_config(table, tmp_path, "docs/check.md")
    assert config.thresholds.anonymous_share == 0.5 and "Chernobyl".lower() in config.naming_keep


def test_suppression_examples_suppress():
    markdown, text = blocks("markdown")[0], blocks("text")[0]
    assert [d.code for d in check_text(markdown, "markdown")] == []
    assert [d.code for d in check_text(text, "text")] == []
    # ... and only because of the directives
    assert "N001" in [d.code for d in check_text(re.sub(r"<!--.*?-->", "", markdown), "markdown")]
    assert "N001" in [d.code for d in check_text(re.sub(r"#.*", "", text), "text")]
