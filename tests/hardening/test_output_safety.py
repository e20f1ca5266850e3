"""Text from the input never acts in an output: no live HTML (also not through Markdown), no running
script, no spreadsheet formula, no terminal escape sequence, no rich markup, no injected GitHub
workflow command.

The hostile texts are written for these tests: article text, outlet names, document ids, file
names and a user lexicon (terms, rationales, preferred forms) all carry the payloads.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

SCRIPT_TAG = "<script>window.__pwned = 1</script>"
ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(1)>'
JAVASCRIPT_URL = "javascript:alert(2)"
SCRIPT_CLOSE = "</script><script>window.__pwned = 3</script><!--"
RICH_MARKUP = "[bold red]loud[/bold red] [link=https://evil.example/]click[/link]"
ANSI = "\x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x07hidden link\x1b]8;;\x07 \x9b31m"
FORMULA = '=HYPERLINK("https://evil.example/","open")'
PAYLOADS = (SCRIPT_TAG, ATTRIBUTE_BREAKOUT, JAVASCRIPT_URL, SCRIPT_CLOSE, RICH_MARKUP, ANSI, FORMULA)

#: A user lexicon whose every free-text field is hostile, on terms that the articles below contain.
LEXICON = [
    {"family": "naming", "term": "Vostrana", "preferred": f"{SCRIPT_TAG}Vostra", "domain": "test",
     "origin": ATTRIBUTE_BREAKOUT, "source": JAVASCRIPT_URL, "rationale": SCRIPT_CLOSE},
    {"family": "naming", "term": "Marrowgate", "preferred": FORMULA, "domain": "test",
     "origin": ANSI, "source": "test", "rationale": RICH_MARKUP},
    {"family": "loaded", "term": "<b>grand plan</b>", "category": "evaluative", "alternative": "+1+cmd|' /C calc'!A0",
     "rationale": ATTRIBUTE_BREAKOUT},
]
OUTLETS = (SCRIPT_TAG, ATTRIBUTE_BREAKOUT)


def article(i: int) -> str:
    payload = PAYLOADS[i % len(PAYLOADS)]
    return (f"Officials in Vostrana said the <b>grand plan</b> would cost {3 + i} million. "
            f"The council claimed that {payload} was a forgery. "
            f"Residents of Marrowgate reportedly rejected it on day {i}.")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "house.jsonl").write_text("\n".join(json.dumps(e) for e in LEXICON) + "\n", encoding="utf-8")
    records = [{"id": f"{PAYLOADS[(i + 3) % len(PAYLOADS)]}#{i}", "outlet": OUTLETS[i % 2], "url": JAVASCRIPT_URL,
                "title": ATTRIBUTE_BREAKOUT, "text": article(i)} for i in range(24)]
    (root / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return root


def framing(*args: object) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def score(hostile: Path, fmt: str) -> str:
    out = hostile / f"score.{fmt}"
    framing("score", hostile / "corpus.jsonl", "--lexicon", hostile / "house.jsonl", "--no-classifier",
            "--jobs", "1", "--format", fmt, "--output", out)
    return out.read_text(encoding="utf-8")


def compare(hostile: Path, fmt: str) -> str:
    out = hostile / f"compare.{fmt}"
    framing("compare", hostile / "corpus.jsonl", "--lexicon", hostile / "house.jsonl", "--no-classifier",
            "--jobs", "1", "--bootstrap", "50", "--permutations", "50", "--format", fmt, "--output", out)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reports(hostile) -> dict[str, str]:
    return {"score": score(hostile, "html"), "compare": compare(hostile, "html")}


# ------------------------------------------------------------------------------------------- HTML source


class _Markup(HTMLParser):
    """Every element, attribute, comment and script body the browser would see."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.comments: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def markup_of(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("report", ["score", "compare"])
def test_html_report_shows_input_as_text_and_never_as_markup(reports, report):
    html = reports[report]
    markup = markup_of(html)
    assert "img" not in markup.tags and "b" not in markup.tags
    assert not [name for name, _ in markup.attributes if name.startswith("on")]
    assert not [value for _, value in markup.attributes if value.strip().lower().startswith("javascript:")]
    assert not markup.comments
    # The payloads are in the report, escaped, not dropped.
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_score_html_has_no_script_and_a_policy_that_forbids_one(reports):
    markup = markup_of(reports["score"])
    assert "script" not in markup.tags
    assert "default-src 'none'" in reports["score"]


def test_compare_html_runs_only_its_own_script_and_no_input_reaches_a_script_block(reports):
    from framing.compare.render_html import CSP, SCRIPT

    markup = markup_of(reports["compare"])
    assert markup.tags.count("script") == 1 and markup.scripts == [SCRIPT]
    # No inline JSON or other data from the input lives inside a <script>; the policy allows
    # exactly that one script by its hash, never 'unsafe-inline'.
    assert "'unsafe-inline'" not in CSP.split("script-src")[1] and "sha256-" in CSP


# --------------------------------------------------------------------------------------- in a browser


def open_in_browser(browser, html: str, path: Path):
    """The page, and what went wrong in it: dialogs opened, console errors, uncaught exceptions."""
    path.write_text(html, encoding="utf-8")
    context = browser.new_context()
    context.route(lambda url: url != path.as_uri(), lambda route: route.abort())
    page = context.new_page()
    events: dict[str, list[str]] = {"dialogs": [], "errors": []}

    def on_dialog(dialog):
        events["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: events["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: events["errors"].append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page, events


@pytest.mark.parametrize("report", ["score", "compare"])
def test_no_script_from_the_input_runs_in_a_browser(browser, reports, report, tmp_path):
    context, page, events = open_in_browser(browser, reports[report], tmp_path / f"{report}.html")
    # Open every example panel at once: template content becomes live DOM when shown.
    page.evaluate("document.querySelectorAll('template').forEach(t => "
                  "document.body.appendChild(t.content.cloneNode(true)))")
    if report == "compare":
        page.locator("button.ex").first.click()
        assert page.locator("#panel").is_visible()  # the report's own script still works
    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None
    assert events == {"dialogs": [], "errors": []}
    body = page.inner_text("body")
    assert "<script>window.__pwned = 1</script>" in body and 'onerror=alert(1)>' in body
    context.close()


def test_compare_policy_stops_a_script_even_if_escaping_were_broken(browser, reports, tmp_path):
    planted = reports["compare"].replace("<body>", '<body><img src=x onerror="window.__pwned = 4">'
                                         "<script>window.__pwned = 5</script>", 1)
    context, page, events = open_in_browser(browser, planted, tmp_path / "planted.html")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__pwned") is None and not events["dialogs"]
    page.locator("button.ex").first.click()
    assert page.locator("#panel").is_visible()
    context.close()


# ------------------------------------------------------------------------------------------- Markdown


@pytest.mark.parametrize("command", ["score", "compare"])
def test_markdown_report_renders_input_as_text_even_where_raw_html_is_allowed(hostile, command):
    markdown_it = pytest.importorskip("markdown_it")
    source = (score if command == "score" else compare)(hostile, "markdown")
    # CommonMark passes raw HTML through: the most permissive viewer a report may meet.
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(source)
    markup = markup_of(html)
    assert not {"img", "script", "a", "b"} & set(markup.tags), sorted(set(markup.tags))
    assert not [name for name, _ in markup.attributes if name.startswith("on")]
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html


# ---------------------------------------------------------------------------------------------- CSV


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def formula_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not _is_number(cell)]


def test_score_csv_neutralises_formulas_from_the_input(hostile):
    text = score(hostile, "csv")
    assert formula_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert "'" + FORMULA in {row["preferred"] for row in rows}
    assert any(row["document_id"] == f"'{FORMULA}#3" for row in rows)
    assert all(_is_number(row["start"]) and _is_number(row["line"]) for row in rows)


def test_compare_csv_neutralises_formulas_but_keeps_negative_numbers(hostile):
    text = compare(hostile, "csv")
    assert formula_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any(row["value"].startswith("-") and _is_number(row["value"]) for row in rows)
    assert {row["group"] for row in rows if row["record"] == "size"} == set(OUTLETS)


def test_spreadsheet_safe_prefixes_only_strings_that_start_a_formula():
    from framing.render.untrusted import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in ("=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "plain", "a=b")] == \
        ["'=1+1", "'+1", "'-x", "'@SUM(A1)", "'\tx", "'\rx", "plain", "a=b"]
    assert spreadsheet_safe(-3) == -3 and spreadsheet_safe(-0.5) == -0.5


# ------------------------------------------------------------------------------------------ terminal


def assert_inert_for_a_terminal(text: str) -> None:
    assert not [c for c in text if (ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) < 0xA0], repr(text[:200])


def test_score_terminal_shows_escape_sequences_and_rich_markup_literally(hostile):
    output = framing("score", hostile / "corpus.jsonl", "--lexicon", hostile / "house.jsonl", "--no-classifier",
                     "--jobs", "1")
    assert_inert_for_a_terminal(output)
    assert "␛[31mred␛[0m" in output
    assert RICH_MARKUP in output.replace("\n", " ")
    assert "naming variants" in output


def test_compare_terminal_shows_input_literally(hostile, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"outlet": name, "text": article(i)})
                                for i in range(8) for name in (ANSI, RICH_MARKUP)) + "\n", encoding="utf-8")
    output = framing("compare", corpus, "--lexicon", hostile / "house.jsonl", "--no-classifier", "--jobs", "1",
                     "--bootstrap", "50", "--permutations", "50")
    assert_inert_for_a_terminal(output)
    assert "[bold red]loud[/bold red]" in output and "␛[2J" in output


def test_terminal_safe_keeps_offsets_and_layout():
    from framing.render.untrusted import terminal_safe

    text = "a\x1b[1mb\tc\r\nd\x07\u202eevil\x9b"
    safe = terminal_safe(text)
    assert len(safe) == len(text)
    assert safe == "a␛[1mb\tc \nd␇\ufffdevil\ufffd"


# ----------------------------------------------------------------------------------------------- check


@pytest.fixture
def hostile_draft(tmp_path):
    house = tmp_path / "house.jsonl"
    entries = [dict(LEXICON[1], preferred="Marrow\x1b]8;;https://evil.example/\x07gate\r\n::error file=x::pwned"),
               dict(LEXICON[0], preferred="Vostra%0A::warning::percent")]
    house.write_text("\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf-8")
    (tmp_path / ".framing.toml").write_text('lexicons = ["house.jsonl"]\n', encoding="utf-8")
    draft = tmp_path / "draft\x1b[31m\n::error::x.md"
    draft.write_text("Residents of Marrowgate met officials from Vostrana.\n", encoding="utf-8")
    return draft


def run_check(path: Path, fmt: str) -> str:
    result = CliRunner().invoke(app, ["check", str(path), "--format", fmt])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_check_text_output_is_inert_for_a_terminal(hostile_draft, monkeypatch):
    monkeypatch.chdir(hostile_draft.parent)
    output = run_check(hostile_draft, "text")
    assert_inert_for_a_terminal(output.replace("\n", " ").rstrip())
    assert output.count("N001") == 2


def test_check_github_annotations_cannot_inject_workflow_commands(hostile_draft, monkeypatch):
    monkeypatch.chdir(hostile_draft.parent)
    lines = run_check(hostile_draft, "github").splitlines()
    assert len(lines) == 2 and all(line.startswith("::warning file=") for line in lines)
    # GitHub's encoding: % \r \n in data; also : and , in properties.
    assert "%0D%0A::error file=x::pwned" in lines[0] + lines[1]
    assert "Vostra%250A::warning::percent" in lines[0] + lines[1]
    # A file name with control characters is shown escaped (as every message names it), so the
    # property can neither break the line nor start a workflow command.
    file_property = lines[0].split(",line=1,")[0]
    assert "\x1b" not in file_property and "\n" not in file_property and "::error" not in file_property
    assert_inert_for_a_terminal(lines[0].split(",line=1,")[1] + lines[1].split(",line=1,")[1])


def test_skipped_record_messages_are_inert_on_a_terminal(tmp_path):
    from typer.testing import CliRunner

    from framing.cli import app

    corpus = tmp_path / "c\x1b[2Jorpus.jsonl"
    corpus.write_text('{"text": "Fine."}\n[1, 2]\n', encoding="utf-8")
    for command in (["score", "--no-classifier", "-q"], ["compare", "-q"]):
        result = CliRunner().invoke(app, [*command, str(corpus)])
        assert "skipped" in result.output and "\x1b" not in result.output, result.output
