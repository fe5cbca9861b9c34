"""Cluster stage: embeddings -> groups of papers. Every paper ends in exactly one group.

Raw 384-d sentence embeddings are too sparse for density clustering (HDBSCAN marks most of a
day as noise), so vectors are first reduced with UMAP, clustered with HDBSCAN, big clusters are
split, and noise points are reassigned to the nearest cluster when close enough. Points that are
still far from every cluster get label -1: the caller lists them in a visible "기타" category.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

OTHER = -1


@dataclass
class Clustering:
    labels: np.ndarray  # one per paper: 0..k-1, or OTHER
    noise: np.ndarray  # True where HDBSCAN left the paper as noise (before reassignment)

    @property
    def outlier_share(self) -> float:
        return float(self.noise.mean()) if len(self.noise) else 0.0


class Clusterer(Protocol):
    def fit(self, vectors: np.ndarray) -> Clustering | None:
        """None means: too few papers for this method, use the caller's fallback."""


@dataclass
class UmapHdbscan:
    seed: int = 42
    min_papers: int = 30  # below this, density clustering is meaningless
    n_components: int = 5
    max_share: float = 0.30  # split clusters larger than this share of the day
    reassign_min_cos: float = 0.35  # a noise paper joins its nearest cluster if this close

    def fit(self, vectors: np.ndarray) -> Clustering | None:
        n = len(vectors)
        if n < self.min_papers:
            return None
        reduced = reduce(vectors, self.n_components, self.seed)
        labels = density_labels(reduced, min_cluster_size=max(4, n // 40))
        noise = labels == OTHER
        if (labels != OTHER).sum() == 0:  # everything noise: one group, split below
            labels = np.zeros(n, dtype=int)
        labels = split_large(reduced, labels, int(self.max_share * n), self.seed)
        labels = reassign_noise(vectors, labels, self.reassign_min_cos)
        return Clustering(labels=labels, noise=noise)


def reduce(vectors: np.ndarray, n_components: int, seed: int) -> np.ndarray:
    import umap  # lazy: numba start-up is slow

    reducer = umap.UMAP(
        n_components=min(n_components, len(vectors) - 2),
        n_neighbors=min(15, len(vectors) - 1),
        min_dist=0.0,
        metric="cosine",
        random_state=seed,  # fixed seed: the same day always clusters the same way
    )
    return reducer.fit_transform(vectors)


def density_labels(points: np.ndarray, min_cluster_size: int) -> np.ndarray:
    import hdbscan

    model = hdbscan.HDBSCAN(
        min_cluster_size=min_cluster_size,
        min_samples=max(2, min_cluster_size // 2),
        cluster_selection_method="leaf",  # many small, topical clusters suit a digest
    )
    return model.fit_predict(points).astype(int)


def split_large(points: np.ndarray, labels: np.ndarray, max_size: int, seed: int) -> np.ndarray:
    """Split any cluster larger than max_size into two with k-means, until none is."""
    from sklearn.cluster import KMeans

    labels = labels.copy()
    for _ in range(32):  # bounded: each pass splits the largest cluster once
        ids, counts = np.unique(labels[labels != OTHER], return_counts=True)
        if not len(ids) or counts.max() <= max(max_size, 2):
            break
        big = ids[counts.argmax()]
        members = np.flatnonzero(labels == big)
        halves = KMeans(n_clusters=2, n_init=4, random_state=seed).fit_predict(points[members])
        labels[members[halves == 1]] = labels.max() + 1
    return relabel(labels)


def reassign_noise(vectors: np.ndarray, labels: np.ndarray, min_cos: float) -> np.ndarray:
    labels = labels.copy()
    ids = [c for c in np.unique(labels) if c != OTHER]
    if not ids:
        return labels
    cents = centroids(vectors, labels, ids)
    for i in np.flatnonzero(labels == OTHER):
        sims = cents @ vectors[i]
        if sims.max() >= min_cos:
            labels[i] = ids[int(sims.argmax())]
    return labels


def centroids(vectors: np.ndarray, labels: np.ndarray, ids: list[int]) -> np.ndarray:
    cents = np.stack([vectors[labels == c].mean(axis=0) for c in ids])
    return cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-9)


def relabel(labels: np.ndarray) -> np.ndarray:
    """Number clusters 0..k-1 by decreasing size (stable order), keep OTHER."""
    out = np.full_like(labels, OTHER)
    ids, counts = np.unique(labels[labels != OTHER], return_counts=True)
    for new, old in enumerate(ids[np.lexsort((ids, -counts))]):
        out[labels == old] = new
    return out
