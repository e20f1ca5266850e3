"""The `framing check` and `framing rules` commands: parse arguments, call framing.check, print."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

USAGE_ERROR = 2


def _error(message: str) -> typer.Exit:
    typer.echo(f"framing: error: {message}", err=True)
    return typer.Exit(USAGE_ERROR)


def _split(values: List[str]) -> list[str]:
    """--select N001,A002 and --select N001 --select A002 mean the same."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def check(
    paths: List[Path] = typer.Argument(..., help="Draft files (.md, .txt, .html) or directories."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes (house naming forms) in place."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; write nothing."),
    format: str = typer.Option("text", "--format", "-f", help="text, json, sarif or github."),
    select: List[str] = typer.Option([], "--select", help="Only these rule codes or prefixes (replaces the configured selection)."),
    extend_select: List[str] = typer.Option([], "--extend-select", help="Rule codes or prefixes to add to the selection."),
    ignore: List[str] = typer.Option([], "--ignore", help="Rule codes or prefixes to leave out."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this .framing.toml or pyproject.toml for every file."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not recorded in this baseline file."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record every current finding in this file and exit 0."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings reach the failing level."),
) -> None:
    """Check drafts against the house style: exit 0 clean, 1 on findings at the failing level, 2 on errors."""
    from . import CheckError, check_paths
    from ..render.untrusted import terminal_safe
    from .output import FORMATS, RENDERERS, render_summary

    if format not in FORMATS:
        raise _error(f"unknown --format {format!r}; expected one of {', '.join(FORMATS)}")
    if fix and diff:
        raise _error("--fix and --diff cannot be combined: --diff previews what --fix would write")
    if config is not None and not config.is_file():
        raise _error(f"{config}: no such configuration file")
    try:
        result = check_paths(paths, config_file=config, select=_split(select) or None,
                             extend_select=_split(extend_select) or None, ignore=_split(ignore) or None,
                             fix=fix, diff=diff, baseline=baseline, write_baseline_to=write_baseline)
    except CheckError as exc:
        raise _error(str(exc))
    for error in result.errors:  # names files, and a file name can carry escape sequences
        typer.echo(f"framing: error: {terminal_safe(error)}", err=True)
    if diff:
        for file in result.files:
            sys.stdout.write(file.diff)
        changed = sum(len(f.fixes) for f in result.files)
        typer.echo(f"Would fix {changed} finding(s) in {sum(1 for f in result.files if f.diff)} file(s).", err=True)
        raise typer.Exit(2 if result.errors else (1 if changed and not exit_zero else 0))
    RENDERERS[format](result, sys.stdout)
    if format != "text":
        render_summary(result, sys.stderr)  # keep stdout machine-readable
    code = result.exit_code
    raise typer.Exit(0 if exit_zero and code == 1 else code)


def rules(code: Optional[str] = typer.Argument(None, help="A rule code, e.g. N001.")) -> None:
    """List the rule codes, or explain one rule with an example."""
    from ..rules import RULES
    from .config import DEFAULT_FIXABLE, DEFAULT_SELECT, FIXABLE_RULES
    from .rules import DOCUMENT_RULES

    if code is None:
        for rule in RULES.values():
            flags = ("on " if rule.code in DEFAULT_SELECT else "   ") + ("fix" if rule.code in FIXABLE_RULES else "   ")
            typer.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {flags}  {rule.summary}")
        typer.echo("\n'on': checked by default; 'fix': can be fixed (N001 by default, others with `fixable`).")
        typer.echo("`framing rules CODE` explains one rule.")
        return
    rule = RULES.get(code.upper())
    if rule is None:
        raise _error(f"unknown rule code {code!r}; `framing rules` lists them")
    typer.echo(f"{rule.code} {rule.name}\n")
    typer.echo(f"  {rule.summary}\n")
    typer.echo(f"  Why: {rule.explanation}\n")
    if rule.example:
        typer.echo(f"  Example: {rule.example}\n")
    scope = "the whole draft" if rule.code in DOCUMENT_RULES else "a span of text"
    default = "checked by default" if rule.code in DEFAULT_SELECT else "off by default (select it to check it)"
    fixable = ("fixed by --fix" if rule.code in DEFAULT_FIXABLE else
               "fixable when listed in `fixable`" if rule.code in FIXABLE_RULES else "not fixable")
    typer.echo(f"  Severity: {rule.severity} (change with [tool.framing.severity]); judges {scope}; {default}; {fixable}.")
    typer.echo(f"  Suppress a line: <!-- framing: ignore[{rule.code}] -->  (plain text: # framing: ignore[{rule.code}])")


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("rules")(rules)
