"""Build tests/data/gold/gold.jsonl (text + character spans) from the hand-written markup files.

    python scripts/build_gold.py          # rewrite gold.jsonl
    python scripts/build_gold.py --check  # exit 1 when gold.jsonl is out of date
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from framing.evaluation.gold import GoldError, read_gold

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold"


def build() -> tuple[str, list]:
    items = read_gold(sorted((GOLD_DIR / "markup").glob("*.jsonl")))
    return "".join(json.dumps(item.to_json(), ensure_ascii=False) + "\n" for item in items), items


def print_label_counts(items: list) -> None:
    labels = collections.Counter(span.label for item in items for span in item.spans)
    for label, count in sorted(labels.items()):
        print(f"  {label:18} {count}")


def main(argv: list[str]) -> int:
    try:
        content, items = build()
    except GoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    target = GOLD_DIR / "gold.jsonl"
    splits = collections.Counter(item.split for item in items)
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != content:
            print(f"{target} is out of date: run python scripts/build_gold.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(content, encoding="utf-8")
    print(f"{len(items)} items ({splits['dev']} dev, {splits['test']} test) -> {target}")
    print_label_counts(items)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
