"""framing compare: outlets side by side, with bootstrap intervals, permutation tests,
distinguishing terms (weighted log-odds) and attribution asymmetry.

    >>> from framing.compare import compare, render
    >>> comparison = compare(["corpus.jsonl"], group_by="outlet", seed=0)
    >>> render(comparison, "markdown", sys.stdout)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable, TextIO

if TYPE_CHECKING:
    from .model import Comparison

# Where each public name lives. They are imported on first use, so that `framing --help` and
# `framing check` (which import this package's CLI) never pay for numpy and scipy.
_EXPORTS = {
    "Aggregate": "aggregate", "CompareAggregator": "aggregate", "compare": "comparison", "summarise": "comparison",
    "DIRECTORY": "grouping", "ActorProfile": "model", "AsymmetryGap": "model", "Comparison": "model",
    "Difference": "model", "DistinguishingTerm": "model", "Estimate": "model", "Example": "model",
    "GroupSummary": "model", "Measure": "model", "Settings": "model",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "compare", "summarise", "render", "get_renderer", "FORMATS", "DIRECTORY", "Comparison", "Settings",
    "Measure", "Estimate", "Difference", "GroupSummary", "DistinguishingTerm", "ActorProfile", "AsymmetryGap",
    "Example", "CompareAggregator", "Aggregate",
]

FORMATS = ("terminal", "json", "csv", "markdown", "html")

Renderer = Callable[["Comparison", TextIO], None]


def get_renderer(name: str) -> Renderer:
    """The function that writes a Comparison in one output format."""
    if name == "terminal":
        from .render_terminal import render as chosen
    elif name == "json":
        from .render_json import render as chosen
    elif name == "csv":
        from .render_csv import render as chosen
    elif name == "markdown":
        from .render_markdown import render as chosen
    elif name == "html":
        from .render_html import render as chosen
    else:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    return chosen


def render(comparison: "Comparison", format: str, out: TextIO) -> None:
    get_renderer(format)(comparison, out)
