"""Printing a check result: text (coloured on a terminal), JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
import os
from typing import Any, Callable, TextIO

from ..render.untrusted import terminal_safe
from ..rules import RULES
from . import CheckResult
from .rules import Diagnostic

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_COLOUR = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m", "path": "\x1b[1m",
           "dim": "\x1b[2m", "fix": "\x1b[32m", "reset": "\x1b[0m"}


def use_colour(out: TextIO) -> bool:
    """A terminal gets colour; NO_COLOR (no-color.org) turns it off, FORCE_COLOR on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(out, "isatty") and out.isatty()


def _line(d: Diagnostic) -> str:
    message = d.message
    if d.suggestion and not _said(d.suggestion, message):
        message += f"; {d.suggestion}"
    return message


def _said(suggestion: str, message: str) -> bool:
    """The message already names the replacement (N001 "'Kiev' → 'Kyiv'"): do not repeat it."""
    quoted = suggestion.split("'")
    return len(quoted) >= 2 and f"'{quoted[1]}'" in message


def render_text(result: CheckResult, out: TextIO) -> None:
    paint = _painter(use_colour(out))
    for d in result.diagnostics:
        marker = " [*]" if d.fix else ""
        out.write(f"{paint('path', terminal_safe(d.path))}:{d.line}:{d.column}: {paint(d.severity, d.code)}{marker} "
                  f"{terminal_safe(_line(d))}\n")
    render_summary(result, out, paint)


def render_summary(result: CheckResult, out: TextIO, paint: Callable[[str, str], str] | None = None) -> None:
    paint = paint or _painter(False)
    for fix in result.fixes:
        out.write(f"{paint('fix', 'fixed')} {terminal_safe(fix.path)}:{fix.line}:{fix.column}: {fix.code} "
                  f"'{terminal_safe(fix.old)}' → '{terminal_safe(fix.new)}'\n")
    count = len(result.diagnostics)
    fixable = sum(1 for d in result.diagnostics if d.fix)
    parts = []
    if count:
        parts.append(f"Found {count} problem{'s' if count != 1 else ''} in {len({d.path for d in result.diagnostics})} "
                     f"of {len(result.files)} file{'s' if len(result.files) != 1 else ''}")
    elif result.files:
        parts.append(f"All checks passed ({len(result.files)} file{'s' if len(result.files) != 1 else ''})")
    if result.fixes:
        parts.append(f"fixed {len(result.fixes)}")
    if fixable:
        parts.append(f"{fixable} fixable with --fix ([*])")
    suppressed = sum(f.suppressed for f in result.files)
    baselined = sum(f.baselined for f in result.files)
    if suppressed:
        parts.append(f"{suppressed} suppressed inline")
    if baselined:
        parts.append(f"{baselined} in the baseline")
    if parts:
        out.write(paint("dim", "; ".join(parts) + ".") + "\n")
    if result.baseline_written is not None:
        out.write(f"Wrote {result.baseline_written} finding(s) to the baseline.\n")


def _painter(enabled: bool) -> Callable[[str, str], str]:
    if not enabled:
        return lambda _style, text: text
    return lambda style, text: f"{_COLOUR[style]}{text}{_COLOUR['reset']}"


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": d.path, "code": d.code, "name": d.name, "severity": d.severity, "message": d.message,
        "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        "start": d.start, "end": d.end, "text": d.text, "suggestion": d.suggestion, "fails": d.fails,
        "fix": {"start": d.fix.start, "end": d.fix.end, "replacement": d.fix.new} if d.fix else None,
        "fingerprint": d.fingerprint,
    }
    return data


def render_json(result: CheckResult, out: TextIO) -> None:
    data = {
        "version": JSON_VERSION,
        "diagnostics": [diagnostic_dict(d) for d in result.diagnostics],
        "fixes": [vars(f) for f in result.fixes],
        "errors": result.errors,
        "summary": {
            "files": len(result.files), "problems": len(result.diagnostics),
            "failed": result.failed, "exit_code": result.exit_code,
            "suppressed": sum(f.suppressed for f in result.files),
            "baselined": sum(f.baselined for f in result.files),
        },
    }
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def sarif_log(result: CheckResult) -> dict[str, Any]:
    """A SARIF 2.1.0 log: one run, every rule described, one result per diagnostic."""
    from .. import __version__

    codes = sorted(RULES)
    index = {code: i for i, code in enumerate(codes)}
    rules = [{
        "id": code, "name": RULES[code].name,
        "shortDescription": {"text": RULES[code].summary},
        "fullDescription": {"text": RULES[code].explanation},
        "help": {"text": RULES[code].explanation + (f"\nExample: {RULES[code].example}" if RULES[code].example else "")},
        "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[code].severity]},
        "properties": {"category": RULES[code].category, "fixable": RULES[code].fixable},
    } for code in codes]
    results = []
    for d in result.diagnostics:
        region: dict[str, Any] = {"startLine": d.line, "startColumn": d.column,
                                  "endLine": d.end_line, "endColumn": d.end_column}
        if d.text:
            region["snippet"] = {"text": d.text}
        entry: dict[str, Any] = {
            "ruleId": d.code, "ruleIndex": index[d.code], "level": _SARIF_LEVEL[d.severity],
            "message": {"text": _line(d)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"}, "region": region}}],
            "partialFingerprints": {"framingContext/v1": d.fingerprint},
        }
        if d.fix:
            entry["fixes"] = [{"description": {"text": f"Replace '{d.fix.old}' with '{d.fix.new}'"},
                               "artifactChanges": [{"artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"},
                                                    "replacements": [{"deletedRegion": {
                                                        "startLine": d.line, "startColumn": d.column,
                                                        "endLine": d.end_line, "endColumn": d.end_column},
                                                        "insertedContent": {"text": d.fix.new}}]}]}]
        results.append(entry)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "framing", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/framing-analyzer/", "rules": rules}},
            # Our columns count characters (code points), not UTF-16 units.
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": [{"level": "error", "message": {"text": e}}
                                                            for e in result.errors]}],
        }],
    }


def _uri(path: str) -> str:
    from pathlib import PurePath
    from urllib.parse import quote

    return quote(PurePath(path).as_posix())


def render_sarif(result: CheckResult, out: TextIO) -> None:
    json.dump(sarif_log(result), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: CheckResult, out: TextIO) -> None:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request."""
    for d in result.diagnostics:
        properties = (f"file={_escape_property(d.path)},line={d.line},col={d.column},"
                      f"endLine={d.end_line},endColumn={d.end_column},title={_escape_property(f'framing {d.code} ({d.name})')}")
        # The log viewer renders ANSI colours: the message is shown inert, CR and LF stay encoded.
        # The file property is left exact, or the annotation would not find its file.
        out.write(f"::{_GITHUB_LEVEL[d.severity]} {properties}::{terminal_safe(_escape_data(f'{d.code} {_line(d)}'))}\n")
    for error in result.errors:
        out.write(f"::error ::{terminal_safe(_escape_data(error))}\n")


RENDERERS: dict[str, Callable[[CheckResult, TextIO], None]] = {
    "text": render_text, "json": render_json, "sarif": render_sarif, "github": render_github,
}
