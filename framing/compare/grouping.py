"""Which group a document belongs to: a metadata field (default ``outlet``) or its directory."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Union

from ..document import Document, RecordError
from ..parallel import chunked

#: ``--group-by directory``: the first path component under the input directory, always.
DIRECTORY = "directory"

Input = Union[str, Path, Document]


def missing_group(group_by: str) -> str:
    return f"(no {group_by})"


def group_of(document: Document, group_by: str, root: Path | None) -> str:
    """The document's group.

    A metadata field wins when present (a JSONL record's ``outlet``); otherwise, for a file
    found under an input directory, the first directory below it names the group, so
    ``corpus/bbc/a.txt`` and ``corpus/bbc/2024/b.txt`` both belong to ``bbc``.
    """
    if group_by != DIRECTORY:
        value = document.meta.get(group_by)
        if value is not None and str(value).strip():
            return str(value).strip()
    if root is not None and document.path:
        # The path as walked first: an outlet folder that is a symbolic link resolves elsewhere.
        try:
            parts = Path(document.path).relative_to(root).parts
        except ValueError:
            try:
                parts = Path(document.path).resolve().relative_to(root.resolve()).parts
            except (ValueError, OSError):
                parts = ()
        if len(parts) > 1:
            return parts[0]
    return missing_group(group_by)


def iter_inputs(inputs: Iterable[Input], group_by: str, input_format: str | None = None
                ) -> Iterator[tuple[str, Document] | RecordError]:
    """(group, document) pairs as read, before analysis, in input order; bad records as RecordError.

    The group comes from the metadata and the path, which analysis does not change, so it is
    known before a document is sent to be analysed elsewhere. Documents given as objects pass
    through unchanged (with their sentences, if they were analysed already).
    """
    from ..loaders import iter_documents

    for item in inputs:
        if isinstance(item, Document):
            yield group_of(item, group_by, None), item
            continue
        name = str(item)
        root = Path(name) if name != "-" and Path(name).is_dir() else None
        for loaded in iter_documents([name], input_format):
            yield loaded if isinstance(loaded, RecordError) else (group_of(loaded, group_by, root), loaded)


def analysed_pairs(pairs: Iterable[tuple[str, Document]], analyzer, batch_size: int = 32
                   ) -> Iterator[tuple[str, Document]]:
    """The pairs with their documents analysed by ``analyzer`` in batches, as `score` analyses them
    (the classifier scores a batch in one call); documents that have sentences are taken as analysed."""
    for batch in chunked(pairs, batch_size):
        analyzer.analyze_batch([document for _, document in batch if not document.sentences])
        yield from batch
