"""Two synthetic outlets, written for these tests, whose counts are known by construction.

The Harbour Gazette writes "Kyiv", reports the mayor with "said" and the Kremlin with
"claimed"; the Ridgeline Courier writes "Kiev", uses loaded words, and reverses the verbs.
``EXPECTED`` holds the counts the test lexicon (data/lexicon.jsonl) must produce.

    python -m tests.compare.corpus tests/compare/data/two_outlets.jsonl   # regenerate the file
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LEXICON = DATA / "lexicon.jsonl"
TWO_OUTLETS = DATA / "two_outlets.jsonl"
GAZETTE, COURIER = "Harbour Gazette", "Ridgeline Courier"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def gazette_article(i: int) -> str:
    sentences = [
        f"Repair crews in Kyiv restored power to {3 + i} districts on {DAYS[i % 7]}.",
        f"Mayor Vitali Hordiy said the work would continue for {1 + i % 4} more weeks.",
        "The Kremlin claimed the strikes hit only military sites.",
    ]
    if i % 3 != 0:
        sentences.append("Engineers in Odesa might need another month to finish the substation.")
    if i % 4 == 0:
        sentences.append("The ferry to Odesa resumed service at dawn.")
    if i % 2 == 0:
        sentences.append("\u201cWe will rebuild every line,\u201d Mayor Vitali Hordiy said.")
    return " ".join(sentences)


def courier_article(i: int) -> str:
    sentences = [
        f"Power returned to parts of Kiev on {DAYS[(i + 3) % 7]} after a brutal night.",
        "Mayor Vitali Hordiy claimed the repairs were nearly finished.",
        "The Kremlin said the strikes hit only military sites.",
    ]
    if i % 2 == 1:
        sentences.append("The regime in Kiev clearly lost control of the grid, officials said.")
    if i % 3 == 0:
        sentences.append(f"Residents of Kyiv queued for water in the cold for {2 + i} hours.")
    return " ".join(sentences)


def records(per_outlet: int = 12) -> list[dict]:
    """Interleaved records, as a real feed would mix outlets."""
    found = []
    for i in range(per_outlet):
        found.append({"id": f"gazette-{i:02d}", "outlet": GAZETTE, "title": f"Gazette {i}", "text": gazette_article(i)})
        found.append({"id": f"courier-{i:02d}", "outlet": COURIER, "title": f"Courier {i}", "text": courier_article(i)})
    return found


def _expected(per_outlet: int = 12) -> dict[str, dict[str, int]]:
    rng = range(per_outlet)
    odd, third, not_third = (sum(1 for i in rng if cond(i)) for cond in
                             (lambda i: i % 2 == 1, lambda i: i % 3 == 0, lambda i: i % 3 != 0))
    fourth, even = sum(1 for i in rng if i % 4 == 0), sum(1 for i in rng if i % 2 == 0)
    return {
        GAZETTE: {
            "documents": per_outlet, "sentences": 3 * per_outlet + not_third + fourth + even,
            "naming:kyiv:kyiv": per_outlet, "naming:odesa:odesa": not_third + fourth,
            "verb_class:neutral": per_outlet + even, "verb_class:doubt": per_outlet,
            "code:H001": not_third, "code:H002": 0, "code:L001": 0, "code:Q001": even,
            "actor:mayor vitali hordiy:neutral": per_outlet + even, "actor:kremlin:doubt": per_outlet,
        },
        COURIER: {
            "documents": per_outlet, "sentences": 3 * per_outlet + odd + third,
            "naming:kyiv:kiev": per_outlet + odd, "naming:kyiv:kyiv": third,
            "verb_class:neutral": per_outlet + odd, "verb_class:doubt": per_outlet,
            "code:H001": 0, "code:H002": odd, "code:L001": per_outlet + odd, "code:Q001": 0,
            "actor:mayor vitali hordiy:doubt": per_outlet, "actor:kremlin:neutral": per_outlet,
            "actor:officials:neutral": odd,
        },
    }


EXPECTED = _expected()


def write_jsonl(path: Path, per_outlet: int = 12) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(per_outlet)), encoding="utf-8")
    return path


def write_directories(root: Path, per_outlet: int = 12) -> Path:
    """The same articles as one text file per article, in one directory per outlet."""
    for record in records(per_outlet):
        folder = root / record["outlet"].lower().replace(" ", "-")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id']}.txt").write_text(record["text"] + "\n", encoding="utf-8")
    return root


if __name__ == "__main__":
    write_jsonl(Path(sys.argv[1]) if len(sys.argv) > 1 else TWO_OUTLETS)
