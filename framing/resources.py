"""Where the data that ships with framing (lexicons, models, schema) lives on disk."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str, marker: str) -> Path:
    # Installed wheel: framing/<name>/ ; source checkout or editable install: <repo>/<name>/.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(
        f"framing's {name}/ directory was not found next to the package ({_PACKAGE_DIR}); "
        "reinstall with `pip install .`"
    )


def lexicon_dir() -> Path:
    return _find("lexicons", "README.md")


def models_dir() -> Path:
    return _find("models", "README.md")


def schema_path() -> Path:
    return _PACKAGE_DIR / "schema" / "report.schema.json"
