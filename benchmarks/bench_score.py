"""Score throughput: framing's pipeline and its stages next to NLTK Punkt, VADER and textstat on the same text.

    python benchmarks/bench_score.py                      # about 30 s on one core
    python benchmarks/bench_score.py --articles 400 --json benchmarks/results/score.json

Every timed pass of framing reads generated text that no earlier pass (warm-up included) has seen,
so a cache keyed by sentence text cannot make a repeat look faster; the reference tools read the
very sentences framing's pass of the same repeat read. Each figure is the best of --repeats.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from common import RESULTS_DIR, human, machine, use_checkout, word_count
from corpus import DEFAULT_SEED, generate

use_checkout()

VADER_TARGET = 0.5        # framing without the classifier: at least half VADER's words/s
CLASSIFIER_TARGET = 30.0  # the classifier adds at most this many percent
WARMUP_ARTICLES = 20
_ABSENT = object()


@dataclass
class Chunk:
    """Generated articles for one timed pass, with the counts every rate divides by."""

    texts: list[str]
    words: int
    sentences: list[str] = field(default_factory=list)  # framing's sentences, filled after its pass


@dataclass
class Measure:
    """One tool's timings over the repeats; rates use the fastest repeat."""

    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # this process's CPU time: a check on a busy machine
    words: list[int] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    note: str = ""

    def add(self, seconds: float, cpu_seconds: float, words: int, sentences: int) -> None:
        self.seconds.append(seconds)
        self.cpu_seconds.append(cpu_seconds)
        self.words.append(words)
        self.sentences.append(sentences)

    def _best(self) -> int:
        return max(range(len(self.seconds)), key=lambda i: self.words[i] / self.seconds[i])

    @property
    def ok(self) -> bool:
        return bool(self.seconds)

    @property
    def words_per_s(self) -> float:
        i = self._best()
        return self.words[i] / self.seconds[i]

    @property
    def cpu_words_per_s(self) -> float:
        return max(w / c for w, c in zip(self.words, self.cpu_seconds) if c > 0)

    @property
    def core_share(self) -> float:
        """CPU time over wall time of the passes: near 1.0 on a quiet machine."""
        return sum(self.cpu_seconds) / sum(self.seconds)

    @property
    def sentences_per_s(self) -> float:
        i = self._best()
        return self.sentences[i] / self.seconds[i]

    def to_dict(self) -> dict[str, Any]:
        if not self.ok:
            return {"available": False, "note": self.note}
        return {"available": True, "words_per_s": round(self.words_per_s), "sentences_per_s": round(self.sentences_per_s),
                "cpu_words_per_s": round(self.cpu_words_per_s), "core_share": round(self.core_share, 3),
                "seconds": [round(s, 4) for s in self.seconds], "words": self.words, "sentences": self.sentences,
                "note": self.note}


class ChunkSource:
    """Hands out consecutive, never-reused slices of the generated corpus."""

    def __init__(self, seed: int):
        self.seed = seed
        self.next_index = 0

    def take(self, articles: int) -> Chunk:
        records = list(generate(articles, self.seed, start=self.next_index))
        self.next_index += articles
        texts = [r["text"] for r in records]
        return Chunk(texts, sum(word_count(t) for t in texts))


class Stopwatch:
    """Wall time (perf_counter) and this process's CPU time of a block, after a garbage collection."""

    def __enter__(self) -> "Stopwatch":
        gc.collect()
        self._cpu = time.process_time()
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.seconds = time.perf_counter() - self._wall
        self.cpu_seconds = time.process_time() - self._cpu


# --- framing -----------------------------------------------------------------------------------


def make_analyzer(with_classifier: bool) -> tuple[Any, str]:
    """An Analyzer and, when it cannot include the classifier, why not ('' when it can)."""
    from framing.pipeline import Analyzer

    if not with_classifier:
        return Analyzer(exclude=["classifier"]), ""
    try:
        analyzer = Analyzer()
    except Exception as exc:  # a registered classifier whose model is missing, say
        return None, f"Analyzer() failed: {type(exc).__name__}: {exc}"
    if "classifier" not in [d.name for d in analyzer.detectors]:
        return None, "no detector named 'classifier' is registered (framing/detectors/classifier.py or its model missing)"
    return analyzer, ""


def run_framing(analyzer: Any, chunk: Chunk) -> tuple[float, float, int]:
    """Seconds to analyse every article of the chunk, end to end from text, and the sentences found.

    Documents go through ``analyze_all``, as `framing score` sends them: in batches, so that the
    classifier scores many documents per model call.
    """
    from framing.loaders import make_document

    sentences = 0
    with Stopwatch() as watch:
        for document in analyzer.analyze_all(make_document(text) for text in chunk.texts):
            sentences += len(document.sentences)
    return watch.seconds, watch.cpu_seconds, sentences


def framing_sentences(chunk: Chunk) -> list[str]:
    """The sentences framing's segmenter finds, for the reference tools (computed after framing's pass)."""
    from framing.loaders import make_document
    from framing.segment import split_sentences

    out = []
    for text in chunk.texts:
        prose = make_document(text).prose
        out.extend(prose[s.start : s.end] for s in split_sentences(prose))
    return out


def cli_takes_jobs() -> bool:
    from framing import cli

    return "jobs" in inspect.signature(cli.score).parameters


def run_cli(chunk: Chunk, workdir: Path) -> tuple[float, float, int]:
    """`framing score CORPUS.jsonl --format jsonl --output FILE --no-classifier` in this process, one core."""
    from framing.cli import app

    corpus = workdir / "chunk.jsonl"
    output = workdir / "out.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(chunk.texts):
            handle.write(json.dumps({"id": str(i), "text": text}) + "\n")
    args = ["score", str(corpus), "--format", "jsonl", "--output", str(output), "--no-classifier"]
    if cli_takes_jobs():
        args += ["--jobs", "1", "--quiet"]
    with Stopwatch() as watch:
        app(args, standalone_mode=False)
    with output.open(encoding="utf-8") as handle:
        sentences = sum(len(json.loads(line)["sentences"]) for line in handle)
    return watch.seconds, watch.cpu_seconds, sentences


# --- stage shares -------------------------------------------------------------------------------


class StageClock:
    """Times the stages of the real Analyzer.analyze by wrapping what it calls; what is left is 'other'."""

    def __init__(self, analyzer: Any):
        self.analyzer = analyzer
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.missing: list[str] = []
        self._wrapped: list[str] = []
        self._stack: list[list[Any]] = []  # [stage, time spent in nested wrapped stages]
        self._undo: list[Callable[[], None]] = []

    def _add(self, stage: str, seconds: float) -> None:
        self.totals[stage] = self.totals.get(stage, 0.0) + seconds

    def _timed(self, stage: str, func: Callable) -> Callable:
        """``func`` timed as ``stage``, exclusive of other wrapped stages it calls (the lexicon scan
        inside Context, document readability inside the summary)."""
        clock = time.perf_counter
        stack = self._stack

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if any(frame[0] == stage for frame in stack):  # same stage re-entered: the outer call times it
                return func(*args, **kwargs)
            frame = [stage, 0.0]
            stack.append(frame)
            start = clock()
            try:
                result = func(*args, **kwargs)
                if inspect.isgenerator(result):  # a detector yields lazily: time the whole iteration
                    result = list(result)
            finally:
                elapsed = clock() - start
                stack.pop()
                if stack:
                    stack[-1][1] += elapsed
            self._add(stage, elapsed - frame[1])
            self.calls[stage] = self.calls.get(stage, 0) + 1
            return result

        return wrapper

    def _patch(self, owner: Any, name: str, stage: str) -> None:
        """Replace ``owner.name`` by a timed wrapper; remember how to put the original back."""
        try:
            own = vars(owner).get(name, _ABSENT)
        except TypeError:  # no __dict__ (slots)
            own = _ABSENT
        if not hasattr(owner, name) or (own is _ABSENT and isinstance(owner, type(os))):
            self.missing.append(f"{getattr(owner, '__name__', type(owner).__name__)}.{name}")
            return
        try:
            setattr(owner, name, self._timed(stage, getattr(owner, name)))
        except AttributeError:  # frozen or slotted
            self.missing.append(f"{type(owner).__name__}.{name}")
            return
        self._undo.append(lambda: setattr(owner, name, own) if own is not _ABSENT else delattr(owner, name))
        self._wrapped.append(stage)

    def __enter__(self) -> "StageClock":
        import framing.pipeline as pipeline
        import framing.readability as readability

        self._patch(pipeline, "split_sentences", "segmentation")
        self._patch(pipeline, "Context", "context: grouping matches by family")
        lexicons = self.analyzer.lexicons
        scanners = [name for name in dir(lexicons) if name.startswith("scan") and callable(getattr(lexicons, name))]
        for name in scanners or ["scan"]:  # scan(), scan_by_family(), ...: whichever the pipeline calls
            self._patch(lexicons, name, "lexicon scan")
        for detector in self.analyzer.detectors:
            self._patch(detector, "detect", f"detector: {detector.name}")
            if hasattr(detector, "detect_batch"):  # the pipeline calls this one (the classifier) instead
                self._patch(detector, "detect_batch", f"detector: {detector.name}")
        self._patch(pipeline, "summarize", "summary (counts, rates)")
        self._patch(readability, "document_readability", "readability: whole document (in summary)")
        return self

    def __exit__(self, *exc: Any) -> None:
        for undo in reversed(self._undo):
            undo()

    def shares(self, load: float, total: float) -> list[tuple[str, float]]:
        """(stage, exclusive seconds) in pipeline order, with what no wrapper saw as 'other'."""
        t = dict(self.totals)
        rows: list[tuple[str, float]] = [("load (make_document: prose view, URL masking)", load)]
        for stage in ("segmentation", "lexicon scan", "context: grouping matches by family"):
            rows.append((stage, t.pop(stage, 0.0)))
        tail = [("summary (counts, rates)", t.pop("summary (counts, rates)", 0.0)),
                ("readability: whole document (in summary)", t.pop("readability: whole document (in summary)", 0.0))]
        rows.extend(t.items())  # detectors, in the order the pipeline ran them
        rows.extend(tail)
        rows.append(("other (sentences, attaching findings)", max(total - sum(s for _, s in rows), 0.0)))
        return rows

    @property
    def never_called(self) -> list[str]:
        return [stage for stage in self._wrapped if stage not in self.calls]


def run_stages(analyzer: Any, chunk: Chunk) -> tuple[list[tuple[str, float]], float, list[str]]:
    """Stage times over one chunk, the total, and anything that could not be wrapped.

    Documents go to ``analyze_batch`` in batches of ``BATCH_SIZE``, as ``analyze_all`` (and so
    `framing score`) sends them: the classifier's stage is one model call per batch.
    """
    from framing.loaders import make_document
    from framing.pipeline import BATCH_SIZE

    clock = time.perf_counter
    load = 0.0
    with StageClock(analyzer) as stages, Stopwatch() as watch:
        for first in range(0, len(chunk.texts), BATCH_SIZE):
            t0 = clock()
            documents = [make_document(text) for text in chunk.texts[first : first + BATCH_SIZE]]
            load += clock() - t0
            analyzer.analyze_batch(documents)
    unseen = stages.missing + [f"{stage} (never called)" for stage in dict.fromkeys(stages.never_called)]
    return stages.shares(load, watch.seconds), watch.seconds, unseen


def stages_agree(analyzer: Any, chunk: Chunk, count: int = 5) -> bool:
    """The wrapped pipeline gives the same reports as the plain one (the wrappers change no result)."""
    from framing.loaders import make_document

    plain = [analyzer.analyze(make_document(t)).to_dict() for t in chunk.texts[:count]]
    with StageClock(analyzer):
        wrapped = [analyzer.analyze(make_document(t)).to_dict() for t in chunk.texts[:count]]
    return plain == wrapped


# --- reference tools ------------------------------------------------------------------------------


def reference_tools() -> dict[str, tuple[Callable[[Chunk], int] | None, str]]:
    """name -> (run over a chunk returning sentences, or None; note)."""
    tools: dict[str, tuple[Callable[[Chunk], int] | None, str]] = {}

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()  # untrained: no download

    def run_punkt(chunk: Chunk) -> int:
        found = 0
        for text in chunk.texts:
            found += len(punkt.tokenize(text))
        return found

    tools["NLTK Punkt splitting (untrained)"] = (run_punkt, "whole articles; sentences/s uses framing's count")

    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        tools["VADER polarity_scores per sentence"] = (None, "pip install vaderSentiment")
    else:
        vader = SentimentIntensityAnalyzer()

        def run_vader(chunk: Chunk) -> int:
            for sentence in chunk.sentences:
                vader.polarity_scores(sentence)
            return len(chunk.sentences)

        tools["VADER polarity_scores per sentence"] = (run_vader, "framing's sentences")

    from framing.readability import textstat_offline

    textstat = textstat_offline()

    def run_textstat(chunk: Chunk) -> int:
        for sentence in chunk.sentences:
            textstat.flesch_reading_ease(sentence)
        return len(chunk.sentences)

    tools["textstat flesch_reading_ease per sentence"] = (run_textstat, "framing's sentences, offline cmudict")
    return tools


def time_tool(run: Callable[[Chunk], int], chunk: Chunk) -> tuple[float, float, int]:
    with Stopwatch() as watch:
        found = run(chunk)
    return watch.seconds, watch.cpu_seconds, found


# --- the run --------------------------------------------------------------------------------------

FRAMING = "framing score pipeline, no classifier"
FRAMING_CLASSIFIER = "framing score pipeline, with classifier"
CLI = "framing score CLI, JSONL in/out, no classifier"
VADER = "VADER polarity_scores per sentence"


def benchmark(articles: int, seed: int, repeats: int, with_cli: bool, log: Callable[[str], None],
              with_classifier: bool = True) -> dict[str, Any]:
    source = ChunkSource(seed)
    started = time.perf_counter()
    analyzer, _ = make_analyzer(with_classifier=False)
    if with_classifier:
        classified, classifier_note = make_analyzer(with_classifier=True)
    else:
        classified, classifier_note = None, "skipped (--no-classifier)"
    tools = reference_tools()
    measures: dict[str, Measure] = {name: Measure(name) for name in (FRAMING, FRAMING_CLASSIFIER, CLI, *tools)}
    measures[FRAMING_CLASSIFIER].note = classifier_note
    if not with_cli:
        measures[CLI].note = "skipped (--no-cli)"
    for name, (run, note) in tools.items():
        measures[name].note = note

    log(f"warming up on {WARMUP_ARTICLES} articles ...")
    warm = source.take(WARMUP_ARTICLES)
    run_framing(analyzer, warm)
    if classified is not None:
        try:
            run_framing(classified, source.take(WARMUP_ARTICLES))
        except Exception as exc:
            measures[FRAMING_CLASSIFIER].note = f"analysis with the classifier failed: {type(exc).__name__}: {exc}"
            classified = None
    warm.sentences = framing_sentences(warm)
    for run, _ in tools.values():
        if run is not None:
            run(warm)

    workdir = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    if with_cli:
        run_cli(source.take(WARMUP_ARTICLES), workdir)
    stage_rows: dict[str, float] = {}
    stage_total = 0.0
    stage_words = 0
    missing: list[str] = []
    for repeat in range(1, repeats + 1):
        chunk = source.take(articles)
        log(f"repeat {repeat}/{repeats}: {articles} articles, {human(chunk.words)} words")
        seconds, cpu, sentences = run_framing(analyzer, chunk)
        measures[FRAMING].add(seconds, cpu, chunk.words, sentences)
        chunk.sentences = framing_sentences(chunk)
        if len(chunk.sentences) != sentences:
            measures[FRAMING].note = "warning: segmenter and pipeline disagree on the sentence count"
        for name, (run, _) in tools.items():
            if run is not None:
                seconds, cpu, _found = time_tool(run, chunk)
                measures[name].add(seconds, cpu, chunk.words, sentences)
        if classified is not None:
            other = source.take(articles)
            measures[FRAMING_CLASSIFIER].add(*_rate_args(run_framing(classified, other), other))
        if with_cli:
            other = source.take(articles)
            measures[CLI].add(*_rate_args(run_cli(other, workdir), other))
        stage_chunk = source.take(articles)
        rows, total, missing = run_stages(classified or analyzer, stage_chunk)
        for stage, seconds in rows:
            stage_rows[stage] = stage_rows.get(stage, 0.0) + seconds
        stage_total += total
        stage_words += stage_chunk.words
    agree = stages_agree(classified or analyzer, source.take(5))
    for leftover in workdir.iterdir():
        leftover.unlink()
    workdir.rmdir()

    framing_wps = measures[FRAMING].words_per_s
    ratios: dict[str, Any] = {}
    vader = measures.get(VADER)
    if vader is not None and vader.ok:
        ratios["framing_no_classifier_vs_vader"] = round(framing_wps / vader.words_per_s, 3)
        if measures[CLI].ok:
            ratios["score_cli_vs_vader"] = round(measures[CLI].words_per_s / vader.words_per_s, 3)
    for name in tools:
        if measures[name].ok and name != VADER:
            ratios[f"framing_no_classifier_vs_{_slug(name)}"] = round(framing_wps / measures[name].words_per_s, 3)
    if vader is not None and vader.ok:
        ratios["framing_no_classifier_vs_vader_cpu_time"] = round(measures[FRAMING].cpu_words_per_s / vader.cpu_words_per_s, 3)
    if measures[FRAMING_CLASSIFIER].ok:
        ratios["classifier_overhead_percent"] = round(100 * (framing_wps / measures[FRAMING_CLASSIFIER].words_per_s - 1), 1)
    classifier_stage = stage_rows.get("detector: classifier")
    if classifier_stage is not None:
        ratios["classifier_stage_overhead_percent"] = round(100 * classifier_stage / (stage_total - classifier_stage), 1)
    return {
        "machine": machine(),
        "framing_module": str(Path(sys.modules["framing"].__file__).parent),
        "seed": seed, "articles_per_pass": articles, "repeats": repeats,
        "measures": {name: m.to_dict() for name, m in measures.items()},
        "stages": {
            "pipeline": "with classifier" if classified is not None else "no classifier",
            "words": stage_words, "seconds": round(stage_total, 4),
            "rows": [{"stage": s, "seconds": round(v, 4), "share": round(v / stage_total, 4)} for s, v in stage_rows.items()],
            "not_wrapped": missing, "wrapped_results_identical": agree,
        },
        "ratios": ratios,
        "targets": {"framing_vs_vader_min": VADER_TARGET, "classifier_overhead_max_percent": CLASSIFIER_TARGET},
        "wall_seconds": round(time.perf_counter() - started, 1),
    }


def _rate_args(result: tuple[float, float, int], chunk: Chunk) -> tuple[float, float, int, int]:
    seconds, cpu, sentences = result
    return seconds, cpu, chunk.words, sentences


def _slug(name: str) -> str:
    return name.split()[0].lower() if not name.startswith("NLTK") else "punkt"


def report(results: dict[str, Any]) -> str:
    lines = []
    m = results["machine"]
    lines.append(f"framing score benchmark: seed {results['seed']}, {results['repeats']} repeats x "
                 f"{results['articles_per_pass']} generated articles per pass, best repeat shown")
    lines.append(f"framing {m['framing_revision']} ({results['framing_module']}), Python {m['python']}, "
                 f"{m['cpus']} CPUs, one core used")
    lines.append("")
    vader = results["measures"].get(VADER, {})
    header = f"{'':48} {'words/s':>11} {'sentences/s':>12} {'µs/word':>8} {'÷ VADER':>8}"
    lines.append(header)
    for name, row in results["measures"].items():
        if not row["available"]:
            lines.append(f"{name:48} {'n/a':>11}   {row['note']}")
            continue
        versus = f"{row['words_per_s'] / vader['words_per_s']:.2f}" if vader.get("available") else "n/a"
        lines.append(f"{name:48} {human(row['words_per_s']):>11} {human(row['sentences_per_s']):>12} "
                     f"{1e6 / row['words_per_s']:8.2f} {versus:>8}")
    lines.append("")
    stages = results["stages"]
    lines.append(f"stage shares (pipeline {stages['pipeline']}, {human(stages['words'])} words, "
                 f"{stages['seconds']:.2f} s in all; 'alone' = words/s if the stage were the only cost):")
    for row in stages["rows"]:
        alone = human(stages["words"] / row["seconds"]) if row["seconds"] > 0 else "-"
        lines.append(f"  {row['stage']:48} {100 * row['share']:5.1f}%   {row['seconds']:7.3f} s   alone {alone:>11} words/s")
    if stages["not_wrapped"]:
        lines.append(f"  (not timed on their own, so in 'other' or their caller: {', '.join(stages['not_wrapped'])}; "
                     "bench_score.py's StageClock may need updating)")
    if not stages["wrapped_results_identical"]:
        lines.append("  WARNING: the timed pipeline gave different reports; update StageClock in bench_score.py")
    lines.append("")
    ratios, targets = results["ratios"], results["targets"]
    lines.append("ratios:")
    versus = ratios.get("framing_no_classifier_vs_vader")
    if versus is not None:
        verdict = "met" if versus >= targets["framing_vs_vader_min"] else "NOT met"
        lines.append(f"  framing (no classifier) words/s ÷ VADER words/s = {versus:.2f}   "
                     f"(target ≥ {targets['framing_vs_vader_min']}: {verdict})")
    else:
        lines.append("  framing ÷ VADER: n/a (VADER unavailable)")
    if "framing_no_classifier_vs_vader_cpu_time" in ratios:
        lines.append(f"  the same ratio on CPU time (a check on a busy machine) = {ratios['framing_no_classifier_vs_vader_cpu_time']:.2f}")
    if "score_cli_vs_vader" in ratios:
        lines.append(f"  framing score CLI (JSONL in/out) ÷ VADER = {ratios['score_cli_vs_vader']:.2f}")
    for key, value in ratios.items():
        if key.startswith("framing_no_classifier_vs_") and "vader" not in key:
            lines.append(f"  framing (no classifier) ÷ {key.rsplit('_vs_', 1)[1]} = {value:.3f}")
    overhead = ratios.get("classifier_overhead_percent")
    if overhead is not None:
        verdict = "met" if overhead <= targets["classifier_overhead_max_percent"] else "NOT met"
        lines.append(f"  classifier overhead = {overhead:+.1f}%   (target ≤ {targets['classifier_overhead_max_percent']:.0f}%: {verdict})")
        if "classifier_stage_overhead_percent" in ratios:
            lines.append(f"  classifier overhead from stage timing (same text) = {ratios['classifier_stage_overhead_percent']:+.1f}%")
    else:
        lines.append(f"  classifier overhead: n/a ({results['measures'][FRAMING_CLASSIFIER]['note']})")
    shares = [row["core_share"] for row in results["measures"].values() if row["available"]]
    busy = min(shares) if shares else 1.0
    lines.append(f"(wall time {results['wall_seconds']:.0f} s; the timed passes had {100 * busy:.0f}% or more of a core"
                 + ("; other processes competed for the CPU, so repeat on a quiet machine for firm figures)" if busy < 0.9 else ")"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150,
                        help="generated articles per timed pass (default 150, about 95k words)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    parser.add_argument("--repeats", type=int, default=3, help="repeats; the best is reported (default 3)")
    parser.add_argument("--no-cli", action="store_true", help="skip the in-process `framing score` CLI pass")
    parser.add_argument("--no-classifier", action="store_true",
                        help="skip the classifier passes (the stage shares are then without it)")
    parser.add_argument("--json", type=Path, help=f"also save the results as JSON (e.g. {RESULTS_DIR.name}/score.json)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeats < 1:
        parser.error("--articles and --repeats must be positive")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    results = benchmark(args.articles, args.seed, args.repeats, not args.no_cli, log, not args.no_classifier)
    print(report(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
