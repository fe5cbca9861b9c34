"""Report-facts benchmark: are parts 1, 2, 4 and 5 about the day's papers, and can each be traced?

For each day: a fresh temporary database holding the papers of the 30 days before it (from the
same data folder, so part 2 has earlier days to compare with), then `run_day` on the day with
the fake LLM (part 3 only; it does not touch parts 1, 2, 4, 5) and the real MiniLM embedder.
On the digest it wrote, over the sentences of parts 1, 2, 4, 5:

  repeated    sentences that, with the category's name, Korean name and keywords masked, also
              appear in another category of the day (quality.repeated_across)
  sourced     share of sentences citing >= 1 paper of their category
  untraced    numbers that are neither found in a cited paper's title/abstract/comment nor a
              count recomputed here, independently of the composer: cited papers, a cited
              paper's arXiv categories, or, for a quoted term, papers mentioning it today / in
              the 7 and 30 days before (SQL over the database)
  unsupported quoted terms in parts 1 and 2 that some cited paper does not contain, or part-2
              counts that differ from the papers of the category mentioning the term
  fallback    share of all report units (those sentences + part-3 lines) marked fallback
  check       whether `localdigest check` trusts the day (exit 0)

Baseline, measured in the same run on the same categories: the parts the previous generator
fell back to (its `_fallback` templates, copied below from summarize.py before issue 11; 50 of
223 parts on a real day were these), which had no sources. The previous LLM path (gemma-3-270m
writing parts 1, 2, 4, 5) is not rerun here: it needs the real model for ~3 minutes a day.

Usage (held-out days are for the final measurement only):
  .venv/bin/python bench/report_facts.py --data /work/shared/data/daily \
      --days 2025-05-13,2025-05-14,2025-05-15
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest import sources  # noqa: E402
from localdigest.config import Settings  # noqa: E402
from localdigest.history import mentions, term_pattern  # noqa: E402
from localdigest.pipeline import DayRequest, run_day  # noqa: E402
from localdigest.quality import SourceIndex, repeated_across, tokens  # noqa: E402
from localdigest.quality_report import check_day, totals, trusted  # noqa: E402
from localdigest.sentence import Sentence, report_from_json  # noqa: E402
from localdigest.store import Store  # noqa: E402

SUMMARY_PARTS = (0, 1, 3, 4)  # indexes of parts 1, 2, 4, 5
_QUOTED_TERM = re.compile(r"'([^']+)'")


def old_fallback(name_ko: str | None, keywords: list[str]) -> list[list[Sentence]]:
    """The previous generator's fallback parts 1, 2, 4, 5 (summarize._fallback before issue
    11, with each part's lead-in), as unsourced sentences; part 3 left empty."""
    field_ko = f"{name_ko} 분야의" if name_ko else "관련 분야의"
    keyword = next((k for k in keywords if len(k) >= 3), None)
    texts = {
        1: f"이 분야의 논문들은 {field_ko} 새로운 방법과 실험 결과를 다룹니다.",
        2: (
            f"주요 키워드는 '{keyword}'이며, 이와 관련된 연구가 이어지고 있습니다."
            if keyword
            else "여러 논문이 비슷한 문제를 서로 다른 방법으로 다룹니다."
        ),
        4: f"이러한 연구는 {field_ko} 연구와 응용에 참고가 될 수 있습니다.",
        5: "앞으로 이 분야에서 관련 연구가 계속될 것으로 보입니다.",
    }
    return [[Sentence(texts[n], (), "fallback")] if n != 3 else [] for n in range(1, 6)]


def day_file(data: Path, day: str) -> Path:
    return data / f"{day}.jsonl"


def load_history(store: Store, data: Path, day: str, back: int) -> int:
    d0 = date.fromisoformat(day)
    files = [day_file(data, (d0 - timedelta(days=k)).isoformat()) for k in range(1, back + 1)]
    files = [str(f) for f in files if f.is_file()]
    if not files:
        return 0
    papers = [p for p in sources.load(files).papers.values() if p.published and p.published < day]
    return store.upsert_papers(papers) and len(papers)


def sql_counts(store: Store, term: str, day: str) -> set[int]:
    """Today / 7 / 30 days: papers and papers mentioning ``term``, by SQL of this bench."""
    out: set[int] = set()
    d0 = date.fromisoformat(day)
    spans = [(d0, d0 + timedelta(days=1))] + [(d0 - timedelta(days=n), d0) for n in (7, 30)]
    for lo, hi in spans:
        where = "published >= ?::DATE AND published < ?::DATE"
        total = store.db.execute(
            f"SELECT count(*) FROM papers WHERE {where}", [lo.isoformat(), hi.isoformat()]
        ).fetchone()[0]
        hits = store.db.execute(
            f"SELECT count(*) FROM papers WHERE {where} AND regexp_matches("
            "regexp_replace(lower(title || ' ' || abstract), '\\s+', ' ', 'g'), ?)",
            [lo.isoformat(), hi.isoformat(), term_pattern(term)],
        ).fetchone()[0]
        out |= {int(total), int(hits)}
    return out


def measure(cats: list[dict], reports: list, papers: dict, store: Store | None, day: str) -> dict:
    """Figures over parts 1, 2, 4, 5 of every category (see the module docstring)."""
    masked = [[c["name"], c.get("name_ko") or "", *c["keywords"]] for c in cats]
    only = [[r[i] if i in SUMMARY_PARTS else [] for i in range(5)] for r in reports]
    repeated = sum(len(v) for v in repeated_across(list(zip(masked, only, strict=True))).values())
    sentences = numbers = untraced = quoted = unsupported = fallback = 0
    examples: list[str] = []
    for cat, report in zip(cats, reports, strict=True):
        ids = set(cat["papers"])
        for i in SUMMARY_PARTS:
            for s in report[i]:
                sentences += 1
                fallback += s.by == "fallback"
                cited = [papers[pid] for pid in s.sources if pid in ids and pid in papers]
                index = SourceIndex(
                    [t for p in cited for t in (p.title, p.abstract, p.comment or "")]
                )
                terms = _QUOTED_TERM.findall(s.text) if i in (0, 1) else []
                # 7 and 30 are the trend windows the composer states ("지난 7일")
                counts = {len(s.sources), 7, 30} | {len(p.categories) for p in cited}
                for term in terms:
                    if store is not None:
                        counts |= sql_counts(store, term, day)
                    quoted += 1
                    text_of = [f"{p.title} {p.abstract}" for p in cited]
                    support = all(mentions(t, term) for t in text_of)
                    if i == 1:  # part 2 counts the category's papers with the term
                        in_cat = sum(
                            mentions(f"{papers[pid].title} {papers[pid].abstract}", term)
                            for pid in ids
                            if pid in papers
                        )
                        support = support and in_cat == len(s.sources)
                    unsupported += not support
                    if not support and len(examples) < 5:
                        examples.append(f"unsupported '{term}' in: {s.text[:100]}")
                for tok in tokens(s.text):
                    if not tok.is_number:
                        continue
                    numbers += 1
                    ok = index.has_value(tok.value) or any(
                        abs(tok.value - c) < 1e-9 for c in counts
                    )
                    if not ok:
                        untraced += 1
                        if len(examples) < 5:
                            examples.append(f"{tok.surface} in: {s.text[:100]}")
    sourced = sum(bool(s.sources) for r in reports for i in SUMMARY_PARTS for s in r[i])
    return {
        "sentences": sentences,
        "repeated": repeated,
        "sourced": sourced / sentences if sentences else 0.0,
        "numbers": numbers,
        "untraced": untraced,
        "quoted": quoted,
        "unsupported": unsupported,
        "fallback_1245": fallback / sentences if sentences else 0.0,
        "examples": examples,
    }


def run_one(data: Path, day: str, tmp: Path, back: int) -> tuple[dict, dict, dict]:
    settings = Settings(db=str(tmp / f"{day}.duckdb"), out=str(tmp / "out"), llm_backend="fake")
    with Store(settings.db) as store:
        earlier = load_history(store, data, day, back)
    result = run_day(settings, DayRequest(inputs=[str(day_file(data, day))], date=day))
    digest = json.loads(result.json.read_text(encoding="utf-8"))
    _, checks = check_day(str(result.json), settings.db, settings.out)
    total = totals(checks)
    cats = digest["categories"]
    with Store(settings.db) as store:
        papers = {p.id: p for p in store.papers([i for c in cats for i in c["papers"]])}
        new = measure(cats, [report_from_json(c["report"]) for c in cats], papers, store, day)
    old = measure(
        cats, [old_fallback(c.get("name_ko"), c["keywords"]) for c in cats], papers, None, day
    )
    # canary: the same figures must catch an invented number, an unsourced sentence, a
    # boilerplate sentence and an unsupported quoted term planted in a copy of the report
    planted = [report_from_json(c["report"]) for c in cats]
    first_ids = cats[0]["papers"]
    planted[0][3].append(Sentence("정확도가 987654% 올랐습니다.", (first_ids[0],)))
    planted[0][4].append(Sentence("관련 연구가 계속될 것으로 보입니다.", ()))
    planted[1][4].append(Sentence("관련 연구가 계속될 것으로 보입니다.", ()))
    planted[0][1].append(Sentence("'zzzunseen'은 이 분야 1편에 나옵니다.", (first_ids[0],)))
    with Store(settings.db) as store:
        caught = measure(cats, planted, papers, store, day)
    new["canary"] = (
        caught["untraced"] == new["untraced"] + 1
        and caught["repeated"] == new["repeated"] + 2
        and caught["unsupported"] == new["unsupported"] + 1
        and caught["sourced"] < new["sourced"]
    )
    new["failures"] = [f"{c.name}: {f}" for c in checks for f in c.report.failures]
    new.update(
        fallback_all=total["fallback_share"],
        trusted=trusted(total),
        categories=len(cats),
        earlier_papers=earlier,
    )
    return new, old, digest


def line(label: str, r: dict) -> str:
    return (
        f"{label:<9} sentences {r['sentences']:>3}  repeated {r['repeated']:>3}  "
        f"sourced {r['sourced']:>6.1%}  numbers {r['numbers']:>3} untraced {r['untraced']:>2}  "
        f"quoted terms {r['quoted']:>3} unsupported {r['unsupported']:>2}  "
        f"fallback(1,2,4,5) {r['fallback_1245']:>6.1%}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "data/days"), help="folder of <date>.jsonl")
    ap.add_argument("--days", required=True, help="comma-separated dates")
    ap.add_argument("--history", type=int, default=30, help="days before loaded as history")
    ap.add_argument("--show", action="store_true", help="print the parts of the first day")
    args = ap.parse_args()
    data = Path(args.data)
    sums: dict[str, dict] = {"new": {}, "old": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n, day in enumerate(args.days.split(",")):
            new, old, digest = run_one(data, day.strip(), Path(tmp), args.history)
            print(
                f"{day}: {new['categories']} categories, {new['earlier_papers']} earlier papers "
                f"in the database; check {'PASS' if new['trusted'] else 'FAIL'}, "
                f"fallback share of all units {new['fallback_all']:.1%}; planted faults "
                f"{'caught' if new['canary'] else 'MISSED'}"
            )
            print("  " + line("new", new))
            print("  " + line("old-fallbk", old))
            for ex in new["examples"]:
                print("    not traced:", ex)
            for failure in new["failures"]:
                print("    check:", failure)
            for key in ("sentences", "repeated", "numbers", "untraced", "quoted", "unsupported"):
                for label, r in (("new", new), ("old", old)):
                    sums[label][key] = sums[label].get(key, 0) + r[key]
            for label, r in (("new", new), ("old", old)):
                sums[label]["sourced_n"] = sums[label].get("sourced_n", 0) + round(
                    r["sourced"] * r["sentences"]
                )
                sums[label]["fb_n"] = sums[label].get("fb_n", 0) + round(
                    r["fallback_1245"] * r["sentences"]
                )
            if args.show and n == 0:
                for c in digest["categories"]:
                    print(f"\n## {c['name']}")
                    for i in SUMMARY_PARTS:
                        for s in c["report"][i]:
                            print(f"  {i + 1}. {s['text']} {s['sources']}")
    print("total:")
    for label in ("new", "old"):
        t = sums[label]
        t["sourced"] = t["sourced_n"] / max(1, t["sentences"])
        t["fallback_1245"] = t["fb_n"] / max(1, t["sentences"])
        print("  " + line(label if label == "new" else "old-fallbk", t))


if __name__ == "__main__":
    main()
