"""Bounded, seeded samples of example sentences, so every number stays traceable without keeping the corpus.

A sample keeps the offers with the smallest ranks, and a sentence's rank is a hash of (seed,
document id, sentence index) mixed with the sample's key, with the document's input position
as a tie-break. What is kept therefore does not depend on the order in which sentences arrive,
so samples taken on separate workers merge into exactly the sample one process takes; and each
key samples independently of the others.
"""

from __future__ import annotations

import hashlib
import heapq
from typing import Any, Callable, Iterable, Mapping, Tuple

from ..document import Document, Sentence
from .model import Example

#: Long sentences are cut here; an example is for recognising a sentence, not for re-reading it.
MAX_EXAMPLE_CHARS = 400

#: (sentence hash, document row, sentence index): who a sentence is, wherever it is processed.
SentenceId = Tuple[int, int, int]
#: (hash mixed with the sample's key, document row, sentence index): smaller is kept first.
Rank = Tuple[int, int, int]

_MASK = (1 << 64) - 1


def make_example(document: Document, sentence: Sentence, spans: Iterable[tuple[int, int]] = ()) -> Example:
    """An Example of ``sentence`` with ``spans`` (document offsets) turned into marks inside it."""
    text = sentence.text[:MAX_EXAMPLE_CHARS]
    marks = []
    for start, end in sorted(set(spans)):
        local_start, local_end = start - sentence.start, min(end - sentence.start, len(text))
        if 0 <= local_start < local_end:
            marks.append((local_start, local_end))
    return Example(document.id, sentence.index, text, tuple(marks))


def _hash64(text: str) -> int:
    # Python's hash() differs between processes; a digest is the same on every worker.
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def sentence_id(seed: int, document_id: str, row: int, sentence_index: int) -> SentenceId:
    """A sentence's identity for sampling; ``row`` is the document's position in the input."""
    return _hash64(f"{seed}\x1f{document_id}\x1f{sentence_index}"), row, sentence_index


_key_hashes: dict[str, int] = {}


def rank(sentence: SentenceId, key: str) -> Rank:
    """The sentence's rank in the sample for ``key`` (splitmix64's finaliser mixes the two hashes)."""
    key_hash = _key_hashes.get(key)
    if key_hash is None:
        key_hash = _hash64(key)
        if len(_key_hashes) < 100_000:  # keys name actors, an open-ended set: the cache is capped
            _key_hashes[key] = key_hash
    value = sentence[0] ^ key_hash
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31), sentence[1], sentence[2]


class Reservoir:
    """The ``size`` offers with the smallest ranks (a bottom-k sample: uniform when ranks are hashes).

    Items are offered as zero-argument builders so that a sentence is only turned into an
    Example (a string copy) when the sample actually keeps it. A partition's reservoir can be
    given a ``ceiling``, the ``bound()`` of the sample it will be merged into: offers hashed
    above it could never be kept there, so they are not even built.
    """

    __slots__ = ("size", "ceiling", "_heap")

    def __init__(self, size: int, ceiling: int | None = None):
        self.size = size
        self.ceiling = ceiling
        # A max-heap on rank (ranks negated), so the first entry is the one to evict.
        self._heap: list[tuple[int, int, int, Any]] = []

    def offer(self, rank: Rank, build: Callable[[], Any]) -> None:
        if self.ceiling is not None and rank[0] > self.ceiling:
            return
        heap = self._heap
        if len(heap) < self.size:
            heapq.heappush(heap, (-rank[0], -rank[1], -rank[2], build()))
            return
        if not heap or rank[0] > -heap[0][0]:
            return  # the common case once the sample is full, decided on the hash alone
        negated = (-rank[0], -rank[1], -rank[2])
        if negated > heap[0][:3]:
            heapq.heapreplace(heap, (*negated, build()))

    def bound(self) -> int | None:
        """When full, the largest hash kept: no offer hashed above it will ever be kept."""
        return -self._heap[0][0] if self._heap and len(self._heap) >= self.size else None

    def merge(self, other: "Reservoir", row_offset: int) -> None:
        """Take in everything ``other`` kept, its document rows shifted by ``row_offset``."""
        heap = self._heap
        for negated_hash, negated_row, negated_index, item in other._heap:
            if self.ceiling is not None and -negated_hash > self.ceiling:
                continue
            entry = (negated_hash, negated_row - row_offset, negated_index, item)
            if len(heap) < self.size:
                heapq.heappush(heap, entry)
            elif entry[:3] > heap[0][:3]:
                heapq.heapreplace(heap, entry)

    @property
    def items(self) -> list:
        """What the sample kept, in input order."""
        return [entry[3] for entry in sorted(self._heap, key=lambda e: (-e[1], -e[2]))]

    def __len__(self) -> int:
        return len(self._heap)


class ExampleReservoirs:
    """One reservoir per (group, example key), with an optional cap on how many cells exist at all.

    The cap matters for open-ended keys (one per actor): the corpus can name any number of
    actors, and memory must not grow with it. Cells beyond the cap simply get no examples.
    A partition's reservoirs have no cap, so that merging them applies the cap in input order;
    ``ceilings`` are the bounds of the reservoirs they will be merged into.
    """

    def __init__(self, per_cell: int, max_cells: int | None = 20_000,
                 ceilings: Mapping[tuple[str, str], int] | None = None):
        self.per_cell = per_cell
        self.max_cells = max_cells
        self._ceilings = ceilings or {}
        self._cells: dict[tuple[str, str], Reservoir] = {}

    def _cell(self, group: str, key: str) -> Reservoir | None:
        cell = self._cells.get((group, key))
        if cell is None:
            if self.max_cells is not None and len(self._cells) >= self.max_cells:
                return None
            cell = self._cells[(group, key)] = Reservoir(self.per_cell, self._ceilings.get((group, key)))
        return cell

    def offer(self, group: str, key: str, sentence: SentenceId, build: Callable[[], Example]) -> None:
        """Offer one sentence to a cell; ``build`` makes the Example only if it is kept."""
        if self.per_cell <= 0:
            return
        cell = self._cells.get((group, key))
        if cell is None:
            cell = self._cell(group, key)
        if cell is not None:
            cell.offer(rank(sentence, key), build)

    def merge(self, other: "ExampleReservoirs", row_offset: int) -> None:
        if self.per_cell <= 0:
            return
        for (group, key), theirs in other._cells.items():
            if not theirs:
                continue  # only a ceiling from this cell can have kept it empty
            cell = self._cell(group, key)
            if cell is not None:
                cell.merge(theirs, row_offset)

    def kept(self) -> "ExampleReservoirs":
        """The cells that kept something, without ceilings: what a partition sends back."""
        kept = ExampleReservoirs(self.per_cell, self.max_cells)
        kept._cells = {key: cell for key, cell in self._cells.items() if cell}
        return kept

    def bounds(self, limit: int = 2_000) -> dict[tuple[str, str], int]:
        """The ``bound()`` of the first ``limit`` full cells: ceilings for the next partition's reservoirs.

        The first cells are the busiest (every category and code appears early); the limit keeps
        what is sent with each task small when the corpus names thousands of actors.
        """
        found: dict[tuple[str, str], int] = {}
        for key, cell in self._cells.items():
            bound = cell.bound()
            if bound is not None:
                found[key] = bound
                if len(found) >= limit:
                    break
        return found

    def samples(self) -> dict[tuple[str, str], tuple[Example, ...]]:
        """Every cell's examples in a stable order (document, then sentence, then input order)."""
        return {
            key: tuple(sorted(cell.items, key=lambda e: (e.document_id, e.sentence_index)))
            for key, cell in self._cells.items()
        }
