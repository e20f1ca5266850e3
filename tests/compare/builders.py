"""Hand-made analysed Documents, for tests that must not depend on the detectors' heuristics."""

from __future__ import annotations

from typing import Any, Iterable

from framing.document import Document, Finding, Sentence
from framing.rules import RULES


def finding(text: str, start: int, code: str, phrase: str, **details: Any) -> Finding:
    """A finding of ``code`` on the first ``phrase`` at or after ``start`` in ``text``."""
    position = text.index(phrase, start)
    return Finding(code=code, category=RULES[code].category, start=position, end=position + len(phrase),
                   text=phrase, message="test", details=details)


def document(doc_id: str, outlet: str | None, sentences: Iterable[tuple[str, list[tuple], dict]]) -> Document:
    """``sentences``: (text, [(code, phrase, details), ...], sentence details) triples."""
    text_parts, built, offset = [], [], 0
    for index, (sentence_text, specs, details) in enumerate(sentences):
        start = offset
        findings = [finding(sentence_text, 0, code, phrase, **extra) for code, phrase, extra in specs]
        findings = [Finding(f.code, f.category, f.start + start, f.end + start, f.text, f.message, f.severity,
                            f.details) for f in findings]
        sentence_details = {"source_type": "none", "attributed": False,
                            "readability": {"words": len(sentence_text.split()), "syllables": 0}, **details}
        built.append(Sentence(index=index, start=start, end=start + len(sentence_text), text=sentence_text,
                              findings=findings, details=sentence_details))
        text_parts.append(sentence_text)
        offset += len(sentence_text) + 1
    meta = {"outlet": outlet} if outlet is not None else {}
    doc = Document(text=" ".join(text_parts), id=doc_id, meta=meta)
    doc.sentences = built
    return doc
