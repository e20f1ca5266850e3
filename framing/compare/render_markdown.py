"""Markdown report: the terminal's tables as GitHub-flavoured Markdown, for notes and pull requests."""

from __future__ import annotations

from typing import TextIO

from ..render.untrusted import markdown_text as _cell
from .asymmetry import VERB_CLASSES
from .measures import ASYMMETRY
from .format import difference_text, estimate_text, headline, is_significant, p_text
from .model import Comparison


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |\n"


def render(comparison: Comparison, out: TextIO) -> None:
    s = comparison.settings
    names = comparison.group_names
    out.write(f"# {_cell(headline(comparison))}\n\n")
    out.write(_row(["group", "documents", "sentences", "words"]) + "| --- | ---: | ---: | ---: |\n")
    for g in comparison.groups:
        out.write(_row([g.name, g.documents, g.sentences, g.words]))
    out.write(f"\n{s.confidence:.0%} intervals: percentile bootstrap over documents ({s.bootstrap} resamples, "
              f"seed {s.seed}). Differences: bootstrap interval; p from a permutation test ({s.permutations} "
              f"relabellings); q: Benjamini-Hochberg; **bold**: q < 0.05. Groups with fewer than "
              f"{s.min_documents} documents and shares of fewer than {s.min_events} events show counts, "
              "not intervals.\n\n")
    for section, measures in comparison.sections(skip_empty=True):
        if section == ASYMMETRY:
            continue  # actor shares get their own table below
        out.write(f"## {_cell(section)}\n\n")
        header = ["measure", "unit", *names]
        pairs = [tuple(names)] if len(names) == 2 else []
        for a, b in pairs:
            header += [f"{a} − {b}", "p", "q"]
        out.write(_row(header) + "| --- | --- |" + " ---: |" * (len(header) - 2) + "\n")
        for m in measures:
            cells: list[object] = [m.label, m.unit]
            cells += [estimate_text(m, comparison.estimate(n, m.key)) for n in names]
            for a, b in pairs:
                d = comparison.difference(m.key, a, b)
                text = difference_text(m, d)
                cells += [f"**{text}**" if is_significant(d) else text, p_text(d.p_value if d else None),
                          p_text(d.q_value if d else None)]
            out.write(_row(cells))
        out.write("\n")
    if len(names) > 2:
        out.write("## Differences between groups with q < 0.05\n\n" + _row(["measure", "groups", "difference", "p", "q"])
                  + "| --- | --- | ---: | ---: | ---: |\n")
        for d in sorted((d for d in comparison.differences if is_significant(d)), key=lambda d: (d.q_value, d.measure)):
            m = comparison.measure(d.measure)
            out.write(_row([f"{m.section}: {m.label}", f"{d.group_a} − {d.group_b}", difference_text(m, d),
                            p_text(d.p_value), p_text(d.q_value)]))
        out.write("\n")
    if any(comparison.distinguishing_terms.values()):
        out.write("## Distinguishing terms (weighted log-odds, informative Dirichlet prior)\n\n")
        for name, terms in comparison.distinguishing_terms.items():
            out.write(f"**{_cell(name)}**: " + ", ".join(f"{_cell(t.term)} (z={t.z:.2f}, {t.count})" for t in terms) + "\n\n")
    if comparison.actors:
        out.write("## Attribution asymmetry\n\n" + _row(["actor", "group", "n", *VERB_CLASSES])
                  + "| --- | --- | ---: |" + " ---: |" * len(VERB_CLASSES) + "\n")
        for p in comparison.actors:
            out.write(_row([p.label, p.group, p.total, *(f"{p.counts[k] / p.total:.0%}" for k in VERB_CLASSES)]))
        out.write("\n")
        for gap in comparison.gaps:
            bounds = "" if gap.low is None else f" [{gap.low * 100:+.0f}, {gap.high * 100:+.0f}]"
            out.write(f"- {_cell(gap.group)}: {_cell(gap.actor_high)} gets '{gap.verb_class}' verbs "
                      f"{gap.difference * 100:+.0f} pp{bounds} more often than {_cell(gap.actor_low)}\n")
        out.write("\n")
    empty = [m.label for m in comparison.empty_measures() if m.section != ASYMMETRY]
    if empty:
        out.write(f"Not shown, no occurrences in any group: {_cell(', '.join(dict.fromkeys(empty)))}.\n\n")
    for warning in comparison.warnings:
        out.write(f"> warning: {_cell(warning)}\n")
    if comparison.errors:
        out.write("\n## Skipped inputs\n\n" + "".join(f"- {_cell(e)}\n" for e in comparison.errors))
