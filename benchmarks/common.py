"""Helpers the benchmark scripts share: import framing from this checkout, describe the run, count words."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

BENCHMARKS_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCHMARKS_DIR.parent
RESULTS_DIR = BENCHMARKS_DIR / "results"  # git-ignored


def use_checkout() -> None:
    """Benchmark the framing of this working tree, not whatever copy is installed in the environment."""
    root = str(REPO_ROOT)
    if sys.path[:1] != [root]:
        sys.path.insert(0, root)


def checkout_env() -> dict[str, str]:
    """Environment for a child process that must import framing from this working tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def git_revision() -> str:
    """The checkout's commit, with '+dirty' when framing/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "framing"], cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (head or "unknown") + ("+dirty" if dirty else "")


def machine() -> dict[str, object]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "framing_revision": git_revision()}


def word_count(text: str) -> int:
    """Words as every figure here counts them: whitespace-separated tokens."""
    return len(text.split())


def human(number: float) -> str:
    return f"{number:,.0f}"
