"""Field classifier: paper embeddings (and words) -> a probability for each field.

Two multinomial logistic regressions trained on the editor's label set (data/labels/, the
training days only): one over the same sentence embeddings the pipeline computes, one over the
title and abstract's TF-IDF words (a small embedder blurs "MRI" and "LiDAR" papers that one word
tells apart); their probabilities are averaged (``mix``). It ships as data
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
    # The words part (optional): vocabulary, idf, weights (classes, terms), bias, and its share.
    vocab: list[str] | None = None
    idf: np.ndarray | None = None
    text_weights: np.ndarray | None = None
    text_bias: np.ndarray | None = None
    mix: float = 0.0

    @property
    def digest(self) -> str:
        """Content hash: part of the clustering cache key, so a retrained model re-clusters."""
        h = hashlib.sha256()
        h.update(json.dumps([self.ids, self.embedder]).encode())
        h.update(np.ascontiguousarray(self.weights, dtype=np.float32).tobytes())
        h.update(np.ascontiguousarray(self.bias, dtype=np.float32).tobytes())
        if self.vocab is not None:
            h.update(json.dumps([self.vocab, self.mix]).encode())
            h.update(np.ascontiguousarray(self.text_weights, dtype=np.float32).tobytes())
        return h.hexdigest()[:16]

    def proba(
        self,
        vectors: np.ndarray,
        ids: Sequence[str] | None = None,
        texts: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Softmax probabilities, one row per vector, averaged with the words part's when
        ``texts`` (title + abstract, as ``paper_text``) are given; with ``ids``, the columns of
        those fields in that order (a field the model does not know gets 0), renormalised."""
        if vectors.shape[1] != self.weights.shape[1]:
            raise ConfigError(
                f"field classifier expects {self.weights.shape[1]}-d vectors from "
                f"{self.embedder}, got {vectors.shape[1]}-d; retrain it with `make train-fields`"
            )
        p = _softmax(vectors @ self.weights.T + self.bias)
        if texts is not None and self.vocab is not None and self.mix > 0:
            words = tfidf(texts, self.vocab, self.idf)
            p = (1 - self.mix) * p + self.mix * _softmax(
                words @ self.text_weights.T + self.text_bias
            )
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
        words = {}
        if self.vocab is not None:
            words = {
                "vocab": np.array(self.vocab),
                "idf": self.idf.astype(np.float32),
                "text_weights": self.text_weights.astype(np.float32),
                "text_bias": self.text_bias.astype(np.float32),
                "mix": np.array(self.mix),
            }
        with open(path, "wb") as fh:  # np.savez adds .npz to a bare str path; a handle keeps it
            np.savez_compressed(
                fh,
                ids=np.array(self.ids),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                embedder=np.array(self.embedder),
                meta=np.array(json.dumps(self.meta, sort_keys=True)),
                **words,
            )


def paper_text(paper) -> str:
    """What the words part reads of a paper."""
    return f"{paper.title}. {paper.abstract}"


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def _counter(vocab=None):
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        vocabulary=vocab, ngram_range=(1, 2), stop_words="english", min_df=1 if vocab else 2
    )


def tfidf(texts: Sequence[str], vocab: list[str], idf: np.ndarray):
    """Sublinear TF-IDF rows at unit length over a fixed vocabulary (sparse)."""
    from sklearn.preprocessing import normalize

    counts = _counter(vocab).transform(list(texts)).astype(np.float64)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(np.asarray(idf)[None, :]).tocsr())


def load_field_model(path: str | Path | None = None) -> FieldModel:
    where = str(path or f"localdigest/{BUILTIN}")
    try:
        if path:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        else:
            fh = resources.files("localdigest").joinpath(BUILTIN).open("rb")
        with fh, np.load(fh, allow_pickle=False) as data:
            words = {}
            if "vocab" in data:
                words = {
                    "vocab": [str(t) for t in data["vocab"]],
                    "idf": data["idf"].astype(np.float64),
                    "text_weights": data["text_weights"].astype(np.float64),
                    "text_bias": data["text_bias"].astype(np.float64),
                    "mix": float(data["mix"]),
                }
            return FieldModel(
                ids=[str(i) for i in data["ids"]],
                weights=data["weights"].astype(np.float64),
                bias=data["bias"].astype(np.float64),
                embedder=str(data["embedder"]),
                meta=json.loads(str(data["meta"])),
                **words,
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(
            f"cannot read field classifier {where}: {exc}; rebuild it with `make train-fields`"
        ) from exc


def _fit(x, y: np.ndarray, c: float, classes: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)
    weights, bias = model.coef_, model.intercept_
    if classes == 2:  # sklearn keeps one row for two classes
        weights, bias = np.vstack([-weights, weights]), np.array([-bias[0], bias[0]])
    return weights, bias


def train(
    vectors: np.ndarray,
    fields: Sequence[str],
    embedder: str,
    c: float = 4.0,
    meta: dict | None = None,
    texts: Sequence[str] | None = None,
    text_c: float = 16.0,
    mix: float = 0.5,
) -> FieldModel:
    """Fit the classifier on labelled vectors (one primary field each); with ``texts`` (one
    per vector), also the words part, weighted ``mix`` in ``proba``."""
    ids = sorted(set(fields))
    y = np.array([ids.index(f) for f in fields])
    weights, bias = _fit(vectors, y, c, len(ids))
    meta = dict(meta or {}, C=c, papers=len(fields))
    model = FieldModel(ids, weights, bias, embedder, meta)
    if texts is not None and mix > 0:
        from sklearn.feature_extraction.text import TfidfTransformer

        counter = _counter()
        counts = counter.fit_transform(list(texts))
        idf = TfidfTransformer(sublinear_tf=True).fit(counts).idf_
        model.vocab = [str(t) for t in counter.get_feature_names_out()]
        model.idf = idf
        model.text_weights, model.text_bias = _fit(
            tfidf(texts, model.vocab, idf), y, text_c, len(ids)
        )
        model.mix = mix
        model.meta.update(text_C=text_c, mix=mix, terms=len(model.vocab))
    return model
