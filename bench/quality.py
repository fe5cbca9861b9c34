"""Quality benchmark: run real days through the real pipeline and measure the quality gate.

For each day: a cold run (default models, a fresh temporary database), then the checks of
`localdigest check` on the digest it wrote. Prints per day and in total: categories passing,
the share of parts the model wrote (stats generated_parts vs fallback_parts), ungrounded
tokens, mean Hangul ratio (of each category's lowest part), lowest distinct-3 and papers
mentioned in part 3.

Days: data/sample/2025-04-03.jsonl first, then data/days/*.jsonl in name order; --days N takes
the first N. A day takes about 5 minutes on 2 cores. --input FILE (repeatable) runs those files
instead, e.g. the 11-paper reference day:

  .venv/bin/python bench/quality.py --input data/sample/reference_2024-10-27.jsonl \
      --all --date 2024-10-27
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from localdigest.config import Settings
from localdigest.pipeline import DayRequest, run_day
from localdigest.quality_report import check_day, summary_line, totals

ROOT = Path(__file__).resolve().parents[1]


def day_files() -> list[Path]:
    sample = ROOT / "data/sample/2025-04-03.jsonl"
    return [sample, *sorted((ROOT / "data/days").glob("*.jsonl"))]


def run_one(path: Path, args: argparse.Namespace, tmp: Path) -> dict:
    settings = Settings(db=str(tmp / "q.duckdb"), out=str(tmp / "out"), model=args.model)
    request = DayRequest(inputs=[str(path)], date=args.date, all_papers=args.all)
    start = time.perf_counter()
    result = run_day(settings, request)
    seconds = time.perf_counter() - start
    _, checks = check_day(str(result.json), settings.db, settings.out)
    if args.keep:
        keep = Path(args.keep)
        keep.mkdir(parents=True, exist_ok=True)
        for f in (result.markdown, result.json, result.chart):
            shutil.copy(f, keep / f.name)
    s = result.stats
    print(f"== {result.date} ({path.name}): {s['papers']} papers, {seconds:.0f} s")
    for c in checks:
        print("  " + summary_line(c))
        for failure in c.report.failures:
            print(f"        {failure}")
    row = totals(checks)
    row.update(
        date=result.date,
        seconds=round(seconds, 1),
        generated_parts=s.get("generated_parts", 0),
        fallback_parts=s.get("fallback_parts", 0),
    )
    print("  " + line(row))
    return row


def line(t: dict) -> str:
    parts = t["generated_parts"] + t["fallback_parts"]
    share = t["generated_parts"] / parts if parts else 0.0
    return (
        f"categories passing {t['passed']}/{t['categories']}; parts from the model "
        f"{t['generated_parts']}/{parts} = {share:.0%} (fallback {t['fallback_parts']}); "
        f"ungrounded tokens {t['ungrounded_tokens']}; hangul mean {t['hangul_ratio_mean']:.2f} "
        f"(min {t['hangul_ratio_min']:.2f}); distinct3 min {t['distinct3_min']:.2f}; "
        f"papers mentioned {t['papers_mentioned']}/{t['papers_total']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1, help="how many real days (default 1)")
    parser.add_argument("--input", action="append", help="day file(s) instead of data/")
    parser.add_argument("--all", action="store_true", help="every paper of the input is the day")
    parser.add_argument("--date", help="day to take from the input (with --all: its name)")
    parser.add_argument("--model", default=str(ROOT / "models/gemma-3-270m-q4_k_m.gguf"))
    parser.add_argument("--keep", help="copy each day's digest files into this folder")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON too")
    args = parser.parse_args()
    files = [Path(p) for p in args.input] if args.input else day_files()[: args.days]
    rows = []
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(run_one(path, args, Path(tmp)))
    n = sum(r["categories"] for r in rows)
    total = {
        "categories": n,
        "passed": sum(r["passed"] for r in rows),
        "generated_parts": sum(r["generated_parts"] for r in rows),
        "fallback_parts": sum(r["fallback_parts"] for r in rows),
        "ungrounded_tokens": sum(r["ungrounded_tokens"] for r in rows),
        "hangul_ratio_mean": (
            sum(r["hangul_ratio_mean"] * r["categories"] for r in rows) / n if n else 0.0
        ),
        "hangul_ratio_min": min((r["hangul_ratio_min"] for r in rows), default=0.0),
        "distinct3_min": min((r["distinct3_min"] for r in rows), default=1.0),
        "papers_mentioned": sum(r["papers_mentioned"] for r in rows),
        "papers_total": sum(r["papers_total"] for r in rows),
    }
    print(f"== total over {len(rows)} day(s)")
    print("  " + line(total))
    if args.json:
        print(json.dumps({"days": rows, "total": total}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
