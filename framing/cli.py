"""The `framing` command: a thin layer that parses arguments, calls the API and picks a renderer."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

app = typer.Typer(
    name="framing",
    help="Explainable media framing analysis: naming choices, attribution, sourcing, loaded language.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
lexicons_app = typer.Typer(help="Inspect and validate the lexicons.", no_args_is_help=True)
app.add_typer(lexicons_app, name="lexicons")

USAGE_ERROR = 2


def fail(message: str, code: int = USAGE_ERROR) -> "typer.Exit":
    typer.echo(f"framing: error: {message}", err=True)
    return typer.Exit(code)


def _documents_reporting_errors(items: Iterable, errors: list) -> Iterator:
    from .document import RecordError
    from .render.untrusted import terminal_safe  # a record's text may hold escape sequences

    for item in items:
        if isinstance(item, RecordError):
            errors.append(item)
            typer.echo(f"framing: skipped {terminal_safe(str(item))}", err=True)
        else:
            yield item


@app.command()
def score(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .md, .html), directories, JSONL/CSV corpora, or - for stdin."),
    format: str = typer.Option("terminal", "--format", "-f", help="terminal, json, jsonl, csv, markdown or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read inputs as text, markdown, html or jsonl regardless of extension (stdin defaults to text)."),
    findings_only: bool = typer.Option(False, "--findings-only", help="Terminal: show only sentences with findings."),
    no_classifier: bool = typer.Option(False, "--no-classifier", help="Skip the trained classifier."),
    lexicon: List[Path] = typer.Option([], "--lexicon", help="An extra lexicon file or directory (repeatable)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Processes on this machine (0: all cores; small inputs run in-process)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a dask.distributed cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: the scheduler address (default: start a local cluster)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Score each sentence of an article or corpus for framing signals, with explanations."""
    from . import analyze_files
    from .lexicon import LexiconError
    from .loaders import InputError
    from .render import FORMATS, get_renderer

    if format not in FORMATS + ("parquet",):
        raise fail(f"unknown --format {format!r}; expected one of {', '.join(FORMATS + ('parquet',))}")
    if format == "parquet" and output is None:
        raise fail("--format parquet needs --output PATH")
    if input_format not in (None, "text", "markdown", "html", "jsonl", "csv", "parquet"):
        raise fail(f"unknown --input-format {input_format!r}; expected text, markdown, html, jsonl, csv or parquet")
    if engine not in ("local", "dask"):
        raise fail(f"unknown --engine {engine!r}; expected local or dask")
    options = {}
    if no_classifier:
        options["exclude"] = ["classifier"]
    if lexicon:
        options["extra_lexicons"] = tuple(lexicon)
    errors: list = []
    try:
        analysed = analyze_files(inputs, input_format=input_format, jobs=jobs, engine=engine,
                                 scheduler=scheduler, **options)
        documents = _with_progress(_documents_reporting_errors(analysed, errors), quiet or format == "terminal")
        if format == "parquet":
            from .render.parquet import write_parquet

            write_parquet(documents, output)
            _exit_if_skipped(errors)
            return
        renderer = get_renderer(format)
        if format == "terminal" and findings_only:
            from functools import partial

            renderer = partial(renderer, all_sentences=False)
        if output is None:
            renderer(documents, sys.stdout, errors)
        else:
            from .atomic_write import open_atomically

            with open_atomically(output) as handle:  # an interrupted run leaves the old report whole
                renderer(documents, handle, errors)
    except InputError as exc:
        raise fail(str(exc))
    except LexiconError as exc:
        raise fail("invalid lexicon:\n" + str(exc))
    except OSError as exc:
        raise fail(f"{getattr(exc, 'filename', '') or output}: {exc.strerror or exc}")
    except Exception as exc:
        if type(exc).__name__ == "ModelLoadError":  # the classifier's model file is missing or invalid
            raise fail(f"{exc} (use --no-classifier to score without it)")
        raise
    _exit_if_skipped(errors)


def _exit_if_skipped(errors: list) -> None:
    """The report is written with what could be read; the exit code still says that not all of it could."""
    if errors:
        typer.echo(f"framing: {len(errors)} input(s) skipped", err=True)
        raise typer.Exit(USAGE_ERROR)


def _with_progress(documents: Iterator, quiet: bool) -> Iterator:
    """A live count on stderr for long runs, only when a person is watching a terminal."""
    if quiet or not sys.stderr.isatty():
        yield from documents
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("score")
        for document in documents:
            progress.advance(task)
            yield document


@lexicons_app.command("validate")
def lexicons_validate(
    paths: List[Path] = typer.Argument(None, help="Lexicon files or directories (default: the shipped lexicons)."),
) -> None:
    """Check lexicon files against the schema; errors are printed as file:line: message."""
    from .lexicon import validate_paths
    from .resources import lexicon_dir

    targets = list(paths) if paths else [lexicon_dir()]
    for target in targets:
        if not target.exists():
            raise fail(f"{target}: no such file or directory")
    count, problems = validate_paths(targets)
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {count} valid entries", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {count} entries")


@lexicons_app.command("stats")
def lexicons_stats() -> None:
    """Number of entries per lexicon file."""
    from .lexicon import lexicon_files, read_lexicon_file
    from .resources import lexicon_dir

    root = lexicon_dir()
    total = 0
    for file in lexicon_files(root):
        entries, _ = read_lexicon_file(file, root)
        total += len(entries)
        typer.echo(f"{len(entries):6d}  {file.relative_to(root)}")
    typer.echo(f"{total:6d}  total")


def _register_optional_commands() -> None:
    """Commands that live beside their feature (classifier, compare, check) register themselves."""
    import importlib

    for module in ("framing.cli_model", "framing.compare.cli", "framing.check.cli", "framing.evaluation.cli"):
        try:
            register = importlib.import_module(module).register
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue
            raise
        register(app)


_register_optional_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
