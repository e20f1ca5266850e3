"""The terminal report: each sentence with its signals highlighted and explained, then a summary."""

from __future__ import annotations

from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..document import Document, RecordError, Sentence
from .untrusted import terminal_safe

STYLES = {
    "naming": "bold magenta",
    "attribution": "bold cyan",
    "sourcing": "bold yellow",
    "quotation": "green",
    "hedge": "blue",
    "loaded": "bold red",
    "readability": "",
    "classifier": "red",
}
# Sentence-wide findings would paint the whole sentence; they are listed, not highlighted.
_NOT_HIGHLIGHTED = {"readability"}


def sentence_text(document: Document, sentence: Sentence) -> Text:
    text = Text(terminal_safe(sentence.text))
    for finding in sentence.findings:
        if finding.category in _NOT_HIGHLIGHTED:
            continue
        style = STYLES.get(finding.category, "bold")
        text.stylize(style + " underline", finding.start - sentence.start, finding.end - sentence.start)
    return text


def render(documents: Iterable[Document], out: TextIO, errors: list[RecordError], *,
           all_sentences: bool = True) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False)
    for document in documents:
        render_document(console, document, all_sentences)


def render_document(console: Console, document: Document, all_sentences: bool = True) -> None:
    meta = " · ".join(str(document.meta[k]) for k in ("outlet", "date", "title") if document.meta.get(k))
    console.rule(Text(terminal_safe(f"{document.id or 'document'}" + (f"  ({meta})" if meta else "")), style="bold"))
    for sentence in document.sentences:
        if not sentence.findings and not all_sentences:
            continue
        header = Text(f"[{sentence.index + 1}] ", style="dim")
        source = sentence.details.get("source_type")
        tags = []
        if source:
            tags.append(f"source: {source}")
        if "bias_probability" in sentence.details:
            tags.append(f"bias p={sentence.details['bias_probability']:.2f}")
        console.print(header + sentence_text(document, sentence) + Text(("  (" + ", ".join(tags) + ")") if tags else "", style="dim"))
        for finding in sentence.findings:
            style = STYLES.get(finding.category, "")
            console.print(Text("    ") + Text(f"{finding.code} ", style=style or "bold")
                          + Text(f"{finding.category:<11} ", style="dim") + Text(terminal_safe(finding.message)))
        terms = sentence.details.get("bias_terms")
        if terms and (terms.get("up") or terms.get("down")):
            up = ", ".join(str(t[0] if isinstance(t, (list, tuple)) else t) for t in terms.get("up", [])[:5])
            down = ", ".join(str(t[0] if isinstance(t, (list, tuple)) else t) for t in terms.get("down", [])[:3])
            console.print(Text(terminal_safe(f"    classifier: up {up or '-'}; down {down or '-'}"), style="dim"))
    console.print(summary_table(document))


def summary_table(document: Document) -> Table:
    s = document.summary
    table = Table(title="Summary", show_header=False, title_justify="left")
    table.add_column("measure", style="bold")
    table.add_column("value")
    table.add_row("sentences / words", f"{s.get('sentences', 0)} / {s.get('words', 0)}")
    table.add_row("findings by category", ", ".join(f"{k} {v}" for k, v in s.get("findings_by_category", {}).items()) or "none")
    types = s.get("source_types", {})
    table.add_row("source types (sentences)", ", ".join(f"{k} {v}" for k, v in types.items()))
    table.add_row("sourcing density", f"{s.get('sourcing_density', 0):.0%} of sentences attributed")
    table.add_row("named vs anonymous", f"{s.get('named_share', 0):.0%} named, {s.get('anonymous_share', 0):.0%} anonymous")
    table.add_row("quotations per 100 sentences", f"{s.get('quotations_per_100_sentences', 0):.1f} (scare quotes: {s.get('scare_quotes', 0)})")
    verbs = s.get("attribution_verb_classes", {})
    table.add_row("attribution verbs", ", ".join(f"{k} {v}" for k, v in verbs.items()))
    naming = s.get("naming_variants", [])
    if naming:
        # A Text, not a str: a str cell is read as rich markup, and these words come from the input.
        table.add_row("naming variants", Text(terminal_safe(", ".join(
            f"{n['variant']}→{n['preferred']} ×{n['count']}" for n in naming))))
    table.add_row("hedges / boosters / loaded per 1,000 words",
                  f"{s.get('hedges_per_1000_words', 0):.1f} / {s.get('boosters_per_1000_words', 0):.1f} / {s.get('loaded_per_1000_words', 0):.1f}")
    readability = s.get("readability", {})
    if readability:
        table.add_row("readability", f"Flesch reading ease {readability['flesch_reading_ease']:.1f}, "
                                     f"Flesch-Kincaid grade {readability['flesch_kincaid_grade']:.1f}")
    if "mean_bias_probability" in s:
        table.add_row("mean bias probability", f"{s['mean_bias_probability']:.2f}")
    return table
