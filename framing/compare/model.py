"""The result of `framing compare`: plain frozen data that every renderer reads and none recomputes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: Version of the JSON layout written by render_json (bump on any incompatible change).
COMPARE_SCHEMA_VERSION = "1.0"
#: Difference.warning when neither group has a single occurrence: there is nothing to test.
NO_OCCURRENCES = "no occurrences in either group"


@dataclass(frozen=True)
class Example:
    """A sentence behind a number: where it comes from and which spans in it were counted."""

    document_id: str
    sentence_index: int
    text: str
    #: (start, end) offsets into ``text`` of the counted signal(s), end exclusive.
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Measure:
    """One statistic computed for every group from summed per-document counts.

    ``formula`` "ratio" is ``scale * sum(numerator columns) / sum(denominator columns)``;
    the readability formulas read (sentences, words, syllables) from ``numerator``.
    """

    key: str
    section: str
    label: str
    unit: str
    numerator: tuple[int, ...]
    denominator: tuple[int, ...]
    scale: float = 1.0
    formula: str = "ratio"
    #: A share of events (mentions, attributions): small denominators get a warning.
    is_share: bool = False
    #: Which example reservoir shows the sentences behind the number.
    example_key: str | None = None
    #: Shown in the terminal's default view (everything is in JSON, CSV, Markdown and HTML).
    compact: bool = True


@dataclass(frozen=True)
class Estimate:
    """A measure's value for one group, its bootstrap interval and the counts it rests on."""

    value: float | None
    low: float | None
    high: float | None
    numerator: float
    denominator: float
    documents: int
    #: Set when the sample is too small for a trustworthy interval; renderers show it instead.
    warning: str | None = None


@dataclass(frozen=True)
class Difference:
    """group_a minus group_b for one measure: bootstrap interval and permutation-test p-value."""

    measure: str
    group_a: str
    group_b: str
    difference: float | None
    low: float | None
    high: float | None
    p_value: float | None
    #: Benjamini-Hochberg adjusted p-value over every test in the report.
    q_value: float | None = None
    warning: str | None = None


@dataclass(frozen=True)
class GroupSummary:
    """Raw totals for one group (or the whole corpus): documents, sentences, words and every count."""

    name: str
    documents: int
    sentences: int
    words: int
    #: Column name ("code:L001", "naming:kyiv:kiev", ...) to summed count.
    counts: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class DistinguishingTerm:
    """A word or bigram that distinguishes a group from the rest (weighted log-odds, informative prior)."""

    term: str
    z: float
    log_odds: float
    count: int
    rest_count: int
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class ActorProfile:
    """How one group attributes one actor's statements: counts and shares per verb class."""

    group: str
    actor: str
    label: str
    total: int
    counts: Mapping[str, int]
    #: verb class -> measure key of its share (look the estimate up in Comparison.estimates).
    share_measures: Mapping[str, str]


@dataclass(frozen=True)
class AsymmetryGap:
    """Within one group, the two actors whose doubt-casting shares differ most, with an interval."""

    group: str
    verb_class: str
    actor_high: str
    actor_low: str
    difference: float
    low: float | None
    high: float | None
    warning: str | None = None


@dataclass(frozen=True)
class Settings:
    group_by: str
    seed: int
    bootstrap: int
    permutations: int
    confidence: float
    min_documents: int
    min_events: int
    examples: int


@dataclass(frozen=True)
class Comparison:
    """Everything `framing compare` reports, for any number of groups."""

    settings: Settings
    groups: tuple[GroupSummary, ...]
    corpus: GroupSummary
    measures: tuple[Measure, ...]
    #: group name -> measure key -> estimate.
    estimates: Mapping[str, Mapping[str, Estimate]]
    differences: tuple[Difference, ...]
    distinguishing_terms: Mapping[str, tuple[DistinguishingTerm, ...]]
    actors: tuple[ActorProfile, ...]
    gaps: tuple[AsymmetryGap, ...]
    #: (group, example key) -> example sentences.
    examples: Mapping[tuple[str, str], tuple[Example, ...]]
    warnings: tuple[str, ...] = ()
    #: Inputs or records that could not be read (at most the first 1,000 are kept).
    errors: tuple[str, ...] = ()
    skipped: int = 0

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.groups)

    def measure(self, key: str) -> Measure:
        for measure in self.measures:
            if measure.key == key:
                return measure
        raise KeyError(key)

    def estimate(self, group: str, key: str) -> Estimate:
        return self.estimates[group][key]

    def difference(self, key: str, group_a: str, group_b: str) -> Difference | None:
        for diff in self.differences:
            if diff.measure == key and diff.group_a == group_a and diff.group_b == group_b:
                return diff
        return None

    def is_empty(self, measure: Measure) -> bool:
        """True when no group has a single occurrence of what the measure counts."""
        return measure.formula == "ratio" and all(
            self.estimates[g.name][measure.key].numerator == 0 for g in self.groups)

    def sections(self, skip_empty: bool = False) -> list[tuple[str, list[Measure]]]:
        """Measures grouped by section, in report order; optionally without measures nobody used."""
        order: dict[str, list[Measure]] = {}
        for measure in self.measures:
            if skip_empty and self.is_empty(measure):
                continue
            order.setdefault(measure.section, []).append(measure)
        return list(order.items())

    def empty_measures(self) -> list[Measure]:
        return [m for m in self.measures if self.is_empty(m)]

    def to_dict(self) -> dict[str, Any]:
        from .render_json import comparison_to_dict

        return comparison_to_dict(self)
