"""Where framing's shipped data (lexicons, models, schema) lives, and keeping it out of the GC's way once loaded."""

from __future__ import annotations

import gc
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


def freeze_loaded_tables() -> None:
    """Exempt every object that exists now (lexicons, the model, imported modules) from later garbage collections.

    These tables live as long as the process, but each full collection walked all of them again;
    the classifier's output (term lists for every sentence) triggers such collections often. Frozen
    objects are still freed by reference counting; only reference cycles among them would outlive
    their use, and analysed documents hold none, so freezing in the middle of a stream keeps
    nothing alive. ``gc.freeze`` only moves lists: it is cheap to call again after loading more.
    """
    gc.freeze()
