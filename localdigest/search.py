"""Search every stored paper: BM25 over title + abstract, plus cosine similarity to the stored
embeddings (same model, keyed by text hash), fused after min-max scaling.

Opens the database read-only. Papers that no run has embedded yet are found by words only
(`localdigest index` embeds them).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import numpy as np

from .archive import paper_lines
from .errors import ConfigError

LEXICAL_WEIGHT = 0.5  # the rest goes to embedding similarity
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Hit:
    id: str
    title: str
    date: str  # the digest day, else the announcement date
    category: str  # the digest category's name, else the primary arXiv category
    line: str  # the Korean per-paper line, "" if the paper was never digested
    score: float
    lexical: float
    semantic: float

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "category": self.category,
            "line": self.line,
            "url": self.url,
            "score": round(self.score, 4),
            "lexical": round(self.lexical, 4),
            "semantic": round(self.semantic, 4),
        }


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "localdigest" / "search"


def _bm25(db: duckdb.DuckDBPyConnection, texts: list[str]):
    """The BM25 index of every paper, cached on disk by the papers' content hashes (building
    it takes seconds for 10k papers; the database itself stays read-only)."""
    import bm25s

    digest = db.execute(
        "SELECT count(*) || '-' || md5(string_agg(content_hash, ',' ORDER BY id)) FROM papers"
    ).fetchone()[0]
    cached = _cache_dir() / f"bm25-{digest}"
    if cached.is_dir():
        try:
            return bm25s.BM25.load(str(cached))
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt below
            pass
    index = bm25s.BM25()
    index.index(_tokenize(texts), show_progress=False)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".bm25-", dir=cached.parent))
        index.save(str(tmp))
        os.replace(tmp, cached)
    except OSError:  # read-only home, or another process won the race: no cache, same index
        pass
    return index


def _tokenize(texts: list[str]):
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", show_progress=False)


class SearchIndex:
    """Everything a query needs, loaded once: ids, metadata, BM25 index, embedding matrix."""

    def __init__(self, db: duckdb.DuckDBPyConnection, model: str | None):
        rows = db.execute(
            "SELECT id, title, abstract, coalesce(strftime(published, '%Y-%m-%d'), ''), "
            "categories, content_hash FROM papers ORDER BY id"
        ).fetchall()
        self.ids = [r[0] for r in rows]
        self.titles = [r[1] for r in rows]
        self.published = np.array([r[3] for r in rows], dtype=object)
        self.arxiv = [list(r[4] or []) for r in rows]
        lines = paper_lines(db)
        self.day = [
            lines.get(i, (p, "", ""))[0] for i, p in zip(self.ids, self.published, strict=True)
        ]
        self.digest_category = [lines.get(i, ("", "", ""))[1] for i in self.ids]
        self.line = [lines.get(i, ("", "", ""))[2] for i in self.ids]
        self.bm25 = _bm25(db, [f"{r[1]} {r[2]}" for r in rows]) if rows else None
        self.model = model
        self.vectors: np.ndarray | None = None
        self.has_vector = np.zeros(len(rows), dtype=bool)
        if model and rows:
            self._load_vectors(db, model, [r[5] for r in rows])

    def _load_vectors(self, db, model: str, hashes: list[str]) -> None:
        found = db.execute(
            "SELECT e.text_hash, e.vector FROM embeddings e WHERE e.model = ? "
            "AND e.text_hash IN (SELECT content_hash FROM papers)",
            [model],
        ).fetchnumpy()  # ~7x faster than fetchall for 10k vectors
        if len(found["text_hash"]) == 0:
            return
        where = {h: i for i, h in enumerate(hashes)}
        rows = [where.get(h, -1) for h in found["text_hash"]]
        dim = len(found["vector"][0])
        self.vectors = np.zeros((len(hashes), dim), dtype=np.float32)
        for i, vec in zip(rows, found["vector"], strict=True):
            if i >= 0 and len(vec) == dim:
                self.vectors[i] = vec
                self.has_vector[i] = True

    def mask(self, since: str | None, category: str | None) -> np.ndarray:
        keep = np.ones(len(self.ids), dtype=bool)
        if since:
            if not _DATE.match(since):
                raise ConfigError(f"--since {since!r}: expected a date like 2025-04-01")
            date.fromisoformat(since)
            keep &= np.array([(d or "") >= since for d in self.day], dtype=bool)
        if category:
            want = category.lower()
            keep &= np.array(
                [
                    want in (c.lower() for c in arxiv) or (want in dc.lower() if dc else False)
                    for arxiv, dc in zip(self.arxiv, self.digest_category, strict=True)
                ],
                dtype=bool,
            )
        return keep

    def search(
        self,
        query: str,
        query_vector: np.ndarray | None = None,
        *,
        k: int = 10,
        since: str | None = None,
        category: str | None = None,
        lexical_weight: float = LEXICAL_WEIGHT,
    ) -> list[Hit]:
        if not query.strip():
            raise ConfigError(
                "empty query; pass some words, e.g. `localdigest search 'graph pooling'`"
            )
        keep = self.mask(since, category)
        if not keep.any():
            return []
        lexical = np.zeros(len(self.ids), dtype=np.float32)
        if self.bm25 is not None:
            tokens = _tokenize([query])
            if tokens.vocab:  # a query of stop words only has nothing to match
                lexical = np.asarray(self.bm25.get_scores(_query_terms(tokens)), dtype=np.float32)
        semantic = np.zeros(len(self.ids), dtype=np.float32)
        if query_vector is not None and self.vectors is not None:
            semantic = self.vectors @ query_vector.astype(np.float32)
            semantic[~self.has_vector] = 0.0
        score = lexical_weight * _scaled(lexical, keep) + (1 - lexical_weight) * _scaled(
            semantic, keep
        )
        score[~keep] = -np.inf
        top = np.argsort(-score, kind="stable")[: min(k, int(keep.sum()))]
        return [
            Hit(
                self.ids[i],
                self.titles[i],
                self.day[i],
                self.digest_category[i] or (self.arxiv[i][0] if self.arxiv[i] else ""),
                self.line[i],
                float(score[i]),
                float(lexical[i]),
                float(semantic[i]),
            )
            for i in top
            if score[i] > 0
        ]


def embed_query(embedder, query: str) -> np.ndarray:
    """The query's vector, on one thread: for one short text more threads only wait on each
    other (measured: 1.25 s with two threads on a busy 2-core machine, 0.03 s with one)."""
    torch = sys.modules.get("torch")
    before = torch.get_num_threads() if torch is not None else None
    if torch is not None:
        torch.set_num_threads(1)
    try:
        return np.asarray(embedder.embed([query])[0], dtype=np.float32)
    finally:
        if torch is not None:
            torch.set_num_threads(before)


def _query_terms(tokens) -> list[str]:
    inverse = {v: k for k, v in tokens.vocab.items()}
    return [inverse[t] for t in tokens.ids[0]]


def _scaled(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Min-max over the kept papers, so neither signal dominates by its units."""
    kept = values[keep]
    if kept.size == 0:
        return np.zeros_like(values)
    low, high = float(kept.min()), float(kept.max())
    if high - low < 1e-9:
        return np.zeros_like(values)
    return np.clip((values - low) / (high - low), 0.0, 1.0)


def ilike_baseline(db: duckdb.DuckDBPyConnection, query: str, k: int = 10) -> list[str]:
    """The naive way: papers whose title or abstract contains every query word (ILIKE)."""
    words = [w for w in re.findall(r"\w+", query) if len(w) > 2] or [query]
    where = " AND ".join(["(title || ' ' || abstract) ILIKE ?"] * len(words))
    rows = db.execute(
        f"SELECT id FROM papers WHERE {where} ORDER BY published DESC, id LIMIT {int(k)}",
        [f"%{w}%" for w in words],
    ).fetchall()
    return [r[0] for r in rows]
