"""Peak memory of `framing score` as the corpus grows: it should stay flat (streaming), not grow with it.

    python benchmarks/bench_memory.py                          # 10k and 100k articles (100k takes long)
    python benchmarks/bench_memory.py --articles 1000,10000    # a quick run

For each size it generates a gzipped JSONL corpus in a temporary directory, then runs
`framing score CORPUS --format jsonl --output /dev/null --no-classifier` in a child process and
reports the child's peak resident set (ru_maxrss from wait4) and its wall time. With psutil
installed it also samples the whole process tree, which is what counts when --jobs starts workers.
Before each size it estimates the time from the previous size's rate and skips sizes that would
take longer than --max-minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from common import RESULTS_DIR, checkout_env, human, machine
from corpus import DEFAULT_SEED, write_corpus


def corpus_path(directory: Path, articles: int, seed: int) -> tuple[Path, int, float]:
    """The corpus of ``articles`` for ``seed`` in ``directory`` (generated unless already there),
    its word count, and the seconds spent generating it."""
    path = directory / f"corpus-{seed}-{articles}.jsonl.gz"
    count_file = path.with_name(path.name + ".words")
    if path.exists() and count_file.exists():
        return path, int(count_file.read_text()), 0.0
    start = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    words = write_corpus(str(partial) + ".gz", articles, seed)
    Path(str(partial) + ".gz").rename(path)
    count_file.write_text(str(words))
    return path, words, time.perf_counter() - start


class TreeSampler:
    """Samples the summed RSS of a process and its descendants (psutil), every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.peak = 0
        self.available = True
        try:
            import psutil
        except ImportError:
            self.available = False
            return
        self._psutil = psutil
        self._pid = pid
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        psutil = self._psutil
        try:
            root = psutil.Process(self._pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for process in [root, *root.children(recursive=True)]:
                    try:
                        total += process.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            self.peak = max(self.peak, total)
            self._stop.wait(self._interval)

    def stop(self) -> int | None:
        if not self.available:
            return None
        self._stop.set()
        self._thread.join()
        return self.peak


def score_command(corpus: Path, jobs: int | None) -> list[str]:
    command = [sys.executable, "-m", "framing", "score", str(corpus), "--format", "jsonl",
               "--output", os.devnull, "--no-classifier"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    return command


def measure(command: list[str], log_path: Path) -> dict[str, Any]:
    """Run ``command``; its exit status, wall seconds, ru_maxrss (MiB) and sampled tree peak (MiB)."""
    with log_path.open("wb") as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=checkout_env())
        sampler = TreeSampler(child.pid)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    tree = sampler.stop()
    return {
        "exit_code": child.returncode,
        "wall_seconds": round(wall, 2),
        "max_rss_mib": round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        "tree_peak_rss_mib": round(tree / 2**20, 1) if tree else None,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="10000,100000",
                        help="comma-separated corpus sizes in articles (default 10000,100000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    parser.add_argument("--jobs", type=int, help="pass --jobs N to framing score (default: the CLI's own default)")
    parser.add_argument("--max-minutes", type=float, default=30.0,
                        help="skip a size whose estimated run time exceeds this (default 30)")
    parser.add_argument("--corpus-dir", type=Path,
                        help="keep and reuse generated corpora here (default: a temporary directory, removed after)")
    parser.add_argument("--json", type=Path, help=f"also save the results as JSON (e.g. {RESULTS_DIR.name}/memory.json)")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(part) for part in args.articles.split(",") if part.strip()})
    except ValueError:
        parser.error(f"--articles must be comma-separated integers, not {args.articles!r}")
    if not sizes or sizes[0] < 1:
        parser.error("--articles needs at least one positive size")

    directory = args.corpus_dir or Path(tempfile.mkdtemp(prefix="framing-memory-"))
    directory.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"framing score peak memory: framing {info['framing_revision']}, Python {info['python']}, "
          f"{info['cpus']} CPUs, jobs={'CLI default' if args.jobs is None else args.jobs}")
    print(f"command: {' '.join(score_command(Path('CORPUS'), args.jobs)[1:])}\n")
    print(f"{'articles':>9} {'words':>12} {'max RSS':>10} {'tree peak':>10} {'wall s':>8} {'articles/s':>11} {'words/s':>9}")
    results: list[dict[str, Any]] = []
    rate = None  # articles per second of the previous size
    try:
        for articles in sizes:
            estimate = articles / rate if rate else None
            row: dict[str, Any] = {"articles": articles,
                                   "estimated_seconds": round(estimate) if estimate else None}
            if estimate and estimate > 60 * args.max_minutes:
                row["skipped"] = f"estimated {estimate / 60:.0f} min > --max-minutes {args.max_minutes:g}"
                print(f"{articles:>9} skipped: estimated {estimate / 60:.0f} min at {rate:.0f} articles/s "
                      f"(raise --max-minutes to run it)")
                results.append(row)
                continue
            if estimate:
                print(f"{'':>9} (estimated {estimate / 60:.1f} min from the previous rate)", flush=True)
            corpus, words, generation = corpus_path(directory, articles, args.seed)
            row["generation_seconds"] = round(generation, 1)
            row["corpus_bytes"] = corpus.stat().st_size
            row.update(measure(score_command(corpus, args.jobs), directory / f"stderr-{articles}.log"))
            if row["exit_code"] != 0:
                tail = (directory / f"stderr-{articles}.log").read_text(errors="replace")[-2000:]
                print(f"{articles:>9} FAILED (exit {row['exit_code']}):\n{tail}")
                results.append(row)
                break
            row["words"] = words
            rate = articles / row["wall_seconds"]
            tree = f"{row['tree_peak_rss_mib']:.0f} MiB" if row["tree_peak_rss_mib"] else "n/a"
            print(f"{articles:>9} {human(words):>12} {row['max_rss_mib']:>6.0f} MiB {tree:>10} "
                  f"{row['wall_seconds']:>8.1f} {rate:>11.1f} {human(words / row['wall_seconds']):>9}", flush=True)
            results.append(row)
    finally:
        if args.corpus_dir is None:
            shutil.rmtree(directory, ignore_errors=True)

    measured = [r for r in results if r.get("exit_code") == 0]
    if len(measured) >= 2:
        small, large = measured[0], measured[-1]
        growth = large["max_rss_mib"] / small["max_rss_mib"]
        print(f"\npeak RSS at {human(large['articles'])} articles ÷ at {human(small['articles'])} articles = "
              f"{growth:.2f} (flat ≈ 1.0; the corpus grew {large['articles'] / small['articles']:.0f}x)")
    for row in results:
        if "skipped" in row:
            print(f"{human(row['articles'])} articles not run: {row['skipped']}; "
                  f"run `python benchmarks/bench_memory.py --articles {row['articles']} --max-minutes "
                  f"{max(1, round(row['estimated_seconds'] / 60 * 1.5))}` to measure it")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": info, "seed": args.seed, "jobs": args.jobs, "runs": results},
                                        indent=2) + "\n", encoding="utf-8")
        print(f"saved {args.json}")
    return 0 if all(r.get("exit_code", 0) == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
