"""`framing compare`: a thin command over framing.compare's API (registered by framing.cli)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

USAGE_ERROR = 2


def _fail(message: str) -> typer.Exit:
    typer.echo(f"framing: error: {message}", err=True)
    return typer.Exit(USAGE_ERROR)


def compare_command(
    inputs: List[str] = typer.Argument(..., help="JSONL/CSV corpora with an outlet field, directories with one "
                                                 "subdirectory per outlet, files, or - for stdin."),
    group_by: str = typer.Option("outlet", "--group-by", "-g",
                                 help="Metadata field that names the group, or 'directory' for the first "
                                      "directory under each input directory."),
    format: str = typer.Option("terminal", "--format", "-f", help="terminal, json, csv, markdown or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    input_format: Optional[str] = typer.Option(None, "--input-format",
                                               help="Read inputs as text, markdown, html, jsonl or csv."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap and the permutation test."),
    bootstrap: int = typer.Option(1000, "--bootstrap", min=50, help="Bootstrap resamples per group."),
    permutations: int = typer.Option(1000, "--permutations", min=50, help="Relabellings in each permutation test."),
    min_documents: int = typer.Option(10, "--min-documents", min=2,
                                      help="Fewer documents in a group: counts instead of intervals."),
    min_events: int = typer.Option(10, "--min-events", min=1,
                                   help="A share resting on fewer events: counts instead of an interval."),
    examples: int = typer.Option(5, "--examples", min=0, help="Example sentences kept per number."),
    top_terms: int = typer.Option(15, "--top-terms", min=0, help="Distinguishing terms per group."),
    no_classifier: bool = typer.Option(False, "--no-classifier", help="Skip the trained classifier."),
    lexicon: List[Path] = typer.Option([], "--lexicon", help="An extra lexicon file or directory (repeatable)."),
) -> None:
    """Compare outlets side by side: rates, shares and terms, with bootstrap intervals and tests."""
    from ..lexicon import LexiconError
    from ..loaders import InputError
    from . import FORMATS, compare, render

    if format not in FORMATS:
        raise _fail(f"unknown --format {format!r}; expected one of {', '.join(FORMATS)}")
    if input_format not in (None, "text", "markdown", "html", "jsonl", "csv"):
        raise _fail(f"unknown --input-format {input_format!r}; expected text, markdown, html, jsonl or csv")
    options: dict = {}
    if no_classifier:
        options["exclude"] = ["classifier"]
    if lexicon:
        options["extra_lexicons"] = tuple(lexicon)
    try:
        comparison = compare(inputs, group_by, input_format=input_format, seed=seed, bootstrap=bootstrap,
                             permutations=permutations, min_documents=min_documents, min_events=min_events,
                             examples=examples, top_terms=top_terms,
                             on_error=lambda error: typer.echo(f"framing: skipped {error}", err=True), **options)
    except InputError as exc:
        raise _fail(str(exc))
    except LexiconError as exc:
        raise _fail("invalid lexicon:\n" + str(exc))
    if not comparison.groups:
        raise _fail("no documents could be read from the inputs")
    try:
        if output is None:
            render(comparison, format, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                render(comparison, format, handle)
    except OSError as exc:
        raise _fail(f"{getattr(exc, 'filename', '') or output}: {exc.strerror or exc}")
    if comparison.skipped:
        typer.echo(f"framing: {comparison.skipped} input(s) skipped", err=True)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
