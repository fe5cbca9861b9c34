"""The Korean report of one category, written by the deterministic FakeLLM."""

from __future__ import annotations

import json

import numpy as np
import pytest

from localdigest import summarize
from localdigest.label import Category
from localdigest.llm import FakeLLM
from localdigest.prompts import PARTS, part_lead
from localdigest.store import Store
from localdigest.summarize import (
    PAPER_FALLBACK,
    Summarizer,
    acceptable,
    clean_line,
    copies_example,
    hangul_ratio,
)

DAY = "2025-04-03"
EXAMPLE_COPY = "이 논문은 각 토큰을 더 적은 전문가에게 보내 계산량을 줄이면서 정확도를 유지합니다."


@pytest.fixture
def category(tiny_papers) -> Category:
    papers = tiny_papers[:3]
    return Category(
        id="computer-vision",
        name="Computer Vision",
        emoji="🪄",
        papers=papers,
        name_ko="컴퓨터 비전",
        keywords=["segmentation", "image", "pixel"],
        outliers=[False] * len(papers),
        centroid=np.ones(4) / 2,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def calls_for(category: Category) -> int:
    return 4 + len(category.papers)  # parts 1, 2, 4, 5 and one line per paper


DISTINCT_PARTS = [  # parts 1, 2, 4, 5: a part may not restate an earlier one
    " 새로운 방법을 소개합니다.",
    " 공통 주제를 소개합니다.",
    " 응용 가능성을 소개합니다.",
    " 향후 과제를 소개합니다.",
]


def test_five_sections_and_one_line_per_paper(category):
    llm = FakeLLM(replies=DISTINCT_PARTS)
    s = Summarizer(llm)
    sections = s.summarize(DAY, category)
    assert len(sections) == 5
    for part in (1, 2, 4, 5):
        assert sections[part - 1].startswith(part_lead(part))
        assert "소개합니다" in sections[part - 1]
    lines = sections[2].splitlines()
    assert len(lines) == len(category.papers)
    for line, paper in zip(lines, category.papers, strict=True):
        assert line.startswith(f"- {paper.title}: 이 논문은 ")
    assert s.stats.llm_calls == len(llm.prompts) == calls_for(category)
    assert s.stats.generated_parts == calls_for(category)
    assert s.stats.fallback_parts == 0
    assert s.stats.cache_hits == 0
    # The category prompts show the papers; each part-3 prompt shows its own paper.
    assert all(p.title in llm.prompts[0] for p in category.papers)
    assert llm.prompts[0].endswith(PARTS[1][1])
    # Parts 1, 2, 4, 5 come first (one KV-cache prefix), then one prompt per paper.
    assert llm.prompts[3].endswith(PARTS[5][1])
    assert llm.prompts[4].rstrip().endswith("한 문장 요약: 이 논문은")
    assert category.papers[0].title in llm.prompts[4]
    assert category.papers[1].title not in llm.prompts[4]


def test_cache_hit_on_second_call(category, store):
    first = Summarizer(FakeLLM(), store)
    sections = first.summarize(DAY, category)
    llm = FakeLLM(default=" 다른 문장이 나오면 안 됩니다.")
    second = Summarizer(llm, store)
    assert second.summarize(DAY, category) == sections
    assert second.stats.cache_hits == 1
    assert second.stats.llm_calls == 0
    assert llm.prompts == []
    links = store.db.execute("SELECT day, category_id FROM day_summaries").fetchall()
    assert [r[1] for r in links] == [category.id]


def test_cache_key_depends_on_inputs(category, monkeypatch):
    s = Summarizer(FakeLLM())
    key, input_hash = s.cache_key(category)
    assert s.cache_key(category) == (key, input_hash)
    monkeypatch.setattr(summarize, "PROMPT_VERSION", "ko-report-test")
    new_key, new_hash = s.cache_key(category)
    assert new_key != key
    assert new_hash == input_hash  # the input did not change, only the prompt version
    monkeypatch.undo()
    assert Summarizer(FakeLLM(), seed=7).cache_key(category)[0] != key
    category.papers = category.papers[:2]
    assert s.cache_key(category)[0] != key


def test_bad_replies_retried_then_fallback(category, store):
    # Part 1: empty, then English -> fallback. Part 2: English, then Korean -> accepted.
    llm = FakeLLM(
        replies=["", " This paper studies images.", " no Korean here", " 좋은 연구입니다."]
        + DISTINCT_PARTS[2:]
    )
    s = Summarizer(llm, store, seed=42)
    sections = s.summarize(DAY, category)
    assert s.stats.fallback_parts == 1
    assert s.stats.llm_calls == calls_for(category) + 2
    assert s.stats.generated_parts == calls_for(category) - 1
    # The fallback is plain Korean built from the category (its Korean field name).
    assert (
        sections[0]
        == f"{part_lead(1)} {category.name_ko} 분야의 새로운 방법과 실험 결과를 다룹니다."
    )
    assert s.quality[category.id]["fallback"] is True
    assert s.quality[category.id]["attempts"] == 2
    assert sections[1] == f"{part_lead(2)} 좋은 연구입니다.".strip()
    seeds = [
        json.loads(r[0])["seed"]
        for r in store.db.execute("SELECT options FROM llm_calls ORDER BY id LIMIT 4").fetchall()
    ]
    assert seeds == [42, 43, 42, 43]  # a retry uses another seed


def test_paper_line_fallback_names_the_title(category):
    # Calls 1-4 are parts 1, 2, 4, 5; calls 5-6 are both attempts for the first paper.
    parts = [" 첫째 부분입니다.", " 둘째 부분입니다.", " 넷째 부분입니다.", " 다섯째 부분입니다."]
    llm = FakeLLM(replies=[*parts, "", "English"])
    s = Summarizer(llm)
    sections = s.summarize(DAY, category)
    first = sections[2].splitlines()[0]
    title = category.papers[0].title
    assert first == f"- {title}: 이 논문은 {PAPER_FALLBACK}"
    # the fallback names the paper once (its line's head), so the gate still counts it
    assert s.quality[category.id]["papers_mentioned"] == len(category.papers)
    assert s.stats.fallback_parts == 1


def test_reply_copying_the_example_is_rejected(category):
    assert copies_example(EXAMPLE_COPY)
    assert acceptable(clean_line(EXAMPLE_COPY))  # Korean enough, so only the copy check stops it
    llm = FakeLLM(replies=[EXAMPLE_COPY, EXAMPLE_COPY, *DISTINCT_PARTS[1:]])
    s = Summarizer(llm)
    sections = s.summarize(DAY, category)
    assert "전문가" not in sections[0]
    assert s.stats.fallback_parts == 1


def test_copies_example_checks_every_window():
    # The copied run sits at the very end of the reply.
    assert copies_example("새 계산량을 줄이면서 정확도를 유지")
    assert copies_example("새로운 결과입니다. 계산량을 줄이면서 정확도를 유지")
    assert not copies_example("이 논문은 그래프 신경망의 과평활 문제를 분석합니다.")
    assert not copies_example(" 관련 연구를 소개합니다.")


def test_clean_line():
    assert clean_line("**굵은** 글씨입니다.\n다음 줄") == "굵은 글씨입니다."
    assert clean_line("- 목록 항목입니다. 그리고 잘린") == "목록 항목입니다."
    assert clean_line("## 제목입니다.") == "제목입니다."
    assert clean_line("> `코드`를 씁니다.") == "코드를 씁니다."
    assert clean_line("첫 줄\r둘째 줄") == "첫 줄 둘째 줄"
    assert clean_line("") == ""
    assert "\n" not in clean_line("a\nb\nc")


def test_hangul_ratio_and_acceptable():
    assert hangul_ratio("한국어 문장") == 1.0
    assert hangul_ratio("English only") == 0.0
    assert hangul_ratio("한국 ab") == 0.5
    assert hangul_ratio("") == 0.0
    assert hangul_ratio("123 !!!") == 0.0
    assert acceptable("그래프 모델을 제안합니다.")
    assert not acceptable("짧다")
    assert not acceptable("mostly English with 한글")


def test_every_call_logged(category, store):
    run_id = store.start_run(DAY, {})
    llm = FakeLLM(replies=["", ""])  # part 1 falls back after two calls
    s = Summarizer(llm, store, run_id)
    s.summarize(DAY, category)
    rows = store.db.execute(
        "SELECT run_id, model, prompt, output, options FROM llm_calls ORDER BY id"
    ).fetchall()
    assert len(rows) == s.stats.llm_calls == len(llm.prompts)
    assert [r[2] for r in rows] == llm.prompts
    assert all(r[0] == run_id and r[1] == "fake" for r in rows)
    assert rows[0][3] == ""
    assert json.loads(rows[0][4])["prompt_version"] == summarize.PROMPT_VERSION
    assert s.stats.llm_prompt_tokens == sum(len(p.split()) for p in llm.prompts)


def test_paper_line_repeating_its_title_is_retried(category):
    paper = category.papers[0]
    parts = [" 첫째 부분입니다.", " 둘째 부분입니다.", " 넷째 부분입니다.", " 다섯째 부분입니다."]
    llm = FakeLLM(replies=[*parts, f" {paper.title}를 제안합니다.", " 새로운 방법을 제안합니다."])
    s = Summarizer(llm)
    sections = s.summarize(DAY, category)
    assert sections[2].splitlines()[0] == f"- {paper.title}: 이 논문은 새로운 방법을 제안합니다."


def test_key_sentences_keep_the_opening_and_the_contribution():
    from localdigest.summarize import key_sentences

    abstract = (
        "Retrieval is hard for long documents. "
        "Many systems exist and all of them are slow on large corpora of text. "
        "Prior work uses dense indexes. "
        "We propose a sparse index that outperforms dense ones at a tenth of the cost."
    )
    out = key_sentences(abstract, 22)
    assert out.startswith("Retrieval is hard for long documents.")
    assert "We propose a sparse index" in out
    assert "Many systems exist" not in out  # no cue, and it does not fit beside the others
    assert len(out.split()) <= 22
    assert key_sentences("one two three four", 2) == "one two"


def test_a_part_restating_an_earlier_one_is_retried(category):
    impact = " 의료 분야의 새로운 연구에 도움이 될 수 있습니다."
    conclusion = " 관련 연구가 계속 이어질 것으로 보입니다."
    llm = FakeLLM(replies=[" 첫째 부분입니다.", " 둘째 부분입니다.", impact, impact, conclusion])
    sections = Summarizer(llm).summarize(DAY, category)
    assert sections[4] == f"{part_lead(5)}{conclusion}"  # the restated impact was rejected


def test_a_part_that_continues_the_lead_word_is_joined_without_a_space(category):
    # "앞으로" + "의 연구는 ..." is one word, "앞으로의"; a reply with a leading space stays apart.
    replies = [*DISTINCT_PARTS[:3], "의 연구는 더 넓은 데이터로 이어질 것입니다."]
    sections = Summarizer(FakeLLM(replies=replies)).summarize(DAY, category)
    assert sections[4] == "앞으로의 연구는 더 넓은 데이터로 이어질 것입니다."
    assert sections[3] == f"{part_lead(4)}{DISTINCT_PARTS[2]}"
