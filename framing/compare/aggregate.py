"""Streaming aggregation: analysed Documents in, per-group counts and per-document rows out.

Memory does not grow with the text of the corpus. What is kept:

* one sparse row of counts per document (about 20-60 non-zero numbers, 16 bytes each with
  their row and column), which the bootstrap and the permutation test need: O(documents)
  small numbers, about 0.3 kB per document (benchmarks/bench_compare.py);
* a bounded sample of example sentences per (group, measure) cell and per group for terms;
* one bounded term counter per group for the log-odds (see logodds.BoundedTermCounter).
"""

from __future__ import annotations

import random
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np
from scipy import sparse

from ..document import Document
from ..rules import RULES
from .asymmetry import VERB_CLASSES
from .examples import ExampleReservoirs, Reservoir, make_example
from .logodds import BoundedTermCounter, ngrams
from .model import Example, GroupSummary
from .naming_forms import NamingForms
from .observe import (
    ATTRIBUTED, ATTRIBUTIONS, BIAS_SENTENCES, BIAS_SUM, DOCUMENTS, QUOTATIONS, READABLE_SENTENCES,
    READABLE_WORDS, SENTENCES, SOURCE_TYPES, SYLLABLES, WORDS, category_column, code_column, observe,
    source_type_column, verb_class_column,
)

CATEGORIES = tuple(dict.fromkeys(rule.category for rule in RULES.values()))
CODES = tuple(RULES)
#: Columns every comparison has, in a fixed order, whether or not the corpus uses them.
FIXED_COLUMNS = (
    DOCUMENTS, SENTENCES, WORDS, ATTRIBUTED, ATTRIBUTIONS, QUOTATIONS,
    READABLE_SENTENCES, READABLE_WORDS, SYLLABLES, BIAS_SUM, BIAS_SENTENCES,
    *(category_column(c) for c in CATEGORIES), *(code_column(c) for c in CODES),
    *(source_type_column(t) for t in SOURCE_TYPES), *(verb_class_column(k) for k in VERB_CLASSES),
)


class ColumnIndex:
    """Column name -> position; grows when a document names a new naming form or actor."""

    def __init__(self, names: Iterable[str] = FIXED_COLUMNS):
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        for name in names:
            self.index(name)

    def index(self, name: str) -> int:
        position = self._index.get(name)
        if position is None:
            position = self._index[name] = len(self.names)
            self.names.append(name)
        return position

    def get(self, name: str) -> int | None:
        return self._index.get(name)

    def __len__(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class Aggregate:
    """Everything the statistics need, after the stream has been read once."""

    group_names: tuple[str, ...]
    columns: tuple[str, ...]
    #: documents x columns, one sparse row per document.
    matrix: sparse.csr_matrix
    #: group index of each document row.
    document_groups: np.ndarray
    #: naming group -> forms seen (form keys); form or group key -> how to print it.
    naming_forms: Mapping[str, tuple[str, ...]]
    naming_labels: Mapping[str, str]
    #: actor key -> how the corpus first wrote the actor.
    actor_labels: Mapping[str, str]
    examples: Mapping[tuple[str, str], tuple[Example, ...]]
    term_counts: Mapping[str, Counter]
    term_samples: Mapping[str, tuple[Example, ...]]

    def column(self, name: str) -> int | None:
        if not hasattr(self, "_positions"):
            # A frozen dataclass can still cache a derived lookup table.
            object.__setattr__(self, "_positions", {n: i for i, n in enumerate(self.columns)})
        return self._positions.get(name)  # type: ignore[attr-defined]

    def rows_of(self, group: str) -> sparse.csr_matrix:
        return self.matrix[np.flatnonzero(self.document_groups == self.group_names.index(group))]

    def summary(self, group: str | None = None) -> GroupSummary:
        """Totals of one group, or of the whole corpus when ``group`` is None."""
        rows = self.matrix if group is None else self.rows_of(group)
        totals = np.asarray(rows.sum(axis=0)).ravel() if rows.shape[0] else np.zeros(len(self.columns))
        counts = {name: _plain(value) for name, value in zip(self.columns, totals) if value}
        return GroupSummary(name=group if group is not None else "(all)", documents=int(counts.get(DOCUMENTS, 0)),
                            sentences=int(counts.get(SENTENCES, 0)), words=int(counts.get(WORDS, 0)), counts=counts)


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


class CompareAggregator:
    """Feed it (group, analysed Document) pairs one at a time; call ``finish()`` once at the end."""

    def __init__(self, naming: NamingForms, *, examples: int = 5, seed: int = 0, term_sample: int = 300,
                 max_terms: int = 200_000):
        self.naming = naming
        self.columns = ColumnIndex()
        self.group_names: list[str] = []
        self._group_index: dict[str, int] = {}
        self._document_groups = array("i")
        self._row_of_entry = array("i")
        self._column_of_entry = array("i")
        self._value_of_entry = array("d")
        self._reservoirs = ExampleReservoirs(examples, seed)
        self._term_counts: dict[str, BoundedTermCounter] = {}
        self._term_samples: dict[str, Reservoir] = {}
        self._term_rng = random.Random(seed + 1)
        self._term_sample_size = term_sample
        self._max_terms = max_terms
        self._naming_forms: dict[str, set[str]] = {}
        self._actor_labels: dict[str, str] = {}

    @property
    def documents(self) -> int:
        return len(self._document_groups)

    def add(self, group: str, document: Document) -> None:
        if group not in self._group_index:
            self._group_index[group] = len(self.group_names)
            self.group_names.append(group)
            self._term_counts[group] = BoundedTermCounter(self._max_terms)
            self._term_samples[group] = Reservoir(self._term_sample_size)
        row = len(self._document_groups)
        self._document_groups.append(self._group_index[group])
        observation = observe(document, self.naming)
        for name, value in observation.counts.items():
            if value:
                self._row_of_entry.append(row)
                self._column_of_entry.append(self.columns.index(name))
                self._value_of_entry.append(float(value))
        for group_key, forms in observation.naming_forms.items():
            self._naming_forms.setdefault(group_key, set()).update(forms)
        for key, label in observation.actor_labels.items():
            self._actor_labels.setdefault(key, label)
        for sentence, keys in observation.sentence_keys:
            for key, spans in keys.items():
                self._reservoirs.offer(group, key, lambda s=sentence, sp=spans: make_example(document, s, sp))
        terms = self._term_counts[group]
        for sentence in document.sentences:
            prose = document.prose[sentence.start:sentence.end]
            terms.update(gram for gram, _, _ in ngrams(prose))
            self._term_samples[group].offer(lambda s=sentence: make_example(document, s), self._term_rng)

    def finish(self) -> Aggregate:
        shape = (len(self._document_groups), len(self.columns))
        matrix = sparse.csr_matrix(
            (np.frombuffer(self._value_of_entry, dtype=float),
             (np.frombuffer(self._row_of_entry, dtype=np.int32), np.frombuffer(self._column_of_entry, dtype=np.int32))),
            shape=shape,
        )
        naming_keys = set(self._naming_forms).union(*self._naming_forms.values()) if self._naming_forms else set()
        return Aggregate(
            group_names=tuple(self.group_names),
            columns=tuple(self.columns.names),
            matrix=matrix,
            document_groups=np.frombuffer(self._document_groups, dtype=np.int32).copy(),
            naming_forms={group: tuple(sorted(forms)) for group, forms in sorted(self._naming_forms.items())},
            naming_labels={key: self.naming.label(key) for key in sorted(naming_keys)},
            actor_labels=dict(self._actor_labels),
            examples=self._reservoirs.samples(),
            term_counts={group: counter.counts for group, counter in self._term_counts.items()},
            term_samples={group: tuple(r.items) for group, r in self._term_samples.items()},
        )
