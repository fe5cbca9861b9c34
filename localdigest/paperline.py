"""Part 3 of a report: one Korean line per paper, precision first.

Every paper gets its floor line (floor.py: the paper's own words, glossary terms, particles
by rule). With ``writer = "llm"`` the model also writes a line from the paper's key sentences
and the glossary terms the paper uses; that line replaces the floor only when it passes the
faithfulness check (faithful.py) — otherwise the floor stays. Nothing is ever replaced by
boilerplate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .faithful import FaithCheck
from .floor import floor_line
from .korean import Glossary
from .llm import LLM, Completion
from .paper import Paper
from .sentence import Sentence

WRITERS = ("floor", "llm")

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


@dataclass
class LineStats:
    floor: int = 0
    model: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # check name -> lines it rejected


@dataclass
class LineWriter:
    glossary: Glossary
    writer: str = "floor"
    llm: LLM | None = None
    check: FaithCheck | None = None
    # how the model is asked: (papers, prompts) -> completions; the summarizer passes its own
    # so every call is logged and counted in one place
    generate: Callable[[list[str], Callable[[int, str], bool]], list[str | None]] | None = None
    stats: LineStats = field(default_factory=LineStats)

    def lines(self, papers: list[Paper], key_text: Callable[[Paper], str]) -> list[Sentence]:
        floors = [floor_line(p, self.glossary) for p in papers]
        if self.writer != "llm" or self.generate is None:
            self.stats.floor += len(papers)
            return [Sentence(f, (p.id,), "floor") for p, f in zip(papers, floors, strict=True)]
        check = self.check or FaithCheck(self.glossary)
        prompts = [
            LINE_HEAD
            + LINE_BLOCK.format(title=p.title, abstract=key_text(p), terms=self.terms(p))
            for p in papers
        ]

        def accept(i: int, text: str) -> bool:
            verdict = check.check(text.strip(), papers[i])
            for failure in verdict.failures:
                name = failure.split()[0]
                self.stats.rejected[name] = self.stats.rejected.get(name, 0) + 1
            return verdict.ok

        texts = self.generate(prompts, accept)
        out = []
        name = getattr(self.llm, "name", "llm")
        for p, floor, text in zip(papers, floors, texts, strict=True):
            if text:
                self.stats.model += 1
                out.append(Sentence("이 논문은 " + text.strip(), (p.id,), f"model:{name}"))
            else:
                self.stats.floor += 1
                out.append(Sentence(floor, (p.id,), "floor"))
        return out

    def terms(self, paper: Paper, limit: int = 8) -> str:
        """The glossary's translations of terms this paper uses (longest first)."""
        text = " " + " ".join((paper.title + " " + paper.abstract).lower().split()) + " "
        found = []
        for en, (ko, _pos) in sorted(self.glossary.entries.items(), key=lambda e: -len(e[0])):
            if len(en) > 3 and f" {en}" in text and not any(en in f for f, _ in found):
                found.append((en, ko))
            if len(found) >= limit:
                break
        return ", ".join(f"{en} = {ko}" for en, ko in found) or "없음"


def completion_texts(results: list[list[Completion]], accept) -> list[str | None]:
    """The accepted text of each prompt's last attempt, or None."""
    out = []
    for i, completions in enumerate(results):
        text = completions[-1].text if completions else ""
        out.append(text if text and accept(i, text) else None)
    return out
