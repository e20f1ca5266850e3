"""Case-preserving replacement: KIEV → KYIV, Kiev → Kyiv, illegal alien → undocumented immigrant."""

from __future__ import annotations


def adapt_case(matched: str, replacement: str, canonical: str | None = None) -> str:
    """``replacement`` written in the capitalisation pattern of ``matched``.

    ``canonical`` is how the lexicon writes the matched term: a match written exactly that way
    ("Donetsk People's Republic") takes the replacement exactly as the lexicon writes it.
    """
    letters = [c for c in matched if c.isalpha()]
    if not letters:
        return replacement
    if canonical is not None and " ".join(matched.split()) == canonical:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if replacement[:1].isupper() or any(w[:1].isupper() for w in replacement.split()[1:]):
        # The preferred form has its own capitals (a proper name): keep them, but follow an
        # all-lowercase match only if the preferred form is lowercase too.
        if matched[:1].isupper() and replacement[:1].islower():
            return replacement[:1].upper() + replacement[1:]
        return replacement
    if matched[:1].isupper():
        words = matched.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            return " ".join(w[:1].upper() + w[1:] for w in replacement.split())
        return replacement[:1].upper() + replacement[1:]
    return replacement
