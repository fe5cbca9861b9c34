"""Prompts as versioned data. PROMPT_VERSION enters the summary cache key: change any text
here and bump it, and exactly the reports it affects are generated again.

The bundled model is a base model, so the prompt is a document to continue: a short header,
the category's papers, then the report so far, ending in the lead-in of the part to write.
Per-paper lines follow a short worked example (written for this project). Each part is one
line, so generation stops at the first newline.
"""

from __future__ import annotations

PROMPT_VERSION = "ko-report-v6"  # v6: lead + text joined as written (v5: key sentences)

# Fixed head shared by every category prompt: llama.cpp reuses its KV cache across calls.
# No worked example here: the small default model copied a full example report word for word.
HEAD = """아래는 오늘 발표된 인공지능 논문을 분야별로 정리한 한국어 보고서입니다. \
보고서는 주요 주제, 공통 키워드 및 트렌드, 논문별 핵심 내용, 영향, 결론 및 전망의 다섯 부분으로 \
이루어지며, 모든 문장은 한국어로 씁니다. 논문에 없는 숫자나 이름은 쓰지 않습니다.

"""

# (title shown in the digest, lead-in the model continues) for parts 1, 2, 4, 5.
PARTS = {
    1: ("주요 주제 및 테마", "1. 주요 주제: 이 분야의 논문들은"),
    2: ("공통 키워드, 트렌드 및 패턴", "2. 공통 키워드 및 트렌드:"),
    3: ("논문별 핵심 내용", "3. 논문별 핵심 내용:"),
    4: ("다양한 분야에 미치는 영향", "4. 영향: 이러한 연구는"),
    5: ("결론 및 향후 전망", "5. 결론 및 전망: 앞으로"),
}
# Part 3 is written one paper at a time from that paper's own abstract, after a worked example;
# the example is the shared prefix, so llama.cpp evaluates it once per run.
PAPER_LIST_NOTE = "각 논문의 내용은 아래 목록에 정리합니다."

PAPER_HEAD = """아래는 인공지능 논문의 제목과 초록을 읽고 한국어로 한 문장 요약을 쓴 예시입니다. \
요약에는 초록에 나온 내용만 씁니다.

제목: Sparse Routing for Mixture-of-Experts
초록: We propose a routing method that sends each token to fewer experts, reducing compute \
while keeping accuracy on language modeling benchmarks.
한 문장 요약: 이 논문은 각 토큰을 더 적은 전문가에게 보내 계산량을 줄이면서 정확도를 유지하는 \
라우팅 방법을 제안합니다.

제목: A Benchmark for Tabular Question Answering
초록: We release a benchmark of questions over spreadsheets and evaluate several models on it, \
finding that all of them struggle with multi-step lookups.
한 문장 요약: 이 논문은 스프레드시트에 대한 질문으로 이루어진 벤치마크를 공개하고, 여러 모델이 \
여러 단계의 조회에서 어려움을 겪는다는 점을 보여 줍니다.

"""
PAPER_BLOCK = "제목: {title}\n초록: {abstract}\n한 문장 요약: 이 논문은"


def category_block(name: str, papers: list[tuple[str, str]]) -> str:
    """The category's papers as (title, trimmed abstract) pairs, numbered like the example."""
    lines = [f"분야: {name}", "논문:"]
    for n, (title, abstract) in enumerate(papers, start=1):
        lines.append(f"[{n}] {title}")
        lines.append(f"요약: {abstract}")
    return "\n".join(lines) + "\n\n보고서:\n"


def part_lead(part: int) -> str:
    """The text after the lead-in is what the model writes; the lead-in stays in the text."""
    return PARTS[part][1].split(":", 1)[1].strip()
