"""The DuckDB store: migrations, papers, embeddings cache, day assignments, summaries."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from localdigest.errors import StoreError
from localdigest.sentence import Sentence
from localdigest.store import Store, StoredCategory, migrations

TABLES = {
    "_migrations",
    "papers",
    "embeddings",
    "runs",
    "categories",
    "day_categories",
    "assignments",
    "summaries",
    "day_summaries",
    "llm_calls",
    "clusterings",
    "category_sets",
    "charts",
}


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "sub" / "store.duckdb"


@pytest.fixture
def store(db_path):
    with Store(db_path) as s:
        yield s


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_fresh_db_records_migration_one(db_path):
    with Store(db_path) as store:
        rows = store.db.execute("SELECT id, name FROM _migrations ORDER BY id").fetchall()
    assert db_path.is_file()  # parent folder created
    assert rows[0] == (1, "initial")
    assert [r[0] for r in rows] == sorted(n for n, _, _ in migrations.MIGRATIONS)


def test_reopen_applies_nothing_twice(db_path):
    Store(db_path).close()
    with Store(db_path) as store:
        assert migrations.apply(store.db) == []
        ids = [r[0] for r in store.db.execute("SELECT id FROM _migrations").fetchall()]
    assert len(ids) == len(set(ids)) == len(migrations.MIGRATIONS)


def test_schema_has_expected_tables(store):
    names = {r[0] for r in store.db.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert TABLES <= names


def test_upsert_inserts_and_reports_changes(store, tiny_papers):
    assert store.upsert_papers([]) == 0
    assert store.upsert_papers(tiny_papers) == len(tiny_papers)
    assert store.paper_count() == len(tiny_papers)
    # Same papers again: nothing changed.
    assert store.upsert_papers(tiny_papers) == 0
    assert store.paper_count() == len(tiny_papers)


def test_upsert_new_version_updates_in_place(store, tiny_papers):
    store.upsert_papers(tiny_papers)
    old = tiny_papers[0]
    newer = replace(
        old,
        title=old.title + " (Extended)",
        version=2,
        categories=[*old.categories, "cs.AI"],
        published="2025-04-09",  # a later listing must not move the paper's first day
    )
    assert store.upsert_papers([newer]) == 1
    assert store.paper_count() == len(tiny_papers)
    (got,) = store.papers([old.id])
    assert got.title == newer.title
    assert got.version == 2
    assert got.categories == newer.categories
    assert got.published == old.published
    assert count(store, f"papers WHERE id = '{old.id}'") == 1


def test_papers_round_trip(store, tiny_papers):
    store.upsert_papers(tiny_papers)
    got = store.papers([p.id for p in tiny_papers[:3]])
    for want, have in zip(tiny_papers[:3], got, strict=True):
        assert (have.id, have.title, have.abstract) == (want.id, want.title, want.abstract)
        assert have.authors == want.authors
        assert have.published == want.published
    assert store.papers([]) == []


def test_embeddings_cache_round_trip(store):
    vecs = {"h1": np.array([0.6, 0.8, 0.0], np.float32), "h2": np.array([1, 0, 0], np.float32)}
    store.put_embeddings("m", vecs)
    store.put_embeddings("m", vecs)  # again: no conflict error, no duplicates
    got = store.cached_embeddings("m", ["h1", "h2", "h3"])
    assert set(got) == {"h1", "h2"}
    np.testing.assert_allclose(got["h1"], vecs["h1"])
    assert got["h1"].dtype == np.float32
    assert store.cached_embeddings("other-model", ["h1"]) == {}
    assert store.cached_embeddings("m", []) == {}
    assert count(store, "embeddings") == 2


def _day(ids_a, ids_b):
    a = StoredCategory("vision", "Computer Vision", "🪄", "컴퓨터 비전", ["image"], np.ones(3))
    b = StoredCategory("기타", "기타", "🧩")
    return [(a, ids_a, [False] * len(ids_a)), (b, ids_b, [True] * len(ids_b))]


def test_save_day_replaces_rows(store, tiny_papers):
    store.upsert_papers(tiny_papers)
    ids = [p.id for p in tiny_papers]
    store.save_day("2025-04-03", _day(ids[:5], ids[5:7]))
    store.save_day("2025-04-03", _day(ids[:5], ids[5:7]))  # rerun
    assert count(store, "assignments") == 7
    assert count(store, "day_categories") == 2
    assert count(store, "categories") == 2
    # A rerun that groups differently replaces the day, it does not add to it.
    store.save_day("2025-04-03", _day(ids[:3], ids[3:4]))
    assert store.day_assignments("2025-04-03") == {
        **{i: "vision" for i in ids[:3]},
        ids[3]: "기타",
    }
    # Another day is independent.
    store.save_day("2025-04-04", _day(ids[10:12], []))
    assert len(store.day_assignments("2025-04-03")) == 4
    counts = store.category_counts()
    assert counts[0][:2] == ("2025-04-04", "vision")
    assert ("2025-04-03", "vision", "Computer Vision", "🪄", 3) in counts
    (cat,) = [c for c in store.known_categories() if c.id == "vision"]
    assert cat.name_ko == "컴퓨터 비전"
    np.testing.assert_allclose(cat.centroid, np.ones(3))


def test_summaries_cache_and_links(store):
    assert store.get_summary("k1") is None
    sections = [
        [Sentence("하나", ("2504.00001",), "facts")],
        [Sentence("둘", ("2504.00001", "2504.00002"))],
        [
            Sentence("셋", ("2504.00001",), "model:fake"),
            Sentence("넷", ("2504.00002",), "fallback"),
        ],
        [Sentence("넷", ("2504.00002",))],
        [Sentence("다섯", ("2504.00001",))],
    ]
    store.put_summary("k1", "fake", "v1", "ih", sections, "2025-04-03", "vision")
    other = [[Sentence("other")]] * 5
    store.put_summary("k1", "fake", "v1", "ih", other, "2025-04-03", "vision")  # kept
    assert store.get_summary("k1") == sections  # sources and authorship survive the cache
    store.link_summary("2025-04-03", "vision", "k2")  # relink: update, not a second row
    rows = store.db.execute("SELECT day, category_id, summary_key FROM day_summaries").fetchall()
    assert [(r[1], r[2]) for r in rows] == [("vision", "k2")]


def test_runs_and_llm_calls_logged(store):
    run_id = store.start_run("2025-04-03", {"inputs": ["a.jsonl"], "model": "fake"})
    store.log_llm_call(run_id, "fake", "프롬프트", {"seed": 42}, "답", 3, 1, 0.5)
    store.log_llm_call(None, "fake", "p2", {}, "o2", 1, 1, 0.0)
    store.finish_run(run_id, {"llm_calls": 2})
    rows = store.db.execute(
        "SELECT run_id, model, prompt, options, output, prompt_tokens FROM llm_calls ORDER BY id"
    ).fetchall()
    assert rows[0][:3] == (run_id, "fake", "프롬프트")
    assert json.loads(rows[0][3]) == {"seed": 42}
    assert rows[0][4:] == ("답", 3)
    assert rows[1][0] is None
    status, stats = store.db.execute(
        "SELECT status, stats FROM runs WHERE id = ?", [run_id]
    ).fetchone()
    assert status == "ok"
    assert json.loads(stats) == {"llm_calls": 2}


def test_not_a_duckdb_file_is_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("just some text, not a database\n" * 50)
    with pytest.raises(StoreError) as info:
        Store(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message


def test_history_counts_earlier_days(store, paper_factory):
    """history.History over the store: papers per window and papers mentioning a term."""
    store.upsert_papers(paper_factory("2025-04-01", start=1))  # 32 papers, 8 on segmentation
    store.upsert_papers(paper_factory("2025-04-03", start=101))
    assert store.papers_between("2025-03-27", "2025-04-03") == (32, 1)
    assert store.papers_between("2025-04-03", "2025-04-04") == (32, 1)
    # "segmentation" in 4 of the vision texts (masks, panoptic, boundary, tracking)
    n = store.term_papers_between("segmentation", "2025-03-27", "2025-04-03")
    texts = [p.title + " " + p.abstract for p in paper_factory("2025-04-01")]
    assert n == sum("segmentation" in t.lower() for t in texts) > 0
    assert store.term_papers_between("segmentation", "2025-04-04", "2025-05-01") == 0
    assert len(store.texts_on("2025-04-03")) == 32
    before = store.fingerprint("2025-04-03")
    store.upsert_papers(paper_factory("2025-03-30", start=201))
    assert store.fingerprint("2025-04-03") != before  # an earlier day changes the key
