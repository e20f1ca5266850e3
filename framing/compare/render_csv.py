"""CSV: one tidy long table (one row per estimate, difference, term or actor count), ready for pandas or R.

The ``record`` column says what a row is; columns that do not apply to it are left empty.
"""

from __future__ import annotations

import csv
from typing import TextIO

from .asymmetry import VERB_CLASSES
from ..render.untrusted import spreadsheet_safe
from .model import Comparison

COLUMNS = ["record", "section", "measure", "label", "unit", "group", "other_group", "value", "low", "high",
           "numerator", "denominator", "documents", "p_value", "q_value", "z", "warning"]
#: Columns that can hold text from the input (outlet names, actors, terms, lexicon forms); the
#: others hold numbers, whose minus sign must stay a minus sign.
TEXT_COLUMNS = ("record", "section", "measure", "label", "unit", "group", "other_group", "warning")


def _number(value: float | None) -> str:
    return "" if value is None else repr(round(float(value), 10))


class _SpreadsheetSafeWriter(csv.DictWriter):
    def writerow(self, rowdict):
        return super().writerow({k: spreadsheet_safe(v) if k in TEXT_COLUMNS else v for k, v in rowdict.items()})


def render(comparison: Comparison, out: TextIO) -> None:
    writer = _SpreadsheetSafeWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for group in comparison.groups:
        for column in ("documents", "sentences", "words"):
            writer.writerow({"record": "size", "measure": column, "group": group.name,
                             "value": getattr(group, column)})
    for measure in comparison.measures:
        common = {"section": measure.section, "measure": measure.key, "label": measure.label, "unit": measure.unit}
        for group in comparison.group_names:
            e = comparison.estimate(group, measure.key)
            writer.writerow({**common, "record": "estimate", "group": group, "value": _number(e.value),
                             "low": _number(e.low), "high": _number(e.high), "numerator": _number(e.numerator),
                             "denominator": _number(e.denominator), "documents": e.documents,
                             "warning": e.warning or ""})
    by_key = {m.key: m for m in comparison.measures}
    for d in comparison.differences:
        m = by_key[d.measure]
        writer.writerow({"record": "difference", "section": m.section, "measure": m.key, "label": m.label,
                         "unit": m.unit, "group": d.group_a, "other_group": d.group_b,
                         "value": _number(d.difference), "low": _number(d.low), "high": _number(d.high),
                         "p_value": _number(d.p_value), "q_value": _number(d.q_value), "warning": d.warning or ""})
    for group, terms in comparison.distinguishing_terms.items():
        for term in terms:
            writer.writerow({"record": "term", "measure": "weighted_log_odds", "label": term.term, "group": group,
                             "value": _number(term.log_odds), "z": _number(term.z), "numerator": term.count,
                             "denominator": term.rest_count})
    for profile in comparison.actors:
        for verb_class in VERB_CLASSES:
            e = comparison.estimate(profile.group, profile.share_measures[verb_class])
            writer.writerow({"record": "actor", "section": "Attribution asymmetry", "measure": f"verb_class:{verb_class}",
                             "label": profile.label, "group": profile.group, "value": _number(e.value),
                             "low": _number(e.low), "high": _number(e.high), "numerator": profile.counts[verb_class],
                             "denominator": profile.total, "documents": e.documents, "warning": e.warning or ""})
