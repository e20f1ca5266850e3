"""Per-document summary: counts and rates of every signal, sourcing density, readability."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .document import Document


def _rate(count: int, total: int, per: int = 1) -> float:
    return round(per * count / total, 4) if total else 0.0


def summarize(document: Document) -> dict[str, Any]:
    from .readability import document_readability

    sentences = document.sentences
    n = len(sentences)
    words = sum(s.details.get("readability", {}).get("words", len(s.text.split())) for s in sentences)
    findings = document.findings
    by_code = Counter(f.code for f in findings)
    by_category = Counter(f.category for f in findings)
    source_types = Counter(s.details.get("source_type", "none") for s in sentences)
    attributed = sum(1 for s in sentences if s.details.get("attributed"))
    named, anonymous = source_types["named"], source_types["anonymous"]
    quotations = by_code["Q001"] + by_code["Q003"]
    verb_classes = Counter(f.details.get("verb_class") for f in findings if f.category == "attribution")
    naming = Counter((f.text, f.details.get("preferred")) for f in findings if f.code == "N001")
    scored = [s.details["readability"] for s in sentences if "readability" in s.details]
    summary: dict[str, Any] = {
        "sentences": n,
        "words": words,
        "findings": len(findings),
        "findings_by_category": dict(sorted(by_category.items())),
        "findings_by_code": dict(sorted(by_code.items())),
        "source_types": {k: source_types.get(k, 0) for k in ("named", "secondary", "anonymous", "none")},
        "sourcing_density": _rate(attributed, n),
        "named_share": _rate(named, named + anonymous),
        "anonymous_share": _rate(anonymous, named + anonymous),
        "quotations_per_100_sentences": _rate(quotations, n, 100),
        "scare_quotes": by_code["Q002"],
        "attribution_verb_classes": {k: verb_classes.get(k, 0)
                                     for k in ("neutral", "doubt", "endorsing", "accusatory", "emotive")},
        "naming_variants": [{"variant": v, "preferred": p, "count": c} for (v, p), c in naming.most_common()],
        "hedges_per_1000_words": _rate(by_code["H001"], words, 1000),
        "boosters_per_1000_words": _rate(by_code["H002"], words, 1000),
        "loaded_per_1000_words": _rate(by_code["L001"], words, 1000),
        "readability": document_readability(
            sum(r["words"] for r in scored), len(scored), sum(r["syllables"] for r in scored),
            sum(r["polysyllables"] for r in scored)) if scored else {},
    }
    probabilities = [s.details["bias_probability"] for s in sentences if "bias_probability" in s.details]
    if probabilities:
        summary["mean_bias_probability"] = round(sum(probabilities) / len(probabilities), 4)
    return summary
