"""Warm-rerun benchmark: the `localdigest run` command, cold on a real day, then the same command
again, unchanged.

Each run is its own process (python -m localdigest run --input DAY --db DB --out OUT -q), with
the defaults a user gets: the floor writer, the bundled GGUF (checked, not loaded), the real
MiniLM embedder, UMAP + HDBSCAN, the shipped field classifier. The cold run gets a fresh
database and output folder, so it embeds, clusters, names and writes every line itself: it must
report no cache hit at all, else the bench says so and fails. The warm run is timed the same way
(wall clock of the whole process: start-up, imports, model check, every stage, the site).
Prints both wall times, their ratio against the target (<= 0.05), each run's stage seconds and
what the warm run skipped: embeddings found in the cache, the category and clustering caches,
category reports (part lines) from the line cache, the chart.

The day defaults to 2025-05-14 (176 papers, a held-out day of the label set; timing tunes
nothing). Outside the database, both runs share what an installed copy keeps: numba's compiled
UMAP kernels (`make install` builds them) and the model file's remembered sha256.

Usage: .venv/bin/python bench/warm.py [--input data/days/2025-05-14.jsonl] [--warm 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.05


def run(input_path: str, db: Path, out: Path) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "localdigest", "run", "--input", input_path]
    cmd += ["--db", str(db), "--out", str(out), "-q"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"run failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    digest = next(out.glob("digest_*.json"))
    return seconds, json.loads(digest.read_text(encoding="utf-8"))["stats"]


def hits(stats: dict) -> dict:
    """What a run took from a cache instead of computing it."""
    return {
        "embeddings": f"{stats['embedding_cache_hits']}/{stats['papers']} papers",
        "categories": "hit" if stats.get("category_cache_hit") else "computed",
        "clustering": "hit"
        if stats.get("clustering_cache_hit")
        else "skipped with the categories"
        if stats.get("category_cache_hit")
        else "computed",
        "line cache": f"{stats['cache_hits']}/{stats['categories']} category reports",
        "chart": "hit" if stats.get("chart_cache_hit") else "drawn",
        "llm calls": stats["llm_calls"],
    }


def stages(stats: dict) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in stats["seconds_by_stage"].items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default="data/days/2025-05-14.jsonl")
    parser.add_argument("--warm", type=int, default=2, help="warm reruns (the first is the figure)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warm-bench-") as tmp:
        db, out = Path(tmp) / "bench.duckdb", Path(tmp) / "out"
        cold_s, cold = run(args.input, db, out)
        warms = [run(args.input, db, out) for _ in range(max(1, args.warm))]
    warm_s, warm = warms[0]
    cached = (
        cold["embedding_cache_hits"]
        + cold["cache_hits"]
        + cold.get("category_cache_hit", False)
        + cold.get("clustering_cache_hit", False)
        + cold.get("chart_cache_hit", False)
    )
    print(f"day: {args.input}, {cold['papers']} papers, {cold['categories']} categories")
    print(f"cold: {cold_s:.2f} s wall (stages: {stages(cold)})")
    print(f"cold cache use: {hits(cold)}")
    ratio = warm_s / cold_s
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"warm: {warm_s:.2f} s wall (stages: {stages(warm)})")
    print(f"warm skipped: {hits(warm)}")
    more = ", ".join(f"{s:.2f}" for s, _ in warms[1:])
    print(
        f"warm / cold: {ratio:.3f} (target <= {TARGET}: {verdict})"
        + (f"; further warm reruns: {more} s" if more else "")
    )
    if cached:
        raise SystemExit("the cold run used a cache: it is not cold, the ratio means nothing")
    if ratio > TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
