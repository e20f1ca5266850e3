from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bb135f2d0e247686.txt"


@pytest.fixture(scope="session")
def analyzer():
    from framing.pipeline import Analyzer

    return Analyzer(exclude=["classifier"])


@pytest.fixture
def analyze(analyzer):
    from framing.loaders import make_document

    def run(text: str, fmt: str = "text"):
        return analyzer.analyze(make_document(text, fmt))

    return run


#: Headless Debian Chromium, with nothing that reaches the network on its own.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """The system Chromium driven by playwright (never a downloaded browser); skips without them."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the PyPI package playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()
