"""The whole day with fakes: JSON lines in, Markdown/PNG/JSON out, DuckDB in between."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from localdigest.embed import HashEmbedder
from localdigest.errors import InputError, ModelError
from localdigest.llm import FakeLLM, get_llm, verify_gguf
from localdigest.pipeline import DayRequest, run_day
from localdigest.store import Store

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),  # UMAP with a fixed seed
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),  # koreanize
]

DAY_A, DAY_B = "2025-04-03", "2025-04-02"


@pytest.fixture
def input_file(tmp_path, paper_factory, write_jsonl) -> Path:
    """32 papers on DAY_A (four topics), 8 on DAY_B, and one broken line in the middle."""
    day_a = paper_factory(DAY_A, start=1)
    day_b = paper_factory(DAY_B, start=101)[::4]
    return write_jsonl(tmp_path / "papers.jsonl", [*day_b, *day_a], extra_lines=['{"id": "25'])


def run(settings, input_file, **request) -> tuple:
    llm = FakeLLM()
    result = run_day(
        settings,
        DayRequest(inputs=[str(input_file)], **request),
        llm=llm,
        embedder=HashEmbedder(),
    )
    return result, llm


def read_json(result) -> dict:
    return json.loads(result.json.read_text(encoding="utf-8"))


def test_run_day_writes_three_files(settings, input_file):
    result, llm = run(settings, input_file)
    assert result.date == DAY_A  # latest day by default
    out = Path(settings.out)
    assert result.markdown == out / f"digest_{DAY_A}.md"
    assert result.chart == out / f"paper_{DAY_A}.png"
    assert result.json == out / f"digest_{DAY_A}.json"
    assert result.chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    md = result.markdown.read_text(encoding="utf-8")
    assert md.startswith(
        "# Daily Artificial Intelligence Insights : Papers"
        f"![Category Distribution Graph](paper_{DAY_A}.png)\n"
    )
    site = ["index.html", "feed.xml", "day", "category", "assets"]  # the HTML site
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [result.markdown.name, result.chart.name, result.json.name, *site]
    )

    data = read_json(result)
    assert data["date"] == DAY_A
    ids = [pid for c in data["categories"] for pid in c["papers"]]
    assert sorted(ids) == [f"2504.{n:05d}" for n in range(1, 33)]  # each exactly once
    assert all(len(c["sections"]) == 5 for c in data["categories"])
    assert md.count("## ") == len(data["categories"])
    for pid in ids:
        assert f"(https://arxiv.org/abs/{pid})" in md

    stats = data["stats"]
    assert stats["papers"] == 32
    assert stats["skipped_lines"] == 1
    assert stats["categories"] == len(data["categories"]) == len(result.categories)
    # the default writer needs no model: part 3 is each paper's floor line, parts 1, 2, 4, 5
    # come from facts
    assert stats["llm_calls"] == len(llm.prompts) == 0
    assert stats["floor_lines"] == 32
    assert stats["fact_sentences"] >= 4 * stats["categories"]
    assert stats["cache_hits"] == 0
    assert stats["embedding_cache_hits"] == 0
    assert {"embed", "cluster", "summarize", "render"} <= set(stats["seconds_by_stage"])
    assert len(result.skipped) == 1
    assert f"{input_file}:" in str(result.skipped[0])

    with Store(settings.db) as store:
        assert store.paper_count() == 40  # every input paper is stored, not just the day's
        status = store.db.execute("SELECT status FROM runs").fetchall()
    assert status == [("ok",)]


def test_date_selection(settings, input_file):
    result, _ = run(settings, input_file, date=DAY_B)
    assert result.date == DAY_B
    data = read_json(result)
    ids = sorted(pid for c in data["categories"] for pid in c["papers"])
    assert ids == [f"2504.{n:05d}" for n in range(101, 133, 4)]
    assert data["stats"]["papers"] == 8
    assert data["stats"]["outlier_share"] == 0.0  # small day: taxonomy fallback, no HDBSCAN


def test_day_without_papers_names_available_days(settings, input_file):
    with pytest.raises(InputError) as info:
        run(settings, input_file, date="2025-01-01")
    message = str(info.value)
    assert "2025-01-01" in message
    assert DAY_A in message and DAY_B in message
    assert not Path(settings.db).exists()  # nothing written for a wrong day


def test_all_papers(settings, input_file):
    result, _ = run(settings, input_file, all_papers=True)
    assert result.date == DAY_A
    data = read_json(result)
    assert sum(len(c["papers"]) for c in data["categories"]) == 40
    assert len({pid for c in data["categories"] for pid in c["papers"]}) == 40
    result, _ = run(settings, input_file, all_papers=True, date="2025-05-01")
    assert result.date == "2025-05-01"
    assert result.json.name == "digest_2025-05-01.json"


def test_rerun_hits_the_caches(settings, input_file):
    first, _ = run(settings, input_file)
    first_data = read_json(first)
    second, llm = run(settings, input_file)
    data = read_json(second)
    stats = data["stats"]
    assert stats["cache_hits"] == stats["categories"] == len(data["categories"])
    assert stats["llm_calls"] == 0
    assert llm.prompts == []
    assert stats["embedding_cache_hits"] == 32
    assert stats["category_cache_hit"] and stats["chart_cache_hit"]
    assert not first_data["stats"]["category_cache_hit"]
    assert not first_data["stats"]["chart_cache_hit"]
    assert data["categories"] == first_data["categories"]
    with Store(settings.db) as store:
        db = store.db
        assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 32
        assert db.execute("SELECT count(DISTINCT paper_id) FROM assignments").fetchone()[0] == 32
        assert db.execute("SELECT count(*) FROM papers").fetchone()[0] == 40
        assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
        n_cats = len(data["categories"])
        assert db.execute("SELECT count(*) FROM day_categories").fetchone()[0] == n_cats
        assert db.execute("SELECT count(*) FROM day_summaries").fetchone()[0] == n_cats
        assert db.execute("SELECT count(*) FROM summaries").fetchone()[0] == n_cats


def test_input_without_readable_papers(settings, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n[1, 2]\n")
    with pytest.raises(InputError, match="no readable paper"):
        run(settings, bad)


def test_missing_model_with_real_backend(settings, input_file, tmp_path):
    missing = tmp_path / "nope.gguf"
    with pytest.raises(ModelError) as info:
        get_llm("llama-cpp", missing)
    assert str(missing) in str(info.value)
    with pytest.raises(ModelError, match="model file not found"):
        verify_gguf(missing)
    # Through the pipeline: fails before the database or any output exists.
    real = settings.with_overrides(llm_backend="llama-cpp", model=str(missing))
    with pytest.raises(ModelError, match="nope.gguf"):
        run_day(real, DayRequest(inputs=[str(input_file)]), embedder=HashEmbedder())
    assert not Path(settings.db).exists()
    assert not Path(settings.out).exists()


def test_file_that_is_not_gguf(tmp_path, gguf):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04 this is a zip, not a model")
    with pytest.raises(ModelError, match="not a GGUF file"):
        verify_gguf(fake)
    with pytest.raises(ModelError, match="not a GGUF"):
        get_llm("llama-cpp", fake)
    verify_gguf(gguf(tmp_path / "other.gguf"))  # header and tensor table are read
    with pytest.raises(ModelError, match="truncated or damaged"):
        verify_gguf(gguf(tmp_path / "short.gguf", cut=1))


def test_boilerplate_shared_by_two_categories_fails_both():
    from localdigest.label import Category
    from localdigest.pipeline import mark_boilerplate
    from localdigest.sentence import Sentence

    cats = [
        Category("a", "Vision", "🪄", [], keywords=["image"]),
        Category("b", "Speech", "🎧", [], keywords=["audio"]),
        Category("c", "Graphs", "🕸️", [], keywords=["node"]),
    ]
    say = {
        "a": "Vision 분야의 image 연구가 이어집니다.",
        "b": "Speech 분야의 audio 연구가 이어집니다.",
        "c": "Graphs 분야의 GraphSAGE 연구가 이어집니다.",  # names its paper: not boilerplate
    }
    sections = {k: [[Sentence(v, ("1",))], [], [], [], []] for k, v in say.items()}
    quality = {k: {"passed": True} for k in say}
    mark_boilerplate(cats, sections, quality)
    assert quality["a"]["passed"] is False and quality["b"]["passed"] is False
    assert quality["a"]["failures"] == ["boilerplate: 1 sentence(s) also in another category"]
    assert quality["c"] == {"passed": True}
