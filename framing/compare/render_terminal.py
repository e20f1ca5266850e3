"""Terminal report (rich): one table per section with intervals, differences and tests, then terms and asymmetry."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .asymmetry import VERB_CLASSES
from .format import difference_text, estimate_text, headline, is_significant, p_text
from ..render.untrusted import terminal_safe
from .model import Comparison, Measure

#: Width used when writing to a file or a pipe (rich would otherwise assume 80 columns).
FILE_WIDTH = 140


def render(comparison: Comparison, out: TextIO) -> None:
    is_terminal = hasattr(out, "isatty") and out.isatty()
    console = Console(file=out, highlight=False, soft_wrap=False, width=None if is_terminal else FILE_WIDTH)
    _header(console, comparison)
    for section, measures in comparison.sections(skip_empty=True):
        shown = [m for m in measures if m.compact]
        if shown:
            console.print(_section_table(comparison, section, shown))
    if len(comparison.groups) > 2:
        console.print(_significant_table(comparison))
    if any(comparison.distinguishing_terms.values()):
        console.print(_terms_table(comparison))
    if comparison.actors:
        console.print(_asymmetry_table(comparison))
        for gap in comparison.gaps:
            bounds = "" if gap.low is None else f" [{gap.low * 100:+.0f}, {gap.high * 100:+.0f}]"
            console.print(_text(f"  {gap.group}: {gap.actor_high} gets '{gap.verb_class}' verbs "
                                f"{gap.difference * 100:+.0f} pp{bounds} more often than {gap.actor_low}"
                                + (f" ({gap.warning})" if gap.warning else "")))
    _footer(console, comparison)


def _text(text: str, style: str = "") -> Text:
    """Group names, actors, terms and lexicon forms come from the input: never markup, never control codes."""
    return Text(terminal_safe(text), style=style)


def _header(console: Console, comparison: Comparison) -> None:
    s = comparison.settings
    console.rule(_text(headline(comparison), style="bold"))
    for group in comparison.groups:
        console.print(_text(f"  {group.name}: {group.documents} documents, {group.sentences} sentences, "
                           f"{group.words} words"))
    level = f"{s.confidence:.0%}"
    names = comparison.group_names
    which = f" ({names[0]} − {names[1]})" if len(names) == 2 else ""
    console.print(_text(
        f"{level} intervals: percentile bootstrap over documents ({s.bootstrap} resamples, seed {s.seed}). "
        f"Differences{which}: bootstrap interval of the difference; p from a permutation test ({s.permutations} "
        f"relabellings); q = Benjamini-Hochberg over all tests, * marks q < 0.05. Fewer than {s.min_documents} "
        f"documents, or a share resting on fewer than {s.min_events} events: counts instead of intervals.",
        style="dim"))


def _section_table(comparison: Comparison, section: str, measures: list[Measure]) -> Table:
    names = comparison.group_names
    pair = names if len(names) == 2 else None
    table = Table(title=section, title_justify="left", title_style="bold")
    table.add_column("measure")
    table.add_column("unit", style="dim")
    for name in names:
        table.add_column(_text(name), justify="right")
    if pair:
        table.add_column("difference", justify="right")
        table.add_column("p", justify="right")
        table.add_column("q", justify="right")
    for measure in measures:
        cells = [_text(measure.label), measure.unit]
        for name in names:
            estimate = comparison.estimate(name, measure.key)
            cells.append(Text(estimate_text(measure, estimate), style="dim" if estimate.warning else ""))
        if pair:
            diff = comparison.difference(measure.key, *pair)
            marker = " *" if is_significant(diff) else ""
            cells.append(Text(difference_text(measure, diff) + marker, style="bold" if marker else ""))
            cells.append(p_text(diff.p_value if diff else None))
            cells.append(p_text(diff.q_value if diff else None))
        table.add_row(*cells)
    return table


def _significant_table(comparison: Comparison) -> Table:
    table = Table(title="Differences between groups with q < 0.05", title_justify="left", title_style="bold")
    for column in ("measure", "groups", "difference", "p", "q"):
        table.add_column(column, justify="left" if column in ("measure", "groups") else "right")
    shown = sorted((d for d in comparison.differences if is_significant(d)), key=lambda d: (d.q_value, d.measure))
    for diff in shown:
        measure = comparison.measure(diff.measure)
        table.add_row(_text(f"{measure.section}: {measure.label}"), _text(f"{diff.group_a} − {diff.group_b}"),
                      difference_text(measure, diff), p_text(diff.p_value), p_text(diff.q_value))
    if not shown:
        table.add_row("none", "", "", "", "")
    return table


def _terms_table(comparison: Comparison) -> Table:
    table = Table(title="Distinguishing terms (weighted log-odds vs the rest, informative Dirichlet prior; z-score, count)",
                  title_justify="left", title_style="bold")
    table.add_column("#", justify="right", style="dim")
    names = comparison.group_names
    for name in names:
        table.add_column(_text(name))
    depth = max(len(comparison.distinguishing_terms.get(n, ())) for n in names)
    for rank in range(depth):
        cells = [str(rank + 1)]
        for name in names:
            terms = comparison.distinguishing_terms.get(name, ())
            if rank < len(terms):
                term = terms[rank]
                cells.append(_text(f"{term.term}  z={term.z:.2f} ({term.count})",
                                  style="bold" if term.z >= 1.96 else ""))
            else:
                cells.append("")
        table.add_row(*cells)
    return table


def _asymmetry_table(comparison: Comparison) -> Table:
    table = Table(title="Attribution asymmetry: which actors get which reporting verbs (attributions outside quotations)",
                  title_justify="left", title_style="bold")
    table.add_column("actor")
    names = comparison.group_names
    for name in names:
        table.add_column(_text(name))
    actors = list(dict.fromkeys(p.actor for p in comparison.actors))
    for actor in actors:
        label = next(p.label for p in comparison.actors if p.actor == actor)
        cells = [_text(label)]
        for name in names:
            profile = next((p for p in comparison.actors if p.actor == actor and p.group == name), None)
            if profile is None:
                cells.append(Text("–", style="dim"))
                continue
            parts = [f"{k} {profile.counts[k] / profile.total:.0%}" for k in VERB_CLASSES if profile.counts[k]]
            small = profile.total < comparison.settings.min_events
            cells.append(Text(f"n={profile.total}: " + ", ".join(parts), style="dim" if small else ""))
        table.add_row(*cells)
    return table


def _footer(console: Console, comparison: Comparison) -> None:
    empty = [m.label for m in comparison.empty_measures() if m.compact]
    if empty:
        console.print(_text(f"Not shown, no occurrences in any group: {', '.join(dict.fromkeys(empty))}. "
                           "Rule codes, actor shares and every number: --format json, csv or html.", style="dim"))
    for warning in comparison.warnings:
        console.print(_text(f"warning: {warning}", style="yellow"))
    if comparison.skipped:
        console.print(Text(f"{comparison.skipped} input(s) skipped (listed on stderr)", style="yellow"))
