"""Summarize stage: one Korean report (five parts) per category, cached by content.

Each part is a single line the model continues from a Korean lead-in; part 3 is one line per
paper, so every paper is mentioned. Output that is empty or not Korean is retried with another
seed, then replaced by a plain sentence built from the papers' own data (counted as fallback).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .label import Category
from .llm import LLM
from .paper import text_hash
from .prompts import (
    HEAD,
    PAPER_BLOCK,
    PAPER_HEAD,
    PAPER_LIST_NOTE,
    PARTS,
    PROMPT_VERSION,
    category_block,
    part_lead,
)
from .store import Store

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class SummaryStats:
    llm_calls: int = 0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    llm_seconds: float = 0.0
    cache_hits: int = 0
    fallback_parts: int = 0
    generated_parts: int = 0


@dataclass
class Summarizer:
    llm: LLM
    store: Store | None = None
    run_id: int | None = None
    seed: int = 42
    body_budget: int = 1200  # tokens of paper text per category prompt
    max_papers_in_prompt: int = 12  # parts 1, 2, 4, 5 see at most this many papers
    paper_words: int = 90  # words of a paper's own abstract for its part-3 line
    max_tokens_part: int = 90
    max_tokens_paper: int = 48
    attempts: int = 2
    stats: SummaryStats = field(default_factory=SummaryStats)

    def cache_key(self, category: Category) -> tuple[str, str]:
        input_hash = text_hash(
            json.dumps([category.name] + [[p.id, p.content_hash()] for p in category.papers])
        )
        options = [
            self.seed,
            self.body_budget,
            self.max_tokens_part,
            self.max_tokens_paper,
            self.max_papers_in_prompt,
            self.paper_words,
        ]
        key = text_hash(json.dumps([self.llm.name, PROMPT_VERSION, input_hash, options]))
        return key, input_hash

    def summarize(self, day: str, category: Category) -> list[str]:
        key, input_hash = self.cache_key(category)
        if self.store is not None:
            cached = self.store.get_summary(key)
            if cached is not None:
                self.stats.cache_hits += 1
                self.store.link_summary(day, category.id, key)
                return cached
        sections = self._generate(category)
        if self.store is not None:
            self.store.put_summary(
                key, self.llm.name, PROMPT_VERSION, input_hash, sections, day, category.id
            )
        return sections

    def _generate(self, category: Category) -> list[str]:
        base = HEAD + category_block(category.name, self._trimmed(category))
        report = ""
        sections: dict[int, str] = {}
        # Parts 1, 2, 4, 5 first, all on the category prompt, so llama.cpp keeps its KV cache;
        # then the per-paper lines, which all share PAPER_HEAD.
        for part in (1, 2, 4, 5):
            text = self._line(
                base + report + PARTS[part][1],
                self.max_tokens_part,
                fallback=_fallback(part, category),
            )
            sections[part] = _join(part_lead(part), text)
            report += f"{PARTS[part][1]} {text}\n"
            if part == 2:  # keep the example's numbering; the per-paper lines come later
                report += f"{PARTS[3][1]} {PAPER_LIST_NOTE}\n"
        lines = []
        for paper in category.papers:
            abstract = " ".join(paper.abstract.split()[: self.paper_words])
            prompt = PAPER_HEAD + PAPER_BLOCK.format(title=paper.title, abstract=abstract)
            text = self._line(
                prompt, self.max_tokens_paper, fallback=f"「{paper.title}」에 관한 연구입니다."
            )
            lines.append(f"- {paper.title}: 이 논문은 {text}")
        sections[3] = "\n".join(lines)
        return [sections[i] for i in range(1, 6)]

    def _trimmed(self, category: Category) -> list[tuple[str, str]]:
        """Titles plus abstracts cut to a per-paper share of the token budget.

        Big categories show their first papers (the labeler orders nothing by rank, so this is
        a fair sample); the remaining titles still reach the digest through part 3.
        """
        shown = category.papers[: self.max_papers_in_prompt]
        share = self.body_budget // max(1, len(shown))
        out = []
        for p in shown:
            words = max(0, int((share - self.llm.count_tokens(p.title) - 6) / 1.6))
            abstract = " ".join(p.abstract.split()[:words])
            out.append((p.title, abstract + (" …" if words < len(p.abstract.split()) else "")))
        return out

    def _line(self, prompt: str, max_tokens: int, fallback: str) -> str:
        for attempt in range(self.attempts):
            completion = self.llm.complete(
                prompt,
                max_tokens=max_tokens,
                stop=["\n"],
                seed=self.seed + attempt,
                temperature=0.2 if attempt == 0 else 0.6,
            )
            self._record(prompt, completion, attempt)
            text = clean_line(completion.text)
            if acceptable(text) and not copies_example(text):
                self.stats.generated_parts += 1
                return text
        self.stats.fallback_parts += 1
        return fallback

    def _record(self, prompt, completion, attempt) -> None:
        s = self.stats
        s.llm_calls += 1
        s.llm_prompt_tokens += completion.prompt_tokens
        s.llm_completion_tokens += completion.completion_tokens
        s.llm_seconds += completion.seconds
        if self.store is not None:
            self.store.log_llm_call(
                self.run_id,
                self.llm.name,
                prompt,
                {"seed": self.seed + attempt, "prompt_version": PROMPT_VERSION},
                completion.text,
                completion.prompt_tokens,
                completion.completion_tokens,
                completion.seconds,
            )


def clean_line(text: str) -> str:
    """One line of plain text: no Markdown structure, no dangling half sentence."""
    text = text.replace("\r", " ").split("\n")[0]
    text = re.sub(r"^[\s#>*\-•]+", "", text).strip()
    text = text.replace("**", "").replace("`", "")
    end = max(text.rfind("다."), text.rfind("요."))
    if end > 0:
        text = text[: end + 2]
    return text.strip()


def hangul_ratio(text: str) -> float:
    letters = _LETTER.findall(text)
    return len(_HANGUL.findall(text)) / len(letters) if letters else 0.0


def acceptable(text: str) -> bool:
    return len(text) >= 8 and hangul_ratio(text) >= 0.5


def copies_example(text: str, span: int = 14) -> bool:
    """True when the model parroted a run of the worked examples instead of the papers."""
    squeezed = "".join(text.split())
    examples = "".join((HEAD + PAPER_HEAD).split())
    return any(squeezed[i : i + span] in examples for i in range(max(1, len(squeezed) - span + 1)))


def _join(lead: str, text: str) -> str:
    return f"{lead} {text}".strip()


def _fallback(part: int, category: Category) -> str:
    keywords = ", ".join(category.keywords[:4]) or category.name
    # Each continues its part's lead-in (see prompts.PARTS).
    return {
        1: f"{keywords}에 관한 연구를 다룹니다.",
        2: f"이 분야에서 자주 등장한 키워드는 {keywords}입니다.",
        4: f"{category.name} 분야의 연구와 응용에 참고가 될 수 있습니다.",
        5: f"{category.name} 분야에서 관련 연구가 계속될 것으로 보입니다.",
    }[part]
