"""How `framing compare` scales: memory per document while streaming, and the cost of the statistics.

    python benchmarks/bench_compare.py            # prints a table; about a minute on 2 cores

Documents are the synthetic outlets of tests/compare/corpus.py, analysed once and then
re-fed with new ids, so the numbers measure compare itself (aggregation, bootstrap,
permutation tests, log-odds), not the detectors (see `framing score` benchmarks for those).
"""

from __future__ import annotations

import copy
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.compare.aggregate import CompareAggregator  # noqa: E402
from framing.compare.comparison import summarise  # noqa: E402
from framing.compare.model import Settings  # noqa: E402
from framing.compare.naming_forms import NamingForms  # noqa: E402
from framing.loaders import make_document  # noqa: E402
from framing.pipeline import Analyzer  # noqa: E402
from tests.compare.corpus import records  # noqa: E402


def analysed_templates(analyzer: Analyzer) -> list[tuple[str, object]]:
    return [(r["outlet"], analyzer.analyze(make_document(r["text"], id=r["id"], meta={"outlet": r["outlet"]})))
            for r in records(12)]


def stream(templates, count: int) -> Iterator[tuple[str, object]]:
    """``count`` analysed documents, one at a time, as a reader of a large corpus would yield them."""
    for i in range(count):
        outlet, document = templates[i % len(templates)]
        copied = copy.copy(document)
        copied.id = f"{document.id}-{i}"
        yield outlet, copied


def measure(templates, naming: NamingForms, count: int, bootstrap: int, permutations: int) -> dict[str, float]:
    tracemalloc.start()
    started = time.perf_counter()
    aggregator = CompareAggregator(naming, examples=5, seed=0)
    for outlet, document in stream(templates, count):
        aggregator.add(outlet, document)
    aggregate = aggregator.finish()
    aggregated = time.perf_counter()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    settings = Settings("outlet", 0, bootstrap, permutations, 0.95, 10, 10, 5)
    summarise(aggregate, settings)
    done = time.perf_counter()
    return {"documents": count, "aggregate_s": aggregated - started, "statistics_s": done - aggregated,
            "peak_mb": peak / 1e6, "bytes_per_document": peak / count,
            "matrix_kb": (aggregate.matrix.data.nbytes + aggregate.matrix.indices.nbytes) / 1e3}


def main() -> None:
    analyzer = Analyzer(exclude=["classifier"])
    templates = analysed_templates(analyzer)
    naming = NamingForms(analyzer.lexicons.family("naming"))
    print(f"{'documents':>10} {'aggregate s':>12} {'stats s':>8} {'peak MB':>8} {'B/doc':>7} {'matrix kB':>10}")
    for count in (1_000, 4_000, 16_000):
        row = measure(templates, naming, count, bootstrap=1000, permutations=1000)
        print(f"{row['documents']:>10} {row['aggregate_s']:>12.2f} {row['statistics_s']:>8.2f} "
              f"{row['peak_mb']:>8.1f} {row['bytes_per_document']:>7.0f} {row['matrix_kb']:>10.0f}")


if __name__ == "__main__":
    main()
