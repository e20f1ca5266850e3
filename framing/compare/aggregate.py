"""Streaming aggregation: analysed Documents in, per-group counts and per-document rows out.

Memory does not grow with the text of the corpus. What is kept:

* one sparse row of counts per document (about 20-60 non-zero numbers, 16 bytes each with
  their row and column), which the bootstrap and the permutation test need: O(documents)
  small numbers, about 0.3 kB per document (benchmarks/bench_compare.py);
* a bounded sample of example sentences per (group, measure) cell and per group for terms;
* one bounded term counter per group for the log-odds (see logodds.BoundedTermCounter).

Documents are aggregated a partition at a time into a PartialAggregate, which can be built in
another process or on a dask worker, and partials are merged in input order. Every part of a
partial merges exactly (rows are renumbered, samples are order-independent, see examples.py),
so one process, a process pool and a cluster give the same Aggregate.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np
from scipy import sparse

from ..document import Document
from ..rules import RULES
from .asymmetry import VERB_CLASSES
from .examples import ExampleReservoirs, Reservoir, make_example, rank, sentence_id
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
#: The key the per-group sentence sample (examples for distinguishing terms) is ranked under.
TERM_SAMPLE_KEY = "\x00terms"
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


#: Documents per partial aggregate: the unit one task analyses and aggregates, and the points at
#: which term counters are trimmed. The same in every engine, so every engine gives the same result.
PARTITION_SIZE = 64


@dataclass(frozen=True)
class PartialAggregate:
    """One partition's counts, rows, example samples and term counts: what a worker sends back.

    Rows, columns and groups are numbered locally; ``CompareAggregator.merge`` renumbers them.
    """

    group_names: tuple[str, ...]
    columns: tuple[str, ...]
    document_groups: array
    entry_rows: array
    entry_columns: array
    entry_values: array
    naming_forms: dict[str, set[str]]
    actor_labels: dict[str, str]
    examples: ExampleReservoirs
    term_counts: dict[str, Counter]
    term_samples: dict[str, Reservoir]

    @property
    def documents(self) -> int:
        return len(self.document_groups)


class PartialAggregator:
    """Feed it (group, analysed Document) pairs of one partition; ``finish()`` gives its PartialAggregate."""

    def __init__(self, naming: NamingForms, *, examples: int = 5, seed: int = 0, term_sample: int = 300,
                 example_ceilings: Mapping[tuple[str, str], int] | None = None,
                 term_sample_ceilings: Mapping[str, int] | None = None):
        self.naming = naming
        self.seed = seed
        self.columns = ColumnIndex()
        self._group_index: dict[str, int] = {}
        self._document_groups = array("i")
        self._rows, self._columns, self._values = array("i"), array("i"), array("d")
        self._naming_forms: dict[str, set[str]] = {}
        self._actor_labels: dict[str, str] = {}
        self._reservoirs = ExampleReservoirs(examples, max_cells=None, ceilings=example_ceilings)
        self._term_counts: dict[str, Counter] = {}
        self._term_samples: dict[str, Reservoir] = {}
        self._term_sample_size = term_sample
        self._term_sample_ceilings = term_sample_ceilings or {}

    @property
    def documents(self) -> int:
        return len(self._document_groups)

    def add(self, group: str, document: Document) -> None:
        if group not in self._group_index:
            self._group_index[group] = len(self._group_index)
            self._term_counts[group] = Counter()
            self._term_samples[group] = Reservoir(self._term_sample_size, self._term_sample_ceilings.get(group))
        row = len(self._document_groups)
        self._document_groups.append(self._group_index[group])
        observation = observe(document, self.naming)
        for name, value in observation.counts.items():
            if value:
                self._rows.append(row)
                self._columns.append(self.columns.index(name))
                self._values.append(float(value))
        for group_key, forms in observation.naming_forms.items():
            self._naming_forms.setdefault(group_key, set()).update(forms)
        for key, label in observation.actor_labels.items():
            self._actor_labels.setdefault(key, label)
        ids = {s.index: sentence_id(self.seed, document.id, row, s.index) for s in document.sentences}
        for sentence, keys in observation.sentence_keys:
            for key, spans in keys.items():
                self._reservoirs.offer(group, key, ids[sentence.index],
                                       lambda s=sentence, sp=spans: make_example(document, s, sp))
        terms, sample = self._term_counts[group], self._term_samples[group]
        for sentence in document.sentences:
            terms.update(gram for gram, _, _ in ngrams(document.prose[sentence.start:sentence.end]))
            sample.offer(rank(ids[sentence.index], TERM_SAMPLE_KEY), lambda s=sentence: make_example(document, s))

    def finish(self) -> PartialAggregate:
        return PartialAggregate(
            group_names=tuple(self._group_index), columns=tuple(self.columns.names),
            document_groups=self._document_groups, entry_rows=self._rows, entry_columns=self._columns,
            entry_values=self._values, naming_forms=self._naming_forms, actor_labels=self._actor_labels,
            examples=self._reservoirs.kept(), term_counts=self._term_counts, term_samples=self._term_samples,
        )


class CompareAggregator:
    """Combines partial aggregates, in input order, into one Aggregate.

    Either feed it (group, analysed Document) pairs with ``add`` (it builds a partial every
    PARTITION_SIZE documents itself) or ``merge`` partials built elsewhere, one per partition of
    PARTITION_SIZE documents, in input order; both give the same Aggregate. Call ``finish()`` once.
    """

    def __init__(self, naming: NamingForms, *, examples: int = 5, seed: int = 0, term_sample: int = 300,
                 max_terms: int = 200_000):
        self.naming = naming
        self._settings = {"examples": examples, "seed": seed, "term_sample": term_sample}
        self.columns = ColumnIndex()
        self.group_names: list[str] = []
        self._group_index: dict[str, int] = {}
        self._document_groups = array("i")
        self._row_of_entry = array("i")
        self._column_of_entry = array("i")
        self._value_of_entry = array("d")
        self._reservoirs = ExampleReservoirs(examples)
        self._term_counts: dict[str, BoundedTermCounter] = {}
        self._term_samples: dict[str, Reservoir] = {}
        self._term_sample_size = term_sample
        self._max_terms = max_terms
        self._naming_forms: dict[str, set[str]] = {}
        self._actor_labels: dict[str, str] = {}
        self._pending: PartialAggregator | None = None

    @property
    def documents(self) -> int:
        return len(self._document_groups) + (self._pending.documents if self._pending else 0)

    def partial_options(self) -> dict[str, Any]:
        """What a PartialAggregator for the next partition needs besides the naming forms (sent to workers).

        The ceilings let it skip sentences that the samples kept so far already rule out; a
        partial built with older ceilings merges to the same result, only less cheaply.
        """
        return {**self._settings, "example_ceilings": self._reservoirs.bounds(),
                "term_sample_ceilings": {group: bound for group, sample in self._term_samples.items()
                                         if (bound := sample.bound()) is not None}}

    def add(self, group: str, document: Document) -> None:
        if self._pending is None:
            self._pending = PartialAggregator(self.naming, **self.partial_options())
        self._pending.add(group, document)
        if self._pending.documents >= PARTITION_SIZE:
            self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.merge(pending.finish())

    def _group(self, name: str) -> int:
        if name not in self._group_index:
            self._group_index[name] = len(self.group_names)
            self.group_names.append(name)
            self._term_counts[name] = BoundedTermCounter(self._max_terms)
            self._term_samples[name] = Reservoir(self._term_sample_size)
        return self._group_index[name]

    def merge(self, partial: PartialAggregate) -> None:
        """Append the next partition's documents (after everything added or merged so far)."""
        self._flush()
        offset = len(self._document_groups)
        groups = [self._group(name) for name in partial.group_names]
        columns = [self.columns.index(name) for name in partial.columns]
        self._document_groups.extend(groups[g] for g in partial.document_groups)
        self._row_of_entry.extend(row + offset for row in partial.entry_rows)
        self._column_of_entry.extend(columns[c] for c in partial.entry_columns)
        self._value_of_entry.extend(partial.entry_values)
        for group_key, forms in partial.naming_forms.items():
            self._naming_forms.setdefault(group_key, set()).update(forms)
        for key, label in partial.actor_labels.items():
            self._actor_labels.setdefault(key, label)
        self._reservoirs.merge(partial.examples, offset)
        for group, counts in partial.term_counts.items():
            self._term_counts[group].update(counts)
        for group, sample in partial.term_samples.items():
            self._term_samples[group].merge(sample, offset)

    def finish(self) -> Aggregate:
        self._flush()
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
