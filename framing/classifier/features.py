"""Sentence features for the bias classifier: TF-IDF n-grams, word tables and the detectors' lexicon signals.

Everything here is plain Python and numpy/scipy, so a model rebuilt from its JSON file computes
exactly the features it was trained on. The tokenisation reproduces scikit-learn's
``TfidfVectorizer`` (word: ``(?u)\\b\\w\\w+\\b`` on lowercased text; ``char_wb``: padded character
n-grams inside whitespace-separated chunks); ``tests/test_classifier.py`` checks the equality.
"""

from __future__ import annotations

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

    @property
    def size(self) -> int:
        return len(self.idf)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        featurizer = Featurizer([self], None)
        return featurizer.block_matrix(featurizer.batch(texts), 0)


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

#: How each word-table feature is shared among the words of a sentence when explaining it.
_SHARES = {
    "lexicon_count": "nonzero", "lexicon_any": "nonzero", "lexicon_share": "nonzero",
    "valence_count": "nonzero", "valence_sum": "value", "valence_max": "top1", "valence_strong": "ge2",
    "bias_word_max": "top1", "bias_word_top3": "top3", "bias_word_count": "gt0.5", "bias_word_mean": "value",
    "annotated_max": "top1", "annotated_top3": "top3", "annotated_count30": "gt0.3", "annotated_count15": "gt0.15",
}


@dataclass(frozen=True)
class _Chunk:
    """What a whitespace chunk contributes, computed once per distinct chunk."""

    term: str
    tokens: tuple[str, ...]
    rows: tuple[int, ...]  # word-table row of each token, -1 when absent
    #: Per block: char n-gram indices and counts (char_wb), or each token's unigram index or -1 (word).
    features: tuple[tuple[np.ndarray, np.ndarray] | tuple[int, ...], ...]


@dataclass
class Batch:
    """A batch of texts cut into chunks and tokens, with every n-gram occurrence located."""

    size: int
    chunk_terms: list[str]
    chunk_sentence: np.ndarray
    chunk_offsets: np.ndarray  # chunks of sentence s: chunk_offsets[s]:chunk_offsets[s+1]
    token_sentence: np.ndarray
    token_chunk: np.ndarray
    token_rows: np.ndarray
    token_counts: np.ndarray
    #: Per block: sentence, feature and count of each occurrence, and where it sits: for char_wb its
    #: chunk, for word n-grams the first token and n.
    occurrences: list[dict[str, np.ndarray]]


class Featurizer:
    """Turns texts into the model's features in whole batches; per-chunk work is cached."""

    CACHE_LIMIT = 200_000

    def __init__(self, blocks: Sequence[TfidfBlock], table: WordTable | None):
        self.blocks = list(blocks)
        self.table = table
        self._cache: dict[str, _Chunk] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def _chunk(self, chunk: str) -> _Chunk:
        info = self._cache.get(chunk)
        if info is not None:
            return info
        tokens = tuple(TOKEN_PATTERN.findall(chunk))
        index = self.table.index if self.table is not None else {}
        rows = tuple(index.get(t, -1) for t in tokens)
        features: list = []
        for block in self.blocks:
            if block.analyzer == "word":
                features.append(tuple(block.vocabulary.get(t, -1) for t in tokens) if block.ngram_range[0] == 1 else ())
                continue
            counts: dict[int, int] = {}
            for gram in chunk_char_ngrams(chunk, block.ngram_range):
                feature = block.vocabulary.get(gram)
                if feature is not None:
                    counts[feature] = counts.get(feature, 0) + 1
            features.append((np.fromiter(counts.keys(), np.int64, len(counts)),
                             np.fromiter(counts.values(), np.float64, len(counts))))
        info = _Chunk(term_of_chunk(chunk), tokens, rows, tuple(features))
        if len(self._cache) >= self.CACHE_LIMIT:
            self._cache.clear()
        self._cache[chunk] = info
        return info

    def batch(self, texts: Sequence[str]) -> Batch:
        # Python touches each chunk and each multi-word n-gram once; everything else is numpy on the batch.
        cached, make = self._cache.get, self._chunk
        infos: list[_Chunk] = []
        chunks_per_sentence: list[int] = []
        for text in texts:
            sentence_infos = [cached(c) or make(c) for c in text_chunks(text)]
            infos += sentence_infos
            chunks_per_sentence.append(len(sentence_infos))
        size = len(texts)
        n_chunks = len(infos)
        chunk_sentence = np.repeat(np.arange(size, dtype=np.int64), chunks_per_sentence)
        tokens_per_chunk = np.fromiter([len(info.tokens) for info in infos], np.int64, n_chunks)
        token_chunk = np.repeat(np.arange(n_chunks, dtype=np.int64), tokens_per_chunk)
        token_sentence = chunk_sentence[token_chunk]
        token_counts = np.bincount(token_sentence, minlength=size).astype(np.int64)
        n_tokens = len(token_chunk)
        token_rows = np.fromiter([r for info in infos for r in info.rows], np.int64, n_tokens)
        tokens: list[str] | None = None
        occurrences: list[dict[str, np.ndarray]] = []
        for k, block in enumerate(self.blocks):
            if block.analyzer == "word":
                low, high = block.ngram_range
                ids = [np.fromiter([f for info in infos for f in info.features[k]], np.int64, n_tokens if low == 1 else 0)]
                starts = [np.arange(len(ids[0]), dtype=np.int64)]
                ns = [np.ones(len(ids[0]), dtype=np.int64)]
                if high > 1 and tokens is None:
                    tokens = [t for info in infos for t in info.tokens]
                vocabulary = block.vocabulary
                for n in range(max(low, 2), high + 1):
                    # All n-grams of the batch at once; those that cross a sentence boundary are dropped.
                    if n == 2:
                        grams = [vocabulary.get(f"{a} {b}", -1) for a, b in zip(tokens, tokens[1:])]
                    else:
                        grams = [vocabulary.get(" ".join(tokens[p : p + n]), -1) for p in range(n_tokens - n + 1)]
                    gram_ids = np.asarray(grams, dtype=np.int64)
                    first = np.arange(len(gram_ids), dtype=np.int64)
                    inside = token_sentence[first] == token_sentence[first + n - 1] if len(first) else first.astype(bool)
                    ids.append(np.where(inside, gram_ids, -1))
                    starts.append(first)
                    ns.append(np.full(len(gram_ids), n, dtype=np.int64))
                ids, starts, ns = np.concatenate(ids), np.concatenate(starts), np.concatenate(ns)
                found = ids >= 0
                ids, starts, ns = ids[found], starts[found], ns[found]
                occurrences.append({"sentence": token_sentence[starts], "feature": ids,
                                    "count": np.ones(len(ids)), "start": starts, "n": ns})
            else:
                parts = [info.features[k] for info in infos]
                lengths = np.fromiter((len(f) for f, _ in parts), np.int64, n_chunks)
                chunks = np.repeat(np.arange(n_chunks, dtype=np.int64), lengths)
                occurrences.append({
                    "sentence": chunk_sentence[chunks], "chunk": chunks,
                    "feature": np.concatenate([f for f, _ in parts]) if parts else np.zeros(0, dtype=np.int64),
                    "count": np.concatenate([c for _, c in parts]) if parts else np.zeros(0)})
        return Batch(
            size=size, chunk_terms=[info.term for info in infos], chunk_sentence=chunk_sentence,
            chunk_offsets=np.concatenate([[0], np.cumsum(chunks_per_sentence, dtype=np.int64)]).astype(np.int64),
            token_sentence=token_sentence, token_chunk=token_chunk, token_rows=token_rows,
            token_counts=token_counts, occurrences=occurrences)

    # ------------------------------------------------------------------ TF-IDF blocks

    def block_values(self, batch: Batch, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Block k's non-zero cells: sentence, feature, tf-idf value and term count; and each occurrence's cell."""
        block = self.blocks[k]
        occurrence = batch.occurrences[k]
        counts = sp.csr_matrix((occurrence["count"], (occurrence["sentence"], occurrence["feature"])),
                               shape=(batch.size, block.size))
        counts.sum_duplicates()  # sorts each row's features and adds up repeats, in compiled code
        cell_sentence = np.repeat(np.arange(batch.size, dtype=np.int64), np.diff(counts.indptr))
        cell_feature = counts.indices.astype(np.int64)
        tf = counts.data
        values = (np.log(tf) + 1.0 if block.sublinear_tf else tf.copy()) * block.idf[cell_feature]
        norms = np.sqrt(np.bincount(cell_sentence, weights=values * values, minlength=batch.size))
        norms[norms == 0] = 1.0
        values /= norms[cell_sentence]
        keys = cell_sentence * block.size + cell_feature  # sorted, as rows and their features are
        inverse = np.searchsorted(keys, occurrence["sentence"] * block.size + occurrence["feature"])
        return cell_sentence, cell_feature, values, tf, inverse

    def block_matrix(self, batch: Batch, k: int) -> sp.csr_matrix:
        rows, columns, values, _, _ = self.block_values(batch, k)
        return sp.csr_matrix((values, (rows, columns)), shape=(batch.size, self.blocks[k].size))

    @staticmethod
    def block_scores(batch: Batch, values: tuple, coef: np.ndarray) -> np.ndarray:
        rows, columns, tfidf, _, _ = values
        return np.bincount(rows, weights=tfidf * coef[columns], minlength=batch.size)

    @staticmethod
    def block_chunk_credit(batch: Batch, occurrence: dict[str, np.ndarray], values: tuple,
                           coef: np.ndarray) -> np.ndarray:
        """Each chunk's share of a block's score: an n-gram's contribution split over its occurrences
        and, within one occurrence, evenly over the words it spans."""
        _, columns, tfidf, tf, inverse = values
        credit = (tfidf * coef[columns] / tf)[inverse] * occurrence["count"]
        if "chunk" in occurrence:
            chunks = occurrence["chunk"]
        else:
            ns = occurrence["n"]
            credit = np.repeat(credit / ns, ns)
            within = np.arange(len(credit)) - np.repeat(np.cumsum(ns) - ns, ns)
            chunks = batch.token_chunk[np.repeat(occurrence["start"], ns) + within]
        return np.bincount(chunks, weights=credit, minlength=len(batch.chunk_terms))

    # ------------------------------------------------------------------ dense features

    def _token_column(self, batch: Batch, column: str) -> np.ndarray:
        values = self.table.columns[column]
        default = self.table.defaults.get(column, 0.0)
        rows = batch.token_rows
        result = np.where(rows >= 0, values[np.maximum(rows, 0)], default) if len(rows) else np.zeros(0)
        return _sigmoid(result) if column == "bias_word_logit" else result

    def _ranks(self, batch: Batch, values: np.ndarray) -> np.ndarray:
        """Each token's rank within its sentence by descending value (ties: first occurrence first)."""
        order = np.lexsort((-values, batch.token_sentence))
        starts = np.cumsum(batch.token_counts) - batch.token_counts
        ranks = np.empty(len(values), dtype=np.int64)
        ranks[order] = np.arange(len(values)) - starts[batch.token_sentence[order]]
        return ranks

    def embedding_mean(self, batch: Batch, column: str) -> np.ndarray:
        """Per sentence, the mean of a per-word column over the words that had a word vector."""
        values = self._token_column(batch, column)
        known = self._embedded(batch)
        total = np.bincount(batch.token_sentence, weights=values * known, minlength=batch.size)
        count = np.bincount(batch.token_sentence, weights=known.astype(float), minlength=batch.size)
        return np.divide(total, count, out=np.zeros(batch.size), where=count > 0)

    def _embedded(self, batch: Batch) -> np.ndarray:
        return (batch.token_rows >= 0) & (batch.token_rows < self.table.embedded_rows)

    def dense(self, batch: Batch, names: Sequence[str], signals: Sequence[Signals | None] | None = None,
              cache: dict | None = None) -> np.ndarray:
        """The dense feature matrix (texts x names): word-table features and ``signal:*`` counts.

        ``cache`` keeps per-token values for :meth:`dense_token_credit` on the same batch.
        """
        n = batch.size
        matrix = np.zeros((n, len(names)), dtype=np.float64)
        tokens = np.maximum(batch.token_counts, 1).astype(np.float64)
        sentence = batch.token_sentence
        cache = {} if cache is None else cache
        if signals is not None:
            signal_columns = {name[len("signal:"):]: j for j, name in enumerate(names) if name.startswith("signal:")}
            for i, counts in enumerate(signals):
                for key, value in (counts or {}).items():
                    j = signal_columns.get(key)
                    if j is not None:
                        matrix[i, j] = value
        for j, name in enumerate(names):
            if name.startswith("signal:"):
                continue
            if name == "log_tokens":
                matrix[:, j] = np.log1p(batch.token_counts)
                continue
            column = DENSE_FEATURES[name]
            if self.table is None or column not in self.table.columns:
                continue
            if column not in cache:
                cache[column] = self._token_column(batch, column)
            values = cache[column]
            if name == "embedding_score":
                known = self._embedded(batch)
                total = np.bincount(sentence, weights=values * known, minlength=n)
                count = np.bincount(sentence, weights=known.astype(float), minlength=n)
                matrix[:, j] = np.divide(total, count, out=np.zeros(n), where=count > 0)
                continue
            shares = cache[f"shares:{name}"] = self._shares(batch, name, values, cache)
            if name in ("lexicon_any",):
                matrix[:, j] = np.bincount(sentence, weights=shares, minlength=n) > 0
            elif name in ("lexicon_share", "bias_word_mean"):
                matrix[:, j] = np.bincount(sentence, weights=shares, minlength=n) / tokens
            elif _SHARES[name] in ("top1", "top3", "value"):
                matrix[:, j] = np.bincount(sentence, weights=values * (shares > 0), minlength=n)
            else:  # counts
                matrix[:, j] = np.bincount(sentence, weights=shares, minlength=n)
        return matrix

    def _shares(self, batch: Batch, name: str, values: np.ndarray, cache: dict) -> np.ndarray:
        """Per token, its weight in feature ``name`` (explanations divide the feature's contribution by these)."""
        rule = _SHARES[name]
        if rule in ("top1", "top3"):
            key = f"ranks:{DENSE_FEATURES[name]}"
            if key not in cache:
                cache[key] = self._ranks(batch, values)
            ranks = cache[key]
            return np.where(ranks < (1 if rule == "top1" else 3), values, 0.0)
        if rule == "value":
            return values.copy()
        if rule == "nonzero":
            return (values > 0).astype(float)
        if rule == "ge2":
            return (values >= 2).astype(float)
        return (values > float(rule[2:])).astype(float)  # "gtX"

    def dense_token_credit(self, batch: Batch, names: Sequence[str], coef: np.ndarray,
                           dense: np.ndarray, cache: dict | None = None) -> np.ndarray:
        """Each token's share of the word-table features' contribution to the score."""
        credit = np.zeros(len(batch.token_rows))
        if self.table is None or not len(credit):
            return credit
        sentence = batch.token_sentence
        cache = {} if cache is None else cache
        for j, name in enumerate(names):
            column = DENSE_FEATURES.get(name)
            if column is None or column not in self.table.columns or not coef[j]:
                continue
            if column not in cache:
                cache[column] = self._token_column(batch, column)
            values = cache[column]
            if name == "embedding_score":  # a mean of signed per-word scores: each word its own term
                known = self._embedded(batch)
                count = np.bincount(sentence, weights=known.astype(float), minlength=batch.size)
                credit += np.where(known, coef[j] * values / np.maximum(count, 1)[sentence], 0.0)
                continue
            shares = cache.get(f"shares:{name}")
            if shares is None:
                shares = self._shares(batch, name, values, cache)
            if name == "valence_max":  # the single strongest word
                shares = np.where(shares > 0, 1.0, 0.0)
            elif name in ("bias_word_max", "annotated_max"):
                key = f"ranks:{column}"
                if key not in cache:
                    cache[key] = self._ranks(batch, values)
                shares = np.where(cache[key] == 0, 1.0, 0.0)
            total = np.bincount(sentence, weights=shares, minlength=batch.size)
            contribution = dense[:, j] * coef[j]
            credit += np.where(total[sentence] > 0, contribution[sentence] * shares / np.where(total > 0, total, 1)[sentence], 0.0)
        return credit


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def dense_matrix(names: Sequence[str], texts: Sequence[str], table: WordTable | None,
                 signals: Sequence[Signals | None] | None = None) -> np.ndarray:
    """The dense feature matrix of ``texts`` (for training; models reuse one Featurizer)."""
    featurizer = Featurizer([], table)
    return featurizer.dense(featurizer.batch(texts), names, signals)


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
