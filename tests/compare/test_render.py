"""Every output format: terminal, JSON, CSV, Markdown and the self-contained HTML."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from framing.compare import FORMATS, compare, render
from framing.compare.model import COMPARE_SCHEMA_VERSION

from .builders import document
from .conftest import FAST
from .corpus import COURIER, GAZETTE


def rendered(comparison, fmt: str) -> str:
    buffer = io.StringIO()
    render(comparison, fmt, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_names_both_outlets_and_the_kiev_share(two_outlets, fmt):
    text = rendered(two_outlets, fmt)
    assert GAZETTE in text and COURIER in text
    assert "Kiev" in text


def test_terminal_shows_intervals_differences_and_tests(two_outlets):
    text = rendered(two_outlets, "terminal")
    assert "82% [" in text  # the Courier's Kiev share with its interval
    assert "-82 pp [" in text  # Gazette minus Courier
    assert "permutation test" in text and "Benjamini-Hochberg" in text
    assert "Distinguishing terms" in text and "Attribution asymmetry" in text


def test_terminal_prints_outlet_names_literally_not_as_rich_markup(test_analyzer):
    docs = [document(f"d{i}", "[bold]Loud[/bold] Post", [("Crews worked.", [], {})]) for i in range(2)]
    docs += [document(f"e{i}", "Quiet", [("Crews rested.", [], {})]) for i in range(2)]
    text = rendered(compare(docs, analyzer=test_analyzer, **FAST), "terminal")
    assert "[bold]Loud[/bold] Post" in text
    assert "4 documents in 2 groups by outlet" in text


def test_json_has_a_version_every_measure_and_traceable_examples(two_outlets):
    data = json.loads(rendered(two_outlets, "json"))
    assert data["schema_version"] == COMPARE_SCHEMA_VERSION
    assert data["settings"]["seed"] == 0
    keys = {m["key"] for m in data["measures"]}
    assert {"naming_share:kyiv:kiev", "per_1000_words:loaded", "flesch_reading_ease"} <= keys
    share = data["estimates"][COURIER]["naming_share:kyiv:kiev"]
    assert share["numerator"] == 18 and share["denominator"] == 22 and share["low"] < share["value"] < share["high"]
    examples = data["examples"][COURIER]["naming:kyiv:kiev"]
    assert examples and all(e["text"][s:e_] == "Kiev" for e in examples for s, e_ in e["marks"])
    assert data["asymmetry"]["gaps"]


def test_csv_is_one_tidy_table(two_outlets):
    rows = list(csv.DictReader(io.StringIO(rendered(two_outlets, "csv"))))
    kinds = {r["record"] for r in rows}
    assert kinds == {"size", "estimate", "difference", "term", "actor"}
    share = next(r for r in rows if r["record"] == "estimate" and r["measure"] == "naming_share:kyiv:kiev"
                 and r["group"] == COURIER)
    assert float(share["value"]) == pytest.approx(18 / 22)
    difference = next(r for r in rows if r["record"] == "difference" and r["measure"] == "naming_share:kyiv:kiev")
    assert float(difference["p_value"]) < 0.01


def test_markdown_tables_escape_pipes(test_analyzer):
    docs = [document(f"d{i}", "Left | Right", [("Crews worked.", [], {})]) for i in range(2)]
    docs += [document(f"e{i}", "Centre", [("Crews rested.", [], {})]) for i in range(2)]
    text = rendered(compare(docs, analyzer=test_analyzer, **FAST), "markdown")
    assert "Left \\| Right" in text
    assert re.search(r"^\| --- \| --- \|", text, re.M)


def test_html_escapes_everything_it_shows(test_analyzer):
    hostile = "<script>alert(1)</script>"
    docs = [document(f"x{i}", f"Outlet {hostile}", [(f"They said {hostile} loudly.", [("A001", "said",
                     {"verb_class": "neutral", "source": {"start": 0, "end": 4, "text": "They"}})], {})])
            for i in range(3)]
    docs += [document(f"y{i}", "Plain", [("Crews said nothing.", [], {})]) for i in range(3)]
    html = rendered(compare(docs, analyzer=test_analyzer, **FAST), "html")
    assert hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert len(re.findall(r"<script>", html)) == 1  # only the report's own script


def test_html_is_self_contained(two_outlets):
    html = rendered(two_outlets, "html")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert html.count("<svg") >= 5
    assert "<template id=" in html and "data-ex=" in html
