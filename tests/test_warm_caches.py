"""What a warm rerun skips: the category cache, the chart cache, unchanged papers and days
left unwritten, a fast GGUF header walk and the model hash remembered (fakes, no real model)."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from test_fields_guide import TAXONOMY, FakeEmbedder, blob_vectors, papers_for

from localdigest.category_cache import CategoryCache, from_rows, to_rows
from localdigest.cluster import Clustering
from localdigest.errors import ModelError
from localdigest.fields import train
from localdigest.label import Labeler
from localdigest.paper import Paper
from localdigest.pipeline import categorize
from localdigest.render import DayDigest
from localdigest.render.chart import cached_chart
from localdigest.store import Store, StoredCategory


def test_category_cache_returns_the_same_categories_and_misses_on_any_change(recorder):
    x, y = blob_vectors()
    labeler = Labeler(FakeEmbedder(), TAXONOMY, model=train(x, y, "fake:fields"))
    papers = papers_for(36)
    with Store(":memory:") as store:
        memo = CategoryCache(store)
        one, share = categorize(papers, x, labeler, 42, memo=memo)
        two, share2 = categorize(papers, x, labeler, 42, memo=memo)
        assert len(recorder) == 1 and memo.hits == 1 and share == share2
        assert [(c.id, c.name, c.emoji, c.keywords, c.field_name) for c in one] == [
            (c.id, c.name, c.emoji, c.keywords, c.field_name) for c in two
        ]
        assert [[p.id for p in c.papers] for c in one] == [[p.id for p in c.papers] for c in two]
        assert all(p is q for c in two for p, q in zip(c.papers, [*c.papers], strict=True))
        assert two[0].papers[0] in papers  # the caller's Paper objects, not copies
        # each of these decides the categories: computed afresh
        categorize(papers, x, labeler, 42, memo=memo, guide_weight=1.0)
        categorize(papers, x * 0.9 + 0.05, labeler, 42, memo=memo)
        edited = [Paper(p.id, p.title + " edited", p.abstract) for p in papers]
        categorize(edited, x, labeler, 42, memo=memo)
        known = [StoredCategory("old", "Alpha", "🅰️", None, [], x[:12].mean(axis=0))]
        categorize(papers, x, labeler, 42, known=known, memo=memo)
        other = Labeler(FakeEmbedder(), TAXONOMY, model=labeler.model, settle_margin=None)
        categorize(papers, x, other, 42, memo=memo)
        retrained = Labeler(FakeEmbedder(), TAXONOMY, model=train(x, y, "fake:fields", c=1.0))
        categorize(papers, x, retrained, 42, memo=memo)
        assert len(recorder) == 7 and memo.hits == 1


def test_category_rows_round_trip_and_a_missing_paper_is_a_miss():
    x, y = blob_vectors()
    labeler = Labeler(FakeEmbedder(), TAXONOMY, model=train(x, y, "fake:fields"))
    papers = papers_for(36)
    cats = labeler.label(papers, x, Clustering(np.repeat([0, 1, 2], 12), np.zeros(36, bool)))
    back = from_rows(to_rows(cats), papers)
    for a, b in zip(cats, back, strict=True):
        assert (a.id, a.name, a.outliers, a.candidates, a.group) == (
            b.id,
            b.name,
            b.outliers,
            b.candidates,
            b.group,
        )
        assert np.allclose(a.centroid, b.centroid)
    assert from_rows(to_rows(cats), papers[1:]) is None


class DictCharts(dict):
    def get_chart(self, key):
        return self.get(key)

    def put_chart(self, key, png):
        self[key] = png


def test_chart_cache_reuses_a_chart_of_the_same_names_and_counts(monkeypatch):
    import localdigest.render.chart as chart

    drawn = []
    monkeypatch.setattr(chart, "render_chart", lambda d: drawn.append(d) or b"png%d" % len(drawn))
    x, y = blob_vectors()
    labeler = Labeler(FakeEmbedder(), TAXONOMY, model=train(x, y, "fake:fields"))
    cats = labeler.label(
        papers_for(36), x, Clustering(np.repeat([0, 1, 2], 12), np.zeros(36, bool))
    )
    cache = DictCharts()
    first = cached_chart(DayDigest("2025-04-01", cats, {}, {}, {}), cache)
    again = cached_chart(DayDigest("2025-04-01", cats, {}, {}, {}), cache)
    assert first == (b"png1", False) and again == (b"png1", True)
    assert cached_chart(DayDigest("2025-04-02", cats, {}, {}, {}), cache) == (b"png2", False)
    cats[0].papers = cats[0].papers[:-1]
    assert cached_chart(DayDigest("2025-04-01", cats, {}, {}, {}), cache) == (b"png3", False)
    assert cached_chart(DayDigest("2025-04-01", cats, {}, {}, {}), None) == (b"png4", False)


def test_upsert_of_unchanged_papers_writes_nothing_and_a_change_still_merges():
    papers = [
        Paper(f"2504.0000{i}", f"t{i}", "a", ["x"], ["cs.CL"], "2025-04-01") for i in range(3)
    ]
    with Store(":memory:") as store:
        assert store.upsert_papers(papers) == 3
        assert store.upsert_papers(papers) == 0
        moved = [
            Paper(p.id, p.title, p.abstract, p.authors, ["cs.LG"], p.published) for p in papers
        ]
        assert store.upsert_papers(moved[:1]) == 1
        got = store.db.execute(
            "SELECT categories FROM papers WHERE id = ?", [papers[0].id]
        ).fetchone()[0]
        assert got == ["cs.CL", "cs.LG"]
        assert store.upsert_papers([Paper(papers[1].id, "new title", "a", ["x"], ["cs.CL"])]) == 1


def test_saving_the_same_day_again_is_skipped_and_a_change_is_written(monkeypatch):
    cat = StoredCategory("a", "Alpha", "🅰️", None, ["k"], np.ones(3) / 3**0.5)
    other = StoredCategory("b", "Beta", "🅱️", None, ["j"], np.ones(3) / 3**0.5)
    with Store(":memory:") as store:
        store.save_day("2025-04-01", [(cat, ["p1", "p2"], [False, True]), (other, ["p3"], [False])])
        calls = []
        real = store.transaction
        monkeypatch.setattr(store, "transaction", lambda: calls.append(1) or real())
        store.save_day("2025-04-01", [(cat, ["p2", "p1"], [True, False]), (other, ["p3"], [False])])
        assert calls == []
        store.save_day("2025-04-01", [(cat, ["p1"], [False]), (other, ["p3", "p2"], [False, True])])
        assert store.day_assignments("2025-04-01") == {"p1": "a", "p2": "b", "p3": "b"}
        renamed = StoredCategory("a", "Alpha 2", "🅰️", None, ["k"], cat.centroid)
        store.save_day(
            "2025-04-01", [(renamed, ["p1"], [False]), (other, ["p3", "p2"], [False, True])]
        )
        assert len(calls) == 2
        assert store.known_categories()[0].name == "Alpha 2"


def _gguf(tokens: list[bytes], cut_last: int = 0) -> bytes:
    def string(raw: bytes) -> bytes:
        return struct.pack("<Q", len(raw)) + raw

    head = b"GGUF" + struct.pack("<IQQ", 3, 1, 2)
    head += string(b"general.architecture") + struct.pack("<I", 8) + string(b"llama")
    head += string(b"tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, len(tokens))
    head += b"".join(string(t) for t in tokens)
    if cut_last:  # the last token claims more bytes than the file holds
        head = head[: -len(tokens[-1]) - 8] + struct.pack("<Q", 10**9) + tokens[-1]
        return head
    head += string(b"w") + struct.pack("<I", 1) + struct.pack("<Q", 4) + struct.pack("<IQ", 0, 0)
    head += b"\0" * (-len(head) % 32)
    return head + struct.pack("<4f", 0, 1, 2, 3)


def test_gguf_string_arrays_are_stepped_over_and_a_bad_length_is_refused(tmp_path):
    from localdigest.gguf import check_gguf

    path = tmp_path / "m.gguf"
    path.write_bytes(_gguf([b"<s>", "한국어".encode(), b"", b"tok" * 50]))
    info = check_gguf(path)
    assert info.metadata["tokenizer.ggml.tokens"] == 4
    assert [t.name for t in info.tensors] == ["w"]
    path.write_bytes(_gguf([b"a", b"b"], cut_last=1))
    with pytest.raises(ModelError, match="runs past the end"):
        check_gguf(path)


def test_model_hash_is_remembered_in_the_checkout_models_folder(tmp_path, monkeypatch):
    import localdigest.config as config
    import localdigest.models as models

    checkout = tmp_path / "models"
    checkout.mkdir()
    model = checkout / "m.gguf"
    model.write_bytes(b"GGUF" + b"\0" * 100)
    monkeypatch.setattr(config, "checkout_models_dir", lambda: checkout)
    monkeypatch.setattr(models, "_memo", {})
    sha = models.identity(model, tmp_path / "absent")
    assert (checkout / "registry.json").is_file()
    monkeypatch.setattr(models, "_memo", {})  # a new process
    monkeypatch.setattr(models, "file_sha256", lambda p: pytest.fail("hashed again"))
    assert models.identity(model, tmp_path / "absent") == sha
    elsewhere = tmp_path / "other" / "m.gguf"  # not the checkout's: no registry written there
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(model.read_bytes())
    monkeypatch.undo()
    monkeypatch.setattr(models, "_memo", {})
    models.identity(elsewhere, tmp_path / "absent")
    assert not (elsewhere.parent / "registry.json").exists()
