"""Scale benchmarks: clustering thousands of real papers, streaming ingest of 1M lines.

Each figure is printed with a baseline measured in the same run:
  cluster N   seconds and peak memory of the cluster stage's core (text embedding joined with
              arXiv categories, UMAP + HDBSCAN + split + reassign) on N real papers: a seeded
              sample of the real papers of data/days/ and data/scale/ (6,193 over 34
              announcement days at this writing; 5,374 before the May days were added),
              embedded with the default MiniLM model (embeddings cached in bench/.cache/, so
              only the first run pays for them; they are not part of the timed figure);
              baseline: the same stage on 1,000 of those papers (the ratio shows how it scales)
  ingest      records/s of `localdigest.ingest` on a Kaggle-snapshot-format file of 1M lines
              cycled from those real papers with unique ids; baseline: a bare `json.loads`
              loop over the same file. Memory: RSS after 10 % of the file and at the end.
  feeds       peak RSS of reading an arXiv RSS feed and an Atom feed of 10x those real
              papers (61,930 items, unique ids), the reader alone and `localdigest.ingest` into
              DuckDB; baseline: the same on the 1x feed (6,193 items). A streaming reader keeps
              the 10x/1x ratio near 1.0; one that holds the whole document grows with the file.
Each case runs in its own process so peak memory is its own.

Usage: .venv/bin/python bench/scale.py [--sizes 2500 5374] [--lines 1000000] [--feed-scale 10]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench/.cache/scale.duckdb"
sys.path.insert(0, str(ROOT))


def real_papers() -> list[dict]:
    """The real papers of data/days/ and data/scale/ (6,193), by id."""
    import gzip

    files = sorted((ROOT / "data/days").glob("*.jsonl")) + sorted(
        (ROOT / "data/scale").glob("*.jsonl.gz")
    )
    by_id: dict[str, dict] = {}
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    by_id.setdefault(row["id"], row)
    return [by_id[k] for k in sorted(by_id)]


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- child processes ----------------------------------------------------------------------
def child_cluster(n: int) -> None:
    import numpy as np

    from localdigest.cluster import ARXIV_WEIGHT, UmapHdbscan, with_categories
    from localdigest.embed import SentenceTransformerEmbedder, embed_papers
    from localdigest.paper import Paper
    from localdigest.store import Store

    rows = real_papers()
    if n > len(rows):
        raise SystemExit(f"only {len(rows)} real papers; pass --sizes up to {len(rows)}")
    pick = sorted(np.random.default_rng(0).choice(len(rows), n, replace=False).tolist())
    papers = [
        Paper(r["id"], r["title"], r["abstract"], categories=r.get("categories") or [])
        for r in (rows[i] for i in pick)
    ]
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with Store(CACHE) as store:
        vecs, _ = embed_papers(store, SentenceTransformerEmbedder(), papers)
    features = with_categories(vecs, [p.categories for p in papers], ARXIV_WEIGHT)
    UmapHdbscan().fit(features[:200])  # compile numba kernels outside the timed part
    before = peak_mib()
    start = time.perf_counter()
    result = UmapHdbscan().fit(features)
    seconds = time.perf_counter() - start
    k = len(set(result.labels.tolist()))
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "before_mib": before, "k": k}))


def child_ingest(path: str, raw: bool) -> None:
    marks: dict[str, float] = {}
    if raw:
        start = time.perf_counter()
        n = sum(1 for line in open(path, "rb") if json.loads(line))
        print(json.dumps({"records": n, "seconds": time.perf_counter() - start}))
        return
    from localdigest.ingest import ingest
    from localdigest.store import Store

    total = sum(1 for _ in open(path, "rb"))
    done = 0

    def tick(k: int) -> None:
        nonlocal done
        done += k
        if done >= total // 10 and "tenth" not in marks:
            marks["tenth"] = rss_mib()

    with tempfile.TemporaryDirectory() as tmp, Store(f"{tmp}/i.duckdb") as store:
        start = time.perf_counter()
        result = ingest(store, [path], progress=tick)
        seconds = time.perf_counter() - start
        marks["end"] = rss_mib()
        print(
            json.dumps(
                {
                    "records": result.read,
                    "stored": store.paper_count(),
                    "seconds": seconds,
                    "peak_mib": peak_mib(),
                    **marks,
                }
            )
        )


def child_feed(path: str, mode: str) -> None:
    """Peak RSS of reading one feed: the reader alone ("read") or ingest into DuckDB."""
    from localdigest import sources
    from localdigest.ingest import ingest
    from localdigest.store import Store

    base = rss_mib()
    start = time.perf_counter()
    if mode == "read":
        records = sum(1 for _ in sources.iter_records(path))
    else:
        with tempfile.TemporaryDirectory() as tmp, Store(f"{tmp}/f.duckdb") as store:
            records = ingest(store, [path]).read
    seconds = time.perf_counter() - start
    out = {"records": records, "seconds": seconds, "peak_mib": peak_mib(), "base_mib": base}
    print(json.dumps(out))


# --- parent -------------------------------------------------------------------------------
def run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if out.returncode:
        raise SystemExit(f"child {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_kaggle_file(path: Path, lines: int) -> None:
    """Kaggle snapshot rows cycled from the real papers, with unique ids."""
    papers = real_papers()
    with path.open("w") as fh:
        for i in range(lines):
            p = papers[i % len(papers)]
            row = {
                "id": f"{2000 + i // 99999 % 9000:04d}.{i % 99999:05d}",
                "submitter": p["authors"][0] if p["authors"] else None,
                "authors": ", ".join(p["authors"]),
                "title": p["title"],
                "comments": p.get("comment"),
                "journal-ref": None,
                "doi": None,
                "report-no": None,
                "categories": " ".join(p["categories"]),
                "license": None,
                "abstract": p["abstract"],
                "versions": [{"version": "v1", "created": "Thu, 3 Apr 2025 17:59:00 GMT"}],
                "update_date": "2025-04-03",
                "authors_parsed": [],
            }
            fh.write(json.dumps(row) + "\n")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_feeds(folder: Path, copies: int) -> dict[str, Path]:
    """An arXiv RSS feed and an Atom feed holding the real papers `copies` times, unique ids."""
    papers = real_papers()
    rss, atom = folder / f"rss{copies}.xml", folder / f"atom{copies}.xml"
    with rss.open("w", encoding="utf-8") as r, atom.open("w", encoding="utf-8") as a:
        r.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:arxiv="http://arxiv.org/schemas'
            '/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">\n<channel>\n'
            "<title>cs updates on arXiv.org</title>\n"
            "<pubDate>Thu, 03 Apr 2025 00:00:00 -0400</pubDate>\n"
        )
        a.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:arxiv="http://arxiv.org/schemas/atom">\n<title>arXiv Query</title>\n'
        )
        for i in range(copies * len(papers)):
            p = papers[i % len(papers)]
            pid = f"{2000 + i // 99999 % 9000:04d}.{i % 99999:05d}"
            title, abstract = _xml(p["title"]), _xml(p["abstract"])
            cats = "".join(f"<category>{c}</category>" for c in p["categories"])
            creators = _xml(", ".join(p["authors"]))
            r.write(
                f"<item>\n<title>{title}</title>\n<link>https://arxiv.org/abs/{pid}</link>\n"
                f"<description>arXiv:{pid}v1 Announce Type: new \nAbstract: {abstract}"
                f"</description>\n{cats}\n<pubDate>Thu, 03 Apr 2025 00:00:00 -0400</pubDate>\n"
                f"<dc:creator>{creators}</dc:creator>\n</item>\n"
            )
            authors = "".join(f"<author><name>{_xml(n)}</name></author>" for n in p["authors"])
            terms = "".join(f'<category term="{c}"/>' for c in p["categories"])
            a.write(
                f"<entry>\n<id>http://arxiv.org/abs/{pid}v1</id>\n<title>{title}</title>\n"
                f"<summary>{abstract}</summary>\n<published>2025-04-02T17:59:00Z</published>\n"
                f"{authors}\n{terms}\n</entry>\n"
            )
        r.write("</channel>\n</rss>\n")
        a.write("</feed>\n")
    return {"rss": rss, "atom": atom}


def feed_memory(scale: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        one, big = make_feeds(Path(tmp), 1), make_feeds(Path(tmp), scale)
        for kind in ("rss", "atom"):
            mib = big[kind].stat().st_size / 2**20
            for mode in ("read", "ingest"):
                b = run_child("feed", str(one[kind]), mode)
                r = run_child("feed", str(big[kind]), mode)
                print(
                    f"{kind} {mode} {r['records']:,} items ({mib:.0f} MiB): "
                    f"peak {r['peak_mib']:.0f} MiB in {r['seconds']:.1f} s; "
                    f"baseline 1x ({b['records']:,} items): peak "
                    f"{b['peak_mib']:.0f} MiB in {b['seconds']:.1f} s; {scale}x/1x peak "
                    f"{r['peak_mib'] / b['peak_mib']:.2f} (flat = ~1.0; after imports "
                    f"{b['base_mib']:.0f} / {r['base_mib']:.0f} MiB)"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2_500, 5_374])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--feed-scale", type=int, default=10, help="0 skips the feeds case")
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        kind, *rest = args.child
        if kind == "cluster":
            child_cluster(int(rest[0]))
        elif kind == "feed":
            child_feed(*rest)
        else:
            child_ingest(rest[0], raw=kind == "raw")
        return
    if args.feed_scale:
        feed_memory(args.feed_scale)
    if args.sizes:
        base = run_child("cluster", "1000")
        print(f"cluster 1000 (baseline): {base['seconds']:.1f} s, peak {base['peak_mib']:.0f} MiB")
    for n in args.sizes:
        r = run_child("cluster", str(n))
        print(
            f"cluster {n} real papers: {r['seconds']:.1f} s "
            f"({r['seconds'] / base['seconds']:.1f}x the 1000 baseline; target <= 60 s), "
            f"peak {r['peak_mib'] / 1024:.2f} GiB "
            f"(target < 4 GiB), {r['k']} groups"
        )
    if args.lines:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "kaggle.jsonl"
            make_kaggle_file(path, args.lines)
            raw = run_child("raw", str(path))
            ing = run_child("ingest", str(path))
        raw_rate = raw["records"] / raw["seconds"]
        rate = ing["records"] / ing["seconds"]
        print(
            f"ingest {ing['records']} lines: {rate:,.0f} records/s = {rate / raw_rate:.2f}x a "
            f"bare json.loads loop ({raw_rate:,.0f}/s); {ing['stored']} papers stored"
        )
        print(
            f"ingest memory: RSS {ing['tenth']:.0f} MiB at 10 %, {ing['end']:.0f} MiB at the "
            f"end ({ing['end'] / ing['tenth']:.2f}x; flat = ~1.0x), peak {ing['peak_mib']:.0f} MiB"
        )


if __name__ == "__main__":
    main()
