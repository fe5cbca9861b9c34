"""Field classifier: paper embeddings -> a probability for each field of the taxonomy.

A multinomial logistic regression trained on the editor's label set (data/labels/, the
training days only) over the same sentence embeddings the pipeline computes. It ships as data
(``localdigest/data/fields.npz``, card in ``localdigest/data/README.md``) and is rebuilt with
``make train-fields``; the pipeline only reads it, so nothing is trained or downloaded at run
time. The probabilities guide clustering and name categories (see ``pipeline.categorize``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import ConfigError

BUILTIN = "data/fields.npz"


@dataclass
class FieldModel:
    ids: list[str]  # one field id per class
    weights: np.ndarray  # (classes, dim)
    bias: np.ndarray  # (classes,)
    embedder: str  # the embedder whose vectors it was trained on
    meta: dict

    @property
    def digest(self) -> str:
        """Content hash: part of the clustering cache key, so a retrained model re-clusters."""
        h = hashlib.sha256()
        h.update(json.dumps([self.ids, self.embedder]).encode())
        h.update(np.ascontiguousarray(self.weights, dtype=np.float32).tobytes())
        h.update(np.ascontiguousarray(self.bias, dtype=np.float32).tobytes())
        return h.hexdigest()[:16]

    def proba(self, vectors: np.ndarray, ids: Sequence[str] | None = None) -> np.ndarray:
        """Softmax probabilities, one row per vector; with ``ids``, the columns of those fields
        in that order (a field the model does not know gets 0), renormalised to sum to 1."""
        if vectors.shape[1] != self.weights.shape[1]:
            raise ConfigError(
                f"field classifier expects {self.weights.shape[1]}-d vectors from "
                f"{self.embedder}, got {vectors.shape[1]}-d; retrain it with `make train-fields`"
            )
        logits = vectors @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        if ids is None:
            return p
        col = {f: i for i, f in enumerate(self.ids)}
        out = np.zeros((len(vectors), len(ids)))
        for j, f in enumerate(ids):
            if f in col:
                out[:, j] = p[:, col[f]]
        return out / np.maximum(out.sum(axis=1, keepdims=True), 1e-12)

    def covers(self, ids: Sequence[str]) -> bool:
        return set(ids) <= set(self.ids)

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:  # np.savez adds .npz to a bare str path; a handle keeps it
            np.savez_compressed(
                fh,
                ids=np.array(self.ids),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                embedder=np.array(self.embedder),
                meta=np.array(json.dumps(self.meta, sort_keys=True)),
            )


def load_field_model(path: str | Path | None = None) -> FieldModel:
    where = str(path or f"localdigest/{BUILTIN}")
    try:
        if path:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        else:
            fh = resources.files("localdigest").joinpath(BUILTIN).open("rb")
        with fh, np.load(fh, allow_pickle=False) as data:
            return FieldModel(
                ids=[str(i) for i in data["ids"]],
                weights=data["weights"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                embedder=str(data["embedder"]),
                meta=json.loads(str(data["meta"])),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(
            f"cannot read field classifier {where}: {exc}; rebuild it with `make train-fields`"
        ) from exc


def train(
    vectors: np.ndarray, fields: Sequence[str], embedder: str, c: float = 4.0, meta: dict | None = None
) -> FieldModel:
    """Fit the classifier on labelled vectors (one primary field each)."""
    from sklearn.linear_model import LogisticRegression

    ids = sorted(set(fields))
    y = np.array([ids.index(f) for f in fields])
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(vectors, y)
    weights, bias = model.coef_, model.intercept_
    if len(ids) == 2:  # sklearn keeps one row for two classes
        weights, bias = np.vstack([-weights, weights]), np.array([-bias[0], bias[0]])
    return FieldModel(ids, weights, bias, embedder, dict(meta or {}, C=c, papers=len(fields)))
