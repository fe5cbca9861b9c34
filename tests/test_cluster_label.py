"""Clustering (UMAP + HDBSCAN + splits) and labelling with the taxonomy, on fake vectors."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import homogeneity_score

from localdigest.cluster import OTHER, Clustering, UmapHdbscan, reassign_noise, relabel, split_large
from localdigest.embed import HashEmbedder
from localdigest.errors import ConfigError
from localdigest.label import OTHER_EMOJI, OTHER_NAME, Labeler, load_taxonomy, slug, top_keywords

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
