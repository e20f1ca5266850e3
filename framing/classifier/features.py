"""Sentence features for the bias classifier: TF-IDF n-grams, word tables and the detectors' lexicon signals.

Everything here is plain Python and numpy/scipy, so a model rebuilt from its JSON file computes
exactly the features it was trained on. The tokenisation reproduces scikit-learn's
``TfidfVectorizer`` (word: ``(?u)\\b\\w\\w+\\b`` on lowercased text; ``char_wb``: padded character
n-grams inside whitespace-separated chunks); ``tests/test_classifier.py`` checks the equality.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

TOKEN_PATTERN = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")

#: Finding codes, finding categories and sentence source types counted as "lexicon signals".
SIGNAL_CODES = ("N001", "A001", "A002", "A003", "A004", "A005", "S001", "S002", "S003", "S004",
                "Q001", "Q002", "Q003", "H001", "H002", "L001")
SIGNAL_CATEGORIES = ("naming", "attribution", "sourcing", "quotation", "hedge", "loaded")
SIGNAL_SOURCE_TYPES = ("named", "secondary", "anonymous", "none")
SIGNAL_NAMES = (tuple(f"code:{c}" for c in SIGNAL_CODES) + tuple(f"category:{c}" for c in SIGNAL_CATEGORIES)
                + tuple(f"source:{s}" for s in SIGNAL_SOURCE_TYPES))

#: Detectors that produce the signals; the classifier itself and readability are not among them.
SIGNAL_DETECTORS_EXCLUDED = ("classifier", "readability")

Signals = Mapping[str, float]


def word_tokens(text: str) -> list[str]:
    """Lowercased word tokens, as scikit-learn's default ``token_pattern`` finds them."""
    return TOKEN_PATTERN.findall(text.lower())


def word_ngrams(tokens: Sequence[str], ngram_range: tuple[int, int]) -> list[str]:
    """Space-joined token n-grams in scikit-learn's order."""
    low, high = ngram_range
    grams: list[str] = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def chunk_char_ngrams(chunk: str, ngram_range: tuple[int, int]) -> list[str]:
    """The ``char_wb`` n-grams of one whitespace-free, lowercased chunk, padded with spaces."""
    padded = f" {chunk} "
    low, high = ngram_range
    grams = []
    for n in range(low, high + 1):
        offset = 0
        grams.append(padded[offset : offset + n])
        while offset + n < len(padded):
            offset += 1
            grams.append(padded[offset : offset + n])
        if offset == 0:  # a short chunk is counted once, as scikit-learn does
            break
    return grams


def text_chunks(text: str) -> list[str]:
    """Lowercased whitespace-separated chunks: the units ``char_wb`` n-grams live in."""
    return _WHITE_SPACES.sub(" ", text.lower()).split()


def term_of_chunk(chunk: str) -> str:
    """The display form of a chunk in explanations: its edge punctuation removed."""
    return _EDGE_PUNCTUATION.sub("", chunk) or chunk


@dataclass
class TfidfBlock:
    """A fitted TF-IDF vectorizer rebuilt from its vocabulary and idf weights.

    Rows are l2-normalised per block, as each ``TfidfVectorizer`` in a ``FeatureUnion`` does.
    """

    name: str
    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray
    sublinear_tf: bool = True
    _chunk_cache: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)

    _CACHE_LIMIT = 200_000

    @property
    def size(self) -> int:
        return len(self.idf)

    def chunk_features(self, chunk: str) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices and counts of one chunk's char n-grams (char_wb only), cached."""
        cached = self._chunk_cache.get(chunk)
        if cached is None:
            counts: dict[int, int] = {}
            for gram in chunk_char_ngrams(chunk, self.ngram_range):
                index = self.vocabulary.get(gram)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            cached = (np.fromiter(counts.keys(), np.int64, len(counts)),
                      np.fromiter(counts.values(), np.float64, len(counts)))
            if len(self._chunk_cache) >= self._CACHE_LIMIT:
                self._chunk_cache.clear()
            self._chunk_cache[chunk] = cached
        return cached

    def counts(self, text: str) -> dict[int, float]:
        """Raw term counts of one text, keyed by feature index."""
        counts: dict[int, float] = {}
        if self.analyzer == "word":
            for gram in word_ngrams(word_tokens(text), self.ngram_range):
                index = self.vocabulary.get(gram)
                if index is not None:
                    counts[index] = counts.get(index, 0.0) + 1.0
        else:
            for chunk in text_chunks(text):
                indices, values = self.chunk_features(chunk)
                for index, value in zip(indices.tolist(), values.tolist()):
                    counts[index] = counts.get(index, 0.0) + value
        return counts

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for text in texts:
            counts = self.counts(text)
            indices.extend(counts.keys())
            data.extend(counts.values())
            indptr.append(len(indices))
        values = np.asarray(data, dtype=np.float64)
        if self.sublinear_tf and len(values):
            values = np.log(values) + 1.0
        columns = np.asarray(indices, dtype=np.int64)
        if len(values):
            values *= self.idf[columns]
        matrix = sp.csr_matrix((values, columns, np.asarray(indptr, dtype=np.int64)), shape=(len(texts), self.size))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


# --------------------------------------------------------------------------- word tables

@dataclass
class WordTable:
    """Per-word numbers the dense features read: lexicon membership, valence, learnt word scores.

    ``columns`` maps a column name to an array aligned with ``words``; ``defaults`` gives the value of
    a word that is not in the table.
    """

    words: list[str]
    columns: dict[str, np.ndarray]
    defaults: dict[str, float]
    #: The first ``embedded_rows`` words had a word vector: ``embedding_score`` is a mean over them only.
    embedded_rows: int = 0
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.index = {word: i for i, word in enumerate(self.words)}

    def lookup(self, tokens: Sequence[str], column: str) -> np.ndarray:
        values = self.columns[column]
        default = self.defaults.get(column, 0.0)
        return np.array([values[self.index[t]] if t in self.index else default for t in tokens], dtype=np.float64)

    def embedded(self, tokens: Sequence[str]) -> np.ndarray:
        """Whether each token had a word vector (the mean embedding score averages over those only)."""
        return np.array([self.index.get(t, self.embedded_rows) < self.embedded_rows for t in tokens], dtype=bool)


#: Dense features, each with the word-table column it needs (None: needs no table).
DENSE_FEATURES: dict[str, str | None] = {
    "log_tokens": None,
    "lexicon_count": "lexicon", "lexicon_any": "lexicon", "lexicon_share": "lexicon",
    "valence_count": "valence", "valence_sum": "valence", "valence_max": "valence", "valence_strong": "valence",
    "bias_word_max": "bias_word_logit", "bias_word_top3": "bias_word_logit",
    "bias_word_count": "bias_word_logit", "bias_word_mean": "bias_word_logit",
    "annotated_max": "annotated_rate", "annotated_top3": "annotated_rate",
    "annotated_count30": "annotated_rate", "annotated_count15": "annotated_rate",
    "embedding_score": "embedding_score",
}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def token_values(tokens: Sequence[str], table: WordTable, column: str) -> np.ndarray:
    """Per-token values of a column, in the unit the features use (probabilities for logits)."""
    values = table.lookup(tokens, column)
    return _sigmoid(values) if column == "bias_word_logit" else values


def dense_row(name_groups: Mapping[str, Sequence[str]], tokens: Sequence[str], table: WordTable | None) -> dict[str, float]:
    """All dense features of one sentence (word-table features only), by name."""
    row: dict[str, float] = {"log_tokens": math.log1p(len(tokens))}
    if table is None:
        return row
    n = max(len(tokens), 1)
    for column in name_groups:
        if column not in table.columns:
            continue
        values = token_values(tokens, table, column)
        if column == "lexicon":
            count = float(values.sum())
            row.update(lexicon_count=count, lexicon_any=float(count > 0), lexicon_share=count / n)
        elif column == "valence":
            row.update(valence_count=float((values > 0).sum()), valence_sum=float(values.sum()),
                       valence_max=float(values.max(initial=0.0)), valence_strong=float((values >= 2).sum()))
        elif column == "bias_word_logit":
            top = np.sort(values)[::-1]
            row.update(bias_word_max=float(top[0]) if len(top) else 0.0, bias_word_top3=float(top[:3].sum()),
                       bias_word_count=float((values > 0.5).sum()),
                       bias_word_mean=float(values.mean()) if len(values) else 0.0)
        elif column == "annotated_rate":
            top = np.sort(values)[::-1]
            row.update(annotated_max=float(top[0]) if len(top) else 0.0, annotated_top3=float(top[:3].sum()),
                       annotated_count30=float((values > 0.3).sum()), annotated_count15=float((values > 0.15).sum()))
        elif column == "embedding_score":
            known = table.embedded(tokens)
            row["embedding_score"] = float(values[known].mean()) if known.any() else 0.0
    return row


def dense_matrix(names: Sequence[str], texts: Sequence[str], table: WordTable | None,
                 signals: Sequence[Signals | None] | None = None) -> np.ndarray:
    """The dense feature matrix (texts x names): word-table features, then ``signal:*`` counts."""
    columns_needed: dict[str, list[str]] = {}
    for name in names:
        column = DENSE_FEATURES.get(name)
        if column is not None:
            columns_needed.setdefault(column, []).append(name)
    matrix = np.zeros((len(texts), len(names)), dtype=np.float64)
    position = {name: j for j, name in enumerate(names)}
    signal_columns = [(j, name[len("signal:"):]) for j, name in enumerate(names) if name.startswith("signal:")]
    for i, text in enumerate(texts):
        row = dense_row(columns_needed, word_tokens(text), table)
        for name, value in row.items():
            j = position.get(name)
            if j is not None:
                matrix[i, j] = value
        if signals is not None and signals[i]:
            counts = signals[i]
            for j, key in signal_columns:
                matrix[i, j] = float(counts.get(key, 0.0))
    return matrix


# --------------------------------------------------------------------------- lexicon signals

def signals_of_sentence(sentence: Any) -> dict[str, float]:
    """Counts of finding codes, categories and the source type of one analysed ``Sentence``."""
    return signals_of_findings(sentence.findings, sentence.details.get("source_type"))


def signals_of_findings(findings: Iterable[Any], source_type: str | None = None) -> dict[str, float]:
    counts: dict[str, float] = {}
    for finding in findings:
        for key in (f"code:{finding.code}", f"category:{finding.category}"):
            counts[key] = counts.get(key, 0.0) + 1.0
    if source_type:
        key = f"source:{source_type}"
        counts[key] = counts.get(key, 0.0) + 1.0
    return counts


def signals_for_texts(texts: Sequence[str]) -> list[dict[str, float]]:
    """Signals for training: runs framing's detectors (not the classifier) on each text.

    A text that the segmenter splits into several sentences contributes the sum of their counts.
    """
    from ..loaders import make_document
    from ..pipeline import Analyzer

    analyzer = Analyzer(exclude=SIGNAL_DETECTORS_EXCLUDED)
    result = []
    for text in texts:
        document = analyzer.analyze(make_document(text, "text"))
        counts: dict[str, float] = {}
        for sentence in document.sentences:
            for key, value in signals_of_sentence(sentence).items():
                counts[key] = counts.get(key, 0.0) + value
        result.append(counts)
    return result
