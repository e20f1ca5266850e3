"""JSON report: the one place that knows the layout of `framing compare --format json`."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import Any, TextIO

from .. import __version__
from .model import COMPARE_SCHEMA_VERSION, Comparison, Example


def _clean(value: Any) -> Any:
    """NaN and infinities are not JSON; they become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def example_dict(example: Example) -> dict[str, Any]:
    return {"document_id": example.document_id, "sentence_index": example.sentence_index,
            "text": example.text, "marks": [list(m) for m in example.marks]}


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    measures = []
    for measure in comparison.measures:
        measures.append({"key": measure.key, "section": measure.section, "label": measure.label,
                         "unit": measure.unit, "is_share": measure.is_share, "formula": measure.formula,
                         "scale": measure.scale, "example_key": measure.example_key})
    estimates = {
        group: {key: asdict(estimate) for key, estimate in by_measure.items()}
        for group, by_measure in comparison.estimates.items()
    }
    examples: dict[str, dict[str, list]] = {}
    for (group, key), found in sorted(comparison.examples.items()):
        examples.setdefault(group, {})[key] = [example_dict(e) for e in found]
    terms = {
        group: [{"term": t.term, "z": t.z, "log_odds": t.log_odds, "count": t.count, "rest_count": t.rest_count,
                 "examples": [example_dict(e) for e in t.examples]} for t in found]
        for group, found in comparison.distinguishing_terms.items()
    }
    data = {
        "schema_version": COMPARE_SCHEMA_VERSION,
        "generator": {"name": "framing compare", "version": __version__},
        "settings": asdict(comparison.settings),
        "groups": [asdict(g) for g in comparison.groups],
        "corpus": asdict(comparison.corpus),
        "measures": measures,
        "estimates": estimates,
        "differences": [asdict(d) for d in comparison.differences],
        "distinguishing_terms": terms,
        "asymmetry": {
            "actors": [{"group": p.group, "actor": p.actor, "label": p.label, "total": p.total,
                        "counts": dict(p.counts), "share_measures": dict(p.share_measures)}
                       for p in comparison.actors],
            "gaps": [asdict(g) for g in comparison.gaps],
        },
        "examples": examples,
        "warnings": list(comparison.warnings),
        "errors": list(comparison.errors),
        "skipped": comparison.skipped,
    }
    return _clean(data)


def render(comparison: Comparison, out: TextIO) -> None:
    json.dump(comparison_to_dict(comparison), out, ensure_ascii=False, indent=1)
    out.write("\n")
