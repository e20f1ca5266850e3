"""`framing check` on 2,000-word drafts, start-up included, next to proselint on the same drafts.

    python benchmarks/bench_check.py                 # 5 drafts x 5 repeats, about 30 s
    python benchmarks/bench_check.py --drafts 10 --json benchmarks/results/check.json

What a writer waits for at `git commit` is a fresh process per run, so each figure is the wall time
of one command (`python -m framing check DRAFT`, `python -m proselint check DRAFT`) on one draft:
interpreter start-up, imports, lexicon loading and the check itself. The median over drafts of
the best of --repeats is reported, plus framing's in-process time (no start-up) for comparison.
Drafts are Markdown files built from the project's reproducible corpus generator (benchmarks/corpus.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS_DIR, checkout_env, machine, use_checkout, word_count
from corpus import DEFAULT_SEED, generate

use_checkout()

DRAFT_WORDS = 2000
API_SNIPPET = "import sys; from framing.check import check_paths; check_paths(sys.argv[1:])"
TARGET_SECONDS = 1.0  # the issue: "well under a second including start-up"


def make_drafts(directory: Path, count: int, seed: int) -> list[Path]:
    """Markdown drafts of at least DRAFT_WORDS words, each from consecutive generated articles."""
    articles = generate(count * 8, seed)
    drafts = []
    for number in range(count):
        title, paragraphs = None, []
        while sum(word_count(p) for p in paragraphs) < DRAFT_WORDS:
            article = next(articles)
            title = title or article["title"]
            paragraphs.extend(article["text"].split("\n\n"))
        path = directory / f"draft-{number:02d}.md"
        path.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        drafts.append(path)
    return drafts


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child, lines printed). CPU time shows what the command
    costs when other processes compete for the cores; wall time is what the writer waits."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):  # 1 means "found something", which is expected
        raise SystemExit(f"{' '.join(command)} failed ({out.returncode}):\n{out.stderr}")
    cpu = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
    return elapsed, cpu, out.stdout.count("\n")


def best_of(repeats: int, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    runs = [timed(command, cwd, env) for _ in range(repeats)]
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]


def in_process(drafts: list[Path], repeats: int) -> float:
    """framing's check in a warm process (lexicons loaded): what start-up costs on top."""
    from framing.check import check_paths

    check_paths(drafts[:1])  # load lexicons and compile the matcher once
    times = []
    for draft in drafts:
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            check_paths([draft])
            runs.append(time.perf_counter() - started)
        times.append(min(runs))
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help=f"also write the figures here (e.g. {RESULTS_DIR}/check.json)")
    args = parser.parse_args(argv)

    proselint = [sys.executable, "-m", "proselint"] if _importable("proselint") else None
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        drafts = make_drafts(directory, args.drafts, args.seed)
        words = [word_count(d.read_text(encoding="utf-8")) for d in drafts]
        env = checkout_env()
        rows = {"framing check": [], "framing API": [], "proselint check": []}
        cpu = {name: [] for name in rows}
        findings = {name: [] for name in rows}
        load_before = os.getloadavg()[0]
        for draft in drafts:
            seconds, cpu_seconds, lines = best_of(
                args.repeats, [sys.executable, "-m", "framing", "check", "--exit-zero", draft.name], directory, env)
            rows["framing check"].append(seconds)
            cpu["framing check"].append(cpu_seconds)
            findings["framing check"].append(lines - 1)  # minus the summary line
            # The same check from a fresh interpreter without the `framing` command-line layer
            # (typer and every registered subcommand's imports): what the CLI itself costs.
            seconds, cpu_seconds, _ = best_of(args.repeats, [sys.executable, "-c", API_SNIPPET, draft.name], directory, env)
            rows["framing API"].append(seconds)
            cpu["framing API"].append(cpu_seconds)
            findings["framing API"].append(findings["framing check"][-1])
            if proselint:
                seconds, cpu_seconds, lines = best_of(args.repeats, proselint + ["check", draft.name], directory)
                rows["proselint check"].append(seconds)
                cpu["proselint check"].append(cpu_seconds)
                findings["proselint check"].append(lines)
        warm = in_process(drafts, args.repeats)
        load_after = os.getloadavg()[0]

    print(f"{args.drafts} Markdown drafts, {min(words):,}-{max(words):,} words; best of {args.repeats} runs each, "
          "median over drafts")
    print(f"{'command':<18} {'s/draft':>8} {'CPU s':>7} {'words/s':>9} {'findings/draft':>15}")
    results = {}
    for name, times in rows.items():
        if not times:
            print(f"{name:<18} {'(not installed: pip install proselint)':>34}")
            continue
        median, median_cpu = statistics.median(times), statistics.median(cpu[name])
        results[name] = {"seconds_per_draft": round(median, 4), "cpu_seconds_per_draft": round(median_cpu, 4),
                         "findings_per_draft": statistics.median(findings[name])}
        print(f"{name:<18} {median:>8.3f} {median_cpu:>7.3f} {statistics.median(words) / median:>9,.0f} "
              f"{statistics.median(findings[name]):>15,.0f}")
    print(f"{'framing in-process':<18} {warm:>8.3f} {'':>7} {statistics.median(words) / warm:>9,.0f}   (no start-up)")
    print("framing API: `python -c 'check_paths(...)'`, a fresh process without the CLI layer (typer and the\n"
          "imports of every registered subcommand); the difference to `framing check` is what that layer costs.")
    cores = os.cpu_count() or 1
    if max(load_before, load_after) > cores * 0.75:
        print(f"note: load average {load_before:.1f} -> {load_after:.1f} on {cores} cores: other processes "
              "competed for the CPU, so wall times are inflated; compare the CPU column")
    verdict = "met" if results["framing check"]["seconds_per_draft"] < TARGET_SECONDS else "MISSED"
    print(f"target: under {TARGET_SECONDS:g} s per draft including start-up: {verdict}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": machine(), "load_average": [load_before, load_after],
                                         "drafts": args.drafts, "words": words,
                                         "repeats": args.repeats, "results": results,
                                         "framing_in_process_seconds": round(warm, 4)}, indent=2) + "\n")
    return 0 if verdict == "met" else 1


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    sys.exit(main())
