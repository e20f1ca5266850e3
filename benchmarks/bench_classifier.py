"""Classifier speed: model load time, batch predict and explain rates, and its share of the score pipeline.

    python benchmarks/bench_classifier.py                  # about a minute on one core
    python benchmarks/bench_classifier.py --articles 100 --json benchmarks/results/classifier.json

Rows (sentences/s, best of --repeats; each repeat reads articles no earlier pass has seen, so the
per-word n-gram cache starts as cold as it would on new text):

- predict_proba, batch: ``BiasModel.predict_proba(sentences)`` on all sentences of the chunk at once
- predict_proba, one at a time: one call per sentence (what batching saves)
- explain, batch: probabilities plus the top terms up and down (what the detector runs)
- pipeline without / with classifier: ``Analyzer(exclude=[...]).analyze(document)`` per article;
  the difference is the classifier's share of `framing score`
"""

from __future__ import annotations

import argparse
import json
import time

from common import RESULTS_DIR, human, machine, use_checkout
from corpus import DEFAULT_SEED, generate

use_checkout()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="articles per timed pass")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", help="also write the figures as JSON to this path")
    args = parser.parse_args(argv)

    from framing.classifier.model import default_model_path, load_model
    from framing.loaders import make_document
    from framing.pipeline import Analyzer

    loads = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        model = load_model(default_model_path())
        loads.append(time.perf_counter() - start)
    size = default_model_path().stat().st_size

    without = Analyzer(exclude=["classifier"])
    with_classifier = Analyzer()
    if "classifier" not in [d.name for d in with_classifier.detectors]:
        raise SystemExit("the classifier detector is not registered")
    rows: dict[str, list[float]] = {}
    sentences_per_pass = []
    for repeat in range(args.repeats):
        first = (repeat + 1) * args.articles * 4  # fresh articles for every pass
        texts = [a["text"] for a in generate(args.articles, args.seed, start=first)]
        documents = [without.analyze(make_document(t, "text")) for t in texts]
        sentences = [s.text for d in documents for s in d.sentences]
        sentences_per_pass.append(len(sentences))

        def timed(name: str, run, fresh_model: bool = True) -> None:
            if fresh_model:  # a cold per-word n-gram cache, as for new text
                model.featurizer.clear_cache()
            start = time.perf_counter()
            run()
            rows.setdefault(name, []).append(len(sentences) / (time.perf_counter() - start))

        timed("predict_proba, batch", lambda: model.predict_proba(sentences))
        timed("predict_proba, one at a time", lambda: [model.predict_proba([s]) for s in sentences])
        timed("explain, batch (probabilities + top terms)", lambda: model.explain(sentences))
        fresh = [a["text"] for a in generate(args.articles, args.seed, start=first + args.articles)]
        timed("pipeline without classifier", lambda: [without.analyze(make_document(t, "text")) for t in fresh])
        more = [a["text"] for a in generate(args.articles, args.seed, start=first + 2 * args.articles)]
        timed("pipeline with classifier", lambda: [with_classifier.analyze(make_document(t, "text")) for t in more],
              fresh_model=False)

    best = {name: max(rates) for name, rates in rows.items()}
    share = 1 - best["pipeline with classifier"] / best["pipeline without classifier"]
    print(f"model: {default_model_path().name}, {size / 1e6:.1f} MB, loads in {min(loads):.2f} s (best of {args.repeats})")
    print(f"{args.articles} articles, about {human(sum(sentences_per_pass) / len(sentences_per_pass))} sentences per pass")
    print(f"{'what':<46}{'sentences/s':>14}")
    for name, rate in best.items():
        print(f"{name:<46}{human(rate):>14}")
    print(f"the classifier takes {share:.0%} of the pipeline's time (sentence rates compared)")
    if args.json:
        RESULTS_DIR.mkdir(exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"machine": machine(), "model_bytes": size, "load_seconds": min(loads),
                       "sentences_per_second": best, "classifier_share": share}, handle, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
