"""Embedding efficiency: papers/s of the embed stage against the bare encoder's best batch.

Both on the same texts (the sample day), same model, measured in this run:
  baseline  SentenceTransformer.encode at batch sizes 16, 32, 64, 128: the best papers/s
  pipeline  localdigest.embed.embed_papers into a fresh DuckDB file (hashing, cache lookup,
            encode, storing the vectors), model already loaded as in a run
Prints the ratio pipeline/baseline (target >= 0.9).

Usage: .venv/bin/python bench/embed.py [--input FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest.embed import SentenceTransformerEmbedder, embed_papers  # noqa: E402
from localdigest.paper import Paper  # noqa: E402
from localdigest.store import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(ROOT / "data/sample/2025-04-03.jsonl"))
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.input, encoding="utf-8")]
    papers = [Paper(id=r["id"], title=r["title"], abstract=r["abstract"]) for r in rows]
    texts = [p.text_for_embedding() for p in papers]
    embedder = SentenceTransformerEmbedder()
    model = embedder._load()
    model.encode(texts[:32])  # warm-up: first-call allocations are not part of either figure
    best, best_bs = 0.0, 0
    for bs in (16, 32, 64, 128):
        start = time.perf_counter()
        model.encode(texts, batch_size=bs, normalize_embeddings=True, show_progress_bar=False)
        rate = len(texts) / (time.perf_counter() - start)
        print(f"encode batch {bs}: {rate:.1f} papers/s")
        if rate > best:
            best, best_bs = rate, bs
    with tempfile.TemporaryDirectory() as tmp, Store(f"{tmp}/e.duckdb") as store:
        start = time.perf_counter()
        embed_papers(store, embedder, papers)
        rate = len(papers) / (time.perf_counter() - start)
    print(f"pipeline embed stage: {rate:.1f} papers/s (batch {embedder.batch_size})")
    print(
        f"embedding efficiency: {rate / best:.2f}x the best batch ({best_bs}: {best:.1f}/s); "
        "target >= 0.90"
    )


if __name__ == "__main__":
    main()
