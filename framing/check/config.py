"""Check configuration: [tool.framing] in pyproject.toml or a .framing.toml, found by walking up from each file."""

from __future__ import annotations

import difflib
import fnmatch
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from ..document import SEVERITIES
from ..rules import RULES

CONFIG_FILE = ".framing.toml"
PYPROJECT = "pyproject.toml"

#: Rules a newsroom wants by default: the problems, not the neutral signals (A001, S001, Q001, ...)
#: that `framing score` reports. R001 loads a pronunciation dictionary and C001 a model, so both
#: are opt-in to keep a check well under a second.
DEFAULT_SELECT = ("N001", "A002", "A003", "A004", "A005", "S004", "S101", "Q002", "L001", "H101")
DEFAULT_FIXABLE = ("N001",)
#: Rules whose fix is mechanical enough to be allowed at all (with `fixable`); only N001 is on by default
#: because replacing a verb ("claimed" -> "said") can change the grammar of the sentence.
FIXABLE_RULES = ("N001", "A002", "A003", "A005")
FAIL_LEVELS = ("error", "warning", "info")


class ConfigError(Exception):
    """An invalid configuration; the message names the file and the key."""


@dataclass(frozen=True)
class Thresholds:
    """Limits of the document-level rules (S101, H101) and of the classifier rule (C001)."""

    anonymous_share: float = 0.5
    anonymous_min_sentences: int = 3
    hedges_per_1000_words: float = 15.0
    hedge_min_count: int = 3
    classifier_probability: float = 0.8


@dataclass(frozen=True)
class CheckConfig:
    """One configuration file's settings (or the defaults), already validated."""

    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    select: tuple[str, ...] = DEFAULT_SELECT
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    fixable: tuple[str, ...] = DEFAULT_FIXABLE
    lexicons: tuple[Path, ...] = ()
    naming_keep: frozenset[str] = frozenset()
    naming_prefer: Mapping[str, str] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)

    def with_overrides(self, select: list[str] | None = None, extend_select: list[str] | None = None,
                       ignore: list[str] | None = None) -> "CheckConfig":
        """Command-line --select replaces the file's selection; --extend-select and --ignore add to it."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = _codes(select, "--select", "command line")
        if extend_select:
            changes["extend_select"] = self.extend_select + _codes(extend_select, "--extend-select", "command line")
        if ignore:
            changes["ignore"] = self.ignore + _codes(ignore, "--ignore", "command line")
        return replace(self, **changes) if changes else self

    def relative(self, path: Path) -> str:
        """The path as globs see it: relative to the configuration's directory, with '/'."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def enabled_codes(self, path: Path) -> frozenset[str]:
        codes = expand(self.select) | expand(self.extend_select)
        ignored = set(expand(self.ignore))
        relative = self.relative(path)
        for pattern, patterns in self.per_file_ignores:
            if matches_glob(relative, pattern):
                ignored |= expand(patterns)
        return frozenset(codes - ignored)

    def is_excluded(self, path: Path) -> bool:
        relative = self.relative(path)
        return any(matches_glob(relative, pattern) for pattern in self.exclude)

    def severity_of(self, code: str) -> str:
        return self.severity.get(code, RULES[code].severity)

    def fails(self, severity: str) -> bool:
        return SEVERITIES.index(severity) >= SEVERITIES.index(self.fail_on)


def matches_glob(relative: str, pattern: str) -> bool:
    """fnmatch-style; '*' also crosses '/', and a pattern without '/' may match the file name alone."""
    pattern = pattern.replace("**/", "*").replace("**", "*")
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], pattern)


def expand(patterns: tuple[str, ...] | list[str]) -> frozenset[str]:
    """Codes named by 'ALL', a code ('N001') or a prefix ('A' selects A001-A005)."""
    codes: set[str] = set()
    for pattern in patterns:
        codes.update(code for code in RULES if pattern == "ALL" or code.startswith(pattern))
    return frozenset(codes)


# --- reading and validating ------------------------------------------------------------------------


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    items = _strings(value, key, where)
    for item in items:
        if not expand([item.upper()]):
            hint = _did_you_mean(item.upper(), list(RULES))
            raise ConfigError(f"{where}: {key}: unknown rule code or prefix {item!r}{hint}; "
                              "`framing rules` lists the codes")
    return tuple(item.upper() for item in items)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _number(value: Any, key: str, where: str, low: float, high: float | None, integer: bool = False) -> float:
    kind = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind) or value < low or (high is not None and value > high):
        span = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        noun = "a whole number" if integer else "a number"
        raise ConfigError(f"{where}: {key} must be {noun} {span}, got {value!r}")
    return value


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key} must be a table")
    return value


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _reject_unknown(table: dict[str, Any], known: list[str], prefix: str, where: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}: unknown key {prefix}{key!r}{_did_you_mean(key, known)}; "
                              f"expected one of: {', '.join(known)}")


_THRESHOLD_KEYS: dict[str, Callable[[Any, str, str], Any]] = {
    "anonymous-share": lambda v, k, w: float(_number(v, k, w, 0, 1)),
    "anonymous-min-sentences": lambda v, k, w: int(_number(v, k, w, 1, None, integer=True)),
    "hedges-per-1000-words": lambda v, k, w: float(_number(v, k, w, 0, None)),
    "hedge-min-count": lambda v, k, w: int(_number(v, k, w, 1, None, integer=True)),
    "classifier-probability": lambda v, k, w: float(_number(v, k, w, 0, 1)),
}
_TOP_KEYS = ["select", "extend-select", "ignore", "per-file-ignores", "exclude", "severity", "fail-on",
             "fixable", "lexicons", "naming", "thresholds"]


def parse_config(table: dict[str, Any], root: Path, where: str) -> CheckConfig:
    """Validate the [tool.framing] table (or a .framing.toml) into a CheckConfig."""
    _reject_unknown(table, _TOP_KEYS, "", where)
    values: dict[str, Any] = {"root": root, "source": Path(where)}
    for key in ("select", "extend-select", "ignore"):
        if key in table:
            values[key.replace("-", "_")] = _codes(table[key], key, where)
    if "fixable" in table:
        fixable = _codes(table["fixable"], "fixable", where)
        unfixable = sorted(expand(fixable) - set(FIXABLE_RULES))
        if unfixable:
            raise ConfigError(f"{where}: fixable: {', '.join(unfixable)} cannot be fixed automatically "
                              f"(fixable rules: {', '.join(FIXABLE_RULES)})")
        values["fixable"] = fixable
    if "exclude" in table:
        values["exclude"] = _strings(table["exclude"], "exclude", where)
    if "per-file-ignores" in table:
        values["per_file_ignores"] = tuple(
            (glob, _codes(codes, f"per-file-ignores.{glob!r}", where))
            for glob, codes in _table(table["per-file-ignores"], "per-file-ignores", where).items())
    if "severity" in table:
        severity = {}
        for code, level in _table(table["severity"], "severity", where).items():
            if code.upper() not in RULES:
                raise ConfigError(f"{where}: severity: unknown rule code {code!r}{_did_you_mean(code.upper(), list(RULES))}")
            if level not in SEVERITIES:
                raise ConfigError(f"{where}: severity.{code} must be one of {', '.join(SEVERITIES)}, got {level!r}")
            severity[code.upper()] = level
        values["severity"] = severity
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_LEVELS:
            raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_LEVELS)}, got {table['fail-on']!r}")
        values["fail_on"] = table["fail-on"]
    if "lexicons" in table:
        values["lexicons"] = tuple(_existing(root / name, f"lexicons: {name!r}", where)
                                   for name in _strings(table["lexicons"], "lexicons", where))
    if "naming" in table:
        naming = _table(table["naming"], "naming", where)
        _reject_unknown(naming, ["keep", "prefer"], "naming.", where)
        values["naming_keep"] = frozenset(_fold(t) for t in _strings(naming.get("keep", []), "naming.keep", where))
        prefer = _table(naming.get("prefer", {}), "naming.prefer", where)
        if not all(isinstance(v, str) and v.strip() for v in prefer.values()):
            raise ConfigError(f"{where}: naming.prefer must map each variant to a non-empty string")
        values["naming_prefer"] = {_fold(k): v for k, v in prefer.items()}
    if "thresholds" in table:
        thresholds = _table(table["thresholds"], "thresholds", where)
        _reject_unknown(thresholds, list(_THRESHOLD_KEYS), "thresholds.", where)
        values["thresholds"] = Thresholds(**{
            key.replace("-", "_"): check(value, f"thresholds.{key}", where)
            for key, value in thresholds.items() for check in [_THRESHOLD_KEYS[key]]})
    return CheckConfig(**values)


def _fold(term: str) -> str:
    """How house-style terms are compared with matched text: case, apostrophes and spacing folded."""
    from ..lexicon import normalize

    return normalize(term)


def _existing(path: Path, key: str, where: str) -> Path:
    if not path.exists():
        raise ConfigError(f"{where}: {key}: no such file or directory ({path})")
    return path


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def load_config(path: Path) -> CheckConfig:
    """A configuration from an explicit file: a .framing.toml, or a pyproject.toml's [tool.framing]."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("framing")
        if table is None:
            raise ConfigError(f"{path}: no [tool.framing] table")
        return parse_config(_table(table, "[tool.framing]", str(path)), path.parent, str(path))
    return parse_config(data, path.parent, str(path))


class ConfigFinder:
    """Finds the configuration that governs each file: the nearest .framing.toml or pyproject.toml with
    [tool.framing], walking up from the file's directory (a .framing.toml wins in the same directory)."""

    def __init__(self, explicit: CheckConfig | None = None):
        #: One configuration for every file (--config, or given through the API): no discovery.
        self.explicit = explicit
        self.defaults = CheckConfig()
        self._by_directory: dict[Path, CheckConfig] = {}

    def for_file(self, path: Path) -> CheckConfig:
        if self.explicit is not None:
            return self.explicit
        return self._for_directory(path.resolve().parent)

    def _for_directory(self, directory: Path) -> CheckConfig:
        if directory in self._by_directory:
            return self._by_directory[directory]
        config = self._here(directory)
        if config is None:
            config = self.defaults if directory.parent == directory else self._for_directory(directory.parent)
        self._by_directory[directory] = config
        return config

    @staticmethod
    def _here(directory: Path) -> CheckConfig | None:
        dedicated = directory / CONFIG_FILE
        if dedicated.is_file():
            return load_config(dedicated)
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and "framing" in _read_toml(pyproject).get("tool", {}):
            return load_config(pyproject)
        return None
