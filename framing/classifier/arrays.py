"""numpy helpers for the classifier: grouping keys, top values per segment, an integer hash map, growing arrays.

Each replaces a general tool (``np.unique``, a full sort, a Python dict, ``np.concatenate`` per
batch) with one that fits how the classifier's arrays come: in sentence order, a few values wanted
per sentence, keys looked up a whole batch at a time.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np


class IntMap:
    """Non-negative int64 keys -> int64 values in an open-addressing hash table, looked up for a whole
    array at once: a few gathers per key, where a sorted array needs a binary search per key."""

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of key * 2**64/phi

    def __init__(self, items: Mapping[int, int]):
        bits = max(4, (4 * len(items)).bit_length())  # at most a quarter full: probe sequences stay short
        self._mask = (1 << bits) - 1
        self._shift = np.uint64(64 - bits)
        keys, values = [-1] * (1 << bits), [-1] * (1 << bits)
        slots = self._slots(np.fromiter(items.keys(), np.int64, len(items))).tolist()
        for (key, value), slot in zip(items.items(), slots):
            while keys[slot] != -1:  # linear probing
                slot = (slot + 1) & self._mask
            keys[slot], values[slot] = key, value
        self._keys = np.asarray(keys, dtype=np.int64)
        self._values = np.asarray(values, dtype=np.int64)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * self._MULTIPLIER) >> self._shift).astype(np.int64)

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The value of each key, -1 for a key not in the map."""
        result = np.full(len(keys), -1, dtype=np.int64)
        pending = np.arange(len(keys))
        slots = self._slots(keys)
        while len(pending):  # each round settles every key whose probe reached it or an empty slot
            found = self._keys[slots]
            hit = found == keys[pending]
            result[pending[hit]] = self._values[slots[hit]]
            going = ~hit & (found != -1)
            pending, slots = pending[going], (slots[going] + 1) & self._mask
        return result


def gather(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indices of the concatenated slices ``starts[i] : starts[i] + lengths[i]``."""
    total = int(lengths.sum())
    return np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(total, dtype=np.int64)


class Growing:
    """A numpy array to append to: capacity doubles, so appending costs constant time per value."""

    def __init__(self, dtype: Any = np.int64):
        self._buffer = np.zeros(1024, dtype=dtype)
        self._size = 0

    @property
    def values(self) -> np.ndarray:
        return self._buffer[: self._size]

    def extend(self, values: Any) -> None:
        values = np.asarray(values, dtype=self._buffer.dtype)
        end = self._size + len(values)
        if end > len(self._buffer):
            buffer = np.zeros(max(end, 2 * len(self._buffer)), dtype=self._buffer.dtype)
            buffer[: self._size] = self.values
            self._buffer = buffer
        self._buffer[self._size : end] = values
        self._size = end


def group_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, return_inverse=True)``, faster on keys that come in sorted runs.

    Keys here are (sentence, something) pairs in sentence order, so the stable sort (timsort, which
    merges runs) takes a fraction of the time of ``np.unique``'s quicksort.
    """
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def segment_top(values: np.ndarray, counts: np.ndarray, depth: int) -> list[np.ndarray]:
    """The positions of the ``depth`` largest values of every segment (consecutive runs of ``counts[i]``
    values): one array per rank, best first, in segment order; among equal values the earlier position
    wins, and a segment shorter than ``depth`` is missing from the later ranks.

    Picking every segment's best remaining value ``depth`` times (``reduceat`` over the segments) is
    linear; sorting all values, when only a few per segment are wanted, is not.
    """
    counts = counts[counts > 0]
    if not len(counts):
        return [np.zeros(0, dtype=np.int64) for _ in range(depth)]
    starts = np.cumsum(counts) - counts
    remaining = values.astype(np.float64)  # a copy: a picked value becomes -inf (values are finite)
    positions = np.arange(len(values), dtype=np.int64)
    none = len(values)
    picks = []
    for _ in range(depth):
        best = np.maximum.reduceat(remaining, starts)
        first = np.minimum.reduceat(np.where(remaining == np.repeat(best, counts), positions, none), starts)
        first = first[best > -np.inf]  # a segment with every value picked has nothing left
        picks.append(first)
        remaining[first] = -np.inf
    return picks
