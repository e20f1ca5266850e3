"""Readability with textstat, offline: its English syllable counter reads a syllable table built from
the CMU Pronouncing Dictionary and shipped in framing/data/, instead of calling NLTK's downloader."""

from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import Any

# textstat 0.7.13 looks the dictionary up through this module, which imports all of NLTK (1 s)
# and calls NLTK's downloader for 'cmudict' when the corpus is missing. Registering our own module under
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


@lru_cache(maxsize=65_536)  # bounded: memory must not grow with a corpus's vocabulary
def syllables(word: str) -> int:
    """Syllables of a lowercase word as textstat counts them: CMU dictionary, else pyphen + 1."""
    try:
        return len(_cmu_dictionary()[word][0])
    except KeyError:
        textstat_offline()
        from textstat.backend.utils._get_pyphen import get_pyphen

        return len(get_pyphen("en_US").positions(word)) + 1


def counts(text: str) -> tuple[int, int, int]:
    """(words, syllables, words of three or more syllables), tokenised exactly as textstat does."""
    textstat_offline()  # first: importing textstat's modules before it would pull in NLTK
    from textstat.backend.selections._list_words import list_words

    words = list_words(text, lowercase=True)
    per_word = [syllables(w) for w in words]
    return len(words), sum(per_word), sum(1 for n in per_word if n >= 3)


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences or not syllable_count:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences or not syllable_count:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59


def sentence_readability(text: str) -> dict[str, float | int]:
    """Flesch scores of one sentence: textstat's formulas and tokenisation over textstat's counts."""
    words, syllable_count, _ = counts(text)
    return {
        "words": words,
        "syllables": syllable_count,
        "flesch_reading_ease": round(flesch_reading_ease(words, 1, syllable_count), 2),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(words, 1, syllable_count), 2),
    }


def document_readability(words: int, sentences: int, syllable_count: int, polysyllables: int) -> dict[str, float]:
    """Document scores from the sentences' counts, so no text is tokenised twice."""
    scores = {
        "flesch_reading_ease": round(flesch_reading_ease(words, sentences, syllable_count), 2),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(words, sentences, syllable_count), 2),
        "words_per_sentence": round(words / sentences, 2) if sentences else 0.0,
    }
    if sentences >= 3:  # SMOG is defined for samples of three sentences or more
        scores["smog_index"] = round(1.043 * (30 * polysyllables / sentences) ** 0.5 + 3.1291, 2)
    return scores
