"""Categories benchmark: our categories vs BERTopic's defaults on real days, side by side.

For each of the first N days in data/days/ (one JSON-lines file per day), in date order:
  cats      number of categories (ours: including 기타 when present; BERTopic: topics, not -1)
  largest   share of the day's papers in the largest category (BERTopic: largest topic, not -1)
  outliers  share HDBSCAN left as noise before any reassignment (BERTopic: topic -1)
  homog     sklearn homogeneity_score of the categories against each paper's arXiv primary
            category (BERTopic's -1 counts as one group, as a reader would see it)
  dropped   papers in no category (must be 0)
Then the totals: mean homogeneity, and distinct category names over all days against 1.5x the
mean number per day (the issue's stability target). Our days run in order against one store,
so a day sees the categories of the days before it, as `localdigest run` does.

Both methods get the same embeddings (all-MiniLM-L6-v2, the bundled default), cached in a
DuckDB file under /tmp, so a rerun only clusters. BERTopic runs with its default settings,
given the precomputed embeddings and no embedding model, and a fixed UMAP seed
(random_state=42, otherwise its defaults) so the figures repeat. Nothing is downloaded.

Usage: .venv/bin/python bench/categories.py --days 5 [--no-bertopic] [--show]
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = "/tmp/localdigest-bench/embeddings.duckdb"


def load_day(path: Path) -> tuple[str, list]:
    from localdigest import sources

    day = path.stem
    papers = sources.load([str(path)]).papers.values()
    return day, sorted((p for p in papers if p.published == day), key=lambda p: p.id)


def embed_day(cache: str, embedder, papers: list) -> np.ndarray:
    from localdigest.embed import embed_papers
    from localdigest.store import Store

    with Store(cache) as store:
        store.upsert_papers(papers)
        vectors, _ = embed_papers(store, embedder, papers)
    return vectors


def ours(state, day: str, papers: list, vectors: np.ndarray, labeler, seed: int, weight) -> dict:
    from localdigest.pipeline import categorize, save_categories

    known = state.known_categories(exclude_day=day)
    extra = {} if weight is None else {"arxiv_weight": weight}
    cats, outlier_share = categorize(papers, vectors, labeler, seed, known=known, **extra)
    save_categories(state, day, cats)
    label_of = {p.id: i for i, c in enumerate(cats) for p in c.papers}
    return {
        "labels": [label_of.get(p.id, -99) for p in papers],
        "names": [c.name for c in cats],
        "sizes": [len(c.papers) for c in cats],
        "outliers": outlier_share,
        "dropped": sum(p.id not in label_of for p in papers),
        "detail": [(c.emoji, c.name, len(c.papers), c.keywords[:3]) for c in cats],
    }


def bertopic(papers: list, vectors: np.ndarray, seed: int) -> dict:
    from bertopic import BERTopic
    from umap import UMAP

    # BERTopic's default UMAP, with a seed so the benchmark repeats.
    reducer = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    model = BERTopic(embedding_model=None, umap_model=reducer)
    docs = [p.text_for_embedding() for p in papers]
    topics, _ = model.fit_transform(docs, embeddings=vectors)
    topics = np.asarray(topics)
    info = model.get_topic_info()
    names = [n for t, n in zip(info["Topic"], info["Name"], strict=True) if t != -1]
    sizes = [int((topics == t).sum()) for t in sorted(set(topics) - {-1})]
    return {
        "labels": topics.tolist(),
        "names": names,
        "sizes": sizes,
        "outliers": float((topics == -1).mean()),
        "dropped": 0,
        "detail": [(n,) for n in names],
    }


def figures(result: dict, primary: list[str]) -> dict:
    from sklearn.metrics import homogeneity_score

    n = len(primary)
    return {
        "cats": len(result["sizes"]),
        "largest": max(result["sizes"], default=0) / n,
        "outliers": result["outliers"],
        "homog": homogeneity_score(primary, result["labels"]),
        "dropped": result["dropped"],
    }


def row(f: dict | None) -> str:
    if f is None:
        return ""
    return (
        f"{f['cats']:>4} {f['largest']:>7.0%} {f['outliers']:>8.0%} "
        f"{f['homog']:>6.3f} {f['dropped']:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=5, help="how many days, oldest first")
    parser.add_argument("--data", default=str(ROOT / "data/days"), help="folder of day files")
    parser.add_argument("--cache", default=DEFAULT_CACHE, help="DuckDB file for embeddings")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--taxonomy", default=None, help="TOML taxonomy (default: built-in)")
    parser.add_argument(
        "--arxiv-weight",
        type=float,
        default=None,
        help="weight of the arXiv categories in clustering (default: the pipeline's; 0: text only)",
    )
    parser.add_argument("--no-bertopic", action="store_true", help="skip the BERTopic column")
    parser.add_argument("--show", action="store_true", help="list each day's categories")
    args = parser.parse_args()

    os.environ["HF_HUB_OFFLINE"] = "1"  # nothing downloads, whatever a library tries
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore")

    from localdigest.embed import SentenceTransformerEmbedder
    from localdigest.label import Labeler, load_taxonomy
    from localdigest.store import Store

    files = sorted(Path(args.data).glob("*.jsonl"))[: args.days]
    if not files:
        raise SystemExit(f"no day files (*.jsonl) in {args.data}")
    Path(args.cache).parent.mkdir(parents=True, exist_ok=True)
    embedder = SentenceTransformerEmbedder()
    labeler = Labeler(embedder, load_taxonomy(args.taxonomy))
    state = Store(":memory:")  # categories known from earlier days, as in `localdigest run`

    head = f"{'cats':>4} {'largest':>7} {'outliers':>8} {'homog':>6} {'dropped':>7}"
    print(f"{'day':<10} {'papers':>6} | ours: {head} | BERTopic: {head}")
    per_day: list[tuple[dict, dict | None, dict, dict | None]] = []
    seconds = Counter()
    for path in files:
        day, papers = load_day(path)
        start = time.perf_counter()
        vectors = embed_day(args.cache, embedder, papers)
        seconds["embed"] += time.perf_counter() - start
        primary = [p.primary_category or "?" for p in papers]
        start = time.perf_counter()
        mine = ours(state, day, papers, vectors, labeler, args.seed, args.arxiv_weight)
        seconds["ours"] += time.perf_counter() - start
        theirs = None
        if not args.no_bertopic:
            start = time.perf_counter()
            theirs = bertopic(papers, vectors, args.seed)
            seconds["bertopic"] += time.perf_counter() - start
        fo, fb = figures(mine, primary), theirs and figures(theirs, primary)
        per_day.append((fo, fb, mine, theirs))
        print(f"{day:<10} {len(papers):>6} | ours: {row(fo)} | BERTopic: {row(fb)}")
        if args.show:
            for emoji, name, size, kws in mine["detail"]:
                print(f"    {emoji} {name:<40} {size:>4}  {', '.join(kws)}")

    print()
    for label, idx in (("ours", 0), ("BERTopic", 1)):
        figs = [d[idx] for d in per_day if d[idx] is not None]
        if not figs:
            continue
        results = [d[idx + 2] for d in per_day]
        distinct = len({n for r in results for n in r["names"]})
        mean_per_day = float(np.mean([len(r["names"]) for r in results]))
        homog = np.mean([f["homog"] for f in figs])
        cats = [f["cats"] for f in figs]
        largest = max(f["largest"] for f in figs)
        print(
            f"{label:<9} mean homogeneity {homog:.3f} (target >= 0.60)"
            f" | cats/day {min(cats)}-{max(cats)} (target 6-12)"
            f" | largest max {largest:.0%} (target <= 30%)"
            f" | dropped {sum(f['dropped'] for f in figs)}"
            f" | distinct names {distinct} vs 1.5 x {mean_per_day:.1f} = {1.5 * mean_per_day:.1f}"
        )
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in seconds.items()))


if __name__ == "__main__":
    main()
