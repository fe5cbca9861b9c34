"""Clustering (UMAP + HDBSCAN + splits) and labelling with the taxonomy, on fake vectors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pytest
from sklearn.metrics import homogeneity_score

from localdigest.cluster import (
    OTHER,
    Clustering,
    UmapHdbscan,
    merge_closest,
    reassign_noise,
    relabel,
    split_large,
    split_to,
    with_categories,
)
from localdigest.embed import HashEmbedder
from localdigest.errors import ConfigError
from localdigest.label import (
    OTHER_EMOJI,
    OTHER_NAME,
    Category,
    Labeler,
    load_taxonomy,
    slug,
    top_keywords,
)
from localdigest.paper import Paper
from localdigest.pipeline import save_categories
from localdigest.store import Store

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),  # UMAP with a fixed seed
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),  # koreanize
]


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


@pytest.fixture(scope="module")
def blobs() -> tuple[np.ndarray, np.ndarray]:
    """Four well-separated Gaussian blobs on the 32-d unit sphere, 50 points each."""
    rng = np.random.default_rng(7)
    centers = unit(rng.normal(size=(4, 32)))
    truth = np.repeat(np.arange(4), 50)
    points = unit(centers[truth] + 0.05 * rng.normal(size=(200, 32)))
    return points.astype(np.float32), truth


@pytest.fixture(scope="module")
def blob_clustering(blobs) -> Clustering:
    return UmapHdbscan().fit(blobs[0])


def test_blobs_every_point_labelled_and_recovered(blobs, blob_clustering):
    points, truth = blobs
    labels = blob_clustering.labels
    assert labels.shape == (len(points),)
    assert (labels != OTHER).all()  # well-separated blobs: nothing left over
    assert homogeneity_score(truth, labels) >= 0.9
    assert len(blob_clustering.noise) == len(points)
    assert 0.0 <= blob_clustering.outlier_share <= 1.0
    ids = np.unique(labels)
    assert list(ids) == list(range(len(ids)))  # numbered 0..k-1


def test_no_cluster_above_max_share(blobs, blob_clustering):
    clusterer = UmapHdbscan()
    _, counts = np.unique(blob_clustering.labels, return_counts=True)
    assert counts.max() <= int(clusterer.max_share * len(blobs[0]))


def test_fit_is_deterministic(blobs, blob_clustering):
    again = UmapHdbscan().fit(blobs[0])
    np.testing.assert_array_equal(again.labels, blob_clustering.labels)
    np.testing.assert_array_equal(again.noise, blob_clustering.noise)


def test_large_input_fits_a_sample_and_assigns_the_rest(blobs):
    points, truth = blobs
    result = UmapHdbscan(max_fit=120).fit(points)  # 200 points: 80 are assigned by centroid
    assert result.labels.shape == (len(points),)
    assert (result.labels != OTHER).all()  # the blobs are tight: every point is close to one
    assert homogeneity_score(truth, result.labels) >= 0.9
    again = UmapHdbscan(max_fit=120).fit(points)
    np.testing.assert_array_equal(again.labels, result.labels)


def test_fit_below_min_papers_is_none():
    vectors = unit(np.random.default_rng(0).normal(size=(29, 8)))
    assert UmapHdbscan(min_papers=30).fit(vectors) is None


def test_split_large_caps_cluster_size():
    rng = np.random.default_rng(1)
    points = np.concatenate([rng.normal(0, 1, (40, 2)), rng.normal(20, 1, (10, 2))])
    labels = np.array([0] * 40 + [1] * 10 + [OTHER] * 0)
    out = split_large(points, labels, max_size=15, seed=0)
    _, counts = np.unique(out, return_counts=True)
    assert counts.max() <= 15
    assert counts.sum() == 50
    # The untouched small cluster stays whole.
    assert len(set(out[40:])) == 1
    np.testing.assert_array_equal(out, split_large(points, labels, 15, seed=0))


def test_split_large_keeps_other_and_small_clusters():
    points = np.arange(12, dtype=float).reshape(6, 2)
    labels = np.array([0, 0, 1, 1, OTHER, OTHER])
    out = split_large(points, labels, max_size=10, seed=0)
    np.testing.assert_array_equal(out, labels)


def test_reassign_noise_joins_only_close_points():
    vectors = unit(
        np.array(
            [
                [1.0, 0.0, 0.0],
                [0.9, 0.1, 0.0],
                [0.0, 1.0, 0.0],
                [0.1, 0.9, 0.0],
                [0.95, 0.05, 0.0],  # noise near cluster 0
                [0.0, 0.0, 1.0],  # noise far from both
            ]
        )
    )
    labels = np.array([0, 0, 1, 1, OTHER, OTHER])
    out = reassign_noise(vectors, labels, min_cos=0.35)
    np.testing.assert_array_equal(out, [0, 0, 1, 1, 0, OTHER])
    np.testing.assert_array_equal(labels, [0, 0, 1, 1, OTHER, OTHER])  # input untouched
    all_noise = np.full(3, OTHER)
    np.testing.assert_array_equal(reassign_noise(vectors[:3], all_noise, 0.1), all_noise)


def test_relabel_orders_by_size_and_keeps_other():
    labels = np.array([5, 5, 2, 2, 2, OTHER, 9, 7, 7])
    # 2 is the largest (3), then 5 and 7 (2 each, tie broken by id), then 9.
    np.testing.assert_array_equal(relabel(labels), [1, 1, 0, 0, 0, OTHER, 3, 2, 2])
    np.testing.assert_array_equal(relabel(np.array([OTHER, OTHER])), [OTHER, OTHER])


def test_builtin_taxonomy_loads():
    fields = load_taxonomy()
    assert len(fields) >= 10
    names = [f.name for f in fields]
    assert len(names) == len(set(names))
    assert "Computer Vision" in names
    assert all(f.emoji and f.description for f in fields)
    assert OTHER_NAME not in names


def test_taxonomy_bad_toml(tmp_path):
    path = tmp_path / "tax.toml"
    path.write_text('[[field]]\nname = "Broken\n')
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_taxonomy(path)


def test_taxonomy_missing_field(tmp_path):
    path = tmp_path / "tax.toml"
    path.write_text(
        '[[field]]\nname = "A"\nemoji = "🅰"\ndescription = "a"\n\n[[field]]\nname = "B"\n'
    )
    with pytest.raises(ConfigError, match=r"field #2 lacks emoji, description"):
        load_taxonomy(path)


def test_taxonomy_empty_or_missing_file(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing\n")
    with pytest.raises(ConfigError, match="no \\[\\[field\\]\\]"):
        load_taxonomy(empty)
    with pytest.raises(ConfigError, match="cannot read taxonomy"):
        load_taxonomy(tmp_path / "absent.toml")


def test_custom_taxonomy(tmp_path):
    path = tmp_path / "tax.toml"
    path.write_text(
        '[[field]]\nname = "Vision"\nemoji = "👁"\ndescription = "images"\n'
        'name_ko = "비전"\nkeywords = ["pixel"]\n'
    )
    (field,) = load_taxonomy(path)
    assert (field.name, field.emoji, field.name_ko, field.keywords) == (
        "Vision",
        "👁",
        "비전",
        ["pixel"],
    )
    assert "pixel" in field.text()


def embed(papers):
    return HashEmbedder().embed([p.text_for_embedding() for p in papers])


def assert_partition(categories, papers):
    seen = [p.id for c in categories for p in c.papers]
    assert sorted(seen) == sorted(p.id for p in papers)  # every paper exactly once
    ids = [c.id for c in categories]
    assert len(ids) == len(set(ids))
    names = [c.name for c in categories]
    assert len(names) == len(set(names))
    for c in categories:
        assert c.papers
        assert len(c.outliers) == len(c.papers)
        assert c.emoji
        assert c.centroid is not None and np.isclose(np.linalg.norm(c.centroid), 1.0)
    if OTHER_NAME in names:
        assert names[-1] == OTHER_NAME
    rest = [len(c.papers) for c in categories if c.name != OTHER_NAME]
    assert rest == sorted(rest, reverse=True)


def test_by_taxonomy_partitions_papers(tiny_papers):
    labeler = Labeler(HashEmbedder(), load_taxonomy())
    cats = labeler.by_taxonomy(tiny_papers, embed(tiny_papers))
    assert_partition(cats, tiny_papers)
    taxonomy_names = {f.name for f in labeler.taxonomy}
    assert all(c.name in taxonomy_names for c in cats)
    assert not any(any(c.outliers) for c in cats)


def test_label_partitions_papers_with_other_last(tiny_papers, topic):
    vectors = embed(tiny_papers)
    order = ["vision", "speech", "robotics", "graphs"]
    labels = np.array([order.index(topic(p)) for p in tiny_papers])
    labels[[3, 11, 19]] = OTHER  # three papers stay far from every group
    noise = labels == OTHER
    labeler = Labeler(HashEmbedder(), load_taxonomy())
    cats = labeler.label(tiny_papers, vectors, Clustering(labels=labels, noise=noise))
    assert_partition(cats, tiny_papers)
    assert cats[-1].name == OTHER_NAME
    assert cats[-1].emoji == OTHER_EMOJI
    assert {p.id for p in cats[-1].papers} == {tiny_papers[i].id for i in (3, 11, 19)}
    assert all(cats[-1].outliers)
    assert not any(o for c in cats[:-1] for o in c.outliers)


def test_label_unmatched_group_named_from_keywords(tiny_papers, topic):
    vectors = embed(tiny_papers)
    labels = np.array([0 if topic(p) == "graphs" else 1 for p in tiny_papers])
    labeler = Labeler(HashEmbedder(), load_taxonomy(), min_field_cos=1.1)  # nothing matches
    cats = labeler.label(
        tiny_papers, vectors, Clustering(labels=labels, noise=np.zeros(len(labels), bool))
    )
    assert_partition(cats, tiny_papers)
    graphs = next(c for c in cats if topic(c.papers[0]) == "graphs")
    assert graphs.emoji == "📄"
    assert graphs.name.lower().startswith(graphs.keywords[0].split()[0])


def test_same_field_twice_gets_distinct_names(tiny_papers):
    vectors = embed(tiny_papers)
    labeler = Labeler(HashEmbedder(), load_taxonomy()[:1], min_field_cos=-1.0, merge_share=0.0)
    labels = np.array([i % 2 for i in range(len(tiny_papers))])
    cats = labeler.label(
        tiny_papers, vectors, Clustering(labels=labels, noise=np.zeros(len(labels), bool))
    )
    assert len(cats) == 2
    assert cats[0].name == "LLM"
    assert cats[1].name.startswith("LLM")
    assert cats[0].id != cats[1].id


def test_top_keywords_distinguish_groups(tiny_papers, topic):
    graphs = [p for p in tiny_papers if topic(p) == "graphs"]
    speech = [p for p in tiny_papers if topic(p) == "speech"]
    rest = [p for p in tiny_papers if topic(p) != "graphs"]
    words = top_keywords(graphs, rest)
    assert 0 < len(words) <= 5
    assert "graph" in words
    speech_words = top_keywords(speech, [p for p in tiny_papers if topic(p) != "speech"])
    assert {"audio", "speech"} & set(speech_words)
    assert not set(words) & set(speech_words)
    assert top_keywords(graphs, []) != []  # a one-group day still gets keywords


def test_slug():
    assert slug("Speech & Audio") == "speech-audio"
    assert slug("기타") == "기타"
    assert slug("!!!") == "category"


def test_fit_shapes_a_day_between_min_and_max_clusters():
    """20 tight blobs of 10: merged down to max_clusters; 2 blobs: split up to min_clusters."""
    rng = np.random.default_rng(3)
    centers = unit(rng.normal(size=(20, 32)))
    many = unit(centers[np.repeat(np.arange(20), 10)] + 0.03 * rng.normal(size=(200, 32)))
    labels = UmapHdbscan().fit(many.astype(np.float32)).labels
    assert len(np.unique(labels)) <= 12
    assert np.bincount(labels[labels != OTHER]).max() <= 60
    few = unit(centers[np.repeat(np.arange(2), 50)] + 0.05 * rng.normal(size=(100, 32)))
    labels = UmapHdbscan().fit(few.astype(np.float32)).labels
    assert len(np.unique(labels)) >= 6
    assert (labels != OTHER).all()


def test_merge_closest_merges_nearest_small_clusters_within_cap():
    vectors = unit(
        np.array([[1, 0, 0]] * 4 + [[0.9, 0.1, 0]] * 2 + [[0, 1, 0]] * 3 + [[0, 0, 1]] * 3, float)
    )
    labels = np.array([0] * 4 + [1] * 2 + [2] * 3 + [3] * 3)
    out = merge_closest(vectors, labels, max_clusters=3, max_size=6)
    assert len(np.unique(out)) == 3
    assert len(set(out[:6])) == 1  # the pair of 2 joined its nearest neighbour
    # The cap wins over the count: no merge may exceed max_size.
    capped = merge_closest(vectors, labels, max_clusters=1, max_size=6)
    assert np.bincount(capped).max() <= 6
    np.testing.assert_array_equal(merge_closest(vectors, labels, 4, 6), relabel(labels))


def test_split_to_splits_largest_until_min_clusters():
    rng = np.random.default_rng(2)
    points = np.concatenate([rng.normal(0, 1, (30, 2)), rng.normal(30, 1, (30, 2))])
    labels = np.zeros(60, dtype=int)
    out = split_to(points, labels, min_clusters=4, seed=0)
    assert len(np.unique(out)) == 4
    tiny = split_to(points[:7], labels[:7], min_clusters=4, seed=0)
    assert len(np.unique(tiny)) == 1  # under 8 papers: not worth splitting


def test_with_categories_weights_arxiv_fields():
    text = unit(np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]))
    cats = [["cs.CV"], ["cs.CL", "cs.CV"], []]
    np.testing.assert_array_equal(with_categories(text, cats, 0.0), text)
    np.testing.assert_array_equal(with_categories(text, [[], [], []], 0.5), text)
    joined = with_categories(text, cats, 0.5)
    assert joined.shape == (3, 2 + 2)
    np.testing.assert_allclose(np.linalg.norm(joined, axis=1), 1.0, rtol=1e-6)
    # Same text, different primary category: no longer identical; no category: text only.
    assert joined[0] @ joined[1] < 0.99
    np.testing.assert_allclose(joined[2], [1.0, 0.0, 0.0, 0.0])


def test_label_merges_same_field_groups_within_cap_and_count(tiny_papers, topic):
    """One field for four groups of 8: merged while the result stays <= 16 papers and the
    day keeps more than min_categories; the rest get distinguishing keywords."""
    vectors = embed(tiny_papers)
    order = ["vision", "speech", "robotics", "graphs"]
    labels = np.array([order.index(topic(p)) for p in tiny_papers])
    labeler = Labeler(
        HashEmbedder(), load_taxonomy()[:1], min_field_cos=-1.0, merge_share=0.5, min_categories=2
    )
    cats = labeler.label(
        tiny_papers, vectors, Clustering(labels=labels, noise=np.zeros(len(labels), bool))
    )
    assert_partition(cats, tiny_papers)
    assert [len(c.papers) for c in cats] == [16, 8, 8]
    assert cats[0].name == "LLM" and all(c.name.startswith("LLM · ") for c in cats[1:])
    assert all(c.field_name == "LLM" and c.candidates[0] == "LLM" for c in cats)
    kept = Labeler(HashEmbedder(), load_taxonomy()[:1], min_field_cos=-1.0, min_categories=4)
    assert len(kept.label(tiny_papers, vectors, Clustering(labels, labels == OTHER))) == 4


def _two_days(tiny_papers, topic):
    """Day 1: every paper; day 2: half of each topic, vectors nudged, so keywords differ."""
    order = ["vision", "speech", "robotics", "graphs"]
    vectors = embed(tiny_papers)
    truth = np.array([order.index(topic(p)) for p in tiny_papers])
    keep = np.array([i % 2 == 1 for i in range(len(tiny_papers))])
    rng = np.random.default_rng(5)
    nudged = unit(vectors[keep] + 0.02 * rng.normal(size=vectors[keep].shape)).astype(np.float32)
    day2 = [p for p, k in zip(tiny_papers, keep, strict=True) if k]
    return (tiny_papers, vectors, truth), (day2, nudged, truth[keep])


def test_second_day_reuses_first_days_ids_and_names(tiny_papers, topic, tmp_path):
    (p1, v1, t1), (p2, v2, t2) = _two_days(tiny_papers, topic)
    # min_field_cos > 1: no taxonomy field fits, so names come from each day's keywords,
    # the kind of name that would drift from day to day.
    labeler = Labeler(HashEmbedder(), load_taxonomy(), min_field_cos=1.1)
    none = np.zeros(len(t1), bool)
    day1 = labeler.label(p1, v1, Clustering(labels=t1, noise=none))
    with Store(tmp_path / "ld.duckdb") as store:
        save_categories(store, "2025-04-03", day1)
        known = store.known_categories(exclude_day="2025-04-04")
        assert {k.name for k in known} == {c.name for c in day1}
        fresh = labeler.label(p2, v2, Clustering(labels=t2, noise=none[: len(t2)]))
        day2 = labeler.reuse_known(
            labeler.label(p2, v2, Clustering(labels=t2, noise=none[: len(t2)])), known
        )
        save_categories(store, "2025-04-04", day2)
        # A rerun of day 1 does not see its own earlier categories, only day 2's.
        assert {k.name for k in store.known_categories(exclude_day="2025-04-03")} == {
            c.name for c in day2
        }
    by_topic = {topic(c.papers[0]): c for c in day1}
    assert {c.name for c in fresh} != {c.name for c in day1}  # without memory, names drift
    for c in day2:
        first = by_topic[topic(c.papers[0])]
        assert (c.id, c.name, c.emoji) == (first.id, first.name, first.emoji)
    assert_partition(day2, p2)


def test_reuse_known_needs_close_centroids_and_keeps_known_names(tiny_papers, topic):
    (p1, v1, t1), (p2, v2, t2) = _two_days(tiny_papers, topic)
    labeler = Labeler(HashEmbedder(), load_taxonomy(), min_field_cos=1.1)
    day1 = labeler.label(p1, v1, Clustering(labels=t1, noise=np.zeros(len(t1), bool)))
    day2 = labeler.label(p2, v2, Clustering(labels=t2, noise=np.zeros(len(t2), bool)))
    before = [c.name for c in day2]
    # Known centroids pointing elsewhere: nothing is alike enough, names stay.
    far = [dataclasses.replace(c, centroid=-c.centroid) for c in day1]
    assert [c.name for c in labeler.reuse_known(day2, far)] == before
    assert labeler.reuse_known(day2, []) == day2


def test_reuse_known_same_field_groups_take_the_fields_known_names():
    """Two LLM groups on day 2 take day 1's "LLM" and "LLM · agents" by centroid."""
    rng = np.random.default_rng(0)
    a, b = unit(rng.normal(size=(2, 16)))
    embedder = HashEmbedder(dim=16)
    labeler = Labeler(embedder, load_taxonomy()[:1])  # one field: LLM
    known = [
        StoredLike("llm", "LLM", "🐱", None, a),
        StoredLike("llm-agents", "LLM · agents", "🐱", None, b),
    ]
    papers = [Paper(id=f"2504.{i:05d}", title=f"t{i}", abstract="x") for i in range(4)]
    cats = [
        Category("llm", "LLM", "🐱", papers[:2], field_name="LLM", centroid=b),
        Category("llm-tools", "LLM · tools", "🐱", papers[2:], field_name="LLM", centroid=a),
    ]
    out = labeler.reuse_known(cats, known)
    assert [(c.id, c.name) for c in out] == [("llm-agents", "LLM · agents"), ("llm", "LLM")]


@dataclass
class StoredLike:
    id: str
    name: str
    emoji: str
    name_ko: str | None
    centroid: np.ndarray


def _unit_between(b: np.ndarray, other: np.ndarray, cos: float) -> np.ndarray:
    """A unit vector at exactly ``cos`` to unit ``b``, in the plane of b and ``other``."""
    perp = unit(other - (other @ b) * b)
    return cos * b + np.sqrt(1 - cos**2) * perp


def _llm_pair(centroid_b: np.ndarray, a: np.ndarray, shares: bool, alternatives=()):
    papers = [Paper(id=f"2504.{i:05d}", title=f"t{i}", abstract="x") for i in range(4)]
    return [
        Category("llm", "LLM", "🐱", papers[:2], field_name="LLM", centroid=a),
        Category(
            "llm-tools",
            "LLM · tools",
            "🐱",
            papers[2:],
            field_name="LLM",
            centroid=centroid_b,
            shares_field=shares,
            alternatives=list(alternatives),
        ),
    ]


def test_reuse_known_second_group_of_a_field_matches_its_known_names_more_loosely():
    """A group that shares its field with a larger one takes a known name of that field at
    ``second_cos`` (0.75); a group with a field of its own needs ``same_field_cos`` (0.8)."""
    rng = np.random.default_rng(1)
    a, b, other = unit(rng.normal(size=(3, 16)))
    a = unit(a - (a @ b) * b)  # a apart from b
    c = _unit_between(b, other, 0.78)
    labeler = Labeler(HashEmbedder(dim=16), load_taxonomy()[:2])
    known = [
        StoredLike("llm", "LLM", "🐱", None, a),
        StoredLike("llm-agents", "LLM · agents", "🐱", None, b),
    ]
    second = labeler.reuse_known(_llm_pair(c, a, shares=True), known)
    assert [(x.id, x.name) for x in second] == [("llm", "LLM"), ("llm-agents", "LLM · agents")]
    alone = labeler.reuse_known(_llm_pair(c, a, shares=False), known)
    assert [x.name for x in alone] == ["LLM", "LLM · tools"]


def test_reuse_known_second_group_takes_a_free_close_field_before_a_keyword():
    """Order for a group sharing its field: a known name of the field, then a runner-up
    field no other category of the day uses, then the keyword suffix."""
    rng = np.random.default_rng(2)
    a, b, other = unit(rng.normal(size=(3, 16)))
    a = unit(a - (a @ b) * b)
    labeler = Labeler(HashEmbedder(dim=16), load_taxonomy()[:2])  # LLM, NLP
    nlp = labeler.taxonomy[1]
    known_second = [StoredLike("llm-agents", "LLM · agents", "🐱", None, b)]
    far = _unit_between(b, other, 0.5)  # too far from any known name
    # 1. close to the known second name of its field: that name
    cats = labeler.reuse_known(_llm_pair(b, a, True, [nlp.name]), known_second)
    assert cats[1].name == "LLM · agents"
    # 2. no known name close: its runner-up field, with that field's emoji and id
    cats = labeler.reuse_known(_llm_pair(far, a, True, [nlp.name]), known_second)
    assert (cats[1].name, cats[1].emoji, cats[1].id) == (nlp.name, nlp.emoji, slug(nlp.name))
    assert cats[1].field_name == nlp.name
    # 3. the runner-up is taken today: the keyword-suffixed name stays
    cats = _llm_pair(far, a, True, [nlp.name])
    cats.append(Category("nlp", nlp.name, nlp.emoji, [], field_name=nlp.name, centroid=other))
    assert [x.name for x in labeler.reuse_known(cats, [])][:2] == ["LLM", "LLM · tools"]
    # 4. no runner-up at all: the same
    assert [x.name for x in labeler.reuse_known(_llm_pair(far, a, True), [])] == [
        "LLM",
        "LLM · tools",
    ]


def test_label_offers_a_runner_up_field_many_papers_vote_for():
    """Fields on the axes: a group split 5:3 between LLM and NLP is named LLM, shares that
    field with a larger pure-LLM group, and lists NLP as its alternative; reuse_known then
    names it NLP instead of a keyword suffix. A field no paper is near is never offered."""
    rng = np.random.default_rng(3)
    axes = np.eye(3, 8, dtype=np.float32)  # LLM, NLP, Computer Vision
    near = [0] * 10 + [0] * 5 + [1] * 3 + [2] * 6
    labels = np.array([0] * 10 + [1] * 8 + [2] * 6)
    vectors = unit(axes[near] + 0.05 * rng.normal(size=(len(near), 8))).astype(np.float32)
    papers = [
        Paper(id=f"2504.{i:05d}", title=f"paper {i} about {word}", abstract="a study")
        for i, word in enumerate(["agents"] * 10 + ["tools"] * 8 + ["pixels"] * 6)
    ]
    taxonomy = [load_taxonomy()[i] for i in (0, 1, 2)]
    assert [f.name for f in taxonomy] == ["LLM", "Natural Language Processing", "Computer Vision"]
    labeler = Labeler(HashEmbedder(dim=8), taxonomy, merge_share=0.0, _field_vecs=axes)
    cats = labeler.label(papers, vectors, Clustering(labels, np.zeros(len(labels), bool)))
    assert [(c.name, len(c.papers)) for c in cats] == [
        ("LLM", 10),
        ("LLM · tools", 8),
        ("Computer Vision", 6),
    ]
    assert [c.shares_field for c in cats] == [False, True, False]
    assert cats[1].alternatives == ["Natural Language Processing"]
    assert "Computer Vision" not in cats[0].alternatives + cats[1].alternatives
    named = labeler.reuse_known(cats, [])
    assert [c.name for c in named] == ["LLM", "Natural Language Processing", "Computer Vision"]
    assert_partition(named, papers)
