"""The whole pipeline on real models: the bundled GGUF, the bundled MiniLM, real HDBSCAN.

Runs on the 11-paper reference day (small, so it fits CI) with the network blocked by
pytest-socket: passing also shows a full run opens no internet socket.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from localdigest.config import Settings
from localdigest.pipeline import DayRequest, run_day

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "gemma-3-270m-q4_k_m.gguf"
REFERENCE = ROOT / "data" / "sample" / "reference_2024-10-27.jsonl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_run(tmp_path_factory):
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make install` (it assembles the bundled model)")
    tmp = tmp_path_factory.mktemp("e2e")
    shutil.copy(REFERENCE, tmp / "day.jsonl")
    # writer "llm": the real GGUF writes part 3 (each line kept only if it passes the checks)
    settings = Settings(
        db=str(tmp / "ld.duckdb"), out=str(tmp / "out"), model=str(MODEL), writer="llm"
    )
    request = DayRequest(inputs=[str(tmp / "day.jsonl")], date="2024-10-27", all_papers=True)
    first = run_day(settings, request)
    again = Settings(db=settings.db, out=str(tmp / "out-again"), model=str(MODEL), writer="llm")
    second = run_day(again, request)
    return first, second


def test_digest_files_follow_the_contract(real_run):
    first, _ = real_run
    md = first.markdown.read_text(encoding="utf-8")
    assert md.splitlines()[0] == (
        "# Daily Artificial Intelligence Insights : Papers"
        "![Category Distribution Graph](paper_2024-10-27.png)"
    )
    assert first.chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = json.loads(first.json.read_text(encoding="utf-8"))
    ids = [pid for c in data["categories"] for pid in c["papers"]]
    source_ids = [json.loads(line)["id"] for line in REFERENCE.read_text().splitlines()]
    assert sorted(ids) == sorted(source_ids)  # every paper exactly once
    assert len(data["categories"]) >= 3
    for cat in data["categories"]:
        assert len(cat["sections"]) == 5 and all(s.strip() for s in cat["sections"])
        assert f"## {cat['emoji']} {cat['name']}" in md.replace("\\", "")
        for pid in cat["papers"]:
            assert f"(https://arxiv.org/abs/{pid})" in md
    stats = data["stats"]
    assert stats["papers"] == 11 and stats["llm_calls"] > 0
    assert stats["llm_completion_tokens"] > 0


def test_real_model_writes_korean(real_run):
    first, _ = real_run
    by_id = {p.id: p.title for c in first.categories for p in c.papers}
    generated, by = [], []
    for report in first.sections.values():
        for sentence in report[2]:  # parts 1, 2, 4, 5 are composed from facts, not generated
            by.append(sentence.by)
            if not sentence.by.startswith("model:"):
                continue  # a floor line copies English terms on purpose
            # part 3 lines quote the paper's English title: that is data, not model text
            title = by_id[sentence.sources[0]]
            generated.append(sentence.text.removeprefix(f"{title}: "))
    # every paper has a line, from the model where it passed the checks, else its floor line
    assert all(b == "floor" or b.startswith("model:llama-cpp:") for b in by), by
    assert len(by) == 11 and first.stats["fallback_parts"] == 0
    if generated:  # what the model wrote and the checks kept is Korean
        text = " ".join(generated)
        hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
        letters = len(re.findall(r"[^\W\d_]", text))
        assert hangul / letters > 0.6
    assert first.stats["llm_calls"] > 0
    # the gate's figures reach the JSON digest for every category
    data = json.loads(first.json.read_text(encoding="utf-8"))
    for cat in data["categories"]:
        q = cat["quality"]
        assert set(q) >= {
            "hangul_ratio",
            "ungrounded_tokens",
            "distinct3",
            "papers_mentioned",
            "attempts",
            "fallback",
            "passed",
        }
        assert q["papers_mentioned"] == len(cat["papers"])


def test_rerun_reuses_everything(real_run):
    first, second = real_run
    assert second.stats["llm_calls"] == 0
    assert second.stats["cache_hits"] == first.stats["categories"]
    assert second.stats["embedding_cache_hits"] == 11
    assert second.sections == first.sections


def test_chat_path_runs_through_the_same_interface():
    """An instruct GGUF (chat template present) takes the chat branch of the same complete()."""
    from localdigest.llm import LlamaCppLLM

    llm = LlamaCppLLM(MODEL, n_ctx=1024)
    llm.count_tokens("warm up")  # loads the model; the bundled file has no template
    assert llm.chat is False
    llm.chat = True  # as if the file had one: llama-cpp-python formats the user turn
    out = llm.complete(
        "분야: LLM\n1. 주요 주제:", max_tokens=16, stop=["\n"], temperature=0.2, seed=1
    )
    assert isinstance(out.text, str) and out.prompt_tokens > 0 and out.completion_tokens > 0
