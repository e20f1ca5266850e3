"""A self-contained HTML report: inline CSS, inline SVG charts, a small inline script, no network at all.

A Content-Security-Policy forbids every fetch, so the file works offline and on an intranet
and cannot leak a reader's visit, and lets only the report's own script run. Every value cell is a button that opens the example
sentences behind it; every table sorts by clicking a header. All text is HTML-escaped.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TextIO

from .asymmetry import VERB_CLASSES
from .measures import ASYMMETRY
from .format import difference_text, estimate_text, headline, is_significant, p_text
from .model import Comparison, Example, Measure
from .svg import ForestRow, Point, bar_chart, colour, forest_plot

CSS = """
body{font:14px/1.45 system-ui,sans-serif;color:#222;margin:0;padding:0 1.5em 4em;max-width:1180px}
h1{font-size:1.5em;margin:.8em 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
.note{color:#555;max-width:70em}.warn{color:#8a4b00}nav a{margin-right:1em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}
th[data-sortable]{cursor:pointer;background:#f6f6f6}th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}td.num{text-align:right;white-space:nowrap}
button.ex{font:inherit;border:0;background:none;color:#064;cursor:pointer;padding:0;text-decoration:underline dotted}
.small{color:#888}.sig{font-weight:bold}.chart{display:block;margin:.4em 0;max-width:100%;height:auto}
.chart .label,.chart .legend{font:12px system-ui,sans-serif;fill:#222}.chart .tick{font:10px system-ui,sans-serif;fill:#666}
.chart .axis{stroke:#bbb}.chart .even{fill:#fafafa}.chart .odd{fill:#f1f1f1}
#panel{position:fixed;right:1em;bottom:1em;width:min(42em,90vw);max-height:60vh;overflow:auto;background:#fff;
border:1px solid #999;box-shadow:0 2px 12px rgba(0,0,0,.25);padding:.6em 1em}#panel[hidden]{display:none}
#panel ol{padding-left:1.4em}#panel li{margin:.4em 0}mark{background:#ffe58a}.doc{color:#777;font-size:.85em}
.terms{display:flex;flex-wrap:wrap;gap:0 2.5em}.terms>div{flex:0 1 auto}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:middle}
"""

SCRIPT = """
(function () {
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  var heading = document.getElementById('panel-title');
  function show(button) {
    var template = document.getElementById(button.getAttribute('data-ex'));
    if (!template) { return; }
    heading.textContent = button.getAttribute('data-title') || '';
    body.replaceChildren(template.content.cloneNode(true));
    panel.hidden = false;
  }
  function key(row, index) {
    var cell = row.children[index];
    var value = cell ? cell.getAttribute('data-sort') : null;
    if (value !== null && value !== '' && !isNaN(Number(value))) { return Number(value); }
    return cell ? cell.textContent.trim().toLowerCase() : '';
  }
  function sortBy(header) {
    var table = header.closest('table');
    var index = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = key(a, index), y = key(b, index);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target.closest('#panel-close')) { panel.hidden = true; return; }
    var button = target.closest('[data-ex]');
    if (button) { show(button); return; }
    var header = target.closest('th[data-sortable]');
    if (header) { sortBy(header); }
  });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') { panel.hidden = true; } });
})();
"""

#: The script is allowed by its hash, not by 'unsafe-inline': should any text from the input ever
#: slip past escaping, a <script> or on* attribute in it is refused by the browser.
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; img-src data:"


class _Templates:
    """Example sentences as <template> elements, written once and referenced by id."""

    def __init__(self, comparison: Comparison):
        self.comparison = comparison
        self.parts: list[str] = []
        self._ids: dict[object, str] = {}

    def button(self, text: str, group: str, example_key: str | None, title: str,
               examples: tuple[Example, ...] | None = None) -> str:
        found = examples if examples is not None else self.comparison.examples.get((group, example_key or ""), ())
        if not found:
            return escape(text)
        cache_key = (group, example_key, title)
        ident = self._ids.get(cache_key)
        if ident is None:
            ident = self._ids[cache_key] = f"ex-{len(self._ids)}"
            items = "".join(f"<li>{_marked(e)} <span class=\"doc\">{escape(e.document_id)} "
                            f"· sentence {e.sentence_index + 1}</span></li>" for e in found)
            self.parts.append(f'<template id="{ident}"><p class="small">Up to {self.comparison.settings.examples} '
                              f"sentences sampled at random from those counted.</p><ol>{items}</ol></template>")
        return (f'<button type="button" class="ex" data-ex="{ident}" data-title="{escape(title)}">'
                f"{escape(text)}</button>")


def _marked(example: Example) -> str:
    parts, position = [], 0
    for start, end in example.marks:
        if start < position:
            continue
        parts.append(escape(example.text[position:start]))
        parts.append(f"<mark>{escape(example.text[start:end])}</mark>")
        position = end
    parts.append(escape(example.text[position:]))
    return "".join(parts)


def _sort_value(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _section(comparison: Comparison, section: str, measures: list[Measure], templates: _Templates, anchor: str) -> str:
    names = comparison.group_names
    pair = tuple(names) if len(names) == 2 else None
    rows = []
    for m in measures:
        points = []
        for name in names:
            e = comparison.estimate(name, m.key)
            points.append(Point(name, e.value, e.low, e.high, f"{name}: {estimate_text(m, e)}"))
        rows.append(ForestRow(m.label, tuple(points), m.is_share, zero_based=m.formula == "ratio"))
    chart = forest_plot(rows, names, section)
    head = "".join(f'<th data-sortable><span class="swatch" style="background:{colour(i)}"></span>{escape(n)}</th>'
                   for i, n in enumerate(names))
    if pair:
        head += f"<th data-sortable>{escape(pair[0])} − {escape(pair[1])}</th><th data-sortable>p</th><th data-sortable>q</th>"
    body = []
    for m in measures:
        cells = [f"<td>{escape(m.label)}</td><td class=\"small\">{escape(m.unit)}</td>"]
        for name in names:
            e = comparison.estimate(name, m.key)
            text = estimate_text(m, e)
            title = f"{name} · {m.label} ({m.unit}): {text}"
            css = "num small" if e.warning else "num"
            cells.append(f'<td class="{css}" data-sort="{_sort_value(e.value)}" title="{escape(e.warning or "")}">'
                         f"{templates.button(text, name, m.example_key, title)}</td>")
        if pair:
            d = comparison.difference(m.key, *pair)
            css = "num sig" if is_significant(d) else "num"
            cells.append(f'<td class="{css}" data-sort="{_sort_value(d.difference if d else None)}">'
                         f"{escape(difference_text(m, d))}</td>")
            cells.append(f'<td class="num" data-sort="{_sort_value(d.p_value if d else None)}">{escape(p_text(d.p_value if d else None))}</td>')
            cells.append(f'<td class="num" data-sort="{_sort_value(d.q_value if d else None)}">{escape(p_text(d.q_value if d else None))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<section id="{anchor}"><h2>{escape(section)}</h2>{chart}<table class="sortable"><thead><tr>'
            f"<th data-sortable>measure</th><th data-sortable>unit</th>{head}</tr></thead><tbody>"
            + "".join(body) + "</tbody></table></section>")


def _significant(comparison: Comparison) -> str:
    rows = []
    for d in sorted((d for d in comparison.differences if is_significant(d)), key=lambda d: (d.q_value, d.measure)):
        m = comparison.measure(d.measure)
        rows.append(f"<tr><td>{escape(m.section)}: {escape(m.label)}</td><td>{escape(d.group_a)} − {escape(d.group_b)}</td>"
                    f'<td class="num" data-sort="{_sort_value(d.difference)}">{escape(difference_text(m, d))}</td>'
                    f'<td class="num" data-sort="{_sort_value(d.p_value)}">{escape(p_text(d.p_value))}</td>'
                    f'<td class="num" data-sort="{_sort_value(d.q_value)}">{escape(p_text(d.q_value))}</td></tr>')
    return ('<section id="differences"><h2>Differences between groups with q &lt; 0.05</h2><table class="sortable">'
            "<thead><tr><th data-sortable>measure</th><th data-sortable>groups</th><th data-sortable>difference</th>"
            "<th data-sortable>p</th><th data-sortable>q</th></tr></thead><tbody>"
            + ("".join(rows) or '<tr><td colspan="5">none</td></tr>') + "</tbody></table></section>")


def _terms(comparison: Comparison, templates: _Templates) -> str:
    parts = ['<section id="terms"><h2>Distinguishing terms</h2><p class="note">Weighted log-odds against the rest of '
             "the corpus with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008); |z| &gt; 1.96 is drawn "
             "solid. Click a term for sentences from a random sample of the group's sentences.</p>"
             '<div class="terms">']
    for i, name in enumerate(comparison.group_names):
        terms = comparison.distinguishing_terms.get(name, ())
        if not terms:
            continue
        items = [(t.term, t.z, f"{t.term}: z={t.z:.2f}, {t.count} in {name}, {t.rest_count} elsewhere") for t in terms]
        rows = "".join(
            f"<tr><td>{templates.button(t.term, name, 'term:' + t.term, name + ' · ' + t.term, t.examples)}</td>"
            f'<td class="num" data-sort="{t.z!r}">{t.z:.2f}</td><td class="num" data-sort="{t.count}">{t.count}</td>'
            f'<td class="num" data-sort="{t.rest_count}">{t.rest_count}</td></tr>' for t in terms)
        parts.append(f"<div><h3>{escape(name)}</h3>{bar_chart(items, i, f'Distinguishing terms: {name}')}"
                     '<table class="sortable"><thead><tr><th data-sortable>term</th><th data-sortable>z</th>'
                     f"<th data-sortable>count</th><th data-sortable>elsewhere</th></tr></thead><tbody>{rows}</tbody></table></div>")
    parts.append("</div></section>")
    return "".join(parts)


def _asymmetry(comparison: Comparison, templates: _Templates) -> str:
    rows = []
    for p in comparison.actors:
        cells = [f"<td>{escape(p.label)}</td><td>{escape(p.group)}</td>"
                 f'<td class="num" data-sort="{p.total}">{p.total}</td>']
        for k in VERB_CLASSES:
            estimate = comparison.estimate(p.group, p.share_measures[k])
            measure = comparison.measure(p.share_measures[k])
            text = f"{p.counts[k]} ({p.counts[k] / p.total:.0%})"
            shade = f"background:rgba(213,94,0,{0.6 * p.counts[k] / p.total:.2f})" if k != "neutral" else ""
            cells.append(f'<td class="num" style="{shade}" data-sort="{_sort_value(estimate.value)}" '
                         f'title="{escape(estimate_text(measure, estimate))}">'
                         f"{templates.button(text, p.group, measure.example_key, f'{p.group} · {p.label}: {k}')}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    gaps = "".join(
        f"<li>{escape(g.group)}: {escape(g.actor_high)} gets &lsquo;{escape(g.verb_class)}&rsquo; verbs "
        f"{g.difference * 100:+.0f} pp" + ("" if g.low is None else f" [{g.low * 100:+.0f}, {g.high * 100:+.0f}]")
        + f" more often than {escape(g.actor_low)}" + (f" ({escape(g.warning)})" if g.warning else "") + "</li>"
        for g in comparison.gaps)
    head = "".join(f"<th data-sortable>{k}</th>" for k in VERB_CLASSES)
    return ('<section id="asymmetry"><h2>Attribution asymmetry</h2><p class="note">Which actors (the source spans '
            "of attributions outside quotations) each group reports with which class of verb. Shading: share of "
            "non-neutral verbs. Click a count for its sentences.</p>"
            f'<table class="sortable"><thead><tr><th data-sortable>actor</th><th data-sortable>group</th>'
            f"<th data-sortable>n</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            + (f"<ul>{gaps}</ul>" if gaps else "") + "</section>")


def render(comparison: Comparison, out: TextIO) -> None:
    s = comparison.settings
    templates = _Templates(comparison)
    sections = [(section, measures, f"section-{i}") for i, (section, measures) in enumerate(comparison.sections(skip_empty=True))
                if section != ASYMMETRY]  # actor shares get their own table below
    nav = "".join(f'<a href="#{a}">{escape(section)}</a>' for section, _, a in sections)
    groups = "".join(f'<tr><td><span class="swatch" style="background:{colour(i)}"></span>{escape(g.name)}</td>'
                     f'<td class="num">{g.documents}</td><td class="num">{g.sentences}</td><td class="num">{g.words}</td></tr>'
                     for i, g in enumerate(comparison.groups))
    body = [f"<h1>{escape(headline(comparison))}</h1>",
            '<table><thead><tr><th>group</th><th>documents</th><th>sentences</th><th>words</th></tr></thead>'
            f"<tbody>{groups}</tbody></table>",
            f'<p class="note">{s.confidence:.0%} intervals: percentile bootstrap over documents ({s.bootstrap} '
            f"resamples, seed {s.seed}). Differences: bootstrap interval of the difference; p from a permutation "
            f"test ({s.permutations} relabellings of documents); q: Benjamini-Hochberg over all tests; bold: q &lt; 0.05. "
            f"Groups with fewer than {s.min_documents} documents, and shares of fewer than {s.min_events} events, "
            "show counts instead of intervals (hollow dots in the charts; a hollow arrowhead at the edge when off the scale). Click any value to see example sentences.</p>",
            "".join(f'<p class="warn">warning: {escape(w)}</p>' for w in comparison.warnings),
            f"<nav>{nav}<a href=\"#terms\">Distinguishing terms</a><a href=\"#asymmetry\">Attribution asymmetry</a></nav>"]
    for section, measures, anchor in sections:
        body.append(_section(comparison, section, measures, templates, anchor))
    if len(comparison.groups) > 2:
        body.append(_significant(comparison))
    body.append(_terms(comparison, templates))
    body.append(_asymmetry(comparison, templates))
    empty = [m.label for m in comparison.empty_measures() if m.section != ASYMMETRY]
    if empty:
        body.append(f'<p class="note">Not shown, no occurrences in any group: {escape(", ".join(dict.fromkeys(empty)))}.</p>')
    if comparison.errors:
        body.append("<section><h2>Skipped inputs</h2><ul>"
                    + "".join(f"<li>{escape(e)}</li>" for e in comparison.errors) + "</ul></section>")
    out.write(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
              f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">'
              f"<title>framing compare</title><style>{CSS}</style></head><body>\n")
    out.write("\n".join(body))
    out.write("\n" + "".join(templates.parts))
    out.write('<aside id="panel" hidden aria-live="polite"><button type="button" id="panel-close" '
              'aria-label="close">×</button> <strong id="panel-title"></strong><div id="panel-body"></div></aside>')
    out.write(f"<script>{SCRIPT}</script></body></html>\n")
