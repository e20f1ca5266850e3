"""The real thing: pre-commit installs this repository's hooks and blocks, then lets through, a commit.

A snapshot of this checkout (committed files plus uncommitted changes) becomes a git repository
with a deterministic commit, because pre-commit only installs hooks from a committed revision.
The hook environment (a pip install of framing, ~30 s) is kept in pytest's cache keyed by that
revision, so it is built once per change of the code, not once per test run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
DRAFT = "# Bridge reopens\n\nOfficials in Kiev said the bridge would reopen on Monday.\n"
# Fixed identity and dates: the same files always give the same commit, hence the same cached env.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "framing tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "framing tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_AUTHOR_DATE": "2024-01-01T00:00:00+0000", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00+0000",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
}


def run(*args: str, cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    out = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if check and out.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return out


def clean_env(cache: Path) -> dict[str, str]:
    """The developer's environment (pip's settings and cache stay) without their git configuration."""
    empty = cache / "empty-gitconfig"
    empty.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_ENV, GIT_CONFIG_GLOBAL=str(empty), PRE_COMMIT_HOME=str(cache / "pre-commit"), NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)
    return env


#: Never needed to install the package: leaving them out means editing a test or a benchmark
#: does not change the snapshot's commit, so the cached hook environment stays valid.
NOT_INSTALLED = ("tests/", "benchmarks/", "docs/", "seeds/")


def project_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT, capture_output=True, check=True).stdout.decode().split("\0")
    return sorted(name for name in listed
                  if name and not name.startswith(NOT_INSTALLED) and (PROJECT / name).is_file())


def snapshot(target: Path, env: dict[str, str]) -> str:
    """Copy this checkout into `target` as a one-commit repository; returns the commit sha."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in project_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, destination)
    run("git", "init", "-q", "-b", "main", cwd=target, env=env)
    run("git", "add", "-A", cwd=target, env=env)
    run("git", "commit", "-q", "--no-verify", "-m", "snapshot", cwd=target, env=env)
    return run("git", "rev-parse", "HEAD", cwd=target, env=env).stdout.strip()


@contextlib.contextmanager
def exclusive(lock_file: Path):
    """Other engineers' test runs share this cache: one pre-commit run at a time."""
    import fcntl

    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def test_pre_commit_blocks_the_draft_then_passes_after_the_fix(tmp_path, request):
    pytest.importorskip("pre_commit", reason="the test extra installs pre-commit")
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        pytest.skip("needs git and a git checkout of framing")
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"framing.check"' in pyproject, (
        "pyproject.toml's [tool.setuptools] packages must list \"framing.check\": without it the "
        "installed hook has no `framing check` command")
    pytest.importorskip("fcntl")
    store = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider: build afresh
    cache = Path(store.mkdir("framing-pre-commit")) if store else tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    env = clean_env(cache)
    with exclusive(cache / "lock"):
        rev = snapshot(cache / "framing-source", env)
        stamp = cache / "revision"
        if not stamp.exists() or stamp.read_text() != rev:  # new code: drop the old hook environment
            shutil.rmtree(cache / "pre-commit", ignore_errors=True)
            stamp.write_text(rev)

        newsroom = tmp_path / "newsroom"
        newsroom.mkdir()
        run("git", "init", "-q", "-b", "main", cwd=newsroom, env=env)
        (newsroom / "draft.md").write_text(DRAFT, encoding="utf-8")
        # The newsroom's house style: only naming, so the test does not depend on other lexicons.
        (newsroom / ".framing.toml").write_text('select = ["N001"]\n', encoding="utf-8")
        (newsroom / ".pre-commit-config.yaml").write_text(
            "repos:\n"
            f"  - repo: {cache / 'framing-source'}\n"
            f"    rev: {rev}\n"
            "    hooks:\n"
            "      - id: framing-check\n"
            "      - id: framing-fix\n"
            "        stages: [manual]\n", encoding="utf-8")
        pre_commit = [sys.executable, "-m", "pre_commit"]
        run(*pre_commit, "install", cwd=newsroom, env=env)
        run("git", "add", "-A", cwd=newsroom, env=env)

        blocked = run("git", "commit", "-m", "Add draft", cwd=newsroom, env=env, check=False)
        assert blocked.returncode != 0, blocked.stdout + blocked.stderr
        assert "draft.md:3:14: N001 [*] 'Kiev' → 'Kyiv'" in blocked.stdout + blocked.stderr

        fixing = run(*pre_commit, "run", "framing-fix", "--hook-stage", "manual", "--files", "draft.md",
                     cwd=newsroom, env=env, check=False)
        assert fixing.returncode == 1, fixing.stdout  # pre-commit fails a hook that modified files
        assert (newsroom / "draft.md").read_text(encoding="utf-8") == DRAFT.replace("Kiev", "Kyiv")

        run("git", "add", "draft.md", cwd=newsroom, env=env)
        passed = run("git", "commit", "-m", "Add draft", cwd=newsroom, env=env, check=False)
        assert passed.returncode == 0, passed.stdout + passed.stderr
        assert "framing check...." in passed.stdout + passed.stderr and "Passed" in passed.stdout + passed.stderr
