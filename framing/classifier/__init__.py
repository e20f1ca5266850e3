"""A trained sentence classifier: the probability that a sentence's wording is biased, with its reasons.

The model ships as plain JSON (``models/bias_classifier.json.gz``); see ``models/MODEL_CARD.md``.
"""

from __future__ import annotations

from .model import BiasModel, ModelLoadError, default_model_path, load_default_model, load_model

__all__ = ["BiasModel", "ModelLoadError", "default_model_path", "load_default_model", "load_model"]
