"""Category cache: a rerun of a day whose inputs are unchanged reuses its named categories.

The clustering cache (cluster_cache.py) skips UMAP and HDBSCAN, but a warm rerun still ran the
field classifier's word model, the labelling and the keywords, and importing scikit-learn for
them was most of the rerun's time. This cache keys the whole ``categorize`` result on what
decides it: the papers (ids, text hashes, arXiv categories), their vectors, the embedder, the
classifier's content hash, the taxonomy, every labeller and clusterer setting, the seed and the
earlier days' categories it may take names from. Any of those changed: computed afresh.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence

import numpy as np

from .label import Category, Labeler

VERSION = "1"  # bump when labelling or clustering code changes what the same inputs produce


def category_key(
    papers: Sequence,
    vectors: np.ndarray,
    labeler: Labeler,
    options: dict,
    known: Sequence,
) -> str:
    h = hashlib.sha256(f"categories v{VERSION}\n".encode())
    settings = {
        f.name: getattr(labeler, f.name)
        for f in dataclasses.fields(labeler)
        if f.name not in ("embedder", "taxonomy", "model") and not f.name.startswith("_")
    }
    head = {
        "embedder": getattr(labeler.embedder, "name", None),
        "model": labeler.model.digest if labeler.model is not None else None,
        "taxonomy": [dataclasses.astuple(f) for f in labeler.taxonomy],
        "labeler": settings,
        "options": options,
        "papers": [[p.id, p.content_hash(), list(p.categories)] for p in papers],
        "known": [[k.id, k.name, k.emoji, k.name_ko] for k in known],
    }
    h.update(json.dumps(head, sort_keys=True, default=str).encode())
    # rounded like the clustering key: the last bits of a float may differ between BLAS builds
    h.update(np.round(np.asarray(vectors, dtype=np.float64), 5).astype(np.float32).tobytes())
    for k in known:
        if k.centroid is not None:
            h.update(np.round(np.asarray(k.centroid, dtype=np.float64), 5).tobytes())
    return h.hexdigest()


def to_rows(categories: list[Category]) -> list[dict]:
    rows = []
    for c in categories:
        row = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)}
        row["papers"] = [p.id for p in c.papers]
        row["centroid"] = None if c.centroid is None else [float(x) for x in c.centroid]
        row["outliers"] = [bool(x) for x in c.outliers]
        rows.append(row)
    return rows


def from_rows(rows: list[dict], papers: Sequence) -> list[Category] | None:
    """The categories back, holding the caller's Paper objects; None if a paper is missing."""
    by_id = {p.id: p for p in papers}
    out = []
    for row in rows:
        members = [by_id.get(i) for i in row["papers"]]
        if any(m is None for m in members):
            return None
        centroid = row.get("centroid")
        fields = {f.name for f in dataclasses.fields(Category)}
        out.append(
            Category(
                **{
                    **{k: v for k, v in row.items() if k in fields},
                    "papers": members,
                    "centroid": None if centroid is None else np.asarray(centroid),
                }
            )
        )
    return out


class CategoryCache:
    """Get and put a day's categories by key in the store; counts hits for the run stats."""

    def __init__(self, store) -> None:
        self.store = store
        self.hits = 0

    def get(self, key: str, papers: Sequence) -> tuple[list[Category], float] | None:
        got = self.store.get_category_set(key)
        if got is None:
            return None
        cats = from_rows(got[0], papers)
        if cats is None or sum(len(c.papers) for c in cats) != len(papers):
            return None
        self.hits += 1
        return cats, got[1]

    def put(self, key: str, categories: list[Category], outlier_share: float) -> None:
        self.store.put_category_set(key, to_rows(categories), float(outlier_share))
