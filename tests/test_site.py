"""The static site and Atom feed, from a database filled by two fake runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markupsafe
import pytest
from site_helpers import DAY_A, DAY_B, build_two_days

from localdigest.archive import load_days, open_readonly
from localdigest.render.html import page_name, write_site
from localdigest.sentences import read_report

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_two_days(tmp_path_factory.mktemp("site"))


def test_read_report_takes_both_shapes():
    papers = [("1", "Alpha: A Title"), ("2", "Beta")]
    old = [
        "주제.",
        "키워드.",
        "- Alpha: A Title: 이 논문은 가.\n- Beta: 이 논문은 나.",
        "영향.",
        "결론.",
    ]
    new = [
        [{"text": "주제.", "sources": ["1", "2"], "by": "m"}],
        [{"text": "키워드.", "sources": ["2"], "by": "m"}],
        [
            {"text": "이 논문은 가.", "sources": ["1"], "by": "m"},
            {"text": "이 논문은 나.", "sources": ["2"], "by": "fallback"},
        ],
        [],
        [{"text": "결론.", "sources": [], "by": "m"}],
    ]
    for shape in (old, new):
        report = read_report(shape, papers)
        assert report.line_for("1") == "이 논문은 가."
        assert report.line_for("2") == "이 논문은 나."
        assert len(report.parts) == 5
    assert read_report(new, papers).parts[0][0].sources == ["1", "2"]
    assert read_report(None, papers).line_for("1") == ""


def test_run_writes_site_for_every_day(built):
    settings, results = built
    out = Path(settings.out)
    assert results[-1].site == out / "index.html"
    index = (out / "index.html").read_text(encoding="utf-8")
    # newest day first, with its counts
    assert index.index(f"day/{DAY_A}.html") < index.index(f"day/{DAY_B}.html")
    assert re.search(rf"{DAY_A}</a></td>\s*<td class=\"n\">32편", index)
    assert re.search(rf"{DAY_B}</a></td>\s*<td class=\"n\">16편", index)
    for result in results:
        page = (out / "day" / f"{result.date}.html").read_text(encoding="utf-8")
        for cat in result.categories:
            assert f"{cat.emoji} {cat.name}" in page.replace("&amp;", "&")
            assert (out / "category" / page_name(cat.id)).is_file()
            assert f'href="../category/{page_name(cat.id)}"' in page
            for p in cat.papers:
                assert f'href="https://arxiv.org/abs/{p.id}"' in page
                line = read_report(result.sections[cat.id], [(q.id, q.title) for q in cat.papers])
                said = line.line_for(p.id)
                assert said and str(markupsafe.escape(said)) in page  # as jinja escapes it


def test_pages_escape_and_fetch_nothing(built):
    settings, _ = built
    out = Path(settings.out)
    page = (out / "day" / f"{DAY_A}.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<b>Bold</b>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt;" in page
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        # only <a href> may point off the machine; styles, fonts and images are local
        assert not re.search(r"""(src|url)\(?=?["']?https?:""", text), html
        assert not re.search(r'<link[^>]+href="https?:', text), html
    css = (out / "assets" / "site.css").read_text(encoding="utf-8")
    # the font is embedded (file:// pages may not load font files), cut to the site's text
    assert 'src: url("data:font/woff;base64,' in css
    assert 20_000 < len(css) < 1_500_000


def test_feed_parses_with_an_entry_per_day(built):
    import feedparser

    settings, results = built
    feed = feedparser.parse(str(Path(settings.out) / "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "AI 논문 다이제스트"
    assert [e.id for e in feed.entries] == [f"urn:localdigest:day:{d}" for d in (DAY_A, DAY_B)]
    first = feed.entries[0]
    assert first.title.startswith(f"{DAY_A} AI 논문 32편")
    assert first.link.endswith(f"day/{DAY_A}.html")
    assert first.updated.startswith(DAY_A)
    html = first.content[0].value
    terms = {t.term for t in first.tags}
    for cat in results[-1].categories:
        assert cat.id in terms
        for p in cat.papers[:2]:
            assert f"https://arxiv.org/abs/{p.id}" in html
    assert "<script>" not in html  # the hostile title stays text inside the entry


def test_new_sentence_shape_renders_sources(built, tmp_path):
    """Reports stored as sentence lists show [n] marks linking to the papers they cite."""
    settings, results = built
    import duckdb

    copy = tmp_path / "copy.duckdb"
    Path(copy).write_bytes(Path(settings.db).read_bytes())
    db = duckdb.connect(str(copy))
    cat = results[-1].categories[0]
    ids = [p.id for p in cat.papers]
    sections = [
        [{"text": "첫 문장입니다.", "sources": ids[:2], "by": "fake"}],
        [{"text": "키워드 문장.", "sources": [ids[-1]], "by": "fake"}],
        [
            {"text": f"이 논문은 {i}번을 다룹니다.", "sources": [pid], "by": "fake"}
            for i, pid in enumerate(ids)
        ],
        [{"text": "영향 문장.", "sources": [], "by": "fake"}],
        [{"text": "전망 문장.", "sources": [], "by": "fake"}],
    ]
    db.execute(
        "UPDATE summaries SET sections = ? WHERE key = (SELECT summary_key FROM day_summaries "
        "WHERE day = ?::DATE AND category_id = ?)",
        [json.dumps(sections, ensure_ascii=False), DAY_A, cat.id],
    )
    write_site(db, tmp_path / "site")
    db.close()
    page = (tmp_path / "site" / "day" / f"{DAY_A}.html").read_text(encoding="utf-8")
    assert f'<a href="#p-{ids[0]}" title="{ids[0]}">[1]</a>' in page
    assert f'<a href="#p-{ids[1]}" title="{ids[1]}">[2]</a>' in page
    assert f'<a href="#p-{ids[-1]}" title="{ids[-1]}">[{len(ids)}]</a>' in page
    assert f'id="p-{ids[3]}"' in page and "이 논문은 3번을 다룹니다." in page


def test_site_command_rebuilds_read_only(built, runner, tmp_path):
    from localdigest.cli import app

    settings, _ = built
    before = Path(settings.db).stat().st_mtime_ns
    result = runner.invoke(app, ["site", "--db", settings.db, "--out", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "s" / "index.html").is_file()
    assert Path(settings.db).stat().st_mtime_ns == before
    with open_readonly(settings.db) as db:
        assert [v.date for v in load_days(db)] == [DAY_A, DAY_B]
