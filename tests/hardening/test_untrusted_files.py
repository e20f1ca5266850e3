"""Files a user did not write, read without surprises: lexicons and check configurations are
data (patterns are literal phrases, errors name file and line), and a model file is numbers,
never code.

Every hostile file here is written by the tests themselves.
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.classifier.model import ModelLoadError, load_model

#: Regular expressions that take exponential time on the right input, if anything ran them as regexes.
CATASTROPHIC = ("(a+)+$", "(x+x+)+y", "(.*a){20}", "^(\\w+\\s?)*$")
#: Inputs on which those patterns backtrack for hours.
ADVERSARIAL = "a" * 40 + "!" + " " + "x" * 40 + " " + "word " * 30 + "!"
#: Generous for a loaded CI machine; as regexes these would not finish today.
QUICK = 10.0


def invoke(*args: object, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


def loaded_entry(term: str, **extra) -> dict:
    return {"family": "loaded", "term": term, "category": "evaluative", "rationale": "test entry", **extra}


def write_jsonl(path: Path, entries: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------ user lexicons


def test_lexicon_terms_are_literal_phrases_never_regular_expressions(tmp_path):
    lexicon = write_jsonl(tmp_path / "patterns.jsonl", [loaded_entry(p) for p in CATASTROPHIC])
    text = " ".join([ADVERSARIAL] * 400) + " They called it (a+)+$ again."
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = invoke("score", tmp_path / "long.txt", "--lexicon", lexicon, "--no-classifier", "--format", "json")
    assert time.perf_counter() - started < QUICK
    assert result.exit_code == 0, result.output
    loaded = [f["text"] for s in json.loads(result.stdout)["documents"][0]["sentences"]
              for f in s["findings"] if f["code"] == "L001"]
    assert loaded == ["(a+)+$"]  # found where it is written, and nowhere else


def test_a_paragraph_long_term_is_refused_with_file_and_line_not_a_crash(tmp_path):
    naming = {"family": "naming", "term": "Kiev", "preferred": "Kyiv", "domain": "test", "origin": "test",
              "source": "test", "rationale": "test entry", "exceptions": ["Kiev " * 40]}
    lexicon = write_jsonl(tmp_path / "long.jsonl", [loaded_entry("fine phrase"), loaded_entry("a" * 5000), naming])
    result = invoke("lexicons", "validate", lexicon)
    assert result.exit_code == 1
    assert f"{lexicon}:2: 'aaaa" in result.output and f"{lexicon}:3: 'Kiev Kiev" in result.output
    assert "at most 100" in result.output
    result = invoke("score", "-", "--lexicon", lexicon, "--no-classifier", input="A fine phrase.")
    assert result.exit_code == 2 and f"{lexicon}:2:" in result.output and "Traceback" not in result.output


def test_many_nested_prefix_terms_still_compile(tmp_path):
    lexicon = write_jsonl(tmp_path / "prefixes.jsonl", [loaded_entry("a" * k) for k in range(1, 101)])
    result = invoke("score", "-", "--lexicon", lexicon, "--no-classifier", "--format", "json",
                    input="b " + "a" * 100 + " " + "a" * 7)
    assert result.exit_code == 0, result.output
    found = [f["text"] for s in json.loads(result.stdout)["documents"][0]["sentences"] for f in s["findings"]
             if f["code"] == "L001"]
    assert found == ["a" * 100, "a" * 7]


def special_file(tmp_path: Path, kind: str) -> Path:
    """A path that is not a regular file: reading it would never end (or, for a pipe, never start)."""
    if kind == "device":
        return Path("/dev/zero")
    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_lexicon_that_is_not_a_regular_file_is_refused_not_read_forever(tmp_path, kind):
    path = special_file(tmp_path, kind)
    result = invoke("score", "-", "--lexicon", path, "--no-classifier", input="text")
    assert result.exit_code == 2 and f"{path}: cannot read lexicon: not a regular file" in result.output


# ---------------------------------------------------------------------------- check configuration


def test_house_style_and_globs_in_a_configuration_are_literal_or_linear(tmp_path, monkeypatch):
    write_jsonl(tmp_path / "house.jsonl",
                [{"family": "naming", "term": p, "preferred": "plain", "domain": "test", "origin": "test",
                  "source": "test", "rationale": "test entry", "exceptions": [f"not {p}"]} for p in CATASTROPHIC])
    globs = ", ".join(json.dumps(g) for g in ("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "**/" * 30 + "*x*x*x*x*y"))
    (tmp_path / ".framing.toml").write_text(
        f'lexicons = ["house.jsonl"]\nexclude = [{globs}]\n'
        f'[naming]\nkeep = ["(x+x+)+y"]\nprefer = {{"(a+)+$" = "(b+)+$"}}\n'
        f'[per-file-ignores]\n"{"*a" * 20}*b" = ["L001"]\n', encoding="utf-8")
    draft = tmp_path / ("a" * 200 + ".md")
    draft.write_text((ADVERSARIAL + "\n") * 300 + "We wrote (a+)+$ here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    result = invoke("check", draft.name, "--format", "json")
    assert time.perf_counter() - started < QUICK
    assert result.exit_code == 1, result.output
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["text"] == "(a+)+$" and diagnostic["fix"]["replacement"] == "(b+)+$"


def test_a_bad_lexicon_named_by_a_configuration_is_reported_with_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "house.jsonl").write_text('{"family": "loaded", "term": "x"}\nnot json\n', encoding="utf-8")
    (tmp_path / ".framing.toml").write_text('lexicons = ["house.jsonl"]\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text("Text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "draft.md")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "house.jsonl:1: missing or empty 'rationale'" in result.output and "house.jsonl:2: invalid JSON" in result.output


# ----------------------------------------------------------------------------------------- model files

#: The smallest valid model, written by hand: what a model file is allowed to contain.
MINIMAL_MODEL = {
    "format": "framing-bias-model", "format_version": 1, "labels": {"negative": "Non-biased", "positive": "Biased"},
    "threshold": 0.5, "intercept": -0.25, "calibration": {"method": "platt", "a": 1.0, "b": 0.0},
    "blocks": [{"name": "words", "analyzer": "word", "ngram_range": [1, 1], "sublinear_tf": True,
                "vocabulary": ["regime", "said"], "idf": [1.5, 1.2], "coef": [0.8, -0.1]}],
    "dense": {"names": [], "coef": [], "mean": []}, "word_table": None, "opinion": None, "metadata": {},
}


class _Exploit:
    """Unpickling this creates the marker file: proof that code ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _with(path: tuple, value) -> bytes:
    data = json.loads(json.dumps(MINIMAL_MODEL))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(data).encode("utf-8")


def _hostile_models(marker: Path) -> dict[str, tuple[bytes, str]]:
    """name -> (file content, what the error says)"""
    exploit = pickle.dumps(_Exploit(marker))
    return {
        "pickle renamed .json.gz": (exploit, "pickle"),
        "pickle protocol 0": (pickle.dumps(_Exploit(marker), protocol=0), "not a framing model"),
        "gzipped pickle": (gzip.compress(exploit), "not a framing model"),
        "reduce-like keys": (json.dumps({"__reduce__": ["os.system", [f"touch {marker}"]],
                                         "py/object": "os.system", "__class__": "subprocess.Popen"}).encode(),
                             "missing field"),
        "deep nesting": (b'{"metadata":' + b"[" * 200_000 + b"]" * 200_000 + b"}", "nested too deeply|invalid JSON"),
        "huge integer": (_with(("intercept",), 10 ** 400), "'intercept' must be a finite number"),
        "huge integer in an array": (_with(("blocks", 0, "idf"), [10 ** 400, 1.0]), "non-finite"),
        "integer beyond int parsing": (_with(("threshold",), 0).replace(b'"threshold": 0', b'"threshold": 1' + b"0" * 5000),
                                       "invalid JSON"),
        "NaN": (_with(("calibration", "a"), 1.0).replace(b'"a": 1.0', b'"a": NaN'), "NaN is not allowed"),
        "Infinity": (_with(("intercept",), 0).replace(b'"intercept": 0', b'"intercept": -Infinity'),
                     "Infinity is not allowed"),
    }


def test_the_minimal_hand_written_model_loads(tmp_path):
    path = tmp_path / "model.json"
    path.write_bytes(_with(("metadata",), {"__reduce__": ["os.system", ["touch x"]], "py/object": "os.system"}))
    model = load_model(path)
    assert model.predict_proba(["the regime said"]).shape == (1,)
    assert model.metadata["py/object"] == "os.system"  # inert data, never looked up


@pytest.fixture
def dataset(tmp_path) -> Path:
    path = tmp_path / "labelled.csv"
    path.write_text("text,label_bias,news_link\nThe regime lied.,Biased,a\nThe minister said so.,Non-biased,b\n"
                    "The regime boasted.,Biased,c\nThe mayor said it.,Non-biased,d\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(_hostile_models(Path("/unused"))))
def test_a_hostile_model_file_is_refused_in_one_line_and_runs_nothing(tmp_path, dataset, case):
    marker = tmp_path / "code-ran"
    content, message = _hostile_models(marker)[case]
    path = tmp_path / "model.json.gz"
    path.write_bytes(content)
    with pytest.raises(ModelLoadError, match=message):
        load_model(path)
    result = invoke("evaluate", dataset, "--model", path)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"framing: {path}: "), result.output
    assert not marker.exists()


def test_a_gzip_bomb_is_refused_at_the_limit_in_one_line(tmp_path, dataset, monkeypatch):
    from framing.classifier import model as model_module

    monkeypatch.setattr(model_module, "MAX_JSON_BYTES", 1 << 20)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b"{" + b" " * (64 << 20) + b"}", compresslevel=9))
    assert bomb.stat().st_size < 200_000
    result = invoke("evaluate", dataset, "--model", bomb)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "decompresses to more than" in result.output


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_model_path_that_is_not_a_regular_file_is_refused_not_read_forever(tmp_path, dataset, kind):
    path = special_file(tmp_path, kind)
    result = invoke("evaluate", dataset, "--model", path)
    assert result.exit_code == 2 and "not a regular file" in result.output
