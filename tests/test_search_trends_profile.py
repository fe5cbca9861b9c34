"""Search, trends and the "for you" profile over a database filled by two fake runs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import TOPICS
from site_helpers import DAY_A, DAY_B, build_two_days

from localdigest.archive import open_readonly
from localdigest.cli import app
from localdigest.embed import HashEmbedder
from localdigest.errors import InputError
from localdigest.profile import Profile, ProfilePaper, load_profile
from localdigest.search import SearchIndex, ilike_baseline
from localdigest.trends import keyword_history, trends

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_two_days(tmp_path_factory.mktemp("search"))


@pytest.fixture(scope="module")
def index(built):
    settings, _ = built
    with open_readonly(settings.db) as db:
        return SearchIndex(db, HashEmbedder().name)


def _search(index, query, **kw):
    return index.search(query, HashEmbedder().embed([query])[0], **kw)


def test_search_finds_a_paper_by_a_phrase_of_its_abstract(index):
    hits = _search(index, "forced phoneme alignment low-resource languages")
    top = hits[0]
    assert top.title == "Phoneme Alignment for Low-Resource Speech"
    assert top.score > hits[1].score
    assert top.date == DAY_A and top.category
    assert top.line and not top.line.startswith(top.title)  # the Korean line, title not repeated
    assert top.semantic > 0 and top.lexical > 0


def test_search_filters(index):
    hits = _search(index, "robot arm manipulation", since=DAY_A, k=50)
    assert hits and all(h.date >= DAY_A for h in hits)
    hits = _search(index, "robot arm manipulation", category="cs.RO", k=50)
    assert hits and all(h.title in {t for t, _ in TOPICS["robotics"]} for h in hits)
    assert _search(index, "robot arm manipulation", since="2030-01-01") == []
    with pytest.raises(Exception, match="--since"):
        _search(index, "robot", since="April")


def test_search_cli_json_read_only(built, runner, fakes):
    settings, _ = built
    before = Path(settings.db).read_bytes()
    result = runner.invoke(
        app, ["search", "quadruped stairs rubble", "--db", settings.db, "--json", "-n", "3"]
    )
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["title"] == "Legged Locomotion over Rough Terrain"
    assert {"date", "category", "title", "line", "url"} <= set(hits[0])
    assert Path(settings.db).read_bytes() == before
    with open_readonly(settings.db) as db, pytest.raises(duckdb.Error):
        db.execute("DELETE FROM papers")


def test_search_missing_db_is_one_line(runner, fakes, tmp_path):
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: no database at ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_ilike_baseline_needs_every_word(built):
    settings, _ = built
    with open_readonly(settings.db) as db:
        assert len(ilike_baseline(db, "phoneme alignment")) == 1
        assert len(ilike_baseline(db, "speaker verification")) == 2  # on both days
        assert ilike_baseline(db, "phoneme alignment robots") == []


def test_keyword_history_counts_papers_per_earlier_day(built):
    settings, _ = built
    with open_readonly(settings.db) as db:
        h = keyword_history(db, DAY_A, 3, keywords=["segmentation", "quadrotor", "zzz"])
        # DAY_B holds every other tiny paper: 2 of its vision papers mention segmentation
        expected = sum("segmentation" in f"{t} {a}".lower() for t, a in [*TOPICS["vision"]][::2])
        assert h["segmentation"] == {DAY_B: expected}
        assert h["zzz"] == {}
        with_day = keyword_history(db, DAY_A, 3, keywords=["segmentation"], include_day=True)
        in_a = sum("segmentation" in f"{t} {a}".lower() for t, a in TOPICS["vision"])
        assert with_day["segmentation"][DAY_A] == in_a
        auto = keyword_history(db, DAY_A, 3)
        assert auto and all(isinstance(v, dict) for v in auto.values())


def test_trends_table_and_png(built, runner, tmp_path):
    settings, results = built
    with open_readonly(settings.db) as db:
        t = trends(db, days=5)
    assert t.days == [DAY_B, DAY_A]
    total_a = sum(v.get(DAY_A, 0) for v in t.categories.values())
    assert total_a == 32 or len(t.categories) == 8  # top 8 may leave some out
    png = tmp_path / "trends.png"
    result = runner.invoke(app, ["trends", "--db", settings.db, "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(b"\x89PNG")
    assert "[분야]" in result.stdout and DAY_A[5:] in result.stdout


def _bib(entries: list[tuple[str, str]]) -> str:
    return "\n".join(
        f"@article{{k{i},\n  title = {{{t}}},\n  abstract = {{{a}}},\n  year = {{2024}}\n}}"
        for i, (t, a) in enumerate(entries)
    )


def test_profile_ranks_its_own_papers_first_with_the_reason(tmp_path):
    """Mechanics with the hash embedder: a day holding two of the profile's papers shows
    them first, each with itself as the reason."""
    bib = tmp_path / "refs.bib"
    mine = TOPICS["graphs"][:4]
    bib.write_text(_bib(mine), encoding="utf-8")
    profile = Profile.build(load_profile(bib), HashEmbedder())
    day = [mine[1], *TOPICS["vision"], mine[3], *TOPICS["speech"]]
    vectors = HashEmbedder().embed([f"{t}. {a}" for t, a in day])
    ranked = profile.rank([t for t, _ in day], vectors, k=5)
    assert [day[i][0] for i, _, _ in ranked[:2]] == [mine[1][0], mine[3][0]]
    assert [profile.papers[j].title for _, _, j in ranked[:2]] == [mine[1][0], mine[3][0]]
    assert ranked[0][1] == pytest.approx(1.0, abs=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize("topic", list(TOPICS))
def test_profile_ranks_held_out_papers_of_its_topic_in_the_top_5(tmp_path, topic):
    """The one real-embedder test here (bundled MiniLM): a profile of six papers of one
    topic; the day is that topic's two other papers among the 24 of the other topics."""
    from localdigest.embed import SentenceTransformerEmbedder

    embedder = _real_embedder(SentenceTransformerEmbedder)
    entries = TOPICS[topic]
    bib = tmp_path / "refs.bib"
    bib.write_text(_bib(entries[:6]), encoding="utf-8")
    profile = Profile.build(load_profile(bib), embedder)
    held_out = entries[6:]
    day = held_out + [e for other in TOPICS if other != topic for e in TOPICS[other]]
    vectors = embedder.embed([f"{t}. {a}" for t, a in day])
    top = [day[i][0] for i, _, _ in profile.rank([t for t, _ in day], vectors, k=5)]
    assert {t for t, _ in held_out} <= set(top), top


_EMBEDDER = []


def _real_embedder(cls):
    if not _EMBEDDER:
        _EMBEDDER.append(cls())
    return _EMBEDDER[0]


def test_profile_readers(tmp_path):
    csv = tmp_path / "zotero.csv"
    csv.write_text(
        '"Key","Title","Abstract Note"\n"A","Graph Pooling","We pool."\n', encoding="utf-8"
    )
    assert load_profile(csv) == [ProfilePaper("Graph Pooling", "We pool.")]
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Title (Robust Speech Recognition) >>")
    (pdfs / "legged_robot-control.pdf").write_bytes(b"%PDF-1.4\n")
    assert [p.title for p in load_profile(pdfs)] == [
        "Robust Speech Recognition",
        "legged robot control",
    ]
    bad = tmp_path / "bad.bib"
    bad.write_text("@article{ok, title={Fine}}\n@article{broken, title={Never closed\n")
    with pytest.raises(InputError, match="bad.bib"):
        load_profile(bad)
    with pytest.raises(InputError, match="unknown profile type"):
        (tmp_path / "x.txt").write_text("x")
        load_profile(tmp_path / "x.txt")


def test_run_with_profile_adds_for_you(tmp_path):
    robotics = TOPICS["robotics"]
    bib = tmp_path / "me.bib"
    bib.write_text(_bib(robotics[:3]), encoding="utf-8")
    settings, results = build_two_days(tmp_path, profile=str(bib))
    page = (Path(settings.out) / "day" / f"{DAY_A}.html").read_text(encoding="utf-8")
    assert "관심 논문" in page
    picks = page.split('class="card for-you"')[1].split("</section>")[0]
    robot_titles = {t for t, _ in robotics}
    shown = [t for t in robot_titles if t in picks]
    assert len(shown) >= 3
    assert "가장 가까운 내 논문: 「" in picks
