"""From the foundation's findings to check diagnostics: selection, severities, house style, document rules."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..casing import adapt_case
from ..document import Document, Finding, Sentence
from ..lexicon import normalize
from ..rules import RULES
from .config import CheckConfig

#: Rules judged over the whole draft rather than a span.
DOCUMENT_RULES = ("S101", "H101")
#: Detectors that are slow to start and only feed one rule each: run them only when it is selected.
OPTIONAL_DETECTORS = {"readability": "R", "classifier": "C"}


@dataclass(frozen=True)
class Fix:
    """Replace document.text[start:end] (which reads ``old``) by ``new``."""

    start: int
    end: int
    old: str
    new: str


@dataclass
class Diagnostic:
    """One problem in one file, with everything every output format needs."""

    path: str
    code: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    #: A hash of the sentence around the span: keys the baseline so that moving lines breaks nothing.
    context: str
    suggestion: str | None = None
    fix: Fix | None = None
    fails: bool = True
    details: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return RULES[self.code].name

    @property
    def fingerprint(self) -> str:
        """Stable identity across line moves (SARIF partialFingerprints, JSON): rule, text, sentence."""
        return hashlib.sha256(f"{self.code}\0{self.text}\0{self.context}".encode("utf-8")).hexdigest()[:16]


def detectors_to_exclude(codes: Iterable[str]) -> tuple[str, ...]:
    """The optional detectors none of whose rules is selected; skipping them keeps start-up fast."""
    codes = set(codes)
    return tuple(sorted(name for name, prefix in OPTIONAL_DETECTORS.items()
                        if not any(code.startswith(prefix) for code in codes)))


def diagnostics(document: Document, path: str, config: CheckConfig, codes: frozenset[str]) -> list[Diagnostic]:
    """Every selected problem in an analysed document, in text order."""
    found: list[Diagnostic] = []
    for sentence in document.sentences:
        for finding in sentence.findings:
            if finding.code in codes and finding.code != "C001" and not _kept_by_house_style(finding, config):
                found.append(_from_finding(document, sentence, finding, path, config))
    if "C001" in codes:
        found.extend(_classifier(document, path, config))
    if "S101" in codes:
        found.extend(_anonymous_share(document, path, config))
    if "H101" in codes:
        found.extend(_hedge_density(document, path, config))
    return sorted(found, key=lambda d: (d.start, d.code))


def _kept_by_house_style(finding: Finding, config: CheckConfig) -> bool:
    return finding.code == "N001" and normalize(_without_possessive(finding.text)) in config.naming_keep


def _without_possessive(text: str) -> str:
    return re.sub(r"['’]s$", "", text)


def context_hash(document: Document, sentence: Sentence | None) -> str:
    words = " ".join(document.text[sentence.start:sentence.end].split()) if sentence else ""
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def make_diagnostic(document: Document, path: str, config: CheckConfig, code: str, start: int, end: int,
                    message: str, sentence: Sentence | None, **extra) -> Diagnostic:
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(end)
    severity = config.severity_of(code)
    return Diagnostic(path=path, code=code, severity=severity, message=message, start=start, end=end,
                      line=line, column=column, end_line=end_line, end_column=end_column,
                      text=document.text[start:end], context=context_hash(document, sentence),
                      fails=config.fails(severity), **extra)


def _from_finding(document: Document, sentence: Sentence, finding: Finding, path: str,
                  config: CheckConfig) -> Diagnostic:
    suggestion, replacement = _suggestion(finding, config)
    message = finding.message
    if finding.code == "N001" and replacement is not None:
        message = f"'{finding.text}' → '{replacement}': {finding.details.get('origin')}"
    fix = None
    if replacement is not None and finding.code in _fixable(config) and _fix_allowed(document, finding):
        fix = Fix(finding.start, finding.end, finding.text, replacement)
    return make_diagnostic(document, path, config, finding.code, finding.start, finding.end, message, sentence,
                           suggestion=suggestion, fix=fix, details=dict(finding.details))


def _fixable(config: CheckConfig) -> frozenset[str]:
    from .config import expand

    return expand(config.fixable)


def _fix_allowed(document: Document, finding: Finding) -> bool:
    """Safe to rewrite: not a speaker's words, not blanked markup (code, URL, front matter), and
    for N001 only where the lexicon entry says the swap needs no editor's judgement."""
    if finding.details.get("in_quotation"):
        return False
    if finding.code == "N001" and not finding.details.get("autofix", True):
        return False
    return document.prose[finding.start:finding.end] == document.text[finding.start:finding.end]


_NEUTRAL_VERB = {"ed": "said", "s": "says", "ing": "saying"}


def _neutral_verb(verb: str) -> str | None:
    """'said' in the matched verb's inflection; None for phrases where a swap would need rewriting."""
    if " " in verb.strip():
        return None
    lowered = verb.lower()
    form = "said" if lowered.endswith(("ed", "id", "ew", "ote", "ght")) else \
        "saying" if lowered.endswith("ing") else "says" if lowered.endswith("s") else "say"
    return adapt_case(verb, form)


def _suggestion(finding: Finding, config: CheckConfig) -> tuple[str | None, str | None]:
    """(advice shown to the writer, mechanical replacement if there is one)."""
    code, details = finding.code, finding.details
    if code == "N001":
        house = config.naming_prefer.get(normalize(_without_possessive(finding.text)))
        preferred = details.get("preferred")
        if house is not None:
            possessive = finding.text[len(_without_possessive(finding.text)):]
            preferred = adapt_case(_without_possessive(finding.text), house) + possessive
        return (f"write '{preferred}'", preferred) if preferred else (None, None)
    if code in ("A002", "A003", "A005"):
        verb = _neutral_verb(finding.text)
        return (f"a neutral verb: '{verb}'", verb) if verb else ("a neutral verb such as 'said'", None)
    if code == "L001" and details.get("alternative"):
        return f"more neutral: '{details['alternative']}'", None
    if code == "Q002":
        return "attribute the phrase to a speaker or drop the quotation marks", None
    if code == "S004":
        return "attribute the judgement to a source, or state the facts behind it", None
    return None, None


# --- document-level rules ---------------------------------------------------------------------------


def _anonymous_share(document: Document, path: str, config: CheckConfig) -> list[Diagnostic]:
    """The share as the report's summary defines it: sentences whose source is anonymous, among
    those with a named or an anonymous source (named wins when a sentence has both)."""
    limits = config.thresholds
    types = document.summary.get("source_types", {})
    named, anonymous = types.get("named", 0), types.get("anonymous", 0)
    sourced = named + anonymous
    if sourced < limits.anonymous_min_sentences or anonymous / sourced <= limits.anonymous_share:
        return []
    anchor = next((f for s in document.sentences if s.details.get("source_type") == "anonymous"
                   for f in s.findings if f.code == "S002"), None)
    start, end = (anchor.start, anchor.end) if anchor else (0, 0)
    share = anonymous / sourced
    message = (f"{anonymous} of {sourced} sourced sentences ({share:.0%}) rest on anonymous sources; "
               f"the house limit is {limits.anonymous_share:.0%}")
    return [make_diagnostic(document, path, config, "S101", start, end, message, None,
                            suggestion="name the sources, or say why they cannot be named",
                            details={"anonymous": anonymous, "named": named, "share": round(share, 4)})]


def _hedge_density(document: Document, path: str, config: CheckConfig) -> list[Diagnostic]:
    """Like the summary's hedges_per_1000_words, but without hedges inside quotations: a speaker's
    'maybe' is reported accurately, not the writer's vagueness."""
    limits = config.thresholds
    hedges = [f for f in document.findings if f.code == "H001" and not f.details.get("in_quotation")]
    words = document.summary.get("words", 0)
    if len(hedges) < limits.hedge_min_count or not words:
        return []
    rate = 1000 * len(hedges) / words
    if rate <= limits.hedges_per_1000_words:
        return []
    listed = ", ".join(dict.fromkeys(f"'{f.text.lower()}'" for f in hedges[:6]))
    message = (f"{len(hedges)} hedges in {words} words ({rate:.1f} per 1,000; the house limit is "
               f"{limits.hedges_per_1000_words:g}): {listed}")
    return [make_diagnostic(document, path, config, "H101", hedges[0].start, hedges[0].end, message, None,
                            suggestion="state what is known and attribute what is not",
                            details={"hedges": len(hedges), "words": words, "per_1000_words": round(rate, 2)})]


def _classifier(document: Document, path: str, config: CheckConfig) -> list[Diagnostic]:
    """Sentences the classifier rates at or above the house threshold."""
    threshold = config.thresholds.classifier_probability
    found = []
    for sentence in document.sentences:
        probability = sentence.details.get("bias_probability")
        flagged = [f for f in sentence.findings if f.code == "C001"]
        if probability is None and flagged:
            probability = flagged[0].details.get("probability", flagged[0].details.get("bias_probability", 1.0))
        if probability is None or probability < threshold:
            continue
        start = flagged[0].start if flagged else sentence.start
        end = flagged[0].end if flagged else sentence.end
        message = f"the classifier rates this sentence's wording as biased (p = {probability:.2f} ≥ {threshold:g})"
        found.append(make_diagnostic(document, path, config, "C001", start, end, message, sentence,
                                     details={"probability": round(float(probability), 4)}))
    return found
