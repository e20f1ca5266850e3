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
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from .arrays import group_keys, segment_top
from .features import DENSE_FEATURES, SIGNAL_NAMES, Batch, Featurizer, Signals, TfidfBlock, WordTable

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
class OpinionHead:
    """A multinomial second output on the same features (BABE: factual / mixed / the writer's opinion)."""

    labels: list[str]
    block_coef: list[np.ndarray]  # per block: classes x features
    dense_coef: np.ndarray  # classes x dense features
    intercept: np.ndarray  # classes

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass
class Explanations:
    """:meth:`BiasModel.explain`'s results for a batch of texts, one list per field."""

    probabilities: list[float]
    up: list[list[list]]  # per text, [term, weight] pairs, strongest first
    down: list[list[list]]
    #: Per text, the opinion head's rounded probability of each label, and the index of the most likely.
    opinions: list[dict[str, float]] | None = None
    opinion_best: list[int] | None = None

    def as_dicts(self) -> list[dict[str, Any]]:
        result = [{"probability": p, "up": up, "down": down}
                  for p, up, down in zip(self.probabilities, self.up, self.down)]
        if self.opinions is not None:
            for explanation, opinion in zip(result, self.opinions):
                explanation["opinion"] = opinion
        return result


@dataclass
class BiasModel:
    """A linear model over TF-IDF blocks and dense features, with Platt-calibrated probabilities."""

    blocks: list[TfidfBlock]
    block_coef: list[np.ndarray]
    dense_names: list[str]
    dense_coef: np.ndarray
    #: Training means of the dense features: explanations show sentence-level features (length,
    #: lexicon signals) relative to an average training sentence, not to an empty one.
    dense_mean: np.ndarray
    intercept: float
    table: WordTable | None = None
    calibration: tuple[float, float] = (1.0, 0.0)  # p = sigmoid(a * z + b)
    threshold: float = 0.5
    labels: tuple[str, str] = ("Non-biased", "Biased")
    metadata: dict[str, Any] = field(default_factory=dict)
    opinion: OpinionHead | None = None
    _featurizer: Featurizer | None = field(default=None, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ prediction

    @property
    def uses_signals(self) -> bool:
        return any(name.startswith("signal:") for name in self.dense_names)

    @property
    def featurizer(self) -> Featurizer:
        if self._featurizer is None:
            self._featurizer = Featurizer(self.blocks, self.table)
        return self._featurizer

    def _scores(self, batch: Batch, signals: Sequence[Signals | None] | None,
                cache: dict | None = None) -> tuple[np.ndarray, np.ndarray, list]:
        featurizer = self.featurizer
        scores = np.full(batch.size, self.intercept, dtype=np.float64)
        block_values = [featurizer.block_values(batch, k) for k in range(len(self.blocks))]
        for values, coef in zip(block_values, self.block_coef):
            scores += featurizer.block_scores(batch, values, coef)
        dense = featurizer.dense(batch, self.dense_names, signals, cache)
        if self.dense_names:
            scores += dense @ self.dense_coef
        return scores, dense, block_values

    def decision_function(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        """Uncalibrated scores (log-odds before calibration), one per text."""
        texts = list(texts)
        _check_signals(texts, signals)
        return self._scores(self.featurizer.batch(texts), signals)[0]

    def calibrate(self, scores: np.ndarray) -> np.ndarray:
        a, b = self.calibration
        return 0.5 * (1.0 + np.tanh(0.5 * (a * scores + b)))

    def predict_proba(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        """Calibrated probability that each text's wording is biased (the positive label)."""
        return self.calibrate(self.decision_function(texts, signals))

    def predict(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        return (self.predict_proba(texts, signals) >= self.threshold).astype(int)

    def predict_opinion(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None) -> np.ndarray:
        """Probabilities of the opinion labels (``self.opinion.labels``), one row per text."""
        if self.opinion is None:
            raise ValueError("this model has no opinion head")
        texts = list(texts)
        _check_signals(texts, signals)
        batch = self.featurizer.batch(texts)
        return self._opinion(batch, self.featurizer.dense(batch, self.dense_names, signals))

    def _opinion(self, batch: Batch, dense: np.ndarray, block_values: list | None = None) -> np.ndarray:
        head = self.opinion
        scores = np.tile(head.intercept, (batch.size, 1))
        for k, coef in enumerate(head.block_coef):
            values_k = block_values[k] if block_values is not None else self.featurizer.block_values(batch, k)
            rows, columns, values, _, _ = values_k
            for c in range(len(head.labels)):
                scores[:, c] += np.bincount(rows, weights=values * coef[c, columns], minlength=batch.size)
        scores += dense @ head.dense_coef.T
        if self.table is not None:
            for c in range(len(head.labels)):
                column = f"opinion_embedding_{c}"
                if column in self.table.columns:
                    scores[:, c] += self.featurizer.embedding_mean(batch, column)
        return head.probabilities(scores)

    # ------------------------------------------------------------------ explanations

    def explain(self, texts: Sequence[str], signals: Sequence[Signals | None] | None = None,
                top_k: int = 5) -> list[dict[str, Any]]:
        """Per text: its probability and the ``[term, weight]`` pairs that pushed the score up and down most.

        A term's weight is its share of the calibrated log-odds: TF-IDF n-grams are credited to the
        words they come from (a bigram half to each word, a character n-gram to the word it is in),
        word-table features to the words that produced them, and lexicon signals appear as
        ``[L001]``-style pseudo-terms, relative to their training mean. All weights plus
        :meth:`baseline_log_odds` add up to the calibrated log-odds.
        """
        return self.explanations(texts, signals, top_k).as_dicts()

    def explanations(self, texts: Sequence[str], signals: Sequence[Signals | None] | np.ndarray | None = None,
                     top_k: int = 5) -> "Explanations":
        """What :meth:`explain` returns, as columns (one list per field) rather than a dict per text.

        ``signals`` may also be the rows of :func:`~framing.classifier.features.signal_array`.
        """
        texts = list(texts)
        _check_signals(texts, signals)
        featurizer = self.featurizer
        batch = featurizer.batch(texts)
        cache: dict = {}
        scores, dense, block_values = self._scores(batch, signals, cache)
        probabilities = self.calibrate(scores)
        chunk_credit = np.zeros(len(batch.chunk_terms))
        for occurrence, values, coef in zip(batch.occurrences, block_values, self.block_coef):
            chunk_credit += featurizer.block_chunk_credit(batch, occurrence, values, coef)
        token_credit = featurizer.dense_token_credit(batch, self.dense_names, self.dense_coef, dense, cache)
        chunk_credit += np.bincount(batch.token_chunk, weights=token_credit, minlength=len(chunk_credit))
        scale = self.calibration[0]
        # Every (sentence, term, weight): the chunks, then the pseudo-terms of sentence-level features.
        # Term ids in alphabetical order, so that ties between equal weights break the same way
        # whatever else is in the batch (a document alone or among others).
        pseudo_labels = [label for j, name in enumerate(self.dense_names)
                         if self.dense_coef[j] and (label := _pseudo_term(name)) is not None]
        present = np.zeros(len(batch.terms), dtype=bool)
        present[batch.chunk_terms] = True
        present = np.flatnonzero(present)
        words = [batch.terms[i] for i in present.tolist()]
        term_ids: dict[str, int] = {t: i for i, t in enumerate(sorted(set(words).union(pseudo_labels)))}
        term_of = np.empty(len(batch.terms), dtype=np.int64)  # the batch's terms: table index -> term id
        term_of[present] = np.fromiter(map(term_ids.__getitem__, words), np.int64, len(words))
        sentence_parts = [batch.chunk_sentence]
        term_parts = [term_of[batch.chunk_terms]]
        weight_parts = [chunk_credit * scale]
        pseudo = [(j, _pseudo_term(name)) for j, name in enumerate(self.dense_names)
                  if self.dense_coef[j] and _pseudo_term(name) is not None]
        if pseudo:
            columns = np.array([j for j, _ in pseudo], dtype=np.int64)
            labels = np.array([term_ids.setdefault(label, len(term_ids)) for _, label in pseudo], dtype=np.int64)
            centred = (dense[:, columns] - self.dense_mean[columns]) * (self.dense_coef[columns] * scale)
            rows, which = np.nonzero(centred)
            sentence_parts.append(rows)
            term_parts.append(labels[which])
            weight_parts.append(centred[rows, which])
        sentences = np.concatenate(sentence_parts)
        keys = sentences * max(len(term_ids), 1) + np.concatenate(term_parts)
        cells, inverse = group_keys(keys)
        weights = np.bincount(inverse, weights=np.concatenate(weight_parts), minlength=len(cells))
        cell_sentence, cell_term = np.divmod(cells, max(len(term_ids), 1))
        terms = list(term_ids)
        up, down = _top_up_and_down(cell_sentence, cell_term, weights, top_k, len(texts), terms)
        result = Explanations(probabilities.tolist(), up, down)
        if self.opinion is not None:
            opinions = np.round(self._opinion(batch, dense, block_values), 4)
            labels = self.opinion.labels
            result.opinions = [dict(zip(labels, row)) for row in opinions.tolist()]
            result.opinion_best = opinions.argmax(axis=1).tolist()  # the first of equal maxima, as max() picks
        return result

    def baseline_log_odds(self) -> float:
        """The calibrated log-odds that explanation weights start from (sentence-level features at their mean)."""
        a, b = self.calibration
        centred = sum(self.dense_mean[j] * self.dense_coef[j] for j, name in enumerate(self.dense_names)
                      if _pseudo_term(name) is not None)
        return a * (self.intercept + centred) + b

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
            "dense": {"names": list(self.dense_names), "coef": _nums(self.dense_coef), "mean": _nums(self.dense_mean)},
            "word_table": None,
            "opinion": None,
            "metadata": self.metadata,
        }
        if self.opinion is not None:
            data["opinion"] = {
                "labels": list(self.opinion.labels),
                "intercept": _nums(self.opinion.intercept),
                "block_coef": [[_nums(row) for row in coef] for coef in self.opinion.block_coef],
                "dense_coef": [_nums(row) for row in self.opinion.dense_coef],
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
        from ..atomic_write import write_atomically

        write_atomically(path, payload)  # a model file is either the old one or the new one, whole
        return path


# ---------------------------------------------------------------------- explanation helpers

_CODE_FAMILIES = {"N": "naming", "A": "attribution", "S": "sourcing", "Q": "quotation", "H": "hedge", "L": "loaded"}


def _pseudo_term(name: str) -> str | None:
    """The label of a feature that belongs to no single word (None for word features).

    A finding's code, its category and the sentence's source type are correlated features whose
    weights partly cancel; explanations add them up per family ("[sourcing findings]").
    """
    if name.startswith("signal:"):
        kind, _, what = name[len("signal:"):].partition(":")
        family = {"code": _CODE_FAMILIES.get(what[:1], what), "category": what, "source": "sourcing"}.get(kind, what)
        return f"[{family} findings]"
    if name == "log_tokens":
        return "[sentence length]"
    return None


def _top_up_and_down(sentence: np.ndarray, term: np.ndarray, weight: np.ndarray, k: int, size: int,
                     terms: list[str]) -> tuple[list[list[list]], list[list[list]]]:
    """Per sentence, its k largest positive and k most negative weights as ``[term, weight]``, strongest
    first; equal weights in alphabetical order of the term (term ids are alphabetical).

    The cells must come sorted by sentence, then term (as :func:`group_keys` returns them), so that
    among equal weights the earlier cell is the alphabetically first term.
    """
    up: list[list[list]] = []
    down: list[list[list]] = []
    for sign, result in ((1.0, up), (-1.0, down)):
        signed = sign * weight
        keep = signed > 1e-6
        s, t, w = sentence[keep], term[keep], signed[keep]
        picks = np.concatenate(segment_top(w, np.bincount(s, minlength=size), k))
        picks = picks[np.argsort(s[picks], kind="stable")]  # by sentence; within one, by rank
        s, t, w = s[picks], t[picks], np.round(sign * w[picks], 4)
        # One list of [term, weight] pairs for the batch, cut at the sentence boundaries.
        pairs = list(map(list, zip(map(terms.__getitem__, t.tolist()), w.tolist())))
        bounds = np.searchsorted(s, np.arange(size + 1)).tolist()
        result.extend(pairs[start:end] for start, end in zip(bounds, bounds[1:]))
    return up, down


def _check_signals(texts: Sequence[str], signals: Sequence[Signals | None] | None) -> None:
    if signals is not None and len(signals) != len(texts):
        raise ValueError(f"{len(signals)} signal counts for {len(texts)} texts")


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
        from ..resources import freeze_loaded_tables

        _default_model = load_model(default_model_path())
        _default_model.featurizer  # its n-gram tables are static too
        freeze_loaded_tables()
    return _default_model


def load_model(path: str | os.PathLike[str]) -> BiasModel:
    """Read and validate a model file; raises :class:`ModelLoadError` saying what is wrong."""
    path = Path(path)
    try:
        status = path.stat()
        # A device or a pipe (/dev/zero, a FIFO) reports size 0 and never ends: only regular files.
        if not stat.S_ISREG(status.st_mode):
            raise ModelLoadError(f"{path}: not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise ModelLoadError(f"{path}: {status.st_size} bytes is larger than the {MAX_FILE_BYTES} a model "
                                 "file may have")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ModelLoadError(f"{path}: cannot read the model file ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:  # it grew after stat()
        raise ModelLoadError(f"{path}: larger than the {MAX_FILE_BYTES} bytes a model file may have")
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
                "dense", "word_table", "opinion", "metadata"}
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
    _expect(isinstance(dense, dict) and set(dense) == {"names", "coef", "mean"},
            "'dense' must be {'names': [...], 'coef': [...], 'mean': [...]}")
    names = _strings(dense["names"], "dense.names", 10_000)
    allowed_signals = {f"signal:{name}" for name in SIGNAL_NAMES}
    for name in names:
        _expect(name in DENSE_FEATURES or name in allowed_signals, f"dense feature {name!r} is not one framing computes")
    _expect(len(set(names)) == len(names), "dense.names has duplicates")
    dense_coef = _array(dense["coef"], "dense.coef", len(names))
    dense_mean = _array(dense["mean"], "dense.mean", len(names))

    table = None
    if data["word_table"] is not None:
        table_data = data["word_table"]
        _expect(isinstance(table_data, dict) and set(table_data) == {"words", "columns", "defaults", "embedded_rows"},
                "'word_table' must be null or {'words', 'columns', 'defaults', 'embedded_rows'}")
        words = _strings(table_data["words"], "word_table.words", MAX_TABLE_WORDS)
        _expect(len(set(words)) == len(words), "word_table.words has duplicates")
        known_columns = {c for c in DENSE_FEATURES.values() if c} | {f"opinion_embedding_{c}" for c in range(20)}
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

    opinion = None
    if data["opinion"] is not None:
        head = data["opinion"]
        _expect(isinstance(head, dict) and set(head) == {"labels", "intercept", "block_coef", "dense_coef"},
                "'opinion' must be null or {'labels', 'intercept', 'block_coef', 'dense_coef'}")
        labels_o = _strings(head["labels"], "opinion.labels", 20)
        _expect(len(labels_o) >= 2 and len(set(labels_o)) == len(labels_o), "'opinion.labels' needs 2+ distinct labels")
        n = len(labels_o)
        intercept_o = _array(head["intercept"], "opinion.intercept", n)
        _expect(isinstance(head["block_coef"], list) and len(head["block_coef"]) == len(blocks),
                "'opinion.block_coef' needs one entry per block")
        block_coef_o = []
        for k, (rows_o, block) in enumerate(zip(head["block_coef"], blocks)):
            _expect(isinstance(rows_o, list) and len(rows_o) == n, f"'opinion.block_coef[{k}]' needs one row per label")
            block_coef_o.append(np.vstack([_array(r, f"opinion.block_coef[{k}]", block.size) for r in rows_o]))
        _expect(isinstance(head["dense_coef"], list) and len(head["dense_coef"]) == n,
                "'opinion.dense_coef' needs one row per label")
        dense_o = np.vstack([_array(r, "opinion.dense_coef", len(names)) for r in head["dense_coef"]]) if names \
            else np.zeros((n, 0))
        opinion = OpinionHead(labels_o, block_coef_o, dense_o, intercept_o)

    metadata = data["metadata"]
    _expect(isinstance(metadata, dict), "'metadata' must be an object")
    return BiasModel(blocks=blocks, block_coef=block_coef, dense_names=names, dense_coef=dense_coef, dense_mean=dense_mean,
                     intercept=intercept, table=table, calibration=(a, b), threshold=threshold,
                     labels=(labels["negative"], labels["positive"]), metadata=metadata, opinion=opinion)


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise ModelLoadError(message)


def _finite(value: Any, where: str) -> float:
    _expect(type(value) in (int, float), f"'{where}' must be a finite number")
    try:
        number = float(value)
    except OverflowError:  # JSON integers have no size limit; 1 followed by 400 zeros is no float
        number = math.inf
    _expect(math.isfinite(number), f"'{where}' must be a finite number")
    return number


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
    try:
        array = np.asarray(values, dtype=np.float64)
    except OverflowError:  # an integer too large for any float
        raise ModelLoadError(f"'{where}' holds a non-finite number") from None
    _expect(bool(np.all(np.isfinite(array))), f"'{where}' holds a non-finite number")
    return array
