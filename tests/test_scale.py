"""Corpus scale: process pool, dask cluster and Parquet give the same results as one process."""

import json

import pytest
from typer.testing import CliRunner

import framing
from framing.cli import app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    outlets = ["Morning Ledger", "Evening Post"]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(60):
            text = (f"Officials in Kiev reportedly said on day {i} that talks would resume. "
                    f"The ministry claimed {i} drones were shot down. “We will hold,” said Gen. Ivan Sirko. "
                    f"Critics slammed the radical plan number {i}.")
            if i == 7:
                handle.write("{broken\n")
            handle.write(json.dumps({"id": f"a{i}", "outlet": outlets[i % 2], "text": text}) + "\n")
    return path


def _dicts(items):
    return [item.to_dict() if hasattr(item, "to_dict") else str(item) for item in items]


def test_process_pool_output_equals_single_process_in_order(corpus):
    single = _dicts(framing.analyze_files([corpus], jobs=1, exclude=["classifier"]))
    pooled = _dicts(framing.analyze_files([corpus], jobs=2, exclude=["classifier"]))
    assert pooled == single
    assert len(single) == 61 and isinstance(single[7], str) and ":8:" in single[7]


def test_dask_local_cluster_equals_single_process(corpus):
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from framing.engines.dask import analyze_with_dask
    from framing.loaders import iter_documents

    single = _dicts(framing.analyze_files([corpus], jobs=1, exclude=["classifier"]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = _dicts(analyze_with_dask(iter_documents([str(corpus)]), {"exclude": ["classifier"]}, client,
                                           partition_size=8))
    assert on_dask == single


def test_parquet_round_trip_and_gzip_input(corpus, tmp_path):
    pytest.importorskip("pyarrow")
    import gzip

    import pyarrow.parquet as pq

    gz = tmp_path / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(corpus.read_bytes()))
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(app, ["score", str(gz), "--format", "parquet", "--output", str(out),
                                      "--no-classifier", "-j", "1"])
    assert result.exit_code == 2, result.output  # written all the same; exit 2 reports the one broken line
    table = pq.read_table(out)
    assert table.num_rows == 60
    assert table.column("outlet").to_pylist()[:2] == ["Morning Ledger", "Evening Post"]
    report = json.loads(table.column("report")[0].as_py())
    assert report["id"] == "a0"

    source = tmp_path / "in.parquet"
    import pyarrow as pa

    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Kiev said so.", "Fine."], "outlet": ["X", "Y"]}), source)
    items = list(framing.analyze_files([source], exclude=["classifier"]))
    assert [d.id for d in items] == ["p1", "p2"]
    assert items[0].findings[0].code == "N001"


def test_batched_analysis_equals_one_document_at_a_time(corpus):
    """The classifier scores a batch of documents in one call; every number must match scoring them alone."""
    from framing.document import RecordError
    from framing.loaders import iter_documents
    from framing.pipeline import Analyzer

    analyzer = Analyzer()
    alone = [analyzer.analyze(item).to_dict() for item in iter_documents([str(corpus)])
             if not isinstance(item, RecordError)]
    batched = [item.to_dict() for item in analyzer.analyze_all(iter_documents([str(corpus)]), batch_size=16)
               if not isinstance(item, RecordError)]
    assert batched == alone
    assert all("bias_probability" in s for d in alone for s in d["sentences"])
