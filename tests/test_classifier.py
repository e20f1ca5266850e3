"""The bias classifier: shipped model, training end to end, evaluation arithmetic, hostile model files."""

from __future__ import annotations

import gzip
import json
import math
import os
import pickle
import time
from pathlib import Path

import numpy as np
import pytest

from framing.classifier.evaluate import binary_metrics, reliability_bins, roc_auc
from framing.classifier.features import TfidfBlock, signals_for_texts
from framing.classifier.model import BiasModel, ModelLoadError, default_model_path, load_model
from framing.classifier.train import Dataset, TrainConfig, fit_model, read_dataset

from .conftest import SEED

LOADED = [
    "The radical mob shamelessly smeared the hero with vicious lies.",
    "Pathetic, corrupt elites are ramming their disastrous agenda down our throats.",
    "The senator's outrageous stunt was a disgraceful attack on hardworking families.",
    "Extremist zealots launched a hysterical crusade against common sense.",
    "The regime's brutal thugs terrorized innocent protesters.",
    "This insane, reckless scheme will destroy the economy.",
]
NEUTRAL = [
    "The committee will meet on Tuesday to discuss the budget.",
    "The company reported quarterly revenue of $2 billion.",
    "The bill passed the House by a vote of 220 to 210.",
    "Officials said the bridge would reopen in March.",
    "The survey was conducted among 1,000 adults in May.",
    "The court is expected to rule on the case next year.",
]


def seed_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [line.strip() for line in text.replace(". ", ".\n").splitlines() if line.strip()]


def synthetic_rows(copies: int = 4) -> list[dict[str, str]]:
    rows = []
    for k in range(copies):
        for i, sentence in enumerate(LOADED):
            rows.append({"text": f"{sentence} (item {k})", "label_bias": "Biased", "news_link": f"a{i}-{k % 2}",
                         "biased_words": str(sentence.lower().split()[1:3]),
                         "label_opinion": "No agreement" if i == 0 else "Expresses writer’s opinion"})
        for i, sentence in enumerate(NEUTRAL):
            rows.append({"text": f"{sentence} (item {k})", "label_bias": "Non-biased", "news_link": f"b{i}-{k % 2}",
                         "biased_words": "[]", "label_opinion": "Entirely factual"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ";") -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


TINY_CONFIG = TrainConfig(embeddings="none", valence="none", C_grid=(1.0,), inner_folds=3)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> BiasModel:
    path = write_csv(tmp_path_factory.mktemp("data") / "tiny.csv", synthetic_rows())
    return fit_model(read_dataset(path), TINY_CONFIG)


@pytest.fixture(scope="module")
def tiny_model_dict(tiny_model) -> dict:
    return json.loads(json.dumps(tiny_model.to_dict()))


# --------------------------------------------------------------------------- shipped model

def test_shipped_model_loads_fast_and_is_small():
    path = default_model_path()
    assert path.stat().st_size < 20 * 1024 * 1024
    seconds = []
    for _ in range(3):  # the best of three, so that a busy machine does not fail the test
        start = time.perf_counter()
        model = load_model(path)
        seconds.append(time.perf_counter() - start)
    assert min(seconds) < 1.0
    assert model.labels == ("Non-biased", "Biased")


def test_shipped_model_predicts_deterministically_and_ranks_loaded_wording_higher():
    model = load_model(default_model_path())
    first = model.predict_proba(LOADED + NEUTRAL)
    second = load_model(default_model_path()).predict_proba(list(reversed(LOADED + NEUTRAL)))[::-1]
    np.testing.assert_array_equal(first, second)
    assert np.all((first > 0) & (first < 1))
    assert first[: len(LOADED)].mean() > first[len(LOADED):].mean() + 0.3


def test_pipeline_sets_probability_and_terms_on_every_sentence_and_c001_only_above_threshold():
    import framing
    from framing.detectors.classifier import DEFAULT_THRESHOLD

    document = framing.analyze(" ".join([LOADED[0], NEUTRAL[0], LOADED[1]]))
    assert len(document.sentences) == 3
    for sentence in document.sentences:
        probability = sentence.details["bias_probability"]
        assert 0 <= probability <= 1
        assert set(sentence.details["bias_terms"]) == {"up", "down"}
        flagged = any(f.code == "C001" for f in sentence.findings)
        assert flagged == (probability >= DEFAULT_THRESHOLD)
    assert document.sentences[0].details["bias_probability"] > document.sentences[1].details["bias_probability"]


def test_detector_reuses_pipeline_findings_as_the_training_signals():
    import framing

    sentence = "Critics slammed the senator, who reportedly claimed the radical plan was clearly a success."
    document = framing.analyze(sentence)
    model = load_model(default_model_path())
    expected = model.predict_proba([sentence], signals_for_texts([sentence]))[0]
    assert document.sentences[0].details["bias_probability"] == pytest.approx(expected, abs=1e-4)


def test_signal_array_gives_the_same_features_as_signals_of_sentence():
    import framing
    from framing.classifier.features import signal_array, signals_of_sentence

    document = framing.analyze(SEED.read_text(encoding="utf-8"))
    sentences = document.sentences
    texts = [sentence.text for sentence in sentences]
    model = load_model(default_model_path())
    batch = model.featurizer.batch(texts)
    from_dicts = model.featurizer.dense(batch, model.dense_names, [signals_of_sentence(s) for s in sentences])
    from_array = model.featurizer.dense(batch, model.dense_names, signal_array(sentences))
    assert np.count_nonzero(from_array[:, [j for j, n in enumerate(model.dense_names) if n.startswith("signal:")]])
    np.testing.assert_array_equal(from_array, from_dicts)


def test_explanations_name_the_loaded_words():
    model = load_model(default_model_path())
    (explanation,) = model.explain(["The radical mob shamelessly smeared the hero with vicious lies."])
    up_terms = [term for term, _ in explanation["up"]]
    assert {"radical", "shamelessly", "smeared", "vicious", "lies", "mob"} & set(up_terms)
    assert all(weight > 0 for _, weight in explanation["up"])
    assert all(weight < 0 for _, weight in explanation["down"])


# --------------------------------------------------------------------------- features match scikit-learn

@pytest.mark.parametrize("analyzer,ngrams", [("word", (1, 2)), ("char_wb", (2, 5)), ("word", (1, 3)), ("char_wb", (1, 3)),
                                             ("word", (2, 3))])
def test_numpy_tfidf_equals_scikit_learn_on_real_sentences(analyzer, ngrams):
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = seed_sentences() + ["Ünïcode  ÉLITES’ “scare quotes”\tand\u00a0tabs — x y", "", "a", "!!!"]
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True).fit(sentences[:-6])
    block = TfidfBlock("b", analyzer, ngrams, dict(vectorizer.vocabulary_), vectorizer.idf_)
    expected = vectorizer.transform(sentences).toarray()
    np.testing.assert_allclose(block.transform(sentences).toarray(), expected, rtol=0, atol=1e-12)


def test_top_ranks_match_a_full_sort_with_ties_broken_by_position():
    from framing.classifier.features import Featurizer

    featurizer = Featurizer([], None)
    texts = ["a bb cc dd ee ff gg", "", "hh", "ii jj", "kk ll mm nn oo pp qq rr ss tt"] * 5
    batch = featurizer.batch(texts)
    rng = np.random.default_rng(0)
    values = rng.choice([0.0, 0.25, 0.5, 1.0], size=len(batch.token_sentence))  # many ties
    order = np.lexsort((-values, batch.token_sentence))
    starts = np.cumsum(batch.token_counts) - batch.token_counts
    full = np.empty(len(values), dtype=np.int64)
    full[order] = np.arange(len(values)) - starts[batch.token_sentence[order]]
    expected = np.minimum(full, Featurizer.TOP_RANKS)
    np.testing.assert_array_equal(featurizer._ranks(batch, values), expected)


def test_group_keys_equals_numpy_unique_with_inverse():
    from framing.classifier.arrays import group_keys

    rng = np.random.default_rng(1)
    keys = np.concatenate([np.sort(rng.integers(0, 50, 300)) * 1000 + rng.integers(0, 40, 300),
                           rng.integers(0, 50_000, 100), np.zeros(0, dtype=np.int64)])
    cells, inverse = group_keys(keys)
    expected_cells, expected_inverse = np.unique(keys, return_inverse=True)
    np.testing.assert_array_equal(cells, expected_cells)
    np.testing.assert_array_equal(inverse, expected_inverse)


def test_int_map_finds_its_keys_and_nothing_else():
    from framing.classifier.arrays import IntMap

    rng = np.random.default_rng(2)
    items = {int(k): i for i, k in enumerate(rng.choice(10**12, size=5000, replace=False))}
    int_map = IntMap(items)
    present = np.fromiter(items, np.int64, len(items))
    np.testing.assert_array_equal(int_map.get(present), np.arange(len(items)))
    absent = np.setdiff1d(rng.integers(0, 10**12, 5000), present)
    assert (int_map.get(absent) == -1).all()
    assert len(int_map.get(np.zeros(0, dtype=np.int64))) == 0 and (IntMap({}).get(present) == -1).all()


# --------------------------------------------------------------------------- training end to end

def test_training_from_a_semicolon_csv_then_saving_and_loading_keeps_predictions(tiny_model, tmp_path):
    probabilities = tiny_model.predict_proba(LOADED + NEUTRAL)
    assert probabilities[: len(LOADED)].min() > probabilities[len(LOADED):].max()
    for name in ("m.json", "m.json.gz"):
        loaded = load_model(tiny_model.save(tmp_path / name))
        np.testing.assert_allclose(loaded.predict_proba(LOADED + NEUTRAL), probabilities, atol=1e-5)


def test_opinion_head_is_trained_saved_and_ignores_no_agreement(tiny_model, tmp_path):
    assert tiny_model.opinion.labels == ["Entirely factual", "Expresses writer’s opinion"]
    probabilities = tiny_model.predict_opinion(LOADED + NEUTRAL)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    assert probabilities[: len(LOADED), 1].min() > probabilities[len(LOADED):, 1].max()
    loaded = load_model(tiny_model.save(tmp_path / "m.json"))
    np.testing.assert_allclose(loaded.predict_opinion(LOADED + NEUTRAL), probabilities, atol=1e-5)
    (explanation,) = loaded.explain([LOADED[0]])
    assert set(explanation["opinion"]) == set(tiny_model.opinion.labels)


def _fake_embeddings(dataset: Dataset, dims: int = 8) -> "Resources":
    from framing.classifier.features import word_tokens
    from framing.classifier.train import Resources

    words = sorted({w for t in dataset.texts for w in word_tokens(t)})[::2]  # half the words have a vector
    vectors = np.random.default_rng(0).normal(size=(len(words), dims))
    return Resources(bias_lexicon={"vicious", "pathetic"}, valence={"disgraceful": 2.5, "brutal": 3.0},
                     embedding_words=words, embedding_vectors=vectors)


def test_compiled_model_reproduces_the_fitted_logistic_regression(tmp_path, monkeypatch):
    """Scaling, the mean embedding and the intercept are folded into per-word tables exactly."""
    from framing.classifier import train as train_module

    fitted = []
    original = train_module._linear_model

    def recording(C):
        model = original(C)
        fit = model.fit
        model.fit = lambda X, y: fitted.append((model, X)) or fit(X, y)
        return model

    monkeypatch.setattr(train_module, "_linear_model", recording)
    dataset = read_dataset(write_csv(tmp_path / "d.csv", synthetic_rows()), annotations_column=None)
    signals = signals_for_texts(dataset.texts)
    model = fit_model(dataset, TINY_CONFIG, resources=_fake_embeddings(dataset), signals=signals)
    final, features = fitted[-1]
    assert "embedding_score" in model.dense_names and model.table.embedded_rows > 0
    np.testing.assert_allclose(model.decision_function(dataset.texts, signals), final.decision_function(features),
                               atol=1e-8)


def test_training_with_embeddings_and_annotations_round_trips(tmp_path):
    dataset = read_dataset(write_csv(tmp_path / "d.csv", synthetic_rows()))
    model = fit_model(dataset, TINY_CONFIG, resources=_fake_embeddings(dataset))
    assert {"bias_word_max", "annotated_max", "embedding_score", "lexicon_count", "valence_max"} <= set(model.dense_names)
    assert any(name.startswith("opinion_embedding_") for name in model.table.columns)
    loaded = load_model(model.save(tmp_path / "m.json.gz"))
    texts = LOADED + NEUTRAL + ["", "Brutal!"]
    np.testing.assert_allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=1e-5)
    np.testing.assert_allclose(loaded.predict_opinion(texts), model.predict_opinion(texts), atol=1e-5)
    for explanation in loaded.explain(texts, top_k=10_000):
        total = sum(w for _, w in explanation["up"]) + sum(w for _, w in explanation["down"])
        p = explanation["probability"]
        assert total + loaded.baseline_log_odds() == pytest.approx(math.log(p / (1 - p)), abs=0.01)


def test_training_is_deterministic(tmp_path):
    path = write_csv(tmp_path / "tiny.csv", synthetic_rows(3))
    first = fit_model(read_dataset(path), TINY_CONFIG).save(tmp_path / "a.json.gz").read_bytes()
    second = fit_model(read_dataset(path), TINY_CONFIG).save(tmp_path / "b.json.gz").read_bytes()
    assert first == second


def test_explanation_weights_add_up_to_the_calibrated_log_odds(tiny_model):
    for sentence in (LOADED[2], NEUTRAL[3]):
        (explanation,) = tiny_model.explain([sentence], signals_for_texts([sentence]), top_k=10_000)
        total = sum(w for _, w in explanation["up"]) + sum(w for _, w in explanation["down"])
        p = explanation["probability"]
        assert total + tiny_model.baseline_log_odds() == pytest.approx(math.log(p / (1 - p)), abs=0.01)


def test_jsonl_input_with_other_column_names(tmp_path):
    path = tmp_path / "data.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in synthetic_rows(2):
            handle.write(json.dumps({"sentence": row["text"], "y": int(row["label_bias"] == "Biased")}) + "\n")
    dataset = read_dataset(path, text_column="sentence", label_column="y", positive_label="1", group_column=None,
                           annotations_column=None)
    assert dataset.labels.sum() == len(LOADED) * 2 and dataset.annotations is None
    assert len(set(dataset.groups.tolist())) == len(dataset.texts)  # no group column: each row its own group


def test_missing_column_error_names_the_option_and_the_columns(tmp_path):
    path = write_csv(tmp_path / "x.csv", [{"sentence": "a b c", "label": "Biased"}], ",")
    with pytest.raises(ValueError, match="--text-column.*sentence, label"):
        read_dataset(path)


def test_cli_train_and_evaluate(tmp_path):
    import typer
    from typer.testing import CliRunner

    from framing.cli_model import register

    app = typer.Typer()
    register(app)
    data = write_csv(tmp_path / "tiny.tsv", synthetic_rows(3), "\t")
    out = tmp_path / "model.json.gz"
    runner = CliRunner()
    result = runner.invoke(app, ["train", str(data), "--out", str(out), "--embeddings", "none", "--valence", "none", "-q"])
    assert result.exit_code == 0, result.output
    assert load_model(out).metadata["rows"] == 36
    result = runner.invoke(app, ["evaluate", str(data), "--model", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["metrics"]["macro_f1"] == pytest.approx(1.0)
    result = runner.invoke(app, ["evaluate", str(data), "--folds", "2", "--embeddings", "none", "--valence", "none",
                                 "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    results = json.loads(result.output)["results"]
    assert set(results) == {"framing", "baseline", "opinion", "opinion baseline"}
    assert len(results["framing"]["folds"]) == 2
    result = runner.invoke(app, ["evaluate", str(data), "--model", str(tmp_path / "missing.json")])
    assert result.exit_code == 2 and "cannot read the model file" in result.output


# --------------------------------------------------------------------------- evaluation arithmetic

TOY_Y = [1, 1, 0, 0, 1, 0]
TOY_P = [0.9, 0.4, 0.35, 0.8, 0.7, 0.1]


def test_metrics_on_a_hand_computed_toy_set():
    metrics = binary_metrics(TOY_Y, TOY_P, 0.5, ("neg", "pos"), bins=2)
    # predicted 1 0 0 1 1 0: positives TP=2 of 3 predicted, 3 actual; negatives TN=2 of 3 and 3.
    for name in ("neg", "pos"):
        assert metrics["per_class"][name]["precision"] == pytest.approx(2 / 3)
        assert metrics["per_class"][name]["recall"] == pytest.approx(2 / 3)
        assert metrics["per_class"][name]["f1"] == pytest.approx(2 / 3)
    assert metrics["macro_f1"] == pytest.approx(2 / 3)
    # 9 positive/negative pairs; 0.9 beats 3, 0.4 beats 2, 0.7 beats 2.
    assert metrics["roc_auc"] == pytest.approx(7 / 9)
    assert metrics["brier"] == pytest.approx((0.01 + 0.36 + 0.1225 + 0.64 + 0.09 + 0.01) / 6)
    low, high = metrics["reliability"]
    assert (low["count"], low["mean_predicted"], low["observed"]) == (3, pytest.approx(0.85 / 3), pytest.approx(1 / 3))
    assert (high["count"], high["mean_predicted"], high["observed"]) == (3, pytest.approx(0.8), pytest.approx(2 / 3))
    assert metrics["ece"] == pytest.approx((3 * (1 / 3 - 0.85 / 3) + 3 * (0.8 - 2 / 3)) / 6)


def test_auc_counts_ties_as_half_and_matches_scikit_learn():
    from sklearn.metrics import f1_score, roc_auc_score

    assert roc_auc([1, 0], [0.5, 0.5]) == 0.5
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 300)
    p = np.round(rng.random(300), 1)  # many ties
    assert roc_auc(y, p) == pytest.approx(roc_auc_score(y, p))
    assert binary_metrics(y, p)["macro_f1"] == pytest.approx(f1_score(y, (p >= 0.5).astype(int), average="macro"))


def test_probability_one_falls_in_the_last_reliability_bin():
    bins = reliability_bins([1, 0], [1.0, 0.0], bins=10)
    assert bins[-1]["count"] == 1 and bins[0]["count"] == 1


# --------------------------------------------------------------------------- hostile model files

def _write(tmp_path: Path, data, name: str = "m.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["blocks"][0].__setitem__("idf", [str(v) for v in d["blocks"][0]["idf"]]), "must hold only numbers"),
    (lambda d: d["blocks"][0]["coef"].pop(), "numbers; its vocabulary needs"),
    (lambda d: d["blocks"][0]["vocabulary"].__setitem__(1, d["blocks"][0]["vocabulary"][0]), "duplicate terms"),
    (lambda d: d["dense"].__setitem__("names", ["os.system"] + d["dense"]["names"][1:]), "not one framing computes"),
    (lambda d: d.__setitem__("format", "sklearn-pickle"), "'format' must be"),
    (lambda d: d.__setitem__("format_version", 99), "format_version"),
    (lambda d: d.__setitem__("__reduce__", "os.system"), "unknown field"),
    (lambda d: d.pop("calibration"), "missing field"),
    (lambda d: d["calibration"].__setitem__("a", -1.0), "must be positive"),
    (lambda d: d.__setitem__("threshold", 1.5), "strictly between 0 and 1"),
    (lambda d: d["blocks"][0].__setitem__("ngram_range", [1, 10_000]), "ngram_range"),
    (lambda d: d["blocks"][0].__setitem__("analyzer", "callable"), "analyzer"),
    (lambda d: d.__setitem__("intercept", True), "finite number"),
    (lambda d: d["blocks"][0]["idf"].__setitem__(0, 1e400), "non-finite"),
    (lambda d: d.__setitem__("blocks", {"not": "a list"}), "'blocks' must be a list"),
    (lambda d: d["opinion"]["dense_coef"].pop(), "one row per label"),
    (lambda d: d["opinion"]["block_coef"][0][0].append(0.5), "numbers; its vocabulary needs"),
    (lambda d: d["dense"]["mean"].append(1.0), "dense.mean"),
])
def test_tampered_model_files_are_refused_with_a_clear_error(tiny_model_dict, tmp_path, mutate, message):
    data = json.loads(json.dumps(tiny_model_dict))
    mutate(data)
    with pytest.raises(ModelLoadError, match=message):
        load_model(_write(tmp_path, json.dumps(data).replace("Infinity", "1e400")))


def test_nan_and_infinity_literals_are_refused(tiny_model_dict, tmp_path):
    text = json.dumps(tiny_model_dict).replace('"intercept": ', '"intercept": NaN, "x": ', 1)
    with pytest.raises(ModelLoadError, match="NaN is not allowed"):
        load_model(_write(tmp_path, text))


def test_a_pickle_file_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "executed"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "model.json"
    path.write_bytes(pickle.dumps(Exploit()))
    with pytest.raises(ModelLoadError, match="pickle"):
        load_model(path)
    gz = tmp_path / "model.json.gz"
    gz.write_bytes(gzip.compress(pickle.dumps(Exploit())))
    with pytest.raises(ModelLoadError, match="not a framing model"):
        load_model(gz)
    assert not marker.exists()


def test_oversized_files_and_decompression_bombs_are_refused(tmp_path, monkeypatch):
    from framing.classifier import model as model_module

    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(model_module.MAX_FILE_BYTES + 1)
    with pytest.raises(ModelLoadError, match="larger than"):
        load_model(big)
    monkeypatch.setattr(model_module, "MAX_JSON_BYTES", 1000)
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b"{" + b" " * 100_000 + b"}"))
    with pytest.raises(ModelLoadError, match="decompresses to more than"):
        load_model(bomb)


def test_deep_nesting_garbage_and_truncated_gzip_are_refused(tiny_model, tmp_path):
    with pytest.raises(ModelLoadError, match="nested too deeply|invalid JSON"):
        load_model(_write(tmp_path, '{"a":' + "[" * 100_000 + "]" * 100_000 + "}"))
    with pytest.raises(ModelLoadError, match="not UTF-8|not a framing model|invalid JSON"):
        (tmp_path / "bin.json").write_bytes(b"{\xff\xfe")
        load_model(tmp_path / "bin.json")
    whole = tiny_model.save(tmp_path / "ok.json.gz").read_bytes()
    (tmp_path / "cut.json.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ModelLoadError, match="gzip stream is corrupt"):
        load_model(tmp_path / "cut.json.gz")


def test_dataset_subset_keeps_alignment():
    dataset = Dataset(["a b", "c d", "e f"], np.array([1, 0, 1]), np.array(["x", "y", "z"], dtype=object),
                      [["a"], [], ["f"]])
    part = dataset.subset(np.array([2, 0]))
    assert part.texts == ["e f", "a b"] and part.annotations == [["f"], ["a"]] and part.labels.tolist() == [1, 1]
