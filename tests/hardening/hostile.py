"""Hostile inputs written at test time (never committed: some are tens of megabytes) and a runner
that calls the real `framing` command in a subprocess, where a traceback would show on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GOOD_TEXT = "Officials in Kiev reportedly rejected the plan. The ministry said talks would go on.\n"
#: Words for long texts; no punctuation, so a whole file is one run with no sentence boundary.
_WORDS = "the council voted on the plan while critics in the capital claimed the deal was a waste".split()


def words_without_punctuation(size: int) -> bytes:
    run = " ".join(_WORDS[i % len(_WORDS)] for i in range(size // 4 + 16))
    return run.encode("ascii")[:size]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def report(self) -> dict:
        return json.loads(self.stdout)

    def skipped(self) -> list[str]:
        """The stderr lines that report a skipped input (score and compare)."""
        return [line for line in self.stderr.splitlines() if line.startswith("framing: skipped ")]


def framing(*args: str, cwd: Path, timeout: float = 120) -> Run:
    """The command exactly as a user runs it (python -m framing), so a crash cannot be caught in-process."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "framing", *args], cwd=cwd, capture_output=True,
                          env=env, timeout=timeout)
    run = Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    return run
