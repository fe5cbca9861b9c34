"""Cluster stage: embeddings -> groups of papers. Every paper ends in exactly one group.

Raw 384-d sentence embeddings are too sparse for density clustering (HDBSCAN marks most of a
day as noise), so vectors are first reduced with UMAP and clustered with HDBSCAN. Noise points
join the nearest cluster when close enough; then the day is shaped for a digest: clusters over
``max_share`` of the day are split, the closest small ones are merged until at most
``max_clusters`` remain, and the largest are split while fewer than ``min_clusters`` exist.
Points still far from every cluster get label -1: the caller lists them in a visible "기타"
category.

A paper's text embedding is joined by the field classifier's probabilities (``with_fields``,
see ``localdigest/fields.py``): the field an editor would file it under separates vision from
language papers that a small sentence embedder mixes up, and HDBSCAN still finds the day's own
topics inside a field. Without a classifier (a custom taxonomy it does not cover) the arXiv
categories take that place (``with_categories``); they were the guide before the label set
existed, and they scored lower against an editor's fields (bench/categories.py).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

OTHER = -1
# Weight of the arXiv categories next to the unit text vector (see with_categories); measured
# with bench/categories.py on real days.
ARXIV_WEIGHT = 0.5


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
    n_neighbors: int = 15
    max_share: float = 0.30  # split clusters larger than this share of the day
    max_clusters: int = 12  # merge the closest small clusters above this many (기타 included)
    min_clusters: int = 6  # split the largest clusters below this many
    reassign_min_cos: float = 0.35  # a noise paper joins its nearest cluster if this close
    max_fit: int = 5000  # bigger inputs: fit on a seeded sample, then assign the rest

    def key(self) -> str:
        """The settings that change the result, for the clustering cache key."""
        return repr(sorted(self.__dict__.items()))

    def fit(self, vectors: np.ndarray) -> Clustering | None:
        n = len(vectors)
        if n < self.min_papers:
            return None
        if n > self.max_fit:
            return self._fit_sample(vectors)
        reduced = reduce(vectors, self.n_components, self.seed, self.n_neighbors)
        labels = density_labels(reduced, min_cluster_size=max(4, n // 40))
        noise = labels == OTHER
        if (labels != OTHER).sum() == 0:  # everything noise: one group, split below
            labels = np.zeros(n, dtype=int)
        labels = reassign_noise(vectors, labels, self.reassign_min_cos)
        cap = max(int(self.max_share * n), 2)
        labels = split_large(reduced, labels, cap, self.seed)
        has_other = bool((labels == OTHER).any())
        labels = merge_closest(vectors, labels, self.max_clusters - has_other, cap)
        labels = split_to(reduced, labels, self.min_clusters - has_other, self.seed)
        return Clustering(labels=labels, noise=noise)

    def _fit_sample(self, vectors: np.ndarray) -> Clustering:
        """UMAP's cost grows faster than linearly (10k papers: ~80 s on 2 cores), but the
        topics of a large set show in a sample of a few thousand. Fit there, then give every
        other paper its nearest cluster by centroid cosine, or OTHER when none is close."""
        rng = np.random.default_rng(self.seed)
        picked = np.sort(rng.choice(len(vectors), self.max_fit, replace=False))
        sample = UmapHdbscan(**{**self.__dict__, "max_fit": self.max_fit}).fit(vectors[picked])
        ids = [c for c in np.unique(sample.labels) if c != OTHER]
        labels = np.full(len(vectors), OTHER)
        noise = np.zeros(len(vectors), dtype=bool)
        labels[picked], noise[picked] = sample.labels, sample.noise
        rest = np.setdiff1d(np.arange(len(vectors)), picked)
        cents = centroids(vectors[picked], sample.labels, ids)
        for start in range(0, len(rest), 20_000):  # bounded memory for the similarity block
            chunk = rest[start : start + 20_000]
            sims = vectors[chunk] @ cents.T
            best = sims.argmax(axis=1)
            close = sims[np.arange(len(chunk)), best] >= self.reassign_min_cos
            labels[chunk[close]] = np.asarray(ids)[best[close]]
            noise[chunk[~close]] = True
        return Clustering(labels=relabel(labels), noise=noise)


def with_categories(
    vectors: np.ndarray,
    categories: Sequence[Sequence[str]],
    weight: float,
    cross_list: float = 0.3,
) -> np.ndarray:
    """Join unit text vectors with the papers' arXiv categories, weighted, back to unit length.

    The primary category counts 1, each cross-list ``cross_list``; a paper without categories
    keeps only its text. ``weight`` 0 returns the vectors unchanged.
    """
    names = sorted({c for cats in categories for c in cats})
    if weight <= 0 or not names:
        return vectors
    index = {c: i for i, c in enumerate(names)}
    onehot = np.zeros((len(vectors), len(names)), dtype=np.float32)
    for row, cats in enumerate(categories):
        for pos, c in enumerate(dict.fromkeys(cats)):
            onehot[row, index[c]] = 1.0 if pos == 0 else cross_list
    onehot /= np.maximum(np.linalg.norm(onehot, axis=1, keepdims=True), 1e-9)
    joined = np.hstack([vectors, weight * onehot])
    return joined / np.maximum(np.linalg.norm(joined, axis=1, keepdims=True), 1e-9)


def with_fields(vectors: np.ndarray, probs: np.ndarray, weight: float) -> np.ndarray:
    """Join unit text vectors with field probabilities (rows summing to 1) scaled to unit length
    and by ``weight``, back to unit length. ``weight`` 0 returns the vectors unchanged."""
    if weight <= 0:
        return vectors
    probs = probs / np.maximum(np.linalg.norm(probs, axis=1, keepdims=True), 1e-9)
    joined = np.hstack([vectors, weight * probs])
    return joined / np.maximum(np.linalg.norm(joined, axis=1, keepdims=True), 1e-9)


def reduce(vectors: np.ndarray, n_components: int, seed: int, n_neighbors: int = 15) -> np.ndarray:
    import umap  # lazy: numba start-up is slow

    from .jitcache import enable_numba_cache

    enable_numba_cache()
    reducer = umap.UMAP(
        n_components=min(n_components, len(vectors) - 2),
        n_neighbors=min(n_neighbors, len(vectors) - 1),
        min_dist=0.0,
        metric="cosine",
        random_state=seed,  # fixed seed: the same day always clusters the same way
    )
    with warnings.catch_warnings():
        # a fixed random_state makes UMAP single-threaded and it says so on every call
        warnings.filterwarnings("ignore", "n_jobs value", UserWarning)
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
    labels = labels.copy()
    for _ in range(64):  # bounded: each pass splits the largest cluster once
        ids, counts = np.unique(labels[labels != OTHER], return_counts=True)
        if not len(ids) or counts.max() <= max(max_size, 2):
            break
        labels = _split(points, labels, ids[counts.argmax()], seed)
    return relabel(labels)


def split_to(points: np.ndarray, labels: np.ndarray, min_clusters: int, seed: int) -> np.ndarray:
    """Split the largest cluster in two while there are fewer than min_clusters (and it has
    at least 8 papers: halves of 4 are the smallest topic worth a section)."""
    labels = labels.copy()
    for _ in range(min_clusters):
        ids, counts = np.unique(labels[labels != OTHER], return_counts=True)
        if len(ids) >= min_clusters or not len(ids) or counts.max() < 8:
            break
        labels = _split(points, labels, ids[counts.argmax()], seed)
    return relabel(labels)


def _split(points: np.ndarray, labels: np.ndarray, cluster: int, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    members = np.flatnonzero(labels == cluster)
    halves = KMeans(n_clusters=2, n_init=4, random_state=seed).fit_predict(points[members])
    labels[members[halves == 1]] = labels.max() + 1
    return labels


def merge_closest(
    vectors: np.ndarray, labels: np.ndarray, max_clusters: int, max_size: int
) -> np.ndarray:
    """Merge the smallest cluster into its most similar one (by centroid cosine) while there
    are more than max_clusters; a merge never makes a cluster larger than max_size."""
    labels = labels.copy()
    while True:
        ids, counts = np.unique(labels[labels != OTHER], return_counts=True)
        if len(ids) <= max(max_clusters, 1):
            break
        cents = centroids(vectors, labels, list(ids))
        sims = cents @ cents.T
        np.fill_diagonal(sims, -np.inf)
        sims[counts[:, None] + counts[None, :] > max_size] = -np.inf
        order = np.lexsort((ids, counts))  # smallest first
        small = next((i for i in order if np.isfinite(sims[i]).any()), None)
        if small is None:  # every merge would break the size cap
            break
        labels[labels == ids[small]] = ids[int(sims[small].argmax())]
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
