"""Label stage: groups of papers -> named categories with an emoji, from an editable taxonomy.

A group takes the taxonomy field whose description embedding is closest to the group's centroid.
Groups that land on the same field are merged when small, otherwise told apart by keywords.
Days too small for density clustering are grouped by assigning each paper to its nearest field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import tomllib

from .cluster import OTHER, Clustering
from .embed import Embedder
from .errors import ConfigError
from .paper import Paper

OTHER_NAME, OTHER_EMOJI = "기타", "🧩"


@dataclass
class Field:
    name: str
    emoji: str
    description: str
    name_ko: str | None = None
    keywords: list[str] = field(default_factory=list)

    def text(self) -> str:
        return f"{self.name}: {self.description} {', '.join(self.keywords)}"


@dataclass
class Category:
    id: str
    name: str
    emoji: str
    papers: list[Paper]
    name_ko: str | None = None
    keywords: list[str] = field(default_factory=list)
    outliers: list[bool] = field(default_factory=list)  # per paper: HDBSCAN noise before reassign
    centroid: np.ndarray | None = None


def load_taxonomy(path: str | Path | None = None) -> list[Field]:
    if path:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read taxonomy {path}: {exc.strerror}") from exc
    else:
        raw = resources.files("localdigest").joinpath("taxonomy.toml").read_bytes()
    where = str(path or "built-in taxonomy")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: invalid TOML: {exc}") from exc
    fields_ = []
    for i, entry in enumerate(data.get("field", []), start=1):
        missing = [k for k in ("name", "emoji", "description") if not entry.get(k)]
        if missing:
            raise ConfigError(f"{where}: field #{i} lacks {', '.join(missing)}")
        fields_.append(
            Field(
                entry["name"],
                entry["emoji"],
                entry["description"],
                entry.get("name_ko"),
                list(entry.get("keywords", [])),
            )
        )
    if not fields_:
        raise ConfigError(f"{where}: no [[field]] entries")
    return fields_


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9가-힣]+", "-", name.lower()).strip("-") or "category"


@dataclass
class Labeler:
    embedder: Embedder
    taxonomy: list[Field]
    min_field_cos: float = 0.15  # below this a group is named from its keywords instead
    merge_share: float = 0.30  # merge same-field groups while the result stays under this share
    _field_vecs: np.ndarray | None = None

    def field_vectors(self) -> np.ndarray:
        if self._field_vecs is None:
            self._field_vecs = self.embedder.embed([f.text() for f in self.taxonomy])
        return self._field_vecs

    def by_taxonomy(self, papers: list[Paper], vectors: np.ndarray) -> list[Category]:
        """Small-day fallback: each paper goes to its nearest field."""
        best = (vectors @ self.field_vectors().T).argmax(axis=1)
        fields_of = {int(t): int(t) for t in np.unique(best)}
        return self._build(papers, vectors, best, np.zeros(len(papers), bool), fields_of)

    def label(
        self, papers: list[Paper], vectors: np.ndarray, clustering: Clustering
    ) -> list[Category]:
        fvecs = self.field_vectors()
        targets = clustering.labels.copy()
        field_of: dict[int, int | None] = {OTHER: None}
        for g in np.unique(targets):
            if g == OTHER:
                continue
            sims = fvecs @ _unit(vectors[targets == g].mean(axis=0))
            field_of[int(g)] = int(sims.argmax()) if sims.max() >= self.min_field_cos else None
        # Groups on the same field become one category while it stays small enough;
        # otherwise they stay apart and get a distinguishing keyword in _build.
        limit = max(1, int(self.merge_share * len(targets)))
        for f in {v for v in field_of.values() if v is not None}:
            same = sorted(
                (g for g, v in field_of.items() if v == f), key=lambda g: -(targets == g).sum()
            )
            if sum((targets == g).sum() for g in same) <= limit:
                for g in same[1:]:
                    targets[targets == g] = same[0]
        return self._build(papers, vectors, targets, clustering.noise, field_of)

    def _build(
        self,
        papers: list[Paper],
        vectors: np.ndarray,
        targets: np.ndarray,
        noise: np.ndarray,
        field_of: dict[int, int | None],
    ) -> list[Category]:
        cats: list[Category] = []
        used: set[str] = set()
        for t in _by_size(targets):
            idx = np.flatnonzero(targets == t)
            members = [papers[i] for i in idx]
            member_ids = {p.id for p in members}
            keywords = top_keywords(members, [p for p in papers if p.id not in member_ids])
            f = self.taxonomy[field_of[t]] if field_of.get(t) is not None else None
            if t == OTHER:
                name, emoji, name_ko = OTHER_NAME, OTHER_EMOJI, None
            elif f is not None:
                name, emoji, name_ko = f.name, f.emoji, f.name_ko
            else:
                name = keywords[0].title() if keywords else "Miscellaneous"
                emoji, name_ko = "📄", None
            if name in used:  # same field twice: tell them apart by a keyword
                extra = next((k for k in keywords if f"{name} · {k}" not in used), None)
                name = f"{name} · {extra}" if extra else f"{name} {len(used) + 1}"
            used.add(name)
            cats.append(
                Category(
                    id=slug(name),
                    name=name,
                    emoji=emoji,
                    name_ko=name_ko,
                    papers=members,
                    keywords=keywords,
                    outliers=[bool(noise[i]) for i in idx],
                    centroid=_unit(vectors[idx].mean(axis=0)),
                )
            )
        # 기타 always last, the rest by size.
        return sorted(cats, key=lambda c: (c.name == OTHER_NAME, -len(c.papers), c.name))


def _by_size(targets: np.ndarray) -> list[int]:
    ids, counts = np.unique(targets, return_counts=True)
    return [int(i) for i in ids[np.lexsort((ids, -counts))]]


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


# Words every abstract uses: they say nothing about a group.
_GENERIC = {
    "model",
    "models",
    "method",
    "methods",
    "approach",
    "approaches",
    "paper",
    "propose",
    "proposed",
    "results",
    "result",
    "performance",
    "task",
    "tasks",
    "based",
    "using",
    "data",
    "framework",
    "learning",
    "new",
    "novel",
    "show",
    "existing",
    "work",
    "study",
    "state",
    "art",
    "state art",
    "large",
    "language",
    "language models",
    "large language",
    "llms",
    "significantly",
    "achieves",
    "demonstrate",
    "experiments",
    "improve",
    "improves",
}


def top_keywords(members: list[Paper], others: list[Paper], k: int = 5) -> list[str]:
    """c-TF-IDF style: terms frequent in this group and rare in the rest of the day."""
    from sklearn.feature_extraction.text import CountVectorizer

    docs = [
        " ".join(p.title + " " + p.abstract for p in members),
        " ".join(p.title + " " + p.abstract for p in others) or "placeholder",
    ]
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    try:
        vec = CountVectorizer(
            stop_words=sorted(ENGLISH_STOP_WORDS | _GENERIC),
            ngram_range=(1, 2),
            min_df=1,
            token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b",
        )
        counts = vec.fit_transform(docs).toarray().astype(float)
    except ValueError:  # only stop words
        return []
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    idf = np.log(1 + counts.sum() / np.maximum(counts.sum(axis=0), 1))
    scores = tf[0] * idf
    terms = vec.get_feature_names_out()
    return [terms[i] for i in scores.argsort()[::-1][:k] if scores[i] > 0]
