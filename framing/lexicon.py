"""Lexicon files: loading, validation (file:line errors) and one compiled matcher for all of them."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .resources import lexicon_dir

FAMILIES = ("naming", "attribution", "sourcing", "hedges", "loaded")
#: Terms, forms and exceptions are phrases, and each character of a term is a level of the
#: matcher's trie: a paragraph-long term would exhaust the regex compiler's recursion.
MAX_PHRASE_CHARS = 100
#: A lexicon named by a configuration may come from anyone's repository: bound what is read.
MAX_LEXICON_BYTES = 64 * 1024 * 1024

_COMMON_KEYS = {"term", "rationale", "source", "case_sensitive", "family", "note", "exceptions"}
_SCHEMAS: dict[str, dict[str, Any]] = {
    "naming": {
        "required": {"preferred": str, "domain": str, "origin": str, "source": str},
        "optional": {"autofix": bool, "kind": str, "given_name": bool},
    },
    "attribution": {
        "required": {"class": str, "forms": list},
        "optional": {"requires_complement": bool},
        "values": {"class": ("neutral", "doubt", "endorsing", "accusatory", "emotive")},
    },
    "sourcing": {
        "required": {"type": str},
        "optional": {},
        "values": {"type": ("anonymous", "secondary", "media_outlet", "unnamed_source_noun")},
    },
    "hedges": {
        "required": {"type": str},
        "optional": {},
        "values": {"type": ("hedge", "booster")},
    },
    "loaded": {
        "required": {"category": str},
        "optional": {"alternative": str},
        "values": {
            "category": (
                "emotive", "delegitimizing", "militaristic", "exaggeration",
                "pejorative", "evaluative", "euphemism", "conspiratorial",
            )
        },
    },
}


class LexiconError(Exception):
    """A lexicon file is malformed; ``problems`` lists every ``file:line: message``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Entry:
    """One lexicon entry; ``data`` holds the family-specific keys as written in the file."""

    family: str
    term: str
    forms: tuple[str, ...]
    rationale: str
    case_sensitive: bool
    data: Mapping[str, Any]
    origin: str  # "file:line", for messages and `framing lexicons`

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@lru_cache(maxsize=4096)
def _exceptions_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all of an entry's exception phrases, longest first."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        parts = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
        # A phrase ending in a hyphen ('the Ukraine-') covers every compound it starts.
        alternatives.append(r"\s+".join(parts) + ("" if phrase.endswith("-") else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?=((?:" + "|".join(alternatives) + r")))", re.IGNORECASE)


def in_exception(entry: Entry, text: str, start: int, end: int) -> bool:
    """True when a match of ``entry`` lies inside one of its exception phrases ("chicken Kiev",
    "admitted to hospital"), where the term does not mean what the entry is about."""
    phrases = tuple(entry.get("exceptions", ()))
    if not phrases:
        return False
    reach = max(len(p) for p in phrases) + 8
    for found in _exceptions_pattern(phrases).finditer(text, max(0, start - reach), min(len(text), end + reach)):
        if found.start(1) > start:
            break
        if end <= found.end(1):
            return True
    return False


_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The key under which a matched span is looked up: case, whitespace and apostrophes folded."""
    return _WHITESPACE.sub(" ", text.translate(_APOSTROPHES)).lower().strip()


def _family_of(path: Path, root: Path | None) -> str | None:
    if root is not None:
        try:
            rel = path.relative_to(root)
        except ValueError:
            return None
        head = rel.parts[0]
        return head[: -len(".jsonl")] if head.endswith(".jsonl") else head
    return None


def validate_entry(raw: Any, family: str | None, where: str) -> tuple[Entry | None, list[str]]:
    """Check one parsed line against its family's schema; returns the entry or the problems."""
    if not isinstance(raw, dict):
        return None, [f"{where}: an entry must be a JSON object"]
    family = raw.get("family", family)
    if family not in _SCHEMAS:
        return None, [f"{where}: unknown family {family!r}; add a \"family\" key ({', '.join(FAMILIES)})"]
    schema = _SCHEMAS[family]
    problems: list[str] = []
    for key in ("term", "rationale"):
        if not isinstance(raw.get(key), str) or not raw.get(key, "").strip():
            problems.append(f"{where}: missing or empty {key!r}")
    for key, kind in schema["required"].items():
        if key not in raw:
            problems.append(f"{where}: missing required key {key!r} for family {family!r}")
        elif not isinstance(raw[key], kind):
            problems.append(f"{where}: {key!r} must be a {kind.__name__}")
    for key, kind in schema["optional"].items():
        if key in raw and not isinstance(raw[key], kind):
            problems.append(f"{where}: {key!r} must be a {kind.__name__}")
    allowed = _COMMON_KEYS | set(schema["required"]) | set(schema["optional"])
    for key in raw:
        if key not in allowed:
            problems.append(f"{where}: unknown key {key!r} for family {family!r}")
    for key, values in schema.get("values", {}).items():
        if isinstance(raw.get(key), str) and raw[key] not in values:
            problems.append(f"{where}: {key!r} is {raw[key]!r}; expected one of {', '.join(values)}")
    if "case_sensitive" in raw and not isinstance(raw["case_sensitive"], bool):
        problems.append(f"{where}: 'case_sensitive' must be true or false")
    term = raw.get("term") if isinstance(raw.get("term"), str) else ""
    forms: list[str] = [term]
    if family == "attribution" and isinstance(raw.get("forms"), list):
        forms = raw["forms"]
        if not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            problems.append(f"{where}: 'forms' must be a non-empty list of strings")
    if "exceptions" in raw and not isinstance(raw["exceptions"], list):
        problems.append(f"{where}: 'exceptions' must be a list")
    exceptions = raw.get("exceptions", []) if isinstance(raw.get("exceptions"), list) else []
    for exception in exceptions:
        if not isinstance(exception, str) or not any(
                normalize(form) in normalize(exception) for form in forms if isinstance(form, str)):
            problems.append(f"{where}: exception {exception!r} does not contain the term {term!r}")
    for phrase in [*forms, *exceptions]:
        if isinstance(phrase, str) and len(phrase.strip()) > MAX_PHRASE_CHARS:
            problems.append(f"{where}: {phrase[:40]!r}... is {len(phrase.strip())} characters long; a term, form "
                            f"or exception is a phrase of at most {MAX_PHRASE_CHARS}")
    if problems:
        return None, problems
    data = {k: v for k, v in raw.items() if k not in ("term", "rationale", "case_sensitive", "family", "forms")}
    entry = Entry(
        family=family,
        term=term,
        forms=tuple(dict.fromkeys(f.strip() for f in forms)),
        rationale=raw["rationale"].strip(),
        case_sensitive=bool(raw.get("case_sensitive", False)),
        data=data,
        origin=where,
    )
    return entry, []


def read_lexicon_file(path: Path, root: Path | None = None) -> tuple[list[Entry], list[str]]:
    """Parse one JSONL lexicon file; problems are reported as ``file:line: message``."""
    family = _family_of(path, root)
    entries: list[Entry] = []
    problems: list[str] = []
    try:
        if not path.is_file():  # a device or a pipe (/dev/zero) would never end
            return [], [f"{path}: cannot read lexicon: not a regular file"]
        with path.open("rb") as handle:
            data = handle.read(MAX_LEXICON_BYTES + 1)
        if len(data) > MAX_LEXICON_BYTES:
            return [], [f"{path}: cannot read lexicon: larger than {MAX_LEXICON_BYTES} bytes"]
        lines = data.decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read lexicon: {exc}"]
    seen: dict[tuple[str, str], str] = {}
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        entry, entry_problems = validate_entry(raw, family, where)
        problems.extend(entry_problems)
        if entry is None:
            continue
        for form in entry.forms:
            key = (entry.family, normalize(form))
            if key in seen:
                problems.append(f"{where}: duplicate {entry.family} term {form!r} (first at {seen[key]})")
            else:
                seen[key] = where
        entries.append(entry)
    return entries, problems


def lexicon_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.jsonl") if p.is_file())


def _sources(path: Path) -> list[tuple[Path, Path | None]]:
    """Files under ``path`` with the root their family is read from.

    Inside the shipped lexicons the family comes from the layout; a directory given by a
    user is read with the same layout; a single outside file needs "family" on each entry.
    """
    shipped = lexicon_dir().resolve()
    resolved = path.resolve()
    if resolved == shipped or shipped in resolved.parents:
        root: Path | None = shipped
    else:
        root = resolved if resolved.is_dir() else None
    files = lexicon_files(resolved) if resolved.is_dir() else [resolved]
    return [(file, root) for file in files]


def validate_paths(paths: Iterable[Path]) -> tuple[int, list[str]]:
    """Validate lexicon files or directories; returns (entries read, problems)."""
    count, problems = 0, []
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        for file, root in _sources(path):
            entries, file_problems = read_lexicon_file(file, root)
            count += len(entries)
            problems.extend(file_problems)
            for entry in entries:
                for form in entry.forms:
                    key = (entry.family, normalize(form))
                    first = seen.setdefault(key, entry.origin)
                    if first != entry.origin and not first.startswith(f"{file}:"):
                        problems.append(f"{entry.origin}: duplicate {entry.family} term {form!r} (also at {first})")
    return count, problems


# --- matching ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """A lexicon term found in the text: its span and every entry (of any family) it names."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def _unit_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’‘]"
    if char == "-":
        return "[-‐‑]"
    return re.escape(char)


def _trie_regex(words: Iterable[str]) -> str:
    """One regex for many phrases, shaped as a trie so matching cost does not grow with the lexicon."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [_unit_pattern(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass
class Lexicons:
    """All loaded entries and the single compiled matcher over every family."""

    entries: list[Entry]
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        by_key: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for form in entry.forms:
                by_key[normalize(form)].append(entry)
        self.by_key = dict(by_key)
        # Per key, its entries grouped by family once, so scanning never filters entry lists.
        self._families: dict[str, tuple[tuple[str, tuple[Entry, ...]], ...]] = {}
        for key, entries in self.by_key.items():
            families = dict.fromkeys(e.family for e in entries)
            self._families[key] = tuple((f, tuple(e for e in entries if e.family == f)) for f in families)
        self._case_sensitive = {key for key, entries in self.by_key.items() if any(e.case_sensitive for e in entries)}
        trie = _trie_regex(sorted(self.by_key))
        self.pattern = re.compile(r"(?<!\w)(?=(" + trie + r")(?!\w))", re.IGNORECASE)
        # Keys are lowercase: matching lowercased text without IGNORECASE is about twice as fast.
        self._lowercase_pattern = re.compile(r"(?<!\w)(?=(" + trie + r")(?!\w))")

    def family(self, name: str) -> list[Entry]:
        return [e for e in self.entries if e.family == name]

    def scan_by_family(self, text: str) -> dict[str, list[Match]]:
        """Every lexicon term in ``text`` grouped by family: at each word start, the longest term
        and the shorter terms that are its word-prefixes ("according to" in "according to media reports")."""
        assert self.pattern is not None
        found_by_family: dict[str, list[Match]] = defaultdict(list)
        families_of = self._families
        case_sensitive = self._case_sensitive
        lowered = text.lower()
        if len(lowered) == len(text):
            scanner = self._lowercase_pattern.finditer(lowered)
        else:  # a few characters change length when lowercased ("İ"); offsets must not shift
            scanner = self.pattern.finditer(text)
        for found in scanner:
            start, span_end = found.span(1)
            span = text[start:span_end]
            candidates = [span]
            if " " in span or "\n" in span or "\t" in span:
                candidates.extend(span[: gap.start()] for gap in _WHITESPACE.finditer(span))
            for candidate in candidates:
                key = normalize(candidate)
                groups = families_of.get(key)
                if groups is None:
                    continue
                end = start + len(candidate)
                for family, entries in groups:
                    if key in case_sensitive:
                        exact = _WHITESPACE.sub(" ", candidate)
                        entries = tuple(e for e in entries if not e.case_sensitive or exact in e.forms)
                        if not entries:
                            continue
                    found_by_family[family].append(Match(start, end, entries))
        return found_by_family

    def scan(self, text: str) -> list[Match]:
        """Every lexicon term in ``text`` (all families), in text order."""
        return sorted((m for ms in self.scan_by_family(text).values() for m in ms), key=lambda m: (m.start, m.end))


def load_lexicons(extra_paths: Iterable[Path] = ()) -> Lexicons:
    """Load the shipped lexicons (plus any extra files); raises LexiconError listing every problem."""
    extra = tuple(Path(p) for p in extra_paths)
    return _load(extra)


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Lexicons:
    entries: list[Entry] = []
    problems: list[str] = []
    for path in (lexicon_dir(), *extra):
        for file, root in _sources(path):
            file_entries, file_problems = read_lexicon_file(file, root)
            entries.extend(file_entries)
            problems.extend(file_problems)
    if problems:
        raise LexiconError(problems)
    return Lexicons(entries)
