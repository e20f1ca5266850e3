"""`framing check`: house-style diagnostics for drafts, with configuration, suppressions, baseline and fixes.

    >>> from framing.check import check_paths
    >>> result = check_paths(["drafts/"], fix=True)
    >>> result.exit_code, [d.code for d in result.diagnostics]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..document import printable_name
from .config import CheckConfig, ConfigError, ConfigFinder, load_config
from ..atomic_write import write_atomically
from .fix import AppliedFix, SourceError, apply_fixes, read_source, unified_diff
from .rules import Diagnostic, detectors_to_exclude, diagnostics
from .suppress import BaselineError, apply_suppressions, filter_baseline, read_baseline, write_baseline

__all__ = ["check_paths", "check_text", "CheckResult", "FileResult", "Diagnostic", "CheckConfig", "CheckError",
           "ConfigError", "AppliedFix"]

#: File types a check reads (corpora such as JSONL are for `framing score`, not for drafts).
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
            ".html": "html", ".htm": "html"}
#: Fixing one span can, rarely, reveal another (overlapping matches): a few passes reach a fixed point.
MAX_FIX_PASSES = 4


class CheckError(Exception):
    """A usage or configuration problem that stops the run (exit code 2); the message says what to do."""


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixes: list[AppliedFix] = field(default_factory=list)
    #: With diff=True: the unified diff the fixes would make (nothing is written).
    diff: str = ""
    suppressed: int = 0
    baselined: int = 0


@dataclass
class CheckResult:
    files: list[FileResult] = field(default_factory=list)
    #: Files that could not be read ("path: reason"); they make the exit code 2.
    errors: list[str] = field(default_factory=list)
    #: With write_baseline: how many findings were recorded.
    baseline_written: int | None = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def fixes(self) -> list[AppliedFix]:
        return [x for f in self.files for x in f.fixes]

    @property
    def failed(self) -> bool:
        return any(d.fails for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        if self.baseline_written is not None:
            return 0
        return 1 if self.failed or any(f.diff for f in self.files) else 0


class _Checker:
    """Holds what is expensive to build once per run: configurations and analyzers."""

    def __init__(self, finder: ConfigFinder, overrides: dict):
        self.finder = finder
        self.overrides = overrides
        self._configs: dict[int, CheckConfig] = {}
        self._analyzers: dict[tuple, object] = {}

    def config_for(self, path: Path) -> CheckConfig:
        base = self.finder.for_file(path)
        if id(base) not in self._configs:
            self._configs[id(base)] = base.with_overrides(**self.overrides)
        return self._configs[id(base)]

    def analyzer(self, config: CheckConfig, codes: frozenset[str]):
        excluded = detectors_to_exclude(codes)
        key = (config.lexicons, excluded)
        if key not in self._analyzers:
            self._analyzers[key] = _make_analyzer(config.lexicons, excluded)
        return self._analyzers[key]

    def check_text(self, text: str, fmt: str, path: Path, display: str) -> tuple[list[Diagnostic], int]:
        from ..loaders import make_document

        config = self.config_for(path)
        codes = config.enabled_codes(path)
        if "C001" in codes and not _classifier_available():
            if "C001" in config.select + config.extend_select:
                raise CheckError("rule C001 is selected but the classifier detector is not available "
                                 "(framing.detectors.classifier); deselect C001")
            codes = codes - {"C001"}  # selected only through 'ALL' or a prefix: skip it quietly
        document = self.analyzer(config, codes).analyze(make_document(text, fmt, path=display))
        found = diagnostics(document, display, config, codes)
        return apply_suppressions(found, text, fmt)


def _classifier_available() -> bool:
    from ..detectors import REGISTRY, all_detectors

    all_detectors([])  # imports and registers the detector modules without building any detector
    return "classifier" in REGISTRY


def _make_analyzer(lexicons: tuple[Path, ...], excluded: tuple[str, ...]):
    from ..detectors import REGISTRY, all_detectors
    from ..lexicon import LexiconError
    from ..pipeline import Analyzer

    all_detectors([])  # imports and registers the detector modules without building any detector
    # Naming the detectors (instead of exclude=) means an excluded one is never even constructed,
    # so a classifier that loads its model when built costs nothing unless C001 is selected.
    names = [name for name in REGISTRY if name not in excluded]
    try:
        return Analyzer(detectors=names, extra_lexicons=lexicons)
    except LexiconError as exc:
        raise CheckError("invalid lexicon:\n" + str(exc)) from None


def iter_files(paths: Iterable[str | Path], errors: list[str]) -> Iterator[tuple[Path, str]]:
    """(file, format) for files and, recursively, directories; hidden directories are skipped."""
    from ..loaders.directories import walk_files

    for name in paths:
        path = Path(name)
        if path.is_dir():
            for file in walk_files(path):  # follows links to directories once; reports loops
                if not isinstance(file, Path):
                    errors.append(str(file))
                elif file.suffix.lower() in SUFFIXES:
                    yield file, SUFFIXES[file.suffix.lower()]
        elif path.is_file():
            fmt = SUFFIXES.get(path.suffix.lower(), "text" if not path.suffix else None)
            if fmt is None:
                errors.append(f"{printable_name(str(path))}: unsupported file type '{path.suffix}' (expected "
                              f"{', '.join(sorted(SUFFIXES))}, or a file without an extension as text)")
            else:
                yield path, fmt
        else:
            try:
                path.stat()
                reason = "not a regular file"
            except FileNotFoundError:
                reason = "no such file or directory"
            except OSError as exc:  # a symbolic link loop, a permission problem on the way
                reason = f"cannot read: {exc.strerror or exc}"
            errors.append(f"{printable_name(str(path))}: {reason}")


def check_paths(paths: Iterable[str | Path], config: CheckConfig | None = None, *,
                config_file: str | Path | None = None, select: list[str] | None = None,
                extend_select: list[str] | None = None, ignore: list[str] | None = None,
                fix: bool = False, diff: bool = False, baseline: str | Path | None = None,
                write_baseline_to: str | Path | None = None) -> CheckResult:
    """Check drafts. ``config`` applies one configuration to every file; otherwise ``config_file``,
    or the nearest .framing.toml / pyproject.toml [tool.framing] above each file. Raises CheckError
    for configuration and usage problems; unreadable files are listed in ``result.errors``."""
    try:
        explicit = load_config(Path(config_file)) if config_file else config
        checker = _Checker(ConfigFinder(explicit), {"select": select, "extend_select": extend_select, "ignore": ignore})
        known = read_baseline(Path(baseline)) if baseline else None
        result = CheckResult()
        for path, fmt in iter_files(paths, result.errors):
            if checker.config_for(path).is_excluded(path):
                continue
            try:
                file_result = _check_file(checker, path, fmt, fix=fix, diff=diff)
            except SourceError as exc:
                result.errors.append(printable_name(str(exc)))  # the file name may hold a newline
                continue
            if known is not None:
                file_result.diagnostics, file_result.baselined = filter_baseline(
                    file_result.diagnostics, known, Path(baseline).parent)
            result.files.append(file_result)
        if write_baseline_to:
            try:
                result.baseline_written = write_baseline(result.diagnostics, Path(write_baseline_to))
            except OSError as exc:
                raise CheckError(f"{write_baseline_to}: cannot write the baseline: {exc.strerror or exc}") from None
        return result
    except (ConfigError, BaselineError) as exc:
        raise CheckError(str(exc)) from None


def _check_file(checker: _Checker, path: Path, fmt: str, *, fix: bool, diff: bool) -> FileResult:
    from ..loaders.decoding import MAX_DOCUMENT_BYTES, too_large

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if size > MAX_DOCUMENT_BYTES:
        raise SourceError(f"{path}: {too_large('file', size)}")
    source = read_source(path)
    display = printable_name(str(path))
    found, suppressed = checker.check_text(source.text, fmt, path, display)
    result = FileResult(display, found, suppressed=suppressed)
    if not (fix or diff) or not any(d.fix for d in found):
        return result
    text = source.text
    for _ in range(MAX_FIX_PASSES):
        text, applied = apply_fixes(text, found)
        if not applied:
            break
        result.fixes.extend(applied)
        found, suppressed = checker.check_text(text, fmt, path, display)
    if diff:
        result.diff = unified_diff(display, source.text, text)
        return result  # a preview: the findings reported are those of the file as it is
    if text != source.text:
        try:
            write_atomically(path, source.encode(text))
        except OSError as exc:  # a link, a read-only directory, a full disk: the draft is as it was
            raise SourceError(f"{path}: cannot write the fixes: {exc.strerror or exc}") from None
    result.diagnostics, result.suppressed = found, suppressed
    return result


def check_text(text: str, fmt: str = "text", config: CheckConfig | None = None,
               path: str = "<text>") -> list[Diagnostic]:
    """Diagnostics for a string (an editor plugin, a test): same rules, no files touched."""
    checker = _Checker(ConfigFinder(config or CheckConfig()), {})
    try:
        return checker.check_text(text, fmt, Path(path), path)[0]
    except ConfigError as exc:
        raise CheckError(str(exc)) from None
