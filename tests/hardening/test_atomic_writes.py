"""No lost work: every file framing writes is replaced whole or not at all, keeps its permissions,
and is never written through a symbolic link.

The kill test runs the real command in a subprocess and SIGKILLs it while the report is being
written; the target must still hold the complete old report.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.atomic_write import TEMPORARY_SUFFIX, LinkTargetError
from framing.cli import app

ARTICLE = ("Officials in Kiev said the plan was final, the ministry claimed. Sources said the talks might resume. "
           "Critics called it a brutal betrayal, according to a statement. ")
OLD_REPORT = "the previous report, which must survive\n" * 500


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def write_corpus(path: Path, documents: int) -> Path:
    lines = (json.dumps({"id": f"doc-{i}", "outlet": ("North", "South")[i % 2], "text": ARTICLE * 3})
             for i in range(documents))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def temporaries(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.endswith(TEMPORARY_SUFFIX))


# ----------------------------------------------------------------------------------- interrupted writes


def test_killing_score_mid_write_leaves_the_old_report_whole(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3000)  # some seconds of writing
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.jsonl"
    report.write_text(OLD_REPORT, encoding="utf-8")
    command = [sys.executable, "-m", "framing", "score", str(corpus), "--no-classifier", "--jobs", "1",
               "--format", "jsonl", "--output", str(report)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > 100_000 for p in temporaries(out)):
            assert process.poll() is None, "the run ended before it could be interrupted: " + process.stderr.read().decode()
            assert time.monotonic() < deadline, "no temporary file appeared"
            assert report.stat().st_size == len(OLD_REPORT), "the report was written in place"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert report.read_text(encoding="utf-8") == OLD_REPORT
    # SIGKILL allows no clean-up: the half-written temporary stays beside the report, hidden, never in its place.
    (stray,) = temporaries(out)
    assert stray.name.startswith(".report.jsonl.")
    stray.unlink()

    small = write_corpus(tmp_path / "small.jsonl", 12)
    finished = subprocess.run(command[:4] + [str(small)] + command[5:], capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr.decode()
    assert [json.loads(line)["id"] for line in report.read_text(encoding="utf-8").splitlines()] == \
        [f"doc-{i}" for i in range(12)]
    assert sorted(p.name for p in out.iterdir()) == ["report.jsonl"]


@pytest.mark.parametrize("command", ["score", "compare"])
def test_a_run_that_fails_while_writing_leaves_the_old_report_and_no_temporary(tmp_path, monkeypatch, command):
    import framing.compare
    import framing.render

    def failing_renderer(*args):
        out = next(a for a in args if hasattr(a, "write"))
        out.write("<!DOCTYPE html><html>half a report")
        raise OSError(28, "No space left on device")

    if command == "score":
        monkeypatch.setattr(framing.render, "get_renderer", lambda name: failing_renderer)
    else:
        monkeypatch.setattr(framing.compare, "render", failing_renderer)
    corpus = write_corpus(tmp_path / "corpus.jsonl", 4)
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.html"
    report.write_text(OLD_REPORT, encoding="utf-8")
    result = invoke(command, corpus, "--no-classifier", "--jobs", "1", "--format", "html", "--output", report)
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert report.read_text(encoding="utf-8") == OLD_REPORT
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]


# -------------------------------------------------------------------------------------------- permissions


@pytest.mark.parametrize("command", ["score", "compare"])
def test_output_keeps_an_existing_files_permissions_and_a_new_file_gets_the_umask(tmp_path, command):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 4)
    existing = tmp_path / "existing.md"
    existing.write_text(OLD_REPORT, encoding="utf-8")
    os.chmod(existing, 0o640)
    fresh = tmp_path / "fresh.md"
    for target in (existing, fresh):
        result = invoke(command, corpus, "--no-classifier", "--jobs", "1", "--format", "markdown", "--output", target)
        assert result.exit_code == 0, result.output
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640 and existing.read_text(encoding="utf-8") != OLD_REPORT
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert temporaries(tmp_path) == []


def test_output_to_a_device_is_written_in_place(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    result = invoke("score", corpus, "--no-classifier", "--jobs", "1", "--format", "json", "--output", "/dev/null")
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------------------------------ symbolic links


@pytest.fixture
def outside(tmp_path) -> Path:
    """A file in another directory that a planted link points at; it must never change."""
    directory = tmp_path / "elsewhere"
    directory.mkdir()
    precious = directory / "precious.txt"
    precious.write_text("not yours to overwrite\n", encoding="utf-8")
    return precious


def assert_untouched(outside: Path, link: Path) -> None:
    assert outside.read_text(encoding="utf-8") == "not yours to overwrite\n"
    assert link.is_symlink()
    assert temporaries(link.parent) == [] and temporaries(outside.parent) == []


@pytest.mark.parametrize("args", [
    ("score", "--format", "html"), ("score", "--format", "csv"), ("score", "--format", "parquet"),
    ("compare", "--format", "json"),
])
def test_output_through_a_symbolic_link_is_refused(tmp_path, outside, args):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 4)
    link = tmp_path / "report.out"
    link.symlink_to(outside)
    command, *options = args
    result = invoke(command, corpus, "--no-classifier", "--jobs", "1", *options, "--output", link)
    assert result.exit_code == 2
    assert f"{link}: is a symbolic link" in result.output and "does not write through links" in result.output
    assert_untouched(outside, link)


def test_a_dangling_link_is_refused_too(tmp_path, outside):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    link = tmp_path / "report.html"
    link.symlink_to(outside.parent / "not-yet.html")
    result = invoke("score", corpus, "--no-classifier", "--format", "html", "--output", link)
    assert result.exit_code == 2 and not (outside.parent / "not-yet.html").exists()


def test_check_fix_refuses_a_linked_draft_and_leaves_its_target_alone(tmp_path, outside, monkeypatch):
    outside.write_text("Officials in Kiev met.\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    link = drafts / "linked.md"
    link.symlink_to(outside)
    own = drafts / "own.md"
    own.write_text("Officials in Kiev met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "drafts", "--fix")
    assert result.exit_code == 2
    assert "drafts/linked.md: cannot write the fixes: is a symbolic link" in result.output
    assert outside.read_text(encoding="utf-8") == "Officials in Kiev met.\n" and link.is_symlink()
    assert own.read_text(encoding="utf-8") == "Officials in Kyiv met.\n"  # the other draft is still fixed
    assert temporaries(drafts) == [] and temporaries(outside.parent) == []
    # Reading through the link is fine: only writing is refused.
    assert invoke("check", str(link)).exit_code == 1


def test_write_baseline_refuses_a_link(tmp_path, outside, monkeypatch):
    (tmp_path / "draft.md").write_text("Officials in Kiev met.\n", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(outside)
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "draft.md", "--write-baseline", link)
    assert result.exit_code == 2 and "cannot write the baseline: is a symbolic link" in result.output
    assert_untouched(outside, link)


def test_saving_a_model_refuses_a_link(tmp_path, outside):
    from framing.classifier.model import model_from_dict

    from .test_untrusted_files import MINIMAL_MODEL

    link = tmp_path / "model.json.gz"
    link.symlink_to(outside)
    with pytest.raises(LinkTargetError):
        model_from_dict(json.loads(json.dumps(MINIMAL_MODEL))).save(link)
    assert_untouched(outside, link)
