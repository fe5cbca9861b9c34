"""Prompts as versioned data. PROMPT_VERSION enters the summary cache key: change any text
here and bump it, and exactly the reports it affects are generated again.

The bundled model is a base model, so the prompt is a document to continue. Only the per-paper
lines (part 3) are written by it, after a short worked example (written for this project); each
is one line, so generation stops at the first newline. Parts 1, 2, 4, 5 are composed from facts
(report_parts.py) and need no prompt.
"""

from __future__ import annotations

# v8: part 3 = floor line, or a model line (LINE_HEAD) kept only when it passes the check
# v9: instruct (chat) models get LINE_RULES, the same rules without the worked example
PROMPT_VERSION = "ko-report-v9"

# (title shown in the digest, short name) per part.
PARTS = {
    1: ("주요 주제 및 테마", "주요 주제"),
    2: ("공통 키워드, 트렌드 및 패턴", "키워드·트렌드"),
    3: ("논문별 핵심 내용", "논문별 핵심 내용"),
    4: ("다양한 분야에 미치는 영향", "영향"),
    5: ("결론 및 향후 전망", "결론 및 전망"),
}
# Part 3 (writer "llm"): one paper at a time from its key sentences and the glossary's
# translations of the terms it uses, after one worked example; the example is the shared
# prefix, so llama.cpp evaluates it once per run.
LINE_HEAD = """아래는 인공지능 논문의 제목과 초록을 읽고 한국어로 한 문장 요약을 쓴 예시입니다. \
요약에는 초록에 나온 내용만 쓰고, 이름과 전문 용어는 영어 그대로 두거나 주어진 용어 번역을 씁니다.

제목: Sparse Routing for Mixture-of-Experts
초록: We propose a routing method that sends each token to fewer experts, reducing compute \
while keeping accuracy on language modeling benchmarks.
용어: routing = 라우팅, expert = 전문가, accuracy = 정확도, benchmark = 벤치마크
한 문장 요약: 이 논문은 각 토큰을 더 적은 expert에 보내는 라우팅 방법을 제안하여, 정확도를 \
유지하면서 계산량을 줄입니다.

"""
LINE_BLOCK = "제목: {title}\n초록: {abstract}\n용어: {terms}\n한 문장 요약: 이 논문은"
# v9: an instruct model (chat template) gets the rules without the worked example: small
# instruct models copied the example's content into unrelated papers (59 of 132 raw lines in
# bench/ratings/2026-12-01-round3), while a base model needs the example to know the format.
LINE_RULES = """인공지능 논문의 제목과 초록을 읽고 한국어로 한 문장 요약을 쓰세요. \
요약에는 초록에 나온 내용만 쓰고, 이름과 전문 용어는 영어 그대로 두거나 주어진 용어 번역을 씁니다.

"""

# The previous release's per-paper prompt (v6), kept as the baseline bench/faithful.py runs.

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
