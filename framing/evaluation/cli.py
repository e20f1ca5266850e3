"""`framing evaluate-detectors`: precision, recall and F1 of every detector against a gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

DEFAULT_GOLD = Path("tests/data/gold/gold.jsonl")
SPLIT_CHOICES = ("dev", "test", "all", "both")


def register(app: typer.Typer) -> None:
    @app.command("evaluate-detectors")
    def evaluate_detectors(
        gold: Optional[Path] = typer.Argument(None, help="Gold JSONL (text + spans, or markup), or a directory "
                                                         "of them [default: tests/data/gold/gold.jsonl]."),
        split: str = typer.Option("both", "--split", help="dev, test, all, or both (dev and test side by side)."),
        format: str = typer.Option("text", "--format", "-f", help="text or json."),
        errors: bool = typer.Option(False, "--errors", help="List false positives and negatives (overlap matching) "
                                                            "and wrong source types."),
        recorded: Optional[Path] = typer.Option(None, "--check-against",
                                                help="Recorded figures (JSON); exit 1 if any detector falls "
                                                     "more than 0.02 below them."),
        record: Optional[Path] = typer.Option(None, "--record",
                                              help="Write the figures to this JSON file (what --check-against reads)."),
    ) -> None:
        """Measure each detector against hand-annotated sentences: span-level P/R/F1, exact and overlap."""
        from ..cli import fail
        from .gold import GoldError, gold_files, read_gold
        from .report import render_json, render_text
        from .run import SPLITS, evaluate_splits, figures, load_recorded, regressions

        if split not in SPLIT_CHOICES:
            raise fail(f"--split must be one of {', '.join(SPLIT_CHOICES)}, not {split!r}")
        if format not in ("text", "json"):
            raise fail(f"--format must be text or json, not {format!r}")
        path = gold or DEFAULT_GOLD
        if not path.exists():
            raise fail(f"{path}: no such gold file (give the path to a gold JSONL file)")
        try:
            items = read_gold(gold_files(path))
        except GoldError as err:
            raise fail(str(err))
        if not items:
            raise fail(f"{path}: no gold items")
        evaluations = evaluate_splits(items, SPLITS if split == "both" else (split,))
        render = render_json if format == "json" else render_text
        typer.echo(render(evaluations, show_errors=errors))
        if record is not None:
            from ..atomic_write import write_atomically

            current = {"splits": {s: figures(e) for s, e in evaluations.items()}}
            write_atomically(record, (json.dumps(current, indent=1, sort_keys=True) + "\n").encode("utf-8"))
        if recorded is not None:
            try:
                problems = regressions({s: figures(e) for s, e in evaluations.items()}, load_recorded(recorded))
            except (OSError, ValueError, KeyError) as err:
                raise fail(f"{recorded}: cannot read recorded figures: {err}")
            for problem in problems:
                typer.echo(f"framing: regression: {problem}", err=True)
            if problems:
                raise typer.Exit(1)
