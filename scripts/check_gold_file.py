"""Validate one gold markup file and print its items as plain text with their spans (for annotators).

    python scripts/check_gold_file.py tests/data/gold/markup/part-a.jsonl
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from build_gold import print_label_counts  # scripts/ is on the path when run as a script

from framing.evaluation.gold import GoldError, read_gold


def main(argv: list[str]) -> int:
    try:
        items = read_gold([Path(p) for p in argv if not p.startswith("-")])
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    types = collections.Counter(item.source_type for item in items)
    if "-v" in argv or "--verbose" in argv:
        for item in items:
            print(f"{item.id} [{item.source_type}] {item.text}")
            for span in item.spans:
                print(f"    {span.label:17} {span.text!r}")
    print(f"{len(items)} items; source types {dict(types)}")
    print_label_counts(items)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
