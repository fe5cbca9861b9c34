"""Search: hybrid (BM25 + embedding) against a brute-force DuckDB ILIKE scan, same papers,
same queries, measured in this run.

Papers: every JSON-lines file under --data (e.g. the ~10k papers of shared/data/daily),
ingested into --db and embedded once with the bundled MiniLM (`localdigest index`; not timed
as search work, and reused by a later run on the same --db).
Queries, two kinds:
  phrase      6 consecutive words from the middle of a paper's abstract (seeded sample of
              --phrases papers, none from the held-out days 2025-05-12..16)
  paraphrase  bench/search_paraphrases.jsonl: hand-written rewordings that avoid most of
              the paper's own words
For each: the target's rank -> hit@1, hit@10, MRR; and seconds per query (query embedding
included, index loaded once). Baseline: papers whose title+abstract ILIKE every query word
of 3+ letters, newest first, 10 shown. Target: hybrid hit@10 on paraphrases above the
baseline's, and under 1 s per query (p95).

Usage: .venv/bin/python bench/search.py --data /path/to/daily [--db /tmp/search.duckdb]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest.archive import open_readonly  # noqa: E402
from localdigest.embed import SentenceTransformerEmbedder, embed_papers  # noqa: E402
from localdigest.ingest import ingest  # noqa: E402
from localdigest.search import SearchIndex, embed_query, ilike_baseline  # noqa: E402
from localdigest.store import Store  # noqa: E402

HELD_OUT = {f"2025-05-{d}" for d in range(12, 17)}


def prepare(db_path: str, data: Path) -> None:
    files = sorted(str(p) for p in data.glob("*.jsonl"))
    if not files:
        sys.exit(f"Error: no .jsonl file in {data}")
    with Store(db_path) as store:
        ingest(store, files)
        ids = [r[0] for r in store.db.execute("SELECT id FROM papers ORDER BY id").fetchall()]
        embedder = SentenceTransformerEmbedder()
        start = time.perf_counter()
        _, hits = embed_papers(store, embedder, store.papers(ids))
        if hits < len(ids):
            print(
                f"embedded {len(ids) - hits} papers in {time.perf_counter() - start:.0f}s "
                "(one-time indexing, not search work)"
            )


def phrase_queries(db, n: int, seed: int) -> list[tuple[str, str]]:
    rows = db.execute(
        "SELECT id, abstract, strftime(published, '%Y-%m-%d') FROM papers ORDER BY id"
    ).fetchall()
    rows = [r for r in rows if r[2] not in HELD_OUT and len(r[1].split()) > 40]
    out = []
    for pid, abstract, _ in random.Random(seed).sample(rows, n):
        words = abstract.split()
        mid = len(words) // 2
        out.append((pid, " ".join(words[mid : mid + 6])))
    return out


def score(ranks: list[int | None]) -> dict:
    n = len(ranks)
    return {
        "hit@1": sum(r == 1 for r in ranks) / n,
        "hit@10": sum(r is not None and r <= 10 for r in ranks) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
    }


def rank_of(pid: str, ids: list[str]) -> int | None:
    return ids.index(pid) + 1 if pid in ids else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder of JSON-lines paper files")
    parser.add_argument("--db", default="/tmp/localdigest-search-bench.duckdb")
    parser.add_argument("--phrases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    prepare(args.db, Path(args.data))
    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm-up"])  # model load is start-up, not per-query work

    db = open_readonly(args.db)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache  # a fresh cache: the first load builds BM25
        loads = []
        for _ in range(2):
            start = time.perf_counter()
            index = SearchIndex(db, embedder.name)
            loads.append(time.perf_counter() - start)
    n = len(index.ids)
    print(
        f"{n} papers, {int(index.has_vector.sum())} with vectors; index load "
        f"{loads[0]:.2f}s cold (builds BM25), {loads[1]:.2f}s with the BM25 cache"
    )

    paraphrases = [
        json.loads(line) for line in open(ROOT / "bench/search_paraphrases.jsonl", encoding="utf-8")
    ]
    sets = {
        "phrase": phrase_queries(db, args.phrases, args.seed),
        "paraphrase": [(q["id"], q["query"]) for q in paraphrases if q["id"] in set(index.ids)],
    }
    failed = False
    for kind, queries in sets.items():
        ranks: dict[str, list] = {"hybrid": [], "lexical": [], "semantic": [], "ilike": []}
        secs: dict[str, list] = {"hybrid": [], "ilike": []}
        for pid, query in queries:
            t = time.perf_counter()
            vec = embed_query(embedder, query)
            hits = index.search(query, vec, k=10)
            secs["hybrid"].append(time.perf_counter() - t)
            ranks["hybrid"].append(rank_of(pid, [h.id for h in hits]))
            for name, weight in (("lexical", 1.0), ("semantic", 0.0)):
                alone = index.search(query, vec, k=10, lexical_weight=weight)
                ranks[name].append(rank_of(pid, [h.id for h in alone]))
            t = time.perf_counter()
            base = ilike_baseline(db, query, k=10)
            secs["ilike"].append(time.perf_counter() - t)
            ranks["ilike"].append(rank_of(pid, base))
        print(f"\n{kind} queries: {len(queries)}")
        for name, r in ranks.items():
            s = score(r)
            line = (
                f"  {name:9s} hit@1 {s['hit@1']:.2f}  hit@10 {s['hit@10']:.2f}  MRR {s['mrr']:.3f}"
            )
            if name in secs:
                t = sorted(secs[name])
                p95 = t[min(len(t) - 1, int(0.95 * len(t)))]
                line += f"  median {statistics.median(t) * 1000:.0f} ms  p95 {p95 * 1000:.0f} ms"
                if name == "hybrid" and p95 >= 1.0:
                    failed = True
            print(line)
        if kind == "paraphrase":
            if score(ranks["hybrid"])["hit@10"] <= score(ranks["ilike"])["hit@10"]:
                failed = True
    db.close()
    print(
        "\nFAIL" if failed else "\nPASS",
        "(target: hybrid p95 < 1 s; paraphrase hit@10 above ILIKE)",
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
