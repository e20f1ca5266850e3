"""Golden test on the seed article: what the foundation issue requires, plus a full snapshot."""

import json
import os
from pathlib import Path

import pytest

from framing.loaders import make_document

from .conftest import SEED

GOLDEN = Path(__file__).parent / "data" / "seed.golden.json"


@pytest.fixture(scope="module")
def seed_report(analyzer):
    return analyzer.analyze(make_document(SEED.read_text(encoding="utf-8")))


def test_four_uses_of_kiev_with_preferred_kyiv(seed_report):
    kiev = [f for f in seed_report.findings if f.code == "N001" and f.text == "Kiev"]
    assert len(kiev) == 4
    assert {f.details["preferred"] for f in kiev} == {"Kyiv"}


def test_three_uses_of_reportedly_are_anonymous_sourcing(seed_report):
    reportedly = [f for f in seed_report.findings if f.code == "S002" and f.text == "reportedly"]
    assert len(reportedly) == 3


def test_accusations_by_moscow_and_the_foreign_ministry(seed_report):
    accusers = [f.details["source"]["text"] for f in seed_report.findings
                if f.details.get("verb_class") == "accusatory" and f.text == "accused"]
    assert accusers.count("Moscow") == 2
    assert "The Russian Foreign Ministry" in accusers


def test_reassurance_force_is_a_scare_quote(seed_report):
    assert any(f.code == "Q002" and "reassurance force" in f.text for f in seed_report.findings)


def test_militarization_agenda_is_an_unattributed_evaluative_claim(seed_report):
    (sentence,) = [s for s in seed_report.sentences if "militarization agenda" in s.text]
    assert sentence.details["source_type"] == "none"
    assert any(f.code == "S004" for f in sentence.findings)


def test_seed_snapshot(seed_report):
    """Every finding on the seed; regenerate with UPDATE_GOLDEN=1 after an intended change and review the diff."""
    snapshot = [[s.index, f.code, f.text] for s in seed_report.sentences for f in s.findings]
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(snapshot, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    assert snapshot == json.loads(GOLDEN.read_text(encoding="utf-8"))
