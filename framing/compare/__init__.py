"""framing compare: outlets side by side, with bootstrap intervals, permutation tests,
distinguishing terms (weighted log-odds) and attribution asymmetry.

    >>> from framing.compare import compare, render
    >>> comparison = compare(["corpus.jsonl"], group_by="outlet", seed=0)
    >>> render(comparison, "markdown", sys.stdout)
"""

from __future__ import annotations

from typing import Callable, TextIO

from .aggregate import Aggregate, CompareAggregator
from .comparison import compare, summarise
from .grouping import DIRECTORY
from .model import (
    ActorProfile, AsymmetryGap, Comparison, Difference, DistinguishingTerm, Estimate, Example, GroupSummary,
    Measure, Settings,
)

__all__ = [
    "compare", "summarise", "render", "get_renderer", "FORMATS", "DIRECTORY", "Comparison", "Settings",
    "Measure", "Estimate", "Difference", "GroupSummary", "DistinguishingTerm", "ActorProfile", "AsymmetryGap",
    "Example", "CompareAggregator", "Aggregate",
]

FORMATS = ("terminal", "json", "csv", "markdown", "html")

Renderer = Callable[[Comparison, TextIO], None]


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


def render(comparison: Comparison, format: str, out: TextIO) -> None:
    get_renderer(format)(comparison, out)
