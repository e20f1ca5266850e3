"""Honest evaluation: grouped cross-validation and held-out scoring, with the metric arithmetic spelt out."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from .model import BiasModel
from .train import Dataset, Resources, TrainConfig, fit_model, load_resources


# --------------------------------------------------------------------------- metrics

def roc_auc(y: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the chance a random positive outscores a random negative (ties count 1/2)."""
    y = np.asarray(y, dtype=int)
    scores = np.asarray(scores, dtype=np.float64)
    positives, negatives = int(y.sum()), int(len(y) - y.sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):  # average ranks over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2.0) / (positives * negatives))


def reliability_bins(y: Sequence[int], probabilities: Sequence[float], bins: int = 10) -> list[dict[str, float]]:
    """Equal-width probability bins: how many sentences, mean predicted probability, observed share positive."""
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(probabilities, dtype=np.float64)
    index = np.minimum((p * bins).astype(int), bins - 1)
    result = []
    for b in range(bins):
        mask = index == b
        count = int(mask.sum())
        result.append({"low": b / bins, "high": (b + 1) / bins, "count": count,
                       "mean_predicted": float(p[mask].mean()) if count else None,
                       "observed": float(y[mask].mean()) if count else None})
    return result


def expected_calibration_error(bins: list[dict[str, float]]) -> float:
    total = sum(b["count"] for b in bins)
    return float(sum(b["count"] * abs(b["mean_predicted"] - b["observed"]) for b in bins if b["count"]) / max(total, 1))


def binary_metrics(y: Sequence[int], probabilities: Sequence[float], threshold: float = 0.5,
                   labels: tuple[str, str] = ("negative", "positive"), bins: int = 10) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro F1, accuracy, ROC AUC, Brier score and reliability bins."""
    y = np.asarray(y, dtype=int)
    p = np.asarray(probabilities, dtype=np.float64)
    predicted = (p >= threshold).astype(int)
    per_class = {}
    for value, name in ((0, labels[0]), (1, labels[1])):
        true_pos = int(((predicted == value) & (y == value)).sum())
        predicted_count = int((predicted == value).sum())
        actual_count = int((y == value).sum())
        precision = true_pos / predicted_count if predicted_count else 0.0
        recall = true_pos / actual_count if actual_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": precision, "recall": recall, "f1": f1, "support": actual_count}
    reliability = reliability_bins(y, p, bins)
    operating_points = []
    for cut in (0.5, 0.6, 0.7, 0.8, 0.9):
        flagged = p >= cut
        hits = int((flagged & (y == 1)).sum())
        operating_points.append({"threshold": cut, "flagged": int(flagged.sum()),
                                 "precision": hits / int(flagged.sum()) if flagged.any() else None,
                                 "recall": hits / int((y == 1).sum()) if (y == 1).any() else None})
    return {
        "n": int(len(y)),
        "threshold": threshold,
        "per_class": per_class,
        "macro_f1": float(np.mean([c["f1"] for c in per_class.values()])),
        "accuracy": float((predicted == y).mean()) if len(y) else 0.0,
        "roc_auc": roc_auc(y, p),
        "brier": float(np.mean((p - y) ** 2)) if len(y) else 0.0,
        "ece": expected_calibration_error(reliability),
        "reliability": reliability,
        "operating_points": operating_points,
    }


def multiclass_metrics(y: Sequence[int], probabilities: np.ndarray, labels: Sequence[str],
                       bins: int = 10) -> dict[str, Any]:
    """Per-class precision/recall/F1, macro F1, accuracy, one-vs-rest macro ROC AUC, Brier score
    (summed over classes) and top-label calibration (ECE, reliability of the predicted class)."""
    y = np.asarray(y, dtype=int)
    p = np.asarray(probabilities, dtype=np.float64).reshape(len(y), len(labels))
    predicted = p.argmax(axis=1)
    per_class = {}
    for value, name in enumerate(labels):
        true_pos = int(((predicted == value) & (y == value)).sum())
        predicted_count, actual_count = int((predicted == value).sum()), int((y == value).sum())
        precision = true_pos / predicted_count if predicted_count else 0.0
        recall = true_pos / actual_count if actual_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": precision, "recall": recall, "f1": f1, "support": actual_count}
    onehot = np.eye(len(labels))[y]
    aucs = [roc_auc(y == c, p[:, c]) for c in range(len(labels))]
    reliability = reliability_bins(predicted == y, p.max(axis=1), bins)
    return {
        "n": int(len(y)), "threshold": None, "per_class": per_class,
        "macro_f1": float(np.mean([c["f1"] for c in per_class.values()])),
        "accuracy": float((predicted == y).mean()) if len(y) else 0.0,
        "roc_auc": float(np.nanmean(aucs)),
        "brier": float(np.mean(((p - onehot) ** 2).sum(axis=1))) if len(y) else 0.0,
        "ece": expected_calibration_error(reliability),
        "reliability": reliability,
    }


# --------------------------------------------------------------------------- cross-validation

SUMMARY_KEYS = ("macro_f1", "roc_auc", "brier", "ece", "accuracy")


def grouped_folds(dataset: Dataset, folds: int = 5, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds over groups: all sentences of one article land in the same fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    n_groups = len(set(dataset.groups.tolist()))
    if n_groups < folds:
        raise ValueError(f"{folds} folds need at least {folds} groups; the data has {n_groups}")
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(dataset.texts)), dataset.labels, dataset.groups))


@dataclass
class CVResult:
    name: str
    folds: list[dict[str, Any]]
    pooled: dict[str, Any]

    def summary(self) -> dict[str, dict[str, float]]:
        return {key: {"mean": float(np.mean([f[key] for f in self.folds])),
                      "std": float(np.std([f[key] for f in self.folds]))} for key in SUMMARY_KEYS}

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "summary": self.summary(), "folds": self.folds, "pooled": self.pooled}


def baseline_predictions(train: Dataset, test: Dataset) -> np.ndarray:
    """The plain baseline: word 1-2-gram + char_wb 2-5-gram TF-IDF, logistic regression (C=3)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    pipeline = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        LogisticRegression(C=3.0, max_iter=3000))
    pipeline.fit(train.texts, train.labels)
    return pipeline.predict_proba(test.texts)[:, 1]


def baseline_opinion(train: Dataset, test: Dataset, labels: list[str]) -> np.ndarray:
    """The plain baseline for the second label: the same TF-IDF features, multinomial logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    rows = [i for i, o in enumerate(train.opinions) if o is not None]
    pipeline = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        LogisticRegression(C=3.0, max_iter=3000))
    pipeline.fit([train.texts[i] for i in rows], [labels.index(train.opinions[i]) for i in rows])
    return pipeline.predict_proba(test.texts)


def cross_validate(dataset: Dataset, config: TrainConfig | None = None, *, folds: int = 5, seed: int = 0,
                   baseline: bool = True, signals: Sequence[dict] | None = None,
                   resources: Resources | None = None,
                   progress: Callable[[str], None] | None = None) -> dict[str, CVResult]:
    """Grouped K-fold CV of framing's model (and the plain baseline on the same folds)."""
    config = config or TrainConfig()
    say = progress or (lambda message: None)
    resources = resources if resources is not None else load_resources(config)
    if config.use_signals and signals is None:
        from .features import signals_for_texts

        say("running framing's detectors for the lexicon signals")
        signals = signals_for_texts(dataset.texts)
    splits = grouped_folds(dataset, folds, seed)
    results: dict[str, list] = {"framing": [], "baseline": []} if baseline else {"framing": []}
    pooled: dict[str, tuple[list, list]] = {name: ([], []) for name in results}
    for k, (train_rows, test_rows) in enumerate(splits, 1):
        say(f"fold {k}/{len(splits)}: {len(train_rows)} train, {len(test_rows)} test sentences")
        train, test = dataset.subset(train_rows), dataset.subset(test_rows)
        train_signals = [signals[i] for i in train_rows] if signals is not None else None
        test_signals = [signals[i] for i in test_rows] if signals is not None else None
        model = fit_model(train, config, resources=resources, signals=train_signals)
        predictions = {"framing": model.predict_proba(test.texts, test_signals)}
        if baseline:
            predictions["baseline"] = baseline_predictions(train, test)
        for name, p in predictions.items():
            metrics = binary_metrics(test.labels, p, config.threshold, dataset.label_names)
            metrics["fold"] = k
            if name == "framing":
                metrics["C"] = model.metadata.get("C")
            results[name].append(metrics)
            pooled[name][0].extend(test.labels.tolist())
            pooled[name][1].extend(p.tolist())
        if model.opinion is not None and test.opinions is not None:
            labels = model.opinion.labels
            rows = [i for i, o in enumerate(test.opinions) if o in labels]
            truth = [labels.index(test.opinions[i]) for i in rows]
            opinion_predictions = {"opinion": model.predict_opinion(test.texts, test_signals)[rows]}
            if baseline:
                opinion_predictions["opinion baseline"] = baseline_opinion(train, test, labels)[rows]
            for name, p in opinion_predictions.items():
                metrics = multiclass_metrics(truth, p, labels)
                metrics["fold"] = k
                results.setdefault(name, []).append(metrics)
                pooled.setdefault(name, ([], [], labels))
                pooled[name][0].extend(truth)
                pooled[name][1].extend(p.tolist())
    return {name: CVResult(name, fold_metrics,
                           binary_metrics(pooled[name][0], pooled[name][1], config.threshold, dataset.label_names)
                           if len(pooled[name]) == 2 else
                           multiclass_metrics(pooled[name][0], np.asarray(pooled[name][1]), pooled[name][2]))
            for name, fold_metrics in results.items()}


def evaluate_model(model: BiasModel, dataset: Dataset, signals: Sequence[dict] | None = None) -> dict[str, Any]:
    """Metrics of a saved model on a held-out file."""
    if model.uses_signals and signals is None:
        from .features import signals_for_texts

        signals = signals_for_texts(dataset.texts)
    p = model.predict_proba(dataset.texts, signals)
    return binary_metrics(dataset.labels, p, model.threshold, model.labels)


# --------------------------------------------------------------------------- text report

def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def format_metrics(metrics: dict[str, Any], title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'class':<22}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for name, m in metrics["per_class"].items():
        lines.append(f"{name[:21]:<22}{_fmt(m['precision']):>10}{_fmt(m['recall']):>10}{_fmt(m['f1']):>10}{m['support']:>10}")
    lines.append(f"macro F1 {_fmt(metrics['macro_f1'])}  accuracy {_fmt(metrics['accuracy'])}  "
                 f"ROC AUC {_fmt(metrics['roc_auc'])}  Brier {_fmt(metrics['brier'])}  ECE {_fmt(metrics['ece'])}  "
                 f"(n={metrics['n']}" + (f", threshold {metrics['threshold']})" if metrics["threshold"] else ")"))
    lines.append("reliability (predicted -> observed, count):")
    lines.append("  " + "  ".join(f"{b['low']:.1f}-{b['high']:.1f}: {_fmt(b['mean_predicted'], 2)}->{_fmt(b['observed'], 2)} ({b['count']})"
                                  for b in metrics["reliability"] if b["count"]))
    if "operating_points" in metrics:
        lines.append(f"flagging {labels_positive(metrics)!r} at a threshold (precision, recall, sentences flagged):")
        lines.append("  " + "  ".join(f">={o['threshold']:.1f}: {_fmt(o['precision'])}, {_fmt(o['recall'])}, {o['flagged']}"
                                      for o in metrics["operating_points"]))
    return "\n".join(lines)


def labels_positive(metrics: dict[str, Any]) -> str:
    return list(metrics["per_class"])[-1]


def format_cv(results: dict[str, CVResult]) -> str:
    lines = [f"{'model':<18}" + "".join(f"{key:>20}" for key in SUMMARY_KEYS)]
    for name, result in results.items():
        summary = result.summary()
        lines.append(f"{name:<18}" + "".join(f"{summary[k]['mean']:>12.4f} ± {summary[k]['std']:.4f}" for k in SUMMARY_KEYS))
    lines.append("")
    for name, result in results.items():
        lines.append(f"{name}: macro F1 per fold " + ", ".join(f"{f['macro_f1']:.4f}" for f in result.folds))
    for name, result in results.items():
        lines.append("")
        lines.append(format_metrics(result.pooled, f"{name}: pooled out-of-fold predictions"))
    return "\n".join(lines)
