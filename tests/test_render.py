"""Markdown, JSON and PNG output of one day."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

import pytest

from localdigest.label import Category
from localdigest.prompts import PARTS
from localdigest.render import DayDigest, atomic_write, chart_name
from localdigest.render.chart import render_chart
from localdigest.render.jsondigest import digest_dict, render_json
from localdigest.render.markdown import escape, render_markdown
from localdigest.sentence import Sentence, report_from_json

pytestmark = pytest.mark.filterwarnings(
    "ignore:distutils Version classes:DeprecationWarning"  # koreanize_matplotlib's import
)

DAY = "2025-04-03"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NASTY_TITLE = "Attack <script>alert(1)</script> on *bold* [x](y) models"


def sections_for(cat: Category) -> list[list[Sentence]]:
    first, second = cat.papers[0].id, cat.papers[1].id
    return [
        [
            Sentence("여러 주제를 다룹니다.", (first, second)),
            Sentence("둘째 문장입니다.", (second,)),
        ],
        [Sentence("공통 키워드는 그래프입니다.", (second,))],
        [
            Sentence(f"{p.title}: 이 논문은 새로운 방법을 제안합니다.", (p.id,), "model:fake")
            for p in cat.papers
        ],
        [Sentence("응용에 도움이 됩니다.", (first,))],
        [Sentence("연구가 계속될 것입니다.", (first,), "fallback")],
    ]


@pytest.fixture
def digest(tiny_papers) -> DayDigest:
    nasty = replace(tiny_papers[0], id="2504.09999", title=NASTY_TITLE)
    cats = [
        Category("computer-vision", "Computer Vision", "🪄", [*tiny_papers[:8], nasty]),
        Category("speech-audio", "Speech & Audio", "🎧", tiny_papers[8:16]),
        Category("graph-learning", "Graph learning", "🕸️", tiny_papers[24:32]),
        Category("기타", "기타", "🧩", tiny_papers[16:24]),
    ]
    return DayDigest(DAY, cats, {c.id: sections_for(c) for c in cats}, {"papers": 33})


def test_markdown_shape(digest):
    md = render_markdown(digest)
    lines = md.splitlines()
    assert lines[0] == (
        "# Daily Artificial Intelligence Insights : Papers"
        f"![Category Distribution Graph](paper_{DAY}.png)"
    )
    assert chart_name(DAY) == f"paper_{DAY}.png"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [f"## {c.emoji} {escape(c.name)}" for c in digest.categories]
    assert "## 🧩 기타" in headings
    assert md.count("**요약:**") == len(digest.categories)
    assert md.count("**출처:**") == len(digest.categories)
    for number, (heading, _) in PARTS.items():
        assert md.count(f"\n{number}. {heading}:\n") == len(digest.categories)
    for cat in digest.categories:
        for n, paper in enumerate(cat.papers, start=1):
            if paper.title != NASTY_TITLE:
                assert f" - [{n}] {paper.title} (https://arxiv.org/abs/{paper.id})" in lines
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_section_order(digest):
    md = render_markdown(digest)
    vision = md.split("## 🎧")[0]
    positions = [vision.index(f"{n}. {PARTS[n][0]}:") for n in range(1, 6)]
    assert positions == sorted(positions)
    assert vision.index("**요약:**") < positions[0]
    assert vision.index("**출처:**") > positions[-1]
    part3 = vision.split(f"3. {PARTS[3][0]}:\n")[1].split("\n\n")[0].splitlines()
    assert len(part3) == len(digest.categories[0].papers)
    assert all(line.startswith("   - ") for line in part3)


def test_markdown_escapes_titles(digest):
    md = render_markdown(digest)
    assert "<script>" not in md
    assert "&lt;script&gt;" in md
    assert "[x](y)" not in md
    assert "\\[x\\](y)" in md
    assert "\\*bold\\*" in md
    assert f" - [9] {escape(NASTY_TITLE)} (https://arxiv.org/abs/2504.09999)" in md.splitlines()


def test_markdown_sentences_carry_their_source_numbers(digest):
    vision = render_markdown(digest).split("## 🎧")[0]
    lines = vision.splitlines()
    # part 1: one bullet per sentence, each followed by the 출처 numbers of its papers
    assert "   - 여러 주제를 다룹니다. [1, 2]" in lines
    assert "   - 둘째 문장입니다. [2]" in lines
    title = digest.categories[0].papers[3].title
    assert f"   - {title}: 이 논문은 새로운 방법을 제안합니다. [4]" in lines


def test_escape():
    assert escape("a  b\nc") == "a b c"
    assert escape("x_y") == "x\\_y"
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("a & b") == "a & b"  # a bare ampersand renders as itself
    assert escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;"  # an entity stays text
    assert escape("plain title") == "plain title"


def test_json_contract(digest):
    data = json.loads(render_json(digest))
    assert data == digest_dict(digest)
    assert set(data) >= {"date", "categories", "stats"}
    assert data["date"] == DAY
    assert data["stats"] == {"papers": 33}
    assert [c["name"] for c in data["categories"]] == [c.name for c in digest.categories]
    for entry, cat in zip(data["categories"], digest.categories, strict=True):
        assert set(entry) >= {"name", "emoji", "papers", "sections"}
        assert entry["emoji"] == cat.emoji
        assert entry["papers"] == [p.id for p in cat.papers]
        assert len(entry["sections"]) == 5
        assert all(isinstance(s, str) for s in entry["sections"])
        # the same sentences with their sources and who wrote them
        assert report_from_json(entry["report"]) == digest.sections[cat.id]
        assert entry["report"][4][0] == {
            "text": "연구가 계속될 것입니다.",
            "sources": [cat.papers[0].id],
            "by": "fallback",
        }
    assert "기타" in render_json(digest)  # Hangul kept readable, not \uXXXX


def test_chart_is_png_with_hangul(digest):
    korean = replace(digest, categories=[replace(c, name="컴퓨터 비전") for c in digest.categories])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render_chart(korean)
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) > 1000
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []  # every Hangul glyph found in the font


def test_atomic_write_leaves_no_temp_file(tmp_path):
    target = tmp_path / "out" / "digest.md"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["digest.md"]


def test_atomic_write_failure_keeps_old_file(tmp_path):
    target = tmp_path / "digest.json"
    atomic_write(target, b"old")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.json"]
