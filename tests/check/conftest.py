"""Helpers for the `framing check` tests: drafts in a temporary directory and the CLI through typer's runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

HOUSE_LEXICON = Path(__file__).parent / "data" / "house.jsonl"


@pytest.fixture
def write(tmp_path):
    """write(name, text, **open options) -> Path, inside a fresh directory."""

    def _write(name: str, text: str, encoding: str = "utf-8", newline: str | None = "") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
        return path

    return _write


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """cli(*args) -> result of `framing ARGS` run in tmp_path (so no stray configuration is found)."""
    from framing.cli import app

    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")

    def _run(*args: str):
        return runner.invoke(app, [str(a) for a in args])

    return _run


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]
