from __future__ import annotations

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
