"""The trained bias classifier: a calibrated probability per sentence, the words behind it, C001 above a threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..document import Finding
from . import Context, register

if TYPE_CHECKING:  # the model code (numpy, scipy) loads only when a document is scored with it
    from ..classifier.model import BiasModel

#: A C001 finding needs this calibrated probability. From 0.5 a sentence is more likely biased than
#: not, but in grouped CV only 78% of such sentences were labelled biased; from 0.7 on, 85% were
#: (recall 55%; see models/MODEL_CARD.md): a warning should be right far more often than not.
#: Every sentence still gets its probability in ``bias_probability``.
DEFAULT_THRESHOLD = 0.7
TOP_TERMS = 5


@register
class ClassifierDetector:
    name = "classifier"
    order = 90  # after every lexicon detector: their findings are the classifier's signal features

    def __init__(self, model: "BiasModel | None" = None) -> None:
        self.model = model

    def _model(self, ctx: Context) -> "BiasModel":
        from ..classifier.model import load_default_model, load_model

        path = ctx.options.get("classifier_model")
        if path:
            return load_model(path)
        if self.model is None:
            self.model = load_default_model()
        return self.model

    def detect(self, ctx: Context) -> Iterable[Finding]:
        return self.detect_batch([ctx])[0]

    def detect_batch(self, contexts: list[Context]) -> list[list[Finding]]:
        """One model call for the sentences of every document in the batch."""
        results: list[list[Finding]] = [[] for _ in contexts]
        pairs = [(i, sentence) for i, ctx in enumerate(contexts) for sentence in ctx.document.sentences]
        if not pairs:
            return results
        model = self._model(contexts[0])
        threshold = float(contexts[0].options.get("classifier_threshold", DEFAULT_THRESHOLD))
        texts = [contexts[i].document.prose[s.start : s.end] for i, s in pairs]
        # The lexicon detectors have already run: their findings are reused, never matched again.
        from ..classifier.features import signal_array

        signals = signal_array([s for _, s in pairs]) if model.uses_signals else None
        explanations = model.explanations(texts, signals, top_k=TOP_TERMS)
        for (i, sentence), probability, up, down in zip(pairs, explanations.probabilities, explanations.up,
                                                       explanations.down):
            probability = round(probability, 4)
            details = sentence.details
            details["bias_probability"] = probability
            details["bias_terms"] = {"up": up, "down": down}
            if probability >= threshold:
                words = ", ".join(term for term, _ in up[:3])
                message = f"the classifier rates this wording {probability:.0%} likely biased"
                if words:
                    message += f" (most: {words})"
                results[i].append(contexts[i].finding("C001", sentence.start, sentence.end, message,
                                                      probability=probability, threshold=threshold, terms_up=up))
        if explanations.opinions is not None:  # the second output: factual / mixed / the writer's opinion
            labels = model.opinion.labels
            for (_, sentence), opinion, best in zip(pairs, explanations.opinions, explanations.opinion_best):
                label = labels[best]
                sentence.details["opinion"] = {"label": label, "probability": opinion[label], "probabilities": opinion}
        return results
