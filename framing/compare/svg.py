"""Hand-made inline SVG charts for the HTML report: no library, no script, nothing fetched.

Dot-and-whisker rows show each group's estimate and interval; every row has its own scale
because a section mixes measures of very different sizes. All text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")

LABEL_WIDTH = 260
PLOT_WIDTH = 420
RIGHT_MARGIN = 60
GROUP_STEP = 13
ROW_PADDING = 12


@dataclass(frozen=True)
class Point:
    group: str
    value: float | None
    low: float | None
    high: float | None
    tooltip: str


@dataclass(frozen=True)
class ForestRow:
    label: str
    points: tuple[Point, ...]
    #: Shares are drawn on a fixed 0-100% axis so rows can be compared at a glance.
    is_share: bool = False
    #: Counts and rates start at zero; scores such as readability are drawn around their values.
    zero_based: bool = True


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _format_tick(value: float, is_share: bool) -> str:
    if is_share:
        return f"{value * 100:.0f}%"
    return f"{value:.3g}"


def _extent(row: ForestRow) -> tuple[float, float]:
    if row.is_share:
        return 0.0, 1.0
    # Points without an interval (too few data) do not set the scale: one thin outlet would
    # otherwise squeeze every well-measured one into a corner. They are clamped to the edge.
    measured = [p for p in row.points if p.low is not None] or list(row.points)
    values = [v for p in measured for v in (p.value, p.low, p.high) if v is not None]
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    if row.zero_based:
        low = min(0.0, low)
    else:
        padding = (high - low) * 0.1 or abs(high) * 0.05 or 1.0
        low, high = low - padding, high + padding
    if high <= low:
        high = low + 1.0
    return low, high


def forest_plot(rows: Sequence[ForestRow], groups: Sequence[str], title: str) -> str:
    """One SVG with a dot-and-whisker row per measure, a point per group."""
    index = {name: i for i, name in enumerate(groups)}
    row_height = GROUP_STEP * max(len(groups), 1) + ROW_PADDING
    legend_height = 22
    height = legend_height + row_height * len(rows) + 8
    width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN
    parts = [f'<svg class="chart forest" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    x = LABEL_WIDTH
    for name in groups:
        parts.append(f'<circle cx="{x + 5}" cy="11" r="5" fill="{colour(index[name])}"/>'
                     f'<text x="{x + 14}" y="15" class="legend">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    for r, row in enumerate(rows):
        top = legend_height + r * row_height
        low, high = _extent(row)
        scale = PLOT_WIDTH / (high - low)

        def position(value: float) -> float:
            return round(LABEL_WIDTH + (value - low) * scale, 2)

        middle = top + row_height / 2
        parts.append(f'<g class="row"><rect x="0" y="{top}" width="{width}" height="{row_height}" '
                     f'class="{"odd" if r % 2 else "even"}"/>'
                     f'<text x="{LABEL_WIDTH - 8}" y="{middle + 4}" text-anchor="end" class="label">'
                     f'{escape(row.label[:40])}</text>'
                     f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + PLOT_WIDTH}" y1="{top + row_height - 4}" '
                     f'y2="{top + row_height - 4}" class="axis"/>'
                     f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 4}" y="{top + row_height - 2}" class="tick">'
                     f'{escape(_format_tick(high, row.is_share))}</text>'
                     f'<text x="{LABEL_WIDTH - 4}" y="{top + row_height - 2}" text-anchor="end" class="tick">'
                     f'{escape(_format_tick(low, row.is_share))}</text>')
        for point in row.points:
            if point.value is None:
                continue
            y = top + ROW_PADDING / 2 + GROUP_STEP * index[point.group] + GROUP_STEP / 2
            fill = colour(index[point.group])
            parts.append(f'<g class="point"><title>{escape(point.tooltip)}</title>')
            if point.low is not None and point.high is not None:
                parts.append(f'<line x1="{position(point.low)}" x2="{position(point.high)}" y1="{y}" y2="{y}" '
                             f'stroke="{fill}" stroke-width="2"/>')
                parts.append(f'<circle cx="{position(point.value)}" cy="{y}" r="4" fill="{fill}"/>')
            elif low <= point.value <= high:
                # No interval (too few data): a hollow dot, so it does not look like a confident number.
                parts.append(f'<circle cx="{position(point.value)}" cy="{y}" r="4" fill="white" '
                             f'stroke="{fill}" stroke-width="1.5"/>')
            else:
                # Off the scale: a hollow arrowhead at the edge, pointing to where the value lies.
                edge, tip = (position(high), 6) if point.value > high else (position(low), -6)
                parts.append(f'<polygon points="{edge - tip},{y - 5} {edge},{y} {edge - tip},{y + 5}" fill="white" '
                             f'stroke="{fill}" stroke-width="1.5" class="offscale"/>')
            parts.append("</g>")
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(items: Sequence[tuple[str, float, str]], group_index: int, title: str) -> str:
    """Horizontal bars of (label, value, tooltip), e.g. terms and their z-scores."""
    bar_height, gap = 16, 4
    height = max(len(items), 1) * (bar_height + gap) + 8
    label_width, plot_width = 170, 300
    width = label_width + plot_width + 50
    peak = max([abs(v) for _, v, _ in items] + [1e-9])
    parts = [f'<svg class="chart bars" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    for i, (label, value, tooltip) in enumerate(items):
        y = 4 + i * (bar_height + gap)
        length = round(abs(value) / peak * plot_width, 2)
        parts.append(f'<g><title>{escape(tooltip)}</title>'
                     f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end" class="label">{escape(label[:28])}</text>'
                     f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" '
                     f'fill="{colour(group_index)}" opacity="{1 if value >= 1.96 else 0.45}"/>'
                     f'<text x="{label_width + length + 4}" y="{y + 12}" class="tick">{value:.2f}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
