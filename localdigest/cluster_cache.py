"""Clustering cache: a rerun of a day whose inputs and settings are unchanged skips UMAP and
HDBSCAN (most of a warm rerun's time before this cache).

The key is a hash of what decides the result: the clusterer's settings, the papers' ids in
order and the features clustered (text embeddings joined with the field classifier's
probabilities, so a changed abstract, embedder or retrained classifier all change it).
"""

from __future__ import annotations

import hashlib

import numpy as np

from .cluster import Clustering

VERSION = "1"  # bump when the clustering code changes what the same settings produce


def cache_key(settings: str, ids: list[str], features: np.ndarray) -> str:
    h = hashlib.sha256(f"clustering v{VERSION}\n{settings}\n".encode())
    h.update("\n".join(ids).encode())
    # rounded: the last bits of a float sum may differ between BLAS builds, the result does not
    h.update(np.round(np.asarray(features, dtype=np.float64), 5).astype(np.float32).tobytes())
    return h.hexdigest()


class ClusterCache:
    """Wraps a clusterer's ``fit`` with a lookup in the store; counts hits for the run stats."""

    def __init__(self, store) -> None:
        self.store = store
        self.hits = 0

    def fit(self, clusterer, features: np.ndarray, ids: list[str]) -> Clustering | None:
        key = cache_key(clusterer.key(), ids, features)
        got = self.store.get_clustering(key)
        if got is not None and len(got[0]) == len(ids):
            self.hits += 1
            return Clustering(np.asarray(got[0], dtype=int), np.asarray(got[1], dtype=bool))
        result = clusterer.fit(features)
        if result is not None:  # None: too few papers, the caller's fallback is instant
            self.store.put_clustering(
                key, [int(x) for x in result.labels], [bool(x) for x in result.noise]
            )
        return result
