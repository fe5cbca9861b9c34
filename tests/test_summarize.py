"""The Korean report of one category, written by the deterministic FakeLLM."""

from __future__ import annotations

import json

import numpy as np
import pytest

from localdigest import summarize
from localdigest.label import Category
from localdigest.llm import FakeLLM
from localdigest.store import Store
from localdigest.summarize import (
    Summarizer,
    acceptable,
    clean_line,
    copies_example,
    hangul_ratio,
)

DAY = "2025-04-03"
EXAMPLE_COPY = (
    "이 논문은 각 토큰을 더 적은 expert에 보내는 라우팅 방법을 제안하여 정확도를 유지합니다."
)


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
    return len(category.papers)  # one line per paper; parts 1, 2, 4, 5 are composed from facts


def test_five_parts_of_sourced_sentences(category):
    llm = FakeLLM()
    s = Summarizer(llm)
    report = s.summarize(DAY, category)
    assert len(report) == 5
    ids = {p.id for p in category.papers}
    for part in (0, 1, 3, 4):
        assert report[part], f"part {part + 1} is empty"
        for sentence in report[part]:
            assert sentence.by == "facts"
            assert sentence.sources and set(sentence.sources) <= ids
    lines = report[2]
    assert len(lines) == len(category.papers)
    # the default writer is the floor: each paper's line from its own words, no model call
    for line, paper in zip(lines, category.papers, strict=True):
        assert line.text.startswith(f"{paper.title}: ")
        assert line.sources == (paper.id,) and line.by == "floor"
    assert s.stats.llm_calls == len(llm.prompts) == 0
    assert s.stats.floor_lines == calls_for(category)
    assert s.stats.fallback_parts == 0
    assert s.stats.cache_hits == 0
    quality = s.quality[category.id]
    assert quality["passed"], quality
    assert quality["floor_lines"] == calls_for(category) and quality["model_lines"] == 0


def test_model_lines_kept_when_they_pass_the_checks(category):
    llm = FakeLLM()  # " 관련 연구를 소개합니다.": common words only, nothing to contradict
    s = Summarizer(llm, writer="llm")
    report = s.summarize(DAY, category)
    for line, paper in zip(report[2], category.papers, strict=True):
        assert line.text.startswith(f"{paper.title}: 이 논문은 ")
        assert line.sources == (paper.id,) and line.by == "model:fake"
    assert s.stats.llm_calls == len(llm.prompts) == calls_for(category)
    assert s.stats.generated_parts == calls_for(category)
    # each part-3 prompt shows its own paper (and the glossary terms it uses) and no other
    assert llm.prompts[0].rstrip().endswith("한 문장 요약: 이 논문은")
    assert category.papers[0].title in llm.prompts[0]
    assert category.papers[1].title not in llm.prompts[0]
    assert "용어:" in llm.prompts[0]
    quality = s.quality[category.id]
    assert quality["passed"], quality
    assert quality["model_lines"] == calls_for(category) and quality["models"] == ["fake"]


def test_unfaithful_model_line_gives_way_to_the_floor(category):
    # fluent Korean about something no paper says (pregnant women): the content check rejects
    llm = FakeLLM(
        replies=[" 임신부에 대한 연구를 소개합니다.", " 임신부에 대한 연구를 소개합니다."]
    )
    s = Summarizer(llm, writer="llm")
    report = s.summarize(DAY, category)
    assert report[2][0].by == "floor" and "임신부" not in report[2][0].text
    assert s.stats.fallback_parts == 0 and s.stats.floor_lines == 1


def test_cache_hit_on_second_call(category, store):
    first = Summarizer(FakeLLM(), store)
    report = first.summarize(DAY, category)
    llm = FakeLLM(default=" 다른 문장이 나오면 안 됩니다.")
    second = Summarizer(llm, store)
    assert second.summarize(DAY, category) == report  # sources and authorship included
    assert second.stats.cache_hits == 1
    assert second.stats.llm_calls == 0
    assert llm.prompts == []
    links = store.db.execute("SELECT day, category_id FROM day_summaries").fetchall()
    assert [r[1] for r in links] == [category.id]


def test_cache_key_depends_on_inputs(category, monkeypatch, store, paper_factory):
    s = Summarizer(FakeLLM())
    key, input_hash = s.cache_key(category)
    assert s.cache_key(category) == (key, input_hash)
    monkeypatch.setattr(summarize, "PROMPT_VERSION", "ko-report-test")
    new_key, new_hash = s.cache_key(category)
    assert new_key != key
    assert new_hash == input_hash  # the input did not change, only the prompt version
    monkeypatch.undo()
    assert Summarizer(FakeLLM(), seed=7).cache_key(category)[0] != key
    assert Summarizer(FakeLLM(), writer="llm").cache_key(category)[0] != key
    monkeypatch.setattr(summarize, "FLOOR_VERSION", "floor-test")
    assert Summarizer(FakeLLM()).cache_key(category)[0] != key  # the floor's rules changed
    monkeypatch.undo()
    # an earlier day added to the database changes part 2's trends, so the key
    with_history = Summarizer(FakeLLM(), history=store)
    before = with_history.cache_key(category, DAY)[0]
    store.upsert_papers(paper_factory("2025-04-01", start=500))
    assert with_history.cache_key(category, DAY)[0] != before
    category.papers = category.papers[:2]
    assert s.cache_key(category)[0] != key


def test_bad_replies_retried_then_floor(category, store):
    # Paper 1: empty, then English -> its floor line. Paper 2: English, then Korean -> kept.
    llm = FakeLLM(
        replies=["", " This paper studies images.", " no Korean here", " 새로운 연구를 소개합니다."]
    )
    s = Summarizer(llm, store, seed=42, writer="llm")
    report = s.summarize(DAY, category)
    assert s.stats.fallback_parts == 0 and s.stats.floor_lines == 1
    assert s.stats.llm_calls == calls_for(category) + 2
    assert s.stats.generated_parts == calls_for(category) - 1
    first, second = report[2][0], report[2][1]
    assert first.by == "floor" and "품질 검사" not in first.text  # no boilerplate, ever
    assert second.text == f"{category.papers[1].title}: 이 논문은 새로운 연구를 소개합니다."
    quality = s.quality[category.id]
    assert quality["fallback"] is False and quality["fallback_units"] == 0
    assert quality["attempts"] == 2
    assert quality["passed"] is True, quality
    seeds = [
        json.loads(r[0])["seed"]
        for r in store.db.execute("SELECT options FROM llm_calls ORDER BY id LIMIT 4").fetchall()
    ]
    assert seeds == [42, 43, 42, 43]  # a retry uses another seed


def test_floor_line_names_the_title(category):
    llm = FakeLLM(replies=["", "English"])
    s = Summarizer(llm, writer="llm")
    report = s.summarize(DAY, category)
    first = report[2][0]
    title = category.papers[0].title
    assert first.text.startswith(f"{title}: ") and first.by == "floor"
    # the floor line names the paper once (its line's head), so the gate still counts it
    assert s.quality[category.id]["papers_mentioned"] == len(category.papers)
    assert s.stats.fallback_parts == 0


def test_reply_copying_the_example_is_rejected(category):
    assert copies_example(EXAMPLE_COPY)
    assert acceptable(clean_line(EXAMPLE_COPY))  # Korean enough, so only the copy check stops it
    llm = FakeLLM(replies=[EXAMPLE_COPY, EXAMPLE_COPY])
    s = Summarizer(llm, writer="llm")
    report = s.summarize(DAY, category)
    assert "라우팅" not in report[2][0].text
    assert report[2][0].by == "floor"


def test_copies_example_checks_every_window():
    # The copied run sits at the very end of the reply.
    assert copies_example("새 정확도를 유지하면서 계산량을 줄")
    assert copies_example("새로운 결과입니다. 정확도를 유지하면서 계산량을 줄")
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
    llm = FakeLLM(replies=["", ""])  # the first paper takes its floor line after two calls
    s = Summarizer(llm, store, run_id, writer="llm")
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
    llm = FakeLLM(replies=[f" {paper.title}를 제안합니다.", " 새로운 방법을 제안합니다."])
    report = Summarizer(llm, writer="llm").summarize(DAY, category)
    assert report[2][0].text == f"{paper.title}: 이 논문은 새로운 방법을 제안합니다."


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


def test_instruct_models_get_the_rules_without_the_worked_example():
    from localdigest.paperline import line_prompt, wants_example
    from localdigest.prompts import LINE_HEAD

    class Base:
        chat = False

    class Instruct:
        def is_chat(self):
            return True

    assert wants_example(Base()) and not wants_example(Instruct())
    example = LINE_HEAD.split("\n\n")[1]  # the worked example's block
    assert example in line_prompt("T", "A", "x = y")
    assert example.split("\n")[1] not in line_prompt("T", "A", "x = y", example=False)
