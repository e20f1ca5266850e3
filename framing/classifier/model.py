"""The bias classifier as plain numbers: a JSON model file, a strict loader, batch prediction and explanations.

A model file is JSON (optionally gzipped) and holds only strings and numbers: TF-IDF vocabularies
and idf weights, per-word tables, linear coefficients and a Platt calibration. Nothing in it is ever
executed; a file that is not exactly that shape is refused with :class:`ModelLoadError`.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .features import (DENSE_FEATURES, SIGNAL_NAMES, TOKEN_PATTERN, Signals, TfidfBlock, WordTable,
                       chunk_char_ngrams, dense_matrix, text_chunks, term_of_chunk, token_values, word_ngrams)

FORMAT = "framing-bias-model"
FORMAT_VERSION = 1
DEFAULT_MODEL_NAME = "bias_classifier.json.gz"

#: Limits that keep a hostile file from exhausting memory before validation can refuse it.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_VOCABULARY = 2_000_000
MAX_TABLE_WORDS = 2_000_000
MAX_NGRAM = 10
MAX_TERM_CHARS = 200


class ModelLoadError(ValueError):
    """A model file that is missing, malformed, tampered with or not a framing model at all."""


@dataclass
class BiasModel:
    """A linear model over TF-IDF blocks and dense features, with Platt-calibrated probabilities."""

    blocks: list[TfidfBlock]
    block_coef: list[np.ndarray]
    dense_names: list[str]
    dense_coef: np.ndarray
    intercept: float
    table: WordTable | None = None
    calibration: tuple[float, float] = (1.0, 0.0)  # p = sigmoid(a * z + b)
    threshold: float = 0.5
    labels: tuple[str, str] = ("Non-biased", "Biased")
    metadata: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ prediction

    @property
    def uses_signals(self) -> bool:
        return any(name.startswith("signal:") for name in self.dense_names)

    def decision_function(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        """Uncalibrated scores (log-odds before calibration), one per text."""
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        scores = np.full(len(texts), self.intercept, dtype=np.float64)
        for block, coef in zip(self.blocks, self.block_coef):
            scores += block.transform(texts) @ coef
        if self.dense_names:
            scores += dense_matrix(self.dense_names, texts, self.table, signals) @ self.dense_coef
        return scores

    def calibrate(self, scores: np.ndarray) -> np.ndarray:
        a, b = self.calibration
        return 0.5 * (1.0 + np.tanh(0.5 * (a * scores + b)))

    def predict_proba(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        """Calibrated probability that each text's wording is biased (the positive label)."""
        return self.calibrate(self.decision_function(texts, signals))

    def predict(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        return (self.predict_proba(texts, signals) >= self.threshold).astype(int)

    # ------------------------------------------------------------------ explanations

    def explain(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None,
                top_k: int = 5) -> list[dict[str, Any]]:
        """Per text: its probability and the terms that pushed the score up and down most.

        A term's weight is its share of the calibrated log-odds: TF-IDF n-grams are credited to the
        words they come from (a bigram half to each word, a character n-gram to the word it is in),
        word-table features to the words that produced them, and lexicon signals appear as
        ``[L001]``-style pseudo-terms.
        """
        texts = list(texts)
        probabilities = self.predict_proba(texts, signals)
        matrices = [block.transform(texts) for block in self.blocks]
        dense = (dense_matrix(self.dense_names, texts, self.table, signals) if self.dense_names
                 else np.zeros((len(texts), 0)))
        scale = self.calibration[0]
        result = []
        for i, text in enumerate(texts):
            weights: dict[str, float] = {}
            chunks = text_chunks(text)
            terms = [term_of_chunk(c) for c in chunks]
            token_terms = [terms[k] for k, chunk in enumerate(chunks) for _ in TOKEN_PATTERN.findall(chunk)]
            tokens = [t for chunk in chunks for t in TOKEN_PATTERN.findall(chunk)]
            for block, coef, matrix in zip(self.blocks, self.block_coef, matrices):
                row = matrix.getrow(i)
                contribution = dict(zip(row.indices.tolist(), (row.data * coef[row.indices]).tolist()))
                if block.analyzer == "word":
                    _credit_word_block(block, tokens, token_terms, contribution, weights)
                else:
                    _credit_char_block(block, chunks, terms, contribution, weights)
            for j, name in enumerate(self.dense_names):
                value = dense[i, j] * self.dense_coef[j]
                if value:
                    _credit_dense(self, name, value, self.dense_coef[j], tokens, token_terms, weights)
            ranked = sorted(((t, w * scale) for t, w in weights.items() if t), key=lambda tw: tw[1])
            up = [(t, round(w, 4)) for t, w in reversed(ranked) if w > 1e-6][:top_k]
            down = [(t, round(w, 4)) for t, w in ranked if w < -1e-6][:top_k]
            result.append({"probability": float(probabilities[i]), "up": up, "down": down})
        return result

    # ------------------------------------------------------------------ serialisation

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "labels": {"negative": self.labels[0], "positive": self.labels[1]},
            "threshold": self.threshold,
            "intercept": _num(self.intercept),
            "calibration": {"method": "platt", "a": _num(self.calibration[0]), "b": _num(self.calibration[1])},
            "blocks": [
                {
                    "name": block.name,
                    "analyzer": block.analyzer,
                    "ngram_range": list(block.ngram_range),
                    "sublinear_tf": block.sublinear_tf,
                    "vocabulary": _vocabulary_list(block.vocabulary),
                    "idf": _nums(block.idf),
                    "coef": _nums(coef),
                }
                for block, coef in zip(self.blocks, self.block_coef)
            ],
            "dense": {"names": list(self.dense_names), "coef": _nums(self.dense_coef)},
            "word_table": None,
            "metadata": self.metadata,
        }
        if self.table is not None:
            data["word_table"] = {
                "words": list(self.table.words),
                "columns": {name: _nums(values) for name, values in self.table.columns.items()},
                "defaults": {name: _num(v) for name, v in self.table.defaults.items()},
                "embedded_rows": self.table.embedded_rows,
            }
        return data

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the model as JSON; a name ending in ``.gz`` is gzipped (reproducibly: no timestamp)."""
        path = Path(path)
        payload = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name.endswith(".gz"):
            buffer = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
                handle.write(payload)
            payload = buffer.getvalue()
        path.write_bytes(payload)
        return path


# ---------------------------------------------------------------------- explanation helpers

def _credit_word_block(block: TfidfBlock, tokens: list[str], token_terms: list[str],
                       contribution: dict[int, float], weights: dict[str, float]) -> None:
    occurrences: dict[int, list[int]] = {}
    low, high = block.ngram_range
    for n in range(low, high + 1):
        for start in range(len(tokens) - n + 1):
            index = block.vocabulary.get(" ".join(tokens[start : start + n]))
            if index is not None and index in contribution:
                occurrences.setdefault(index, []).append(start * 16 + n)
    for index, spans in occurrences.items():
        share = contribution[index] / len(spans)
        for code in spans:
            start, n = divmod(code, 16)
            for position in range(start, start + n):
                term = token_terms[position]
                weights[term] = weights.get(term, 0.0) + share / n


def _credit_char_block(block: TfidfBlock, chunks: list[str], terms: list[str],
                       contribution: dict[int, float], weights: dict[str, float]) -> None:
    per_chunk = [block.chunk_features(chunk) for chunk in chunks]
    totals: dict[int, float] = {}
    for indices, counts in per_chunk:
        for index, count in zip(indices.tolist(), counts.tolist()):
            totals[index] = totals.get(index, 0.0) + count
    for term, (indices, counts) in zip(terms, per_chunk):
        credit = sum(contribution.get(index, 0.0) * count / totals[index]
                     for index, count in zip(indices.tolist(), counts.tolist()))
        if credit:
            weights[term] = weights.get(term, 0.0) + credit


def _credit_dense(model: BiasModel, name: str, value: float, coef: float, tokens: list[str],
                  token_terms: list[str], weights: dict[str, float]) -> None:
    """Share a dense feature's contribution among the words that produced it."""
    column = DENSE_FEATURES.get(name)
    if name.startswith("signal:"):
        key = name[len("signal:"):]
        kind, _, what = key.partition(":")
        label = f"[{what}]" if kind == "code" else f"[{kind} {what}]"
        weights[label] = weights.get(label, 0.0) + value
        return
    if column is None or model.table is None or not tokens:
        label = "[sentence length]" if name == "log_tokens" else f"[{name}]"
        weights[label] = weights.get(label, 0.0) + value
        return
    per_token = token_values(tokens, model.table, column)
    if name in ("bias_word_max", "annotated_max"):
        shares = np.zeros(len(tokens))
        shares[int(np.argmax(per_token))] = 1.0
    elif name in ("bias_word_top3", "annotated_top3"):
        shares = np.zeros(len(tokens))
        top = np.argsort(-per_token, kind="stable")[:3]
        shares[top] = per_token[top]
    elif name in ("bias_word_count", "annotated_count30", "annotated_count15", "valence_strong"):
        cut = {"bias_word_count": 0.5, "annotated_count30": 0.3, "annotated_count15": 0.15, "valence_strong": 2.0}[name]
        shares = (per_token > cut) if name != "valence_strong" else (per_token >= cut)
        shares = shares.astype(float)
    elif name == "valence_max":
        shares = np.zeros(len(tokens))
        shares[int(np.argmax(per_token))] = 1.0
    elif name == "embedding_score":  # a mean of signed per-word scores: each word gets its own share
        known = model.table.embedded(tokens)
        for term, is_known, score in zip(token_terms, known, per_token):
            if is_known and score:
                weights[term] = weights.get(term, 0.0) + coef * score / known.sum()
        return
    elif name in ("valence_count", "lexicon_count", "lexicon_any", "lexicon_share"):
        shares = (per_token > 0).astype(float)
    else:  # sums and means of per-word values
        shares = per_token.copy()
    total = shares.sum()
    if total <= 0:
        return
    for term, share in zip(token_terms, shares):
        if share:
            weights[term] = weights.get(term, 0.0) + value * share / total


# ---------------------------------------------------------------------- writing helpers

def _num(value: float) -> float:
    value = float(value)
    return float(f"{value:.7g}") if value else 0.0


def _nums(values: Any) -> list[float]:
    return [_num(v) for v in np.asarray(values, dtype=np.float64).tolist()]


def _vocabulary_list(vocabulary: Mapping[str, int]) -> list[str]:
    terms = [""] * len(vocabulary)
    for term, index in vocabulary.items():
        terms[index] = term
    return terms


# ---------------------------------------------------------------------- loading and validation

def default_model_path() -> Path:
    from ..resources import models_dir

    return models_dir() / DEFAULT_MODEL_NAME


_default_model: BiasModel | None = None


def load_default_model() -> BiasModel:
    """The model that ships with framing, loaded once per process."""
    global _default_model
    if _default_model is None:
        _default_model = load_model(default_model_path())
    return _default_model


def load_model(path: str | os.PathLike[str]) -> BiasModel:
    """Read and validate a model file; raises :class:`ModelLoadError` saying what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ModelLoadError(f"{path}: cannot read the model file ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise ModelLoadError(f"{path}: {size} bytes is larger than the {MAX_FILE_BYTES} a model file may have")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
                raw = handle.read(MAX_JSON_BYTES + 1)
        except (OSError, EOFError, ValueError) as exc:
            raise ModelLoadError(f"{path}: the gzip stream is corrupt ({exc})") from None
        if len(raw) > MAX_JSON_BYTES:
            raise ModelLoadError(f"{path}: decompresses to more than {MAX_JSON_BYTES} bytes; refused")
    return model_from_bytes(raw, str(path))


def model_from_bytes(raw: bytes, where: str = "<model>") -> BiasModel:
    stripped = raw.lstrip()
    if not stripped.startswith(b"{"):
        hint = (" It looks like a pickle; framing never unpickles model files, because unpickling can run code."
                if raw[:1] == b"\x80" or raw[:2] in (b"(d", b"(l", b"cc") else "")
        raise ModelLoadError(f"{where}: not a framing model: expected a JSON object (optionally gzipped).{hint}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ModelLoadError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ModelLoadError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:
        raise ModelLoadError(f"{where}: invalid JSON ({exc})") from None
    try:
        return model_from_dict(data)
    except ModelLoadError as exc:
        raise ModelLoadError(f"{where}: {exc}") from None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in a model file")


def model_from_dict(data: Any) -> BiasModel:
    """Build a model from parsed JSON, checking every field's type, shape and range."""
    _expect(isinstance(data, dict), "the top level must be a JSON object")
    expected = {"format", "format_version", "labels", "threshold", "intercept", "calibration", "blocks",
                "dense", "word_table", "metadata"}
    missing, unknown = expected - data.keys(), data.keys() - expected
    _expect(not missing, f"missing field(s): {', '.join(sorted(missing))}")
    _expect(not unknown, f"unknown field(s): {', '.join(sorted(unknown))}")
    _expect(data["format"] == FORMAT, f"'format' must be {FORMAT!r}")
    _expect(data["format_version"] == FORMAT_VERSION and type(data["format_version"]) is int,
            f"'format_version' must be {FORMAT_VERSION} (this framing cannot read other versions)")

    labels = data["labels"]
    _expect(isinstance(labels, dict) and set(labels) == {"negative", "positive"}
            and all(isinstance(v, str) and 0 < len(v) <= 200 for v in labels.values()),
            "'labels' must be an object with string fields 'negative' and 'positive'")
    threshold = _finite(data["threshold"], "threshold")
    _expect(0.0 < threshold < 1.0, "'threshold' must lie strictly between 0 and 1")
    intercept = _finite(data["intercept"], "intercept")
    calibration = data["calibration"]
    _expect(isinstance(calibration, dict) and calibration.get("method") == "platt"
            and set(calibration) == {"method", "a", "b"}, "'calibration' must be {'method': 'platt', 'a': ..., 'b': ...}")
    a, b = _finite(calibration["a"], "calibration.a"), _finite(calibration["b"], "calibration.b")
    _expect(a > 0, "'calibration.a' must be positive (a calibration never reverses the score)")

    blocks_data = data["blocks"]
    _expect(isinstance(blocks_data, list) and len(blocks_data) <= 8, "'blocks' must be a list of at most 8 blocks")
    blocks, block_coef = [], []
    for k, block in enumerate(blocks_data):
        where = f"blocks[{k}]"
        _expect(isinstance(block, dict) and set(block) == {"name", "analyzer", "ngram_range", "sublinear_tf",
                                                           "vocabulary", "idf", "coef"},
                f"{where} must have exactly: name, analyzer, ngram_range, sublinear_tf, vocabulary, idf, coef")
        _expect(isinstance(block["name"], str) and len(block["name"]) <= 100, f"{where}.name must be a string")
        _expect(block["analyzer"] in ("word", "char_wb"), f"{where}.analyzer must be 'word' or 'char_wb'")
        ngram = block["ngram_range"]
        _expect(isinstance(ngram, list) and len(ngram) == 2 and all(type(n) is int for n in ngram)
                and 1 <= ngram[0] <= ngram[1] <= MAX_NGRAM,
                f"{where}.ngram_range must be [low, high] with 1 <= low <= high <= {MAX_NGRAM}")
        _expect(isinstance(block["sublinear_tf"], bool), f"{where}.sublinear_tf must be true or false")
        vocabulary = _strings(block["vocabulary"], f"{where}.vocabulary", MAX_VOCABULARY)
        index = {term: i for i, term in enumerate(vocabulary)}
        _expect(len(index) == len(vocabulary), f"{where}.vocabulary has duplicate terms")
        idf = _array(block["idf"], f"{where}.idf", len(vocabulary))
        _expect(bool(np.all(idf > 0)), f"{where}.idf must be positive")
        coef = _array(block["coef"], f"{where}.coef", len(vocabulary))
        blocks.append(TfidfBlock(block["name"], block["analyzer"], (ngram[0], ngram[1]), index, idf, block["sublinear_tf"]))
        block_coef.append(coef)

    dense = data["dense"]
    _expect(isinstance(dense, dict) and set(dense) == {"names", "coef"}, "'dense' must be {'names': [...], 'coef': [...]}")
    names = _strings(dense["names"], "dense.names", 10_000)
    allowed_signals = {f"signal:{name}" for name in SIGNAL_NAMES}
    for name in names:
        _expect(name in DENSE_FEATURES or name in allowed_signals, f"dense feature {name!r} is not one framing computes")
    _expect(len(set(names)) == len(names), "dense.names has duplicates")
    dense_coef = _array(dense["coef"], "dense.coef", len(names))

    table = None
    if data["word_table"] is not None:
        table_data = data["word_table"]
        _expect(isinstance(table_data, dict) and set(table_data) == {"words", "columns", "defaults", "embedded_rows"},
                "'word_table' must be null or {'words', 'columns', 'defaults', 'embedded_rows'}")
        words = _strings(table_data["words"], "word_table.words", MAX_TABLE_WORDS)
        _expect(len(set(words)) == len(words), "word_table.words has duplicates")
        known_columns = {c for c in DENSE_FEATURES.values() if c}
        columns_data, defaults_data = table_data["columns"], table_data["defaults"]
        _expect(isinstance(columns_data, dict) and isinstance(defaults_data, dict),
                "word_table.columns and word_table.defaults must be objects")
        columns = {}
        for name, values in columns_data.items():
            _expect(name in known_columns, f"word_table column {name!r} is not one framing reads")
            columns[name] = _array(values, f"word_table.columns.{name}", len(words))
        defaults = {}
        for name, value in defaults_data.items():
            _expect(name in columns, f"word_table default for unknown column {name!r}")
            defaults[name] = _finite(value, f"word_table.defaults.{name}")
        embedded_rows = table_data["embedded_rows"]
        _expect(type(embedded_rows) is int and 0 <= embedded_rows <= len(words),
                "word_table.embedded_rows must be an integer between 0 and the number of words")
        table = WordTable(words, columns, defaults, embedded_rows)
    for name in names:
        column = DENSE_FEATURES.get(name)
        _expect(column is None or (table is not None and column in table.columns),
                f"dense feature {name!r} needs word_table column {column!r}, which the file lacks")

    metadata = data["metadata"]
    _expect(isinstance(metadata, dict), "'metadata' must be an object")
    return BiasModel(blocks=blocks, block_coef=block_coef, dense_names=names, dense_coef=dense_coef,
                     intercept=intercept, table=table, calibration=(a, b), threshold=threshold,
                     labels=(labels["negative"], labels["positive"]), metadata=metadata)


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise ModelLoadError(message)


def _finite(value: Any, where: str) -> float:
    _expect(type(value) in (int, float) and math.isfinite(value), f"'{where}' must be a finite number")
    return float(value)


def _strings(values: Any, where: str, limit: int) -> list[str]:
    _expect(isinstance(values, list), f"'{where}' must be a list of strings")
    _expect(len(values) <= limit, f"'{where}' has {len(values)} entries; at most {limit} are allowed")
    if values:  # checked in bulk: a model has hundreds of thousands of terms and must load in well under a second
        _expect(set(map(type, values)) == {str}, f"'{where}' must hold only strings")
        lengths = list(map(len, values))
        _expect(0 < min(lengths) and max(lengths) <= MAX_TERM_CHARS,
                f"'{where}' must hold non-empty strings of at most {MAX_TERM_CHARS} characters")
    return values


def _array(values: Any, where: str, length: int) -> np.ndarray:
    _expect(isinstance(values, list), f"'{where}' must be a list of numbers")
    _expect(len(values) == length, f"'{where}' has {len(values)} numbers; its vocabulary needs {length}")
    _expect(set(map(type, values)) <= {int, float}, f"'{where}' must hold only numbers")
    array = np.asarray(values, dtype=np.float64)
    _expect(bool(np.all(np.isfinite(array))), f"'{where}' holds a non-finite number")
    return array
