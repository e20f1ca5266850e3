"""Which group a document belongs to: a metadata field (default ``outlet``) or its directory."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Union

from ..document import Document, RecordError

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
        try:
            parts = Path(document.path).resolve().relative_to(root.resolve()).parts
        except ValueError:
            parts = ()
        if len(parts) > 1:
            return parts[0]
    return missing_group(group_by)


def iter_grouped(inputs: Iterable[Input], group_by: str, analyzer, input_format: str | None = None
                 ) -> Iterator[tuple[str, Document] | RecordError]:
    """(group, analysed document) pairs from paths, directories, corpora or Documents, in input order.

    Documents that already have sentences are taken as analysed; anything else goes through
    ``analyzer`` (a framing Analyzer), so compare reuses exactly the detectors `score` runs.
    """
    from ..loaders import iter_documents

    for item in inputs:
        if isinstance(item, Document):
            document = item if item.sentences else analyzer.analyze(item)
            yield group_of(document, group_by, None), document
            continue
        name = str(item)
        root = Path(name) if name != "-" and Path(name).is_dir() else None
        for loaded in analyzer.analyze_all(iter_documents([name], input_format)):
            if isinstance(loaded, RecordError):
                yield loaded
            else:
                yield group_of(loaded, group_by, root), loaded
