from __future__ import annotations

import pytest

from .corpus import LEXICON, TWO_OUTLETS

#: Fewer resamples than the command's default keep the suite fast; the statistics are the same.
FAST = {"bootstrap": 200, "permutations": 200}


@pytest.fixture(scope="session")
def test_analyzer():
    """An Analyzer whose lexicons are exactly tests/compare/data/lexicon.jsonl, so counts are known."""
    from framing.lexicon import Lexicons, read_lexicon_file
    from framing.pipeline import Analyzer

    entries, problems = read_lexicon_file(LEXICON)
    assert not problems, problems
    analyzer = Analyzer(exclude=["classifier"])
    analyzer.lexicons = Lexicons(entries)
    return analyzer


@pytest.fixture(scope="session")
def two_outlets(test_analyzer):
    from framing.compare import compare

    return compare([TWO_OUTLETS], analyzer=test_analyzer, seed=0, **FAST)
