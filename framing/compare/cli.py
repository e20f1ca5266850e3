"""`framing compare`: a thin command over framing.compare's API (registered by framing.cli)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, List, Optional

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
    jobs: int = typer.Option(0, "--jobs", "-j", help="Processes on this machine (0: all cores; small inputs run "
                                                      "in-process). With --engine dask: local cluster workers."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a dask.distributed cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler address "
                                                                       "(default: start a local cluster)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Compare outlets side by side: rates, shares and terms, with bootstrap intervals and tests."""
    from ..lexicon import LexiconError
    from ..loaders import InputError
    from ..render.untrusted import terminal_safe
    from . import FORMATS, compare, render

    if format not in FORMATS:
        raise _fail(f"unknown --format {format!r}; expected one of {', '.join(FORMATS)}")
    if input_format not in (None, "text", "markdown", "html", "jsonl", "csv"):
        raise _fail(f"unknown --input-format {input_format!r}; expected text, markdown, html, jsonl or csv")
    if engine not in ("local", "dask"):
        raise _fail(f"unknown --engine {engine!r}; expected local or dask")
    if scheduler and engine != "dask":
        raise _fail("--scheduler needs --engine dask")
    options: dict = {}
    if no_classifier:
        options["exclude"] = ["classifier"]
    if lexicon:
        options["extra_lexicons"] = tuple(lexicon)
    try:
        with _progress(quiet) as on_progress:
            comparison = compare(inputs, group_by, input_format=input_format, seed=seed, bootstrap=bootstrap,
                                 permutations=permutations, min_documents=min_documents, min_events=min_events,
                                 examples=examples, top_terms=top_terms, jobs=jobs, engine=engine,
                                 scheduler=scheduler, on_progress=on_progress,
                                 on_error=lambda error: typer.echo(f"framing: skipped {terminal_safe(str(error))}", err=True), **options)
    except InputError as exc:
        raise _fail(str(exc))
    except LexiconError as exc:
        raise _fail("invalid lexicon:\n" + str(exc))
    except OSError as exc:  # e.g. no dask scheduler at --scheduler
        raise _fail(str(exc))
    if not comparison.groups:
        raise _fail("no documents could be read from the inputs")
    try:
        if output is None:
            render(comparison, format, sys.stdout)
        else:
            from ..atomic_write import open_atomically

            with open_atomically(output) as handle:  # an interrupted run leaves the old report whole
                render(comparison, format, handle)
    except OSError as exc:
        raise _fail(f"{getattr(exc, 'filename', '') or output}: {exc.strerror or exc}")
    if comparison.skipped:
        typer.echo(f"framing: {comparison.skipped} input(s) skipped", err=True)
        raise typer.Exit(USAGE_ERROR)  # the report covers what could be read; the exit code says not all could


@contextmanager
def _progress(quiet: bool) -> Iterator[Optional[Callable[[int], None]]]:
    """A live document count on stderr for long runs, only when a person is watching a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents aggregated"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("compare")
        yield lambda documents: progress.update(task, completed=documents)


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
