"""Label stage: groups of papers -> named categories with an emoji, from an editable taxonomy.

A group takes the taxonomy field most of its papers belong to: by the field classifier trained
on the editor's label set (``fields.FieldModel``) when it knows every field of the taxonomy,
else by the field whose description each paper is nearest to. Groups that land on the same
field are merged when small; otherwise the smaller one takes, in this order, a known name of that
field (an earlier day's), a field nearly as close to its papers that no other category of the day
uses, or distinguishing keywords. Days too small for density clustering are grouped by assigning
each paper to its nearest field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np
import tomllib

from .cluster import OTHER, Clustering
from .embed import Embedder
from .errors import ConfigError
from .fields import FieldModel, paper_text
from .paper import Paper

OTHER_NAME, OTHER_EMOJI = "기타", "🧩"


@dataclass
class Field:
    name: str
    emoji: str
    description: str
    name_ko: str | None = None
    keywords: list[str] = field(default_factory=list)
    id: str = ""  # how labels and the field classifier refer to it; defaults to the name

    def __post_init__(self) -> None:
        self.id = self.id or self.name.lower()

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
    field_name: str | None = None  # the taxonomy field it is named after, if any
    candidates: list[str] = field(default_factory=list)  # fields its papers are closest to
    alternatives: list[str] = field(default_factory=list)  # next-best fields nearly as close
    shares_field: bool = False  # a larger category of the day is named after the same field
    group: int = OTHER  # the cluster it was built from


class KnownCategory(Protocol):  # what the store keeps of an earlier day's category
    id: str
    name: str
    emoji: str
    name_ko: str | None
    centroid: np.ndarray | None


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
                str(entry.get("id", "")),
            )
        )
    if not fields_:
        raise ConfigError(f"{where}: no [[field]] entries")
    ids = [f.id for f in fields_]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ConfigError(f"{where}: field id used twice: {', '.join(twice)}; give each an id")
    return fields_


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9가-힣]+", "-", name.lower()).strip("-") or "category"


@dataclass
class Labeler:
    embedder: Embedder
    taxonomy: list[Field]
    min_field_cos: float = 0.15  # below this a group is named from its keywords instead
    merge_share: float = 0.30  # merge same-field groups while the result stays under this share
    min_categories: int = 6  # ... and while the day keeps more than this many (the digest's floor)
    second_field_share: float = 0.25  # a runner-up field this many papers vote for is close...
    second_field_margin: float = 0.01  # ... and so is one this near the top in centred similarity
    center: float = 1.0  # how much of the day's mean field similarity to remove (0: none)
    # With the classifier: a paper moves to a category named after its own most likely field
    # when that field is this much likelier than its group's (None: never); see _settle.
    settle_margin: float | None = 0.0
    settle_keep: int = 3  # ... unless its group would fall below this many papers
    fill_min: int = 4  # a field with no category and this many such papers gets its own ...
    max_categories: int = 12  # ... while the day has fewer categories than this (기타 included)
    model: FieldModel | None = None  # the field classifier; used when it knows every field
    _field_vecs: np.ndarray | None = None

    @property
    def guided(self) -> bool:
        return (
            self.model is not None
            and self.model.embedder == getattr(self.embedder, "name", None)
            and self.model.covers([f.id for f in self.taxonomy])
        )

    def field_probs(
        self, vectors: np.ndarray, papers: list[Paper] | None = None
    ) -> np.ndarray | None:
        """The classifier's probability of each taxonomy field per paper, from its embedding
        and (given ``papers``) its words. None: no classifier for this taxonomy."""
        if not self.guided:
            return None
        texts = [paper_text(p) for p in papers] if papers is not None else None
        return self.model.proba(vectors, [f.id for f in self.taxonomy], texts)

    def field_vectors(self) -> np.ndarray:
        if self._field_vecs is None:
            self._field_vecs = self.embedder.embed([f.text() for f in self.taxonomy])
        return self._field_vecs

    def by_taxonomy(self, papers: list[Paper], vectors: np.ndarray) -> list[Category]:
        """Small-day fallback: each paper goes to its most likely field."""
        best, _ = self.field_votes(vectors, papers)
        fields_of = {int(t): int(t) for t in np.unique(best)}
        return self._build(papers, vectors, best, np.zeros(len(papers), bool), fields_of)

    def field_votes(
        self, vectors: np.ndarray, papers: list[Paper] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each paper's score for every field and the field it votes for. With the classifier:
        its probabilities and most likely field. Without: similarity to each field description,
        voting for the nearest once the day's mean similarity to each field is taken off
        (``center``), so a field close to every paper of the day (a "hub" such as Multimodal on
        a vision-heavy day) does not win every vote."""
        probs = self.field_probs(vectors, papers)
        if probs is not None:
            return probs.argmax(axis=1), probs
        sims = vectors @ self.field_vectors().T
        centered = sims - self.center * sims.mean(axis=0, keepdims=True)
        return centered.argmax(axis=1), sims

    def label(
        self, papers: list[Paper], vectors: np.ndarray, clustering: Clustering
    ) -> list[Category]:
        """Name each group after the field most of its papers are nearest to (a majority vote,
        ties broken by mean similarity), so one odd paper cannot rename a group."""
        best, sims = self.field_votes(vectors, papers)
        targets = clustering.labels.copy()
        # Probabilities are already relative to the other fields: no centring, and any field
        # can name a group (a keyword name, such as "Antenna", is what drifts from day to day).
        guided = self.guided
        day_mean = (0.0 if guided else self.center) * sims.mean(axis=0)
        floor = 0.0 if guided else self.min_field_cos
        field_of: dict[int, int | None] = {OTHER: None}
        alternatives: dict[int, list[str]] = {}  # group -> runner-up fields nearly as close
        close: dict[int, list[str]] = {}  # group -> its three closest fields, for reuse_known
        groups = [g for g in _by_size(targets) if g != OTHER]
        for g in groups:
            members = targets == g
            votes = np.bincount(best[members], minlength=len(self.taxonomy)) / members.sum()
            mean_sim = sims[members].mean(axis=0)
            centred = mean_sim - day_mean
            order = np.lexsort((-centred, -votes))
            close[g] = [self.taxonomy[int(f)].name for f in order[:3]]
            named = [  # fields strong enough to name the group, most votes first
                int(f)
                for i, f in enumerate(order)
                if mean_sim[f] >= floor and (i == 0 or votes[f] >= self.second_field_share)
            ]
            field_of[g] = named[0] if named else None
            alternatives[g] = [  # runners-up with many votes or nearly as close as the top
                self.taxonomy[int(f)].name
                for f in order
                if named
                and f != named[0]
                and mean_sim[f] >= floor
                and (
                    votes[f] >= self.second_field_share
                    or centred[f] >= centred[named[0]] - self.second_field_margin
                )
            ][:2]
        # Groups on the same field become one category while it stays small enough and the
        # day keeps enough categories; otherwise the smaller one is told apart in _build (by
        # a keyword) and may take another name in reuse_known.
        limit = max(1, int(self.merge_share * len(targets)))
        count = len(groups) + bool((targets == OTHER).any())
        owner: dict[int, int] = {}  # field -> the largest group named after it
        for g in groups:  # largest first
            f = field_of[g]
            if f is None:
                continue
            if f not in owner:
                owner[f] = g
                continue
            first = owner[f]
            merged = int((targets == first).sum() + (targets == g).sum())
            if count > self.min_categories and merged <= limit:
                targets[targets == g] = first
                del field_of[g]
                count -= 1
        if guided and self.settle_margin is not None:
            targets = self._fill(targets, field_of, sims)
            targets = self._settle(targets, field_of, sims, vectors)
        cats = self._build(papers, vectors, targets, clustering.noise, field_of)
        for c in cats:
            c.candidates = close.get(c.group, [])
            c.alternatives = alternatives.get(c.group, [])
        return cats

    def _moves(self, targets: np.ndarray, field_of: dict, probs: np.ndarray) -> np.ndarray:
        """Papers whose own most likely field is clearly likelier than their group's."""
        own = probs.argmax(axis=1)
        here = np.array([-1 if field_of.get(int(g)) is None else field_of[int(g)] for g in targets])
        gap = probs[np.arange(len(own)), own] - np.where(
            here >= 0, probs[np.arange(len(own)), np.maximum(here, 0)], 0.0
        )
        return (own != here) & (gap >= self.settle_margin)

    def _fill(self, targets: np.ndarray, field_of: dict, probs: np.ndarray) -> np.ndarray:
        """Small fields HDBSCAN merged into bigger neighbours: while the day has room
        (``max_categories``), a field no category is named after, with at least ``fill_min``
        papers the classifier clearly puts there, becomes a category of those papers (largest
        such field first). ``field_of`` gains the new groups."""
        targets = targets.copy()
        own = probs.argmax(axis=1)
        sizes = {
            int(g): int(n) for g, n in zip(*np.unique(targets, return_counts=True), strict=True)
        }
        count = len(sizes)
        while count < self.max_categories:
            present = {field_of.get(g) for g in sizes if sizes[g] > 0}
            movable = self._moves(targets, field_of, probs) & ~np.isin(own, list(present - {None}))
            fields, counts = np.unique(own[movable], return_counts=True)
            if not len(fields):
                break
            f = int(fields[np.lexsort((fields, -counts))[0]])
            new = int(targets.max()) + 1
            moved = []
            for i in np.flatnonzero(movable & (own == f)):
                g = int(targets[i])
                if g == OTHER or sizes[g] > self.settle_keep:
                    moved.append(i)
                    sizes[g] -= 1
            if len(moved) < self.fill_min:
                for i in moved:
                    sizes[int(targets[i])] += 1
                break
            targets[moved] = new
            sizes[new] = len(moved)
            field_of[new] = f
            count += 1
        return targets

    def _settle(
        self,
        targets: np.ndarray,
        field_of: dict[int, int | None],
        probs: np.ndarray,
        vectors: np.ndarray,
    ) -> np.ndarray:
        """A group's name is its majority's field; a paper of another field inside it (or in
        기타) moves to the day's category of its own field when the classifier is clearly surer
        of that field (``settle_margin``), into the most alike one if the field has several.
        HDBSCAN still decides which categories the day has; this only settles who reads where.
        No category grows past ``merge_share`` of the day or shrinks below ``settle_keep``."""
        targets = targets.copy()
        by_field: dict[int, list[int]] = {}
        for g, f in field_of.items():
            if g != OTHER and f is not None and (targets == g).any():
                by_field.setdefault(f, []).append(g)
        sizes = {
            int(g): int(n) for g, n in zip(*np.unique(targets, return_counts=True), strict=True)
        }
        cents = {g: _unit(vectors[targets == g].mean(axis=0)) for g in sizes if g != OTHER}
        cap = max(1, int(self.merge_share * len(targets)))
        own = probs.argmax(axis=1)
        for i in np.argsort(-probs.max(axis=1), kind="stable"):  # surest papers first
            g, f = int(targets[i]), int(own[i])
            here = field_of.get(g)
            if here == f or f not in by_field:
                continue
            if here is not None and probs[i, f] - probs[i, here] < self.settle_margin:
                continue
            if g != OTHER and sizes[g] <= self.settle_keep:
                continue
            dest = max(by_field[f], key=lambda h: float(cents[h] @ vectors[i]))
            if sizes[dest] >= cap:
                continue
            targets[i] = dest
            sizes[g] -= 1
            sizes[dest] += 1
        return targets

    def reuse_known(
        self,
        categories: list[Category],
        known: Iterable[KnownCategory],
        min_cos: float = 0.85,
        same_field_cos: float = 0.8,
        second_cos: float = 0.75,
    ) -> list[Category]:
        """Names repeat instead of drifting. Known categories (earlier days) are matched to
        today's, most alike centroids first, each used once:
        - within a field, today's groups of that field take its known names (``Computer
          Vision``, ``Computer Vision · video``) when at least ``same_field_cos`` alike
          (``second_cos`` for a group that shares its field with a larger one today);
        - a category whose name no earlier day used takes a known name of a field its papers
          are close to (or another keyword-named one) when at least ``min_cos`` alike.
        A category still sharing its field, or left with a name another one took, then takes
        its field's plain name if free, else a runner-up field no category of the day uses
        (``alternatives``), and only then a fresh keyword suffix. 기타 stays.
        """
        fields_ = {f.name: f for f in self.taxonomy}

        def base(name: str) -> str | None:
            head = name.split(" · ")[0]
            return head if head in fields_ else None

        known = [k for k in known if k.centroid is not None and k.name != OTHER_NAME]
        known_names = {k.name for k in known}
        known_ids = {k.name: k.id for k in known}
        pairs = []
        for i, c in enumerate(categories):
            if c.name == OTHER_NAME or c.centroid is None:
                continue
            close = set(c.candidates) | {c.field_name} if c.field_name else {None}
            for j, k in enumerate(known):
                if len(k.centroid) != len(c.centroid):
                    continue
                cos = float(np.dot(c.centroid, _unit(np.asarray(k.centroid, dtype=float))))
                same = c.field_name is not None and base(k.name) == c.field_name
                new = c.name not in known_names and base(k.name) in close
                need = second_cos if c.shares_field else same_field_cos
                if (same and cos >= need) or (new and cos >= min_cos):
                    pairs.append((-cos, i, j))
        matched: set[int] = set()
        used_known: set[int] = set()
        for _, i, j in sorted(pairs):  # most alike first, each side used once
            if i in matched or j in used_known:
                continue
            matched.add(i)
            used_known.add(j)
            c, k = categories[i], known[j]
            c.id, c.name, c.emoji, c.name_ko = k.id, k.name, k.emoji, k.name_ko
            c.field_name = base(k.name)
        names = {categories[i].name for i in matched}
        unsettled = []
        for i, c in enumerate(categories):
            if i in matched:
                continue
            if c.shares_field or c.name in names:
                unsettled.append(c)
            else:
                names.add(c.name)
        for c in unsettled:  # largest first
            heads = {n.split(" · ")[0] for n in names}
            own = [c.field_name] if c.field_name and c.field_name not in names else []
            free = [f for f in c.alternatives if f in fields_ and f not in heads]
            if own or free:
                f = fields_[(own or free)[0]]
                c.name, c.emoji, c.name_ko, c.field_name = f.name, f.emoji, f.name_ko, f.name
                c.id = known_ids.get(f.name, slug(f.name))
            elif c.name in names:
                head = c.field_name or c.name.split(" · ")[0]
                extra = next(
                    (
                        k
                        for k in c.keywords
                        if f"{head} · {k}" not in names and k.lower() not in head.lower()
                    ),
                    None,
                )
                c.name = f"{head} · {extra}" if extra else f"{head} {len(names) + 1}"
                c.id = slug(c.name)
            names.add(c.name)
        return categories

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
            shares = name in used and f is not None
            if name in used:  # same field twice: tell them apart by a keyword
                extra = next(
                    (
                        k
                        for k in keywords
                        if f"{name} · {k}" not in used and k.lower() not in name.lower()
                    ),
                    None,
                )
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
                    field_name=f.name if f is not None and t != OTHER else None,
                    shares_field=shares,
                    group=int(t),
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
