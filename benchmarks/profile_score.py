"""Profile framing's score pipeline over a generated corpus: the top functions by cumulative and by own time.

    python benchmarks/profile_score.py                     # cProfile, 100 articles, top 25
    python benchmarks/profile_score.py --pyinstrument      # a call tree from pyinstrument instead
    python benchmarks/profile_score.py --save benchmarks/results/score.prof   # for snakeviz / pstats
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import sysconfig
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import REPO_ROOT, human, machine, use_checkout, word_count
from corpus import DEFAULT_SEED, generate

use_checkout()

_SITE = Path(sysconfig.get_paths()["purelib"]).resolve()
_STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


def where(filename: str, line: int, name: str) -> str:
    """A short, unambiguous location: repo-relative, package-relative, or the built-in's name."""
    if filename == "~" or filename.startswith("<"):
        return name  # a C function: "{method 'finditer' of 're.Pattern' objects}"
    path = Path(filename).resolve()
    for root in (REPO_ROOT, _SITE, _STDLIB):
        if path.is_relative_to(root):
            return f"{path.relative_to(root)}:{line}({name})"
    return f"{path.name}:{line}({name})"


def component(filename: str, name: str) -> str:
    """What a function belongs to, for the own-time summary: a framing file, a package, or C code."""
    if filename == "~" or filename.startswith("<"):
        return "C built-ins (" + _builtin_kind(name) + ")"
    path = Path(filename).resolve()
    if path.is_relative_to(REPO_ROOT):
        return str(path.relative_to(REPO_ROOT))
    if path.is_relative_to(_SITE):
        return path.relative_to(_SITE).parts[0]
    if path.is_relative_to(_STDLIB):
        return "stdlib: " + path.relative_to(_STDLIB).parts[0].removesuffix(".py")
    return path.name


def _builtin_kind(name: str) -> str:
    if "re.Pattern" in name or "_sre" in name or "re.Match" in name:
        return "regular expressions"
    if "'str'" in name:
        return "str methods"
    return "other"


def table(stats: pstats.Stats, key: str, top: int, total: float) -> list[str]:
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3 if key == "cumulative" else 2], reverse=True)
    lines = [f"{'ncalls':>10} {'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6}  function"]
    for (filename, line, name), (primitive, calls, own, cumulative, _callers) in rows[:top]:
        count = f"{calls}" if calls == primitive else f"{calls}/{primitive}"
        lines.append(f"{count:>10} {own:8.3f} {100 * own / total:5.1f}% {cumulative:8.3f} {100 * cumulative / total:5.1f}%  "
                     f"{where(filename, line, name)}")
    return lines


def by_component(stats: pstats.Stats, total: float, top: int = 15) -> list[str]:
    own: dict[str, float] = defaultdict(float)
    for (filename, _line, name), (_p, _c, seconds, _cum, _callers) in stats.stats.items():
        own[component(filename, name)] += seconds
    lines = [f"{'own s':>8} {'own %':>6}  component"]
    for name, seconds in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"{seconds:8.3f} {100 * seconds / total:5.1f}%  {name}")
    return lines


def load(articles: int, seed: int, exclude: list[str]) -> tuple[Any, list[str], list[str]]:
    from framing.pipeline import Analyzer

    analyzer = Analyzer(exclude=exclude)
    warm = [r["text"] for r in generate(10, seed)]
    texts = [r["text"] for r in generate(articles, seed, start=10)]  # text the warm-up has not seen
    return analyzer, warm, texts


def run(analyzer: Any, texts: list[str]) -> None:
    from framing.loaders import make_document

    for text in texts:
        analyzer.analyze(make_document(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="generated articles to profile (default 100)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"corpus seed (default {DEFAULT_SEED})")
    parser.add_argument("--top", type=int, default=25, help="functions per table (default 25)")
    parser.add_argument("--classifier", action="store_true", help="include the classifier (default: excluded)")
    parser.add_argument("--exclude", action="append", default=[], metavar="DETECTOR",
                        help="leave a detector out (repeatable), to see what the rest costs")
    parser.add_argument("--pyinstrument", action="store_true", help="print pyinstrument's call tree instead")
    parser.add_argument("--save", type=Path, help="write the cProfile stats here (pstats format)")
    args = parser.parse_args(argv)

    exclude = args.exclude + ([] if args.classifier else ["classifier"])
    analyzer, warm, texts = load(args.articles, args.seed, exclude)
    run(analyzer, warm)
    words = sum(word_count(t) for t in texts)
    detectors = ", ".join(d.name for d in analyzer.detectors)
    print(f"profiling framing {machine()['framing_revision']}: {len(texts)} articles, {human(words)} words; "
          f"detectors: {detectors}")

    if args.pyinstrument:
        try:
            from pyinstrument import Profiler
        except ImportError:
            parser.error("pyinstrument is not installed: pip install pyinstrument")
        profiler = Profiler(interval=0.0005)
        profiler.start()
        run(analyzer, texts)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
        return 0

    profiler = cProfile.Profile()
    profiler.enable()
    run(analyzer, texts)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"{total:.2f} s under cProfile ({human(words / total)} words/s with profiling overhead)\n")
    print(f"top {args.top} by cumulative time:")
    print("\n".join(table(stats, "cumulative", args.top, total)))
    print(f"\ntop {args.top} by own (total) time:")
    print("\n".join(table(stats, "own", args.top, total)))
    print("\nown time by component:")
    print("\n".join(by_component(stats, total)))
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        stats.dump_stats(args.save)
        print(f"\nsaved {args.save} (python -m pstats {args.save})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
