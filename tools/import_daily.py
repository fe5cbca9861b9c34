"""Turn upstream daily files (dw-dengwei/daily-arXiv-ai-enhanced, branch `data`) into our schema.

The upstream files hold one paper a line with `summary` for the abstract, no announcement date,
hard-wrapped text, and weekend files that repeat Friday's papers. This writes one normalized
file a day (`id`, `title`, `abstract`, `authors`, `categories`, `published`, `comment`), each
paper only on the first day it appears in the files given (papers in the raw files from
`--seen-from` up to the first day count as already listed), whitespace collapsed, TeX left as
it is. Records are validated and normalized by the `make_paper` every source uses; a bad line
is reported by file and line and left out.

Usage (raw files named YYYY-MM-DD.jsonl, e.g. from `git show data:data/DAY.jsonl`):
  python tools/import_daily.py --raw /tmp/raw --days 2025-11-03,2025-11-05 --out data/days \
      --seen-from 2025-10-20
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from localdigest.sources.jsonl import RecordError, make_paper

_FIELDS = ("id", "title", "abstract", "authors", "categories", "published", "comment")


def normalize(row: dict, day: str) -> dict:
    """One upstream line in our schema, validated like every other source (make_paper)."""
    paper = make_paper(
        raw_id=row.get("id"),
        title=row.get("title"),
        abstract=row.get("summary") or row.get("abstract"),
        authors=row.get("authors"),
        categories=row.get("categories"),
        published=day,
        comment=row.get("comment"),
    )
    return {name: getattr(paper, name) for name in _FIELDS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, required=True, help="folder of upstream YYYY-MM-DD.jsonl")
    ap.add_argument("--days", required=True, help="comma-separated days to write, in order")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seen-from", help="first earlier raw day whose ids count as already listed")
    args = ap.parse_args()
    days = args.days.split(",")
    seen: set[str] = set()
    if args.seen_from:
        for path in sorted(args.raw.glob("*.jsonl")):
            if args.seen_from <= path.stem < days[0]:
                for line in path.open():
                    try:
                        seen.add(normalize(json.loads(line), path.stem)["id"])
                    except (RecordError, ValueError):
                        continue  # reported when that day itself is imported
    args.out.mkdir(parents=True, exist_ok=True)
    for day in days:
        rows, bad = [], 0
        for n, line in enumerate((args.raw / f"{day}.jsonl").open(), 1):
            if not line.strip():
                continue
            try:
                row = normalize(json.loads(line), day)
            except (RecordError, ValueError) as exc:
                print(f"{day}.jsonl line {n}: skipped ({exc})", file=sys.stderr)
                bad += 1
                continue
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            rows.append(row)
        with (args.out / f"{day}.jsonl").open("w") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{day}: {len(rows)} papers ({bad} bad lines)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
