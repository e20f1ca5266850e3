"""Writing a file so that a crash, a kill or a full disk leaves the old file or the new one, never half of each.

Every file framing writes (reports with --output, fixed drafts, baselines, models) goes through
here: a temporary file in the target's directory, flushed to disk, then renamed over the target.

A target that is a symbolic link is refused. Writing through it could change a file anywhere
(a link planted in a shared directory is the classic attack), and replacing the link with a file
would silently undo whatever the link was for; the user decides which of the two they meant.
Directory links on the way to the target are the user's own path and are followed.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

TEMPORARY_SUFFIX = ".framing-tmp"


class LinkTargetError(OSError):
    """The file to write is a symbolic link; ``filename`` names it."""

    def __init__(self, path: Path):
        super().__init__(errno.ELOOP, f"is a symbolic link (to {os.readlink(path)}); framing does not write "
                                      "through links: remove the link or write to another path", str(path))


def _is_stream(path: Path) -> bool:
    """A terminal, /dev/null or a named pipe: written in place, since it cannot be renamed over."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)  # keep the original's permissions
    except FileNotFoundError:  # a new file: what open() would have given it
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; when the block ends without an error it
    replaces ``path`` atomically, otherwise it is removed and ``path`` is left as it was."""
    path = Path(path)
    if path.is_symlink():
        raise LinkTargetError(path)
    if _is_stream(path):
        yield path
        return
    mode = _mode_for(path)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, mode)  # mkstemp creates 0600
        os.replace(temporary, path)  # renames over the name: never writes through a link raced in since
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform can open a directory."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_atomically(path: Path, data: bytes) -> None:
    with replacing(path) as temporary:
        temporary.write_bytes(data)


@contextmanager
def open_atomically(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text handle (no newline translation) whose content replaces ``path`` when the block succeeds."""
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
        yield handle
