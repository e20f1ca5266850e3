"""Sentence features for the bias classifier: TF-IDF n-grams, word tables and the detectors' lexicon signals.

Everything here is plain Python and numpy/scipy, so a model rebuilt from its JSON file computes
exactly the features it was trained on. The tokenisation reproduces scikit-learn's
``TfidfVectorizer`` (word: ``(?u)\\b\\w\\w+\\b`` on lowercased text; ``char_wb``: padded character
n-grams inside whitespace-separated chunks); ``tests/test_classifier.py`` checks the equality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter, methodcaller
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .arrays import Growing, IntMap, gather, group_keys, segment_top

TOKEN_PATTERN = re.compile(r"(?u)\b\w\w+\b")
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
#: Each signal's column in :func:`signal_array`, by the field it is read from.
_SIGNAL_COLUMNS = {kind: {name.partition(":")[2]: j for j, name in enumerate(SIGNAL_NAMES)
                          if name.startswith(kind + ":")}
                   for kind in ("code", "category", "source")}


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
    """Lowercased whitespace-separated chunks: the units ``char_wb`` n-grams live in.

    scikit-learn first turns runs of whitespace into one space; ``split()`` needs no such step, as
    ``str.split`` and the regex ``\\s`` agree on what whitespace is, and lowercasing never makes any.
    """
    return text.lower().split()


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


class _WordGrams:
    """A word block's vocabulary as integers, so that a batch's n-grams are found with numpy, not strings.

    Every word of the vocabulary's n-grams gets an id; an n-gram is then its (n-1)-word prefix's id
    and its last word's id, looked up as the key ``prefix * words + word`` in an :class:`IntMap`.
    Tokens have no spaces, so these pairs of ids name exactly the strings that space-joined tokens would.
    """

    def __init__(self, block: TfidfBlock):
        self.word_ids: dict[str, int] = {}
        grams = [(term.split(" "), feature) for term, feature in block.vocabulary.items()]
        prefix = []
        for words, _ in grams:
            prefix.append(self.word_ids.setdefault(words[0], len(self.word_ids)))
            for word in words[1:]:
                self.word_ids.setdefault(word, len(self.word_ids))
        self.size = len(self.word_ids)
        #: features[n - 1][id]: the vocabulary index of the n-word prefix with that id (-1: only a prefix).
        self.features = [np.full(self.size, -1, dtype=np.int64)]
        #: prefixes[n - 2]: ``prefix * size + word`` -> id of the n-word prefix.
        self.prefixes: list[IntMap] = []
        for n in range(1, max((len(words) for words, _ in grams), default=1) + 1):
            if n > 1:
                known: dict[int, int] = {}
                for g, (words, _) in enumerate(grams):
                    if len(words) >= n:
                        key = prefix[g] * self.size + self.word_ids[words[n - 1]]
                        prefix[g] = known.setdefault(key, len(known))
                self.prefixes.append(IntMap(known))
                self.features.append(np.full(len(known), -1, dtype=np.int64))
            for g, (words, feature) in enumerate(grams):
                if len(words) == n:
                    self.features[n - 1][prefix[g]] = feature

    def extend(self, prefix: np.ndarray, word: np.ndarray, n: int) -> np.ndarray:
        """The ids of n-word prefixes from (n-1)-word prefix ids and next-word ids (-1 where unknown)."""
        result = np.full(len(prefix), -1, dtype=np.int64)
        if n - 2 < len(self.prefixes):  # else the vocabulary has no n-grams this long
            both = np.flatnonzero((prefix >= 0) & (word >= 0))
            result[both] = self.prefixes[n - 2].get(prefix[both] * self.size + word[both])
        return result

    def feature(self, prefix: np.ndarray, n: int) -> np.ndarray:
        """The vocabulary index of each n-word prefix id (-1: not an n-gram of the vocabulary)."""
        if n - 1 >= len(self.features) or not len(prefix):
            return np.full(len(prefix), -1, dtype=np.int64)
        return np.where(prefix >= 0, self.features[n - 1][np.maximum(prefix, 0)], -1)


class _ChunkTable:
    """Every distinct chunk seen so far, as numbers in flat arrays that a batch gathers in one go.

    Chunk c's tokens are ``token_start[c] : token_start[c] + token_count[c]`` of the per-token arrays
    (word-table row and, per word block, the word's id in :class:`_WordGrams`); a char_wb block's
    n-gram features and counts are likewise a slice of that block's flat arrays. Chunks are added
    only for text the table has not seen, so Python touches each distinct chunk once.
    """

    def __init__(self, blocks: Sequence[TfidfBlock], grams: Sequence[_WordGrams | None], table: WordTable | None):
        self.blocks, self.grams = blocks, grams
        self.table_index = table.index if table is not None else {}
        self.ids: dict[str, int] = {}
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = []  # display forms; chunks "Kiev," and "kiev" share the term "kiev"
        self.term, self.token_start, self.token_count, self.token_rows = (Growing() for _ in range(4))
        self.token_words = [Growing() for _ in blocks]
        self.gram_start = [Growing() for _ in blocks]
        self.gram_count = [Growing() for _ in blocks]
        self.gram_features = [Growing() for _ in blocks]
        self.gram_counts = [Growing(np.float64) for _ in blocks]

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, chunks: Iterable[str]) -> None:
        """Add the chunks that are not in the table yet."""
        new = [chunk for chunk in dict.fromkeys(chunks) if chunk not in self.ids]
        if not new:
            return
        self.ids.update(zip(new, range(len(self.ids), len(self.ids) + len(new))))
        term_ids, terms = self.term_ids, self.terms
        new_terms = list(map(term_of_chunk, new))
        for term in new_terms:
            if term not in term_ids:
                term_ids[term] = len(terms)
                terms.append(term)
        self.term.extend(list(map(term_ids.__getitem__, new_terms)))
        tokens_per_chunk = list(map(TOKEN_PATTERN.findall, new))
        tokens = list(chain.from_iterable(tokens_per_chunk))
        counts = np.fromiter(map(len, tokens_per_chunk), np.int64, len(new))
        self.token_start.extend(np.cumsum(counts) - counts + len(self.token_rows.values))
        self.token_count.extend(counts)
        self.token_rows.extend(list(map(self.table_index.get, tokens, repeat(-1))))
        for k, block in enumerate(self.blocks):
            if block.analyzer == "word":
                self.token_words[k].extend(list(map(self.grams[k].word_ids.get, tokens, repeat(-1))))
                continue
            sizes, features, counts_k = [], [], []
            for chunk in new:
                grams: dict[int, int] = {}
                for gram in chunk_char_ngrams(chunk, block.ngram_range):
                    feature = block.vocabulary.get(gram)
                    if feature is not None:
                        grams[feature] = grams.get(feature, 0) + 1
                sizes.append(len(grams))
                features += grams.keys()
                counts_k += grams.values()
            sizes = np.asarray(sizes, dtype=np.int64)
            self.gram_start[k].extend(np.cumsum(sizes) - sizes + len(self.gram_features[k].values))
            self.gram_count[k].extend(sizes)
            self.gram_features[k].extend(features)
            self.gram_counts[k].extend(counts_k)


@dataclass
class Batch:
    """A batch of texts cut into chunks and tokens, with every n-gram occurrence located."""

    size: int
    #: Each chunk's display term, as an index into ``terms``.
    chunk_terms: np.ndarray
    terms: list[str]
    chunk_sentence: np.ndarray
    chunk_offsets: np.ndarray  # chunks of sentence s: chunk_offsets[s]:chunk_offsets[s+1]
    token_sentence: np.ndarray
    token_chunk: np.ndarray
    token_rows: np.ndarray
    token_counts: np.ndarray
    #: Per block: sentence, feature and count of each occurrence, and where it sits: for char_wb its
    #: chunk, for word n-grams the first token and n.
    occurrences: list[dict[str, np.ndarray]]
    #: Per-token arrays that several features read (word-table columns), computed once per batch.
    derived: dict[str, np.ndarray] = field(default_factory=dict, repr=False)


class Featurizer:
    """Turns texts into the model's features in whole batches; per-chunk work is done once and kept."""

    CACHE_LIMIT = 200_000

    def __init__(self, blocks: Sequence[TfidfBlock], table: WordTable | None):
        self.blocks = list(blocks)
        self.table = table
        self._grams = [_WordGrams(block) if block.analyzer == "word" else None for block in self.blocks]
        self._defaulted: dict[str, np.ndarray] = {}  # word-table columns with their default appended
        self.clear_cache()

    def clear_cache(self) -> None:
        self._chunks = _ChunkTable(self.blocks, self._grams, self.table)

    def batch(self, texts: Sequence[str]) -> Batch:
        # Python touches each chunk once (a dict look-up) and each chunk never seen before once more;
        # everything else is numpy on the whole batch.
        per_sentence = list(map(text_chunks, texts))
        chunks = list(chain.from_iterable(per_sentence))
        chunks_per_sentence = list(map(len, per_sentence))
        table = self._chunks
        if len(table) + len(chunks) > self.CACHE_LIMIT and len(table):
            self.clear_cache()
            table = self._chunks
        chunk_ids = np.fromiter(map(table.ids.get, chunks, repeat(-1)), np.int64, len(chunks))
        missing = np.flatnonzero(chunk_ids < 0)
        if len(missing):
            new_chunks = [chunks[i] for i in missing.tolist()]
            table.add(new_chunks)
            chunk_ids[missing] = [table.ids[chunk] for chunk in new_chunks]
        size = len(texts)
        n_chunks = len(chunk_ids)
        chunk_sentence = np.repeat(np.arange(size, dtype=np.int64), chunks_per_sentence)
        tokens_per_chunk = table.token_count.values[chunk_ids]
        token_index = gather(table.token_start.values[chunk_ids], tokens_per_chunk)
        token_chunk = np.repeat(np.arange(n_chunks, dtype=np.int64), tokens_per_chunk)
        token_sentence = chunk_sentence[token_chunk]
        token_counts = np.bincount(token_sentence, minlength=size).astype(np.int64)
        occurrences: list[dict[str, np.ndarray]] = []
        for k, block in enumerate(self.blocks):
            if block.analyzer == "word":
                # Unigrams, then all bigrams of the batch, then trigrams...; an n-gram that crosses a
                # sentence boundary is dropped. (This order is the one the credit sums run in.)
                grams, (low, high) = self._grams[k], block.ngram_range
                words = table.token_words[k].values[token_index]
                prefix = words
                ids_, starts, ns = [], [], []
                for n in range(1, high + 1):
                    if n > 1:
                        prefix = grams.extend(prefix[:-1], words[n - 1:], n)
                    if n < low:
                        continue
                    gram_ids = grams.feature(prefix, n)
                    first = np.arange(len(gram_ids), dtype=np.int64)
                    if n > 1:
                        gram_ids = np.where(token_sentence[first] == token_sentence[first + n - 1], gram_ids, -1)
                    ids_.append(gram_ids)
                    starts.append(first)
                    ns.append(np.full(len(gram_ids), n, dtype=np.int64))
                gram_ids, starts, ns = np.concatenate(ids_), np.concatenate(starts), np.concatenate(ns)
                found = gram_ids >= 0
                gram_ids, starts, ns = gram_ids[found], starts[found], ns[found]
                occurrences.append({"sentence": token_sentence[starts], "feature": gram_ids,
                                    "count": np.ones(len(gram_ids)), "start": starts, "n": ns})
            else:
                lengths = table.gram_count[k].values[chunk_ids]
                gram_index = gather(table.gram_start[k].values[chunk_ids], lengths)
                chunks_of_grams = np.repeat(np.arange(n_chunks, dtype=np.int64), lengths)
                occurrences.append({
                    "sentence": chunk_sentence[chunks_of_grams], "chunk": chunks_of_grams,
                    "feature": table.gram_features[k].values[gram_index],
                    "count": table.gram_counts[k].values[gram_index]})
        return Batch(
            size=size, chunk_terms=table.term.values[chunk_ids], terms=table.terms, chunk_sentence=chunk_sentence,
            chunk_offsets=np.concatenate([[0], np.cumsum(chunks_per_sentence, dtype=np.int64)]).astype(np.int64),
            token_sentence=token_sentence, token_chunk=token_chunk, token_rows=table.token_rows.values[token_index],
            token_counts=token_counts, occurrences=occurrences)

    # ------------------------------------------------------------------ TF-IDF blocks

    def block_values(self, batch: Batch, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Block k's non-zero cells: sentence, feature, tf-idf value and term count; and each occurrence's cell."""
        block = self.blocks[k]
        occurrence = batch.occurrences[k]
        cells, inverse = group_keys(occurrence["sentence"] * block.size + occurrence["feature"])
        cell_sentence, cell_feature = np.divmod(cells, block.size)
        tf = np.bincount(inverse, weights=occurrence["count"], minlength=len(cells))  # whole counts: exact
        values = (np.log(tf) + 1.0 if block.sublinear_tf else tf.copy()) * block.idf[cell_feature]
        norms = np.sqrt(np.bincount(cell_sentence, weights=values * values, minlength=batch.size))
        norms[norms == 0] = 1.0
        values /= norms[cell_sentence]
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
        """Each token's value in a word-table column (the column's default for a word not in the table)."""
        key = f"column:{column}"
        if key not in batch.derived:
            if "rows" not in batch.derived:  # a missing word reads the default appended after the last row
                batch.derived["rows"] = np.where(batch.token_rows >= 0, batch.token_rows, len(self.table.words))
            if column not in self._defaulted:
                self._defaulted[column] = np.append(self.table.columns[column], self.table.defaults.get(column, 0.0))
            values = self._defaulted[column][batch.derived["rows"]]
            batch.derived[key] = _sigmoid(values) if column == "bias_word_logit" else values
        return batch.derived[key]

    #: Features read only the top three ranks, so ranks stop there.
    TOP_RANKS = 3

    def _ranks(self, batch: Batch, values: np.ndarray) -> np.ndarray:
        """Each token's rank within its sentence by descending value (ties: first occurrence first);
        every rank from ``TOP_RANKS`` on is given as ``TOP_RANKS``."""
        ranks = np.full(len(values), self.TOP_RANKS, dtype=np.int64)
        for rank, positions in enumerate(segment_top(values, batch.token_counts, self.TOP_RANKS)):
            ranks[positions] = rank
        return ranks

    def embedding_mean(self, batch: Batch, column: str) -> np.ndarray:
        """Per sentence, the mean of a per-word column over the words that had a word vector."""
        values = self._token_column(batch, column)
        known = self._embedded(batch)
        total = np.bincount(batch.token_sentence, weights=values * known, minlength=batch.size)
        count = np.bincount(batch.token_sentence, weights=known.astype(float), minlength=batch.size)
        return np.divide(total, count, out=np.zeros(batch.size), where=count > 0)

    def _embedded(self, batch: Batch) -> np.ndarray:
        if "embedded" not in batch.derived:
            batch.derived["embedded"] = (batch.token_rows >= 0) & (batch.token_rows < self.table.embedded_rows)
        return batch.derived["embedded"]

    def dense(self, batch: Batch, names: Sequence[str], signals: Sequence[Signals | None] | None = None,
              cache: dict | None = None) -> np.ndarray:
        """The dense feature matrix (texts x names): word-table features and ``signal:*`` counts.

        ``signals`` are one mapping per text, or the rows of :func:`signal_array`. ``cache`` keeps
        per-token values for :meth:`dense_token_credit` on the same batch.
        """
        n = batch.size
        matrix = np.zeros((n, len(names)), dtype=np.float64)
        tokens = np.maximum(batch.token_counts, 1).astype(np.float64)
        sentence = batch.token_sentence
        cache = {} if cache is None else cache
        if isinstance(signals, np.ndarray):
            for j, name in enumerate(names):
                if name.startswith("signal:"):
                    matrix[:, j] = signals[:, SIGNAL_NAMES.index(name[len("signal:"):])]
        elif signals is not None:
            signal_columns = {name[len("signal:"):]: j for j, name in enumerate(names) if name.startswith("signal:")}
            # All counts of the batch flattened in compiled loops, written with one numpy assignment.
            maps = [counts or {} for counts in signals]
            keys = list(chain.from_iterable(maps))
            columns = np.fromiter(map(signal_columns.get, keys, repeat(-1)), np.int64, len(keys))
            values = np.fromiter(chain.from_iterable(map(methodcaller("values"), maps)), np.float64, len(keys))
            rows = np.repeat(np.arange(n, dtype=np.int64), list(map(len, maps)))
            known = columns >= 0
            matrix[rows[known], columns[known]] = values[known]
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
            # Most words weigh nothing in most features (outside the lexicons, below a threshold, not
            # among a sentence's top three): sums over the others are the same sums, exactly.
            nonzero = cache[f"nonzero:{name}"] = np.flatnonzero(shares)
            where, shares = sentence[nonzero], shares[nonzero]
            if name in ("lexicon_any",):
                matrix[:, j] = np.bincount(where, weights=shares, minlength=n) > 0
            elif name in ("lexicon_share", "bias_word_mean"):
                matrix[:, j] = np.bincount(where, weights=shares, minlength=n) / tokens
            elif _SHARES[name] in ("top1", "top3", "value"):
                matrix[:, j] = np.bincount(where, weights=values[nonzero] * (shares > 0), minlength=n)
            else:  # counts
                matrix[:, j] = np.bincount(where, weights=shares, minlength=n)
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
            nonzero = cache.get(f"nonzero:{name}")
            if name == "valence_max":  # the single strongest word
                shares = np.where(shares > 0, 1.0, 0.0)
                nonzero = None
            elif name in ("bias_word_max", "annotated_max"):
                key = f"ranks:{column}"
                if key not in cache:
                    cache[key] = self._ranks(batch, values)
                shares = np.where(cache[key] == 0, 1.0, 0.0)
                nonzero = None
            # Only words with a share get credit (the others would add 0.0), as in dense().
            nonzero = np.flatnonzero(shares) if nonzero is None else nonzero
            where, shares = sentence[nonzero], shares[nonzero]
            total = np.bincount(where, weights=shares, minlength=batch.size)
            contribution = dense[:, j] * coef[j]
            denominator = np.where(total > 0, total, 1)[where]
            credit[nonzero] += np.where(total[where] > 0, contribution[where] * shares / denominator, 0.0)
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
        code = "code:" + finding.code
        counts[code] = counts.get(code, 0.0) + 1.0
        category = "category:" + finding.category
        counts[category] = counts.get(category, 0.0) + 1.0
    if source_type:
        key = "source:" + source_type
        counts[key] = counts.get(key, 0.0) + 1.0
    return counts


def signal_array(sentences: Sequence[Any]) -> np.ndarray:
    """:func:`signals_of_sentence` for many analysed sentences at once: counts in the columns of
    ``SIGNAL_NAMES``, one row per sentence (what the classifier detector passes to the model).

    The findings are read in compiled loops (map over all of them), with no dict per sentence.
    """
    findings = [sentence.findings for sentence in sentences]
    everything = list(chain.from_iterable(findings))
    rows = np.repeat(np.arange(len(sentences), dtype=np.int64), list(map(len, findings)))
    matrix = np.zeros((len(sentences), len(SIGNAL_NAMES)))
    for kind in ("code", "category"):
        columns = np.fromiter(map(_SIGNAL_COLUMNS[kind].get, map(attrgetter(kind), everything), repeat(-1)),
                              np.int64, len(everything))
        known = columns >= 0
        np.add.at(matrix, (rows[known], columns[known]), 1.0)
    sources = [sentence.details.get("source_type") for sentence in sentences]
    columns = np.fromiter(map(_SIGNAL_COLUMNS["source"].get, sources, repeat(-1)), np.int64, len(sentences))
    known = np.flatnonzero(columns >= 0)
    matrix[known, columns[known]] += 1.0
    return matrix


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
