"""Bounded, seeded samples of example sentences, so every number stays traceable without keeping the corpus."""

from __future__ import annotations

import random
from typing import Any, Callable, Hashable, Iterable

from ..document import Document, Sentence
from .model import Example

#: Long sentences are cut here; an example is for recognising a sentence, not for re-reading it.
MAX_EXAMPLE_CHARS = 400


def make_example(document: Document, sentence: Sentence, spans: Iterable[tuple[int, int]] = ()) -> Example:
    """An Example of ``sentence`` with ``spans`` (document offsets) turned into marks inside it."""
    text = sentence.text[:MAX_EXAMPLE_CHARS]
    marks = []
    for start, end in sorted(set(spans)):
        local_start, local_end = start - sentence.start, min(end - sentence.start, len(text))
        if 0 <= local_start < local_end:
            marks.append((local_start, local_end))
    return Example(document.id, sentence.index, text, tuple(marks))


class Reservoir:
    """Algorithm R: a uniform sample of at most ``size`` items from a stream of unknown length.

    Items are offered as zero-argument builders so that a sentence is only turned into an
    Example (a string copy) when the sample actually keeps it.
    """

    __slots__ = ("size", "seen", "items")

    def __init__(self, size: int):
        self.size = size
        self.seen = 0
        self.items: list = []

    def offer(self, build: Callable[[], Any], rng: random.Random) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(build())
            return
        slot = rng.randrange(self.seen)
        if slot < self.size:
            self.items[slot] = build()


class ExampleReservoirs:
    """One reservoir per (group, example key), with a cap on how many cells exist at all.

    The cap matters for open-ended keys (one per actor): the corpus can name any number of
    actors, and memory must not grow with it. Cells beyond the cap simply get no examples.
    """

    def __init__(self, per_cell: int, seed: int, max_cells: int = 20_000):
        self.per_cell = per_cell
        self.max_cells = max_cells
        self._rng = random.Random(seed)
        self._cells: dict[tuple[str, Hashable], Reservoir] = {}

    def offer(self, group: str, key: Hashable, build: Callable[[], Example]) -> None:
        """Offer one sentence to a cell; ``build`` makes the Example only if it is kept."""
        if self.per_cell <= 0:
            return
        cell = self._cells.get((group, key))
        if cell is None:
            if len(self._cells) >= self.max_cells:
                return
            cell = self._cells[(group, key)] = Reservoir(self.per_cell)
        cell.offer(build, self._rng)

    def samples(self) -> dict[tuple[str, Hashable], tuple[Example, ...]]:
        """Every cell's examples in a stable order (document, then sentence)."""
        return {
            key: tuple(sorted(cell.items, key=lambda e: (e.document_id, e.sentence_index)))
            for key, cell in self._cells.items()
        }
