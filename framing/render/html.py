"""A self-contained HTML report (no scripts, no network); everything shown is escaped.

The Content-Security-Policy repeats the promise to the browser: no script runs and nothing is
fetched, even if some text from the input ever slipped past escaping.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, TextIO

from ..document import Document, RecordError, Sentence

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
.s{margin:.6em 0}.n{color:#888;font-size:.85em}.f{font-size:.85em;color:#444;margin-left:2em}
mark{background:none;border-bottom:2px solid}mark.naming{border-color:#a0a}mark.attribution{border-color:#088}
mark.sourcing{border-color:#b80}mark.quotation{border-color:#2a2}mark.hedge{border-color:#33c}
mark.loaded{border-color:#c22}mark.classifier{border-color:#c66}code{background:#f3f3f3;padding:0 .2em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _highlight(sentence: Sentence) -> str:
    # Spans may nest or overlap; mark each character range once, by its first finding.
    marks = sorted((f for f in sentence.findings if f.category != "readability"), key=lambda f: (f.start, -f.end))
    parts, position = [], sentence.start
    for finding in marks:
        if finding.start < position:
            continue
        parts.append(escape(sentence.text[position - sentence.start : finding.start - sentence.start]))
        parts.append(f'<mark class="{escape(finding.category)}" title="{escape(finding.code + ": " + finding.message)}">'
                     f"{escape(finding.text)}</mark>")
        position = finding.end
    parts.append(escape(sentence.text[position - sentence.start :]))
    return "".join(parts)


def render(documents: Iterable[Document], out: TextIO, errors: list[RecordError]) -> None:
    out.write(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
              f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>framing report</title>'
              f"<style>{_CSS}</style></head><body><h1>framing report</h1>\n")
    for document in documents:
        out.write(f"<section><h2>{escape(document.id or 'document')}</h2>\n")
        for sentence in document.sentences:
            out.write(f'<div class="s"><span class="n">[{sentence.index + 1}] '
                      f'{escape(str(sentence.details.get("source_type", "")))}</span> {_highlight(sentence)}')
            for finding in sentence.findings:
                out.write(f'<div class="f"><code>{escape(finding.code)}</code> {escape(finding.message)}</div>')
            out.write("</div>\n")
        out.write("<table>" + "".join(
            f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in document.summary.items()
        ) + "</table></section>\n")
    if errors:
        out.write("<h2>Skipped inputs</h2><ul>" + "".join(f"<li>{escape(str(e))}</li>" for e in errors) + "</ul>")
    out.write("</body></html>\n")
