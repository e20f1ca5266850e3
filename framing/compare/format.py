"""How numbers are written in every human-readable format (terminal, Markdown, HTML), in one place."""

from __future__ import annotations

from .model import NO_OCCURRENCES, Comparison, Difference, Estimate, Measure

NOT_AVAILABLE = "–"


def _decimals(measure: Measure) -> int:
    if measure.unit in ("per sentence", "probability"):
        return 2
    return 1


def number(measure: Measure, value: float | None, signed: bool = False) -> str:
    """A value in the measure's unit: shares as percentages, everything else with fixed decimals."""
    if value is None:
        return NOT_AVAILABLE
    sign = "+" if signed else ""
    if measure.is_share:
        return f"{value * 100:{sign}.0f}%"
    return f"{value:{sign}.{_decimals(measure)}f}"


def interval(measure: Measure, low: float | None, high: float | None, signed: bool = False) -> str:
    if low is None or high is None:
        return ""
    return f"[{number(measure, low, signed)}, {number(measure, high, signed)}]"


def estimate_text(measure: Measure, estimate: Estimate) -> str:
    """'37.5 [32.9, 42.6]'; with too small a sample, the raw counts instead of a confident number."""
    if estimate.value is None:
        return NOT_AVAILABLE
    if estimate.warning:
        if measure.is_share:
            return f"{estimate.numerator:g} of {estimate.denominator:g} (too few)"
        return f"{number(measure, estimate.value)} ({estimate.documents} docs: too few)"
    text = number(measure, estimate.value)
    bounds = interval(measure, estimate.low, estimate.high)
    return f"{text} {bounds}" if bounds else text


def difference_text(measure: Measure, difference: Difference | None) -> str:
    """'+37.5 [+32.9, +42.6]'; shares in percentage points."""
    if difference is None or difference.difference is None:
        return NOT_AVAILABLE
    if difference.warning:
        return "none in either" if difference.warning == NO_OCCURRENCES else "too few to test"
    if measure.is_share:
        value = f"{difference.difference * 100:+.0f} pp"
        if difference.low is None or difference.high is None:
            return value
        return f"{value} [{difference.low * 100:+.0f}, {difference.high * 100:+.0f}]"
    text = number(measure, difference.difference, signed=True)
    bounds = interval(measure, difference.low, difference.high, signed=True)
    return f"{text} {bounds}" if bounds else text


def p_text(p: float | None) -> str:
    if p is None:
        return NOT_AVAILABLE
    if p < 0.001:
        return "<0.001"
    return f"{p:.3f}"


def is_significant(difference: Difference | None, level: float = 0.05) -> bool:
    """Significant after the Benjamini-Hochberg adjustment (q below ``level``)."""
    return bool(difference and difference.q_value is not None and difference.q_value < level)


def headline(comparison: Comparison) -> str:
    """'framing compare: 24 documents in 2 groups by outlet' (plain text; renderers escape it)."""
    documents, groups = comparison.corpus.documents, len(comparison.groups)
    return (f"framing compare: {documents} document{'s' if documents != 1 else ''} in {groups} "
            f"group{'s' if groups != 1 else ''} by {comparison.settings.group_by}")
