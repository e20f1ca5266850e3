"""Start-up time of the `framing` command (target: `framing --help` under 0.3 s) and the imports that cost most.

    python benchmarks/bench_startup.py
    python benchmarks/bench_startup.py --args "score --help" --repeats 10
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

from common import RESULTS_DIR, checkout_env, machine

TARGET_SECONDS = 0.3
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def run_once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=checkout_env(), check=True)
    return time.perf_counter() - start


def heaviest_imports(command: list[str], top: int) -> list[tuple[float, float, str, str]]:
    """(cumulative s, own s, module, who imported it): the slowest framing modules to import, then the
    slowest imports that framing modules make of other packages."""
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True,
                          env=checkout_env())
    rows = []
    for line in done.stderr.splitlines():
        found = _IMPORT_LINE.match(line)
        if not found:
            continue
        own, cumulative, indent, module = int(found[1]), int(found[2]), len(found[3]), found[4]
        rows.append((indent, module, own, cumulative))
    parents: dict[int, str] = {}
    result = []
    for indent, module, own, cumulative in reversed(rows):  # importtime prints children first; reversed, parents lead
        parents[indent] = module
        parent = parents.get(indent - 2, "(top level)")
        result.append((cumulative / 1e6, own / 1e6, module, parent))
    own_modules = sorted((r for r in result if r[2].startswith("framing")), key=lambda r: -r[0])[:top]
    made_by_framing = [r for r in result if not r[2].startswith("framing") and r[3].startswith("framing")]
    return own_modules + sorted(made_by_framing, key=lambda r: -r[0])[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--args", default="--help", help="arguments to framing (default: --help)")
    parser.add_argument("--repeats", type=int, default=5, help="runs; the best is reported (default 5)")
    parser.add_argument("--top", type=int, default=10, help="heaviest imports to list (default 10)")
    parser.add_argument("--json", type=Path, help=f"also save the results as JSON (e.g. {RESULTS_DIR.name}/startup.json)")
    args = parser.parse_args(argv)

    command = [sys.executable, "-m", "framing", *shlex.split(args.args)]
    run_once(command)  # warm the file cache and the .pyc files
    times = [run_once(command) for _ in range(args.repeats)]
    best = min(times)
    baseline = min(run_once([sys.executable, "-c", "pass"]) for _ in range(args.repeats))
    info = machine()
    verdict = "met" if best < TARGET_SECONDS else "NOT met"
    print(f"framing {info['framing_revision']}: `framing {args.args}` best of {args.repeats}: {best:.3f} s "
          f"(target < {TARGET_SECONDS} s: {verdict}); a bare `python -c pass` takes {baseline:.3f} s")
    imports = heaviest_imports(command, args.top)
    if imports:
        print("\nslowest imports (cumulative, from python -X importtime): framing's modules, then what they import")
        for cumulative, _own, module, parent in imports:
            print(f"  {cumulative:6.3f} s  {module:40} imported by {parent}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": info, "args": args.args, "seconds": times, "best": best,
                                         "python_baseline": baseline,
                                         "imports": [{"module": m, "cumulative": c, "imported_by": p}
                                                     for c, _o, m, p in imports]}, indent=2) + "\n")
        print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
