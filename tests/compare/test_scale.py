"""compare at scale: partials merge exactly, and a process pool and a dask cluster give the single-process report."""

from __future__ import annotations

import json
import pickle
import random

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.compare.aggregate import PARTITION_SIZE, CompareAggregator, PartialAggregator
from framing.compare.distributed import MIN_POOL_DOCUMENTS, aggregate_partition, naming_forms
from framing.compare.examples import Reservoir, rank, sentence_id
from framing.compare.grouping import iter_inputs
from framing.compare.naming_forms import NamingForms
from framing.parallel import chunked

from .corpus import write_jsonl

QUICK = ["--no-classifier", "--bootstrap", "50", "--permutations", "50", "--format", "json"]
PER_OUTLET = 90  # 180 documents: three partitions, enough for the pool
LATE_OUTLET = "Valley Times"  # appears only at the end, so partials meet a new group and new columns


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = write_jsonl(tmp_path_factory.mktemp("scale") / "corpus.jsonl", per_outlet=PER_OUTLET)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
        for i in range(3):
            text = f"Crews in Kiev said on day {i} that the Port Authority claimed the ferry was safe."
            handle.write(json.dumps({"id": f"late-{i}", "outlet": LATE_OUTLET, "text": text}) + "\n")
    assert 2 * PER_OUTLET > max(MIN_POOL_DOCUMENTS, 2 * PARTITION_SIZE)
    return path


def _report(*args: str) -> dict:
    result = CliRunner().invoke(app, ["compare", *args, *QUICK])
    assert result.exit_code == 2, result.output  # the report is written; exit 2 says "{broken" was skipped
    return json.loads(result.stdout)


def _same_aggregate(a, b) -> None:
    assert a.group_names == b.group_names and a.columns == b.columns
    assert (a.matrix != b.matrix).nnz == 0 and (a.document_groups == b.document_groups).all()
    assert (a.naming_forms, a.naming_labels, a.actor_labels) == (b.naming_forms, b.naming_labels, b.actor_labels)
    assert a.examples == b.examples and a.term_samples == b.term_samples and a.term_counts == b.term_counts


def _pairs(corpus):
    return [item for item in iter_inputs([corpus], "outlet") if isinstance(item, tuple)]


@pytest.fixture(scope="module")
def analysed(corpus, test_analyzer):
    return [(group, test_analyzer.analyze(document)) for group, document in _pairs(corpus)]


def _aggregate_by_add(pairs, naming, **settings):
    aggregator = CompareAggregator(naming, **settings)
    for group, document in pairs:
        aggregator.add(group, document)
    return aggregator.finish()


def test_partials_merged_in_input_order_equal_one_partial_of_the_whole_corpus(analysed, test_analyzer):
    naming = naming_forms(test_analyzer)
    whole = PartialAggregator(naming, examples=2, seed=7, term_sample=5)
    for group, document in analysed:
        whole.add(group, document)
    at_once = CompareAggregator(naming, examples=2, seed=7, term_sample=5)
    at_once.merge(whole.finish())
    by_partition = _aggregate_by_add(analysed, naming, examples=2, seed=7, term_sample=5)
    assert by_partition.group_names[-1] == LATE_OUTLET  # first seen in the last partition
    _same_aggregate(at_once.finish(), by_partition)


def test_trimmed_term_counts_and_stale_ceilings_still_merge_exactly(analysed, test_analyzer):
    naming = naming_forms(test_analyzer)
    settings = {"examples": 2, "seed": 7, "term_sample": 5, "max_terms": 40}
    merged = CompareAggregator(naming, **settings)
    stale = merged.partial_options()  # ceilings older than the partition only prune less
    for i, partition in enumerate(chunked(analysed, PARTITION_SIZE)):
        partial = PartialAggregator(naming, **(stale if i % 2 else merged.partial_options()))
        for group, document in partition:
            partial.add(group, document)
        merged.merge(partial.finish())
    result = merged.finish()
    assert all(len(counts) <= 40 for counts in result.term_counts.values())
    _same_aggregate(result, _aggregate_by_add(analysed, naming, **settings))


def test_a_sample_keeps_the_same_sentences_whatever_order_they_arrive_in():
    ids = [sentence_id(3, f"doc-{row % 17}", row, index) for row in range(60) for index in range(4)]
    samples = []
    for order in range(3):
        shuffled = ids[:]
        random.Random(order).shuffle(shuffled)
        sample = Reservoir(7)
        for sid in shuffled:
            sample.offer(rank(sid, "code:L001"), lambda sid=sid: sid)
        samples.append(sample.items)
    assert samples[0] == samples[1] == samples[2]
    assert samples[0] == sorted(samples[0], key=lambda sid: (sid[1], sid[2]))  # kept in input order


def test_a_partition_task_sends_back_counts_and_examples_never_documents(corpus):
    partial = aggregate_partition(_pairs(corpus)[:PARTITION_SIZE], {"exclude": ["classifier"]},
                                  CompareAggregator(NamingForms([])).partial_options())
    assert partial.documents == PARTITION_SIZE
    assert b"framing.document" not in pickle.dumps(partial)


def test_jobs_and_a_dask_cluster_give_the_single_process_report(corpus):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    single = _report(str(corpus), "-j", "1")
    assert single["skipped"] == 1 and single["corpus"]["documents"] == 2 * PER_OUTLET + 3
    assert _report(str(corpus), "-j", "2") == single
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = _report(str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert on_dask == single
