"""Field classifier, classifier-guided clustering and naming, and the clustering cache (fakes)."""

from __future__ import annotations

import numpy as np
import pytest

from localdigest.cluster import Clustering, with_fields
from localdigest.cluster_cache import ClusterCache, cache_key
from localdigest.errors import ConfigError
from localdigest.fields import load_field_model, train
from localdigest.label import Field, Labeler, load_taxonomy
from localdigest.paper import Paper
from localdigest.pipeline import categorize
from localdigest.store import Store


class FakeEmbedder:
    """Field descriptions all embed to one vector: only the classifier can tell fields apart."""

    name = "fake:fields"

    def embed(self, texts):
        return np.tile(np.eye(4)[0], (len(texts), 1))


TAXONOMY = [
    Field("Alpha", "🅰️", "first field", id="alpha"),
    Field("Beta", "🅱️", "second field", id="beta"),
    Field("Gamma", "🌀", "third field", id="gamma"),
]


def blob_vectors(n_per: int = 12, seed: int = 0) -> tuple[np.ndarray, list[str]]:
    """Three tight blobs on axes 1, 2, 3 of a 4-d space; axis 0 is shared noise."""
    rng = np.random.default_rng(seed)
    rows, fields = [], []
    for axis, f in ((1, "alpha"), (2, "beta"), (3, "gamma")):
        for _ in range(n_per):
            v = np.eye(4)[axis] + 0.1 * rng.normal(size=4)
            rows.append(v / np.linalg.norm(v))
            fields.append(f)
    return np.array(rows), fields


def papers_for(n: int) -> list[Paper]:
    return [
        Paper(id=f"2504.{i:05d}", title=f"paper {i} topic{i % 3}", abstract=f"words w{i % 3}")
        for i in range(n)
    ]


def test_train_predicts_its_fields_and_reorders_columns():
    x, y = blob_vectors()
    model = train(x, y, "fake:fields", c=4.0)
    assert model.ids == ["alpha", "beta", "gamma"]
    p = model.proba(x)
    assert np.allclose(p.sum(axis=1), 1)
    assert (np.array(model.ids)[p.argmax(axis=1)] == np.array(y)).mean() == 1.0
    # columns follow the ids asked for; an unknown field gets 0 and rows still sum to 1
    q = model.proba(x, ["gamma", "unknown", "alpha"])
    assert q.shape == (len(x), 3) and np.allclose(q[:, 1], 0) and np.allclose(q.sum(axis=1), 1)
    assert q[0].argmax() == 2  # the first blob is alpha, now the third column


def test_model_round_trips_and_digest_tracks_weights(tmp_path):
    x, y = blob_vectors()
    model = train(x, y, "fake:fields", meta={"days": ["d1"]})
    path = tmp_path / "fields.npz"
    model.save(path)
    back = load_field_model(path)
    assert back.ids == model.ids and back.embedder == "fake:fields"
    assert back.meta["days"] == ["d1"] and back.digest == model.digest
    back.weights[0, 0] += 1.0
    assert back.digest != model.digest


def test_model_errors_say_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="make train-fields"):
        load_field_model(tmp_path / "missing.npz")
    x, y = blob_vectors()
    model = train(x, y, "fake:fields")
    with pytest.raises(ConfigError, match="retrain"):
        model.proba(np.ones((2, 7)))


def test_builtin_model_covers_the_builtin_taxonomy():
    model = load_field_model()
    taxonomy = load_taxonomy()
    assert model.covers([f.id for f in taxonomy])
    assert model.embedder == "st:all-MiniLM-L6-v2"
    assert set(model.meta["days"]).isdisjoint({"2025-05-12", "2025-05-13", "2025-05-14"})


def test_taxonomy_ids_default_and_must_be_unique(tmp_path):
    assert [f.id for f in load_taxonomy()][:3] == ["llm", "nlp", "vision"]
    path = tmp_path / "t.toml"
    path.write_text(
        '[[field]]\nname = "A b"\nemoji = "x"\ndescription = "d"\n'
        '[[field]]\nid = "a b"\nname = "Other"\nemoji = "y"\ndescription = "e"\n'
    )
    with pytest.raises(ConfigError, match="id used twice: a b"):
        load_taxonomy(path)


def test_with_fields_joins_probabilities_at_unit_length():
    x, _ = blob_vectors()
    probs = np.tile([0.7, 0.2, 0.1], (len(x), 1))
    assert with_fields(x, probs, 0.0) is x
    joined = with_fields(x, probs, 1.0)
    assert joined.shape == (len(x), 7)
    assert np.allclose(np.linalg.norm(joined, axis=1), 1)


def test_guided_labeler_names_groups_by_the_classifier():
    x, y = blob_vectors()
    model = train(x, y, "fake:fields")
    clustering = Clustering(labels=np.repeat([0, 1, 2], 12), noise=np.zeros(36, dtype=bool))
    papers = papers_for(36)
    guided = Labeler(FakeEmbedder(), TAXONOMY, model=model)
    assert guided.guided
    names = {c.group: c.name for c in guided.label(papers, x, clustering)}
    assert names == {0: "Alpha", 1: "Beta", 2: "Gamma"}
    # Without the classifier every description embeds alike: the names no longer follow fields.
    plain = Labeler(FakeEmbedder(), TAXONOMY)
    assert not plain.guided
    plain_names = {c.group: c.name for c in plain.label(papers, x, clustering)}
    assert plain_names != names


def test_classifier_for_another_embedder_or_taxonomy_is_not_used():
    x, y = blob_vectors()
    other = train(x, y, "st:some-other-model")
    assert Labeler(FakeEmbedder(), TAXONOMY, model=other).field_probs(x) is None
    partial = train(x[:24], y[:24], "fake:fields")  # knows alpha and beta only
    assert Labeler(FakeEmbedder(), TAXONOMY, model=partial).field_probs(x) is None


class CountingClusterer:
    def __init__(self, tag: str = "a") -> None:
        self.tag, self.fits = tag, 0

    def key(self) -> str:
        return f"counting {self.tag}"

    def fit(self, vectors):
        self.fits += 1
        labels = (vectors[:, 1] < vectors[:, 2]).astype(int)
        return Clustering(labels=labels, noise=np.zeros(len(vectors), dtype=bool))


def test_cluster_cache_skips_a_rerun_and_misses_on_any_change():
    x, _ = blob_vectors()
    ids = [f"p{i}" for i in range(len(x))]
    with Store(":memory:") as store:
        cache, clusterer = ClusterCache(store), CountingClusterer()
        first = cache.fit(clusterer, x, ids)
        again = cache.fit(clusterer, x, ids)
        assert clusterer.fits == 1 and cache.hits == 1
        assert np.array_equal(first.labels, again.labels)
        assert np.array_equal(first.noise, again.noise)
        cache.fit(clusterer, x * 0.9, ids)  # changed features (an edited abstract)
        cache.fit(clusterer, x, ids[::-1])  # other papers / order
        cache.fit(CountingClusterer("b"), x, ids)  # other settings
        assert clusterer.fits == 3 and cache.hits == 1


def test_cache_key_ignores_float_noise_but_not_content():
    x, _ = blob_vectors()
    ids = [str(i) for i in range(len(x))]
    assert cache_key("s", ids, x) == cache_key("s", ids, x + 1e-9)
    assert cache_key("s", ids, x) != cache_key("s", ids, x + 1e-3)


def test_categorize_uses_the_cache_on_a_rerun(recorder):
    fits = recorder
    x, y = blob_vectors()
    labeler = Labeler(FakeEmbedder(), TAXONOMY, model=train(x, y, "fake:fields"))
    papers = papers_for(36)
    with Store(":memory:") as store:
        cache = ClusterCache(store)
        one, _ = categorize(papers, x, labeler, 42, cache=cache)
        two, _ = categorize(papers, x, labeler, 42, cache=cache)
    assert len(fits) == 1 and cache.hits == 1
    assert fits[0] == (36, 4 + 3)  # text vector joined with the three field probabilities
    assert [c.name for c in one] == [c.name for c in two] == ["Alpha", "Beta", "Gamma"]


def test_settle_moves_a_stray_paper_to_the_category_of_its_field():
    x, y = blob_vectors()
    model = train(x, y, "fake:fields")
    labels = np.repeat([0, 1, 2], 12)
    labels[0] = 1  # HDBSCAN put one alpha paper among the beta papers
    clustering = Clustering(labels=labels, noise=np.zeros(36, dtype=bool))
    papers = papers_for(36)
    labeler = Labeler(FakeEmbedder(), TAXONOMY, model=model, merge_share=0.5)
    by_name = {c.name: {p.id for p in c.papers} for c in labeler.label(papers, x, clustering)}
    assert papers[0].id in by_name["Alpha"] and len(by_name["Beta"]) == 12
    # no category grows past merge_share of the day: Alpha (11 papers) is at 30 % of 36
    capped = Labeler(FakeEmbedder(), TAXONOMY, model=model, merge_share=0.3)
    by_name = {c.name: {p.id for p in c.papers} for c in capped.label(papers, x, clustering)}
    assert papers[0].id in by_name["Beta"]
    kept = Labeler(FakeEmbedder(), TAXONOMY, model=model, settle_margin=None, merge_share=0.5)
    by_name = {c.name: {p.id for p in c.papers} for c in kept.label(papers, x, clustering)}
    assert papers[0].id in by_name["Beta"]


def test_fill_gives_a_merged_small_field_its_own_category():
    x, y = blob_vectors()
    model = train(x, y, "fake:fields")
    labels = np.repeat([0, 1, 1], 12)  # gamma merged into beta: two groups
    clustering = Clustering(labels=labels, noise=np.zeros(36, dtype=bool))
    papers = papers_for(36)
    filled = Labeler(FakeEmbedder(), TAXONOMY, model=model, merge_share=0.5).label(
        papers, x, clustering
    )
    assert sorted((c.name, len(c.papers)) for c in filled) == [
        ("Alpha", 12),
        ("Beta", 12),
        ("Gamma", 12),
    ]
    capped = Labeler(FakeEmbedder(), TAXONOMY, model=model, max_categories=2)
    assert len(capped.label(papers, x, clustering)) == 2
    strict = Labeler(FakeEmbedder(), TAXONOMY, model=model, fill_min=13)
    assert len(strict.label(papers, x, clustering)) == 2


def test_words_part_joins_the_probabilities_and_round_trips(tmp_path):
    x, y = blob_vectors()
    texts = [f"{f} words about {f} topic number {i}" for i, f in enumerate(y)]
    model = train(x, y, "fake:fields", texts=texts, mix=0.5)
    assert model.vocab and model.meta["mix"] == 0.5
    swapped = [t.replace("alpha", "gamma") for t in texts]
    with_words = model.proba(x, texts=swapped)
    assert not np.allclose(with_words, model.proba(x))  # the words count
    model.save(tmp_path / "f.npz")
    back = load_field_model(tmp_path / "f.npz")
    assert np.allclose(back.proba(x, texts=swapped), with_words)
    assert back.digest == model.digest
