"""Walking an input directory: files in a stable order, symbolic links followed once, loops reported."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..document import RecordError


def walk_files(root: Path) -> Iterator[Path | RecordError]:
    """Every file under ``root`` in path order, hidden files and directories left out.

    A symbolic link to a directory is followed (a corpus may link in an outlet's folder), but a
    directory is read only once, so a link back to an ancestor cannot loop forever: it comes out
    as a RecordError, as do broken links and directories that cannot be listed. The walk keeps
    its own stack, so no depth of nesting reaches Python's recursion limit.
    """
    visited: set[tuple[int, int]] = set()
    # One iterator per open directory: depth first, each directory's entries in name order, which
    # is the order of sorting the whole paths.
    stack: list[Iterator[Path | RecordError]] = [_entries(root, visited)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, _Directory):
            stack.append(_entries(item.path, visited))
        else:
            yield item


class _Directory:
    def __init__(self, path: Path):
        self.path = path


def _entries(directory: Path, visited: set[tuple[int, int]]) -> Iterator[Path | _Directory | RecordError]:
    try:
        info = directory.stat()
        key = (info.st_dev, info.st_ino)
        if key in visited:
            yield RecordError(str(directory), None, "symbolic link to a directory already read (a link loop?)")
            return
        visited.add(key)
        with os.scandir(directory) as listing:
            entries = sorted((entry for entry in listing if not entry.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield RecordError(str(directory), None, f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        path = directory / entry.name
        try:
            is_directory = entry.is_dir()
            is_file = not is_directory and entry.is_file()
        except OSError as exc:  # ELOOP: a link that points at itself
            yield RecordError(str(path), None, f"cannot follow symbolic link: {exc.strerror or exc}")
            continue
        if is_directory:
            yield _Directory(path)
        elif is_file:
            yield path
        elif entry.is_symlink():
            yield RecordError(str(path), None, "broken symbolic link")
