"""Part 3 of a report: one Korean line per paper, precision first.

Every paper gets its floor line (floor.py: the paper's own words, glossary terms, particles
by rule). With ``writer = "llm"`` the model also writes a line from the paper's key sentences
and the glossary terms the paper uses (prompts.LINE_HEAD); the summarizer keeps that line only
when it passes the writing gate and the faithfulness check (faithful.py), otherwise the floor
stays. Nothing is ever replaced by boilerplate.
"""

from __future__ import annotations

from .korean import Glossary
from .paper import Paper
from .prompts import LINE_BLOCK, LINE_HEAD, LINE_RULES


def glossary_terms(paper: Paper, glossary: Glossary, limit: int = 8) -> str:
    """The glossary's translations of terms this paper uses, longest first, so the model
    reaches for reviewed Korean (which the faithfulness check accepts) instead of guessing."""
    text = " " + " ".join((paper.title + " " + paper.abstract).lower().split()) + " "
    found: list[tuple[str, str]] = []
    for en, (ko, _pos) in sorted(glossary.entries.items(), key=lambda e: -len(e[0])):
        if len(en) > 3 and f" {en}" in text and not any(en in f for f, _ in found):
            found.append((en, ko))
            if len(found) >= limit:
                break
    return ", ".join(f"{en} = {ko}" for en, ko in found) or "없음"


def wants_example(llm) -> bool:
    """A base model needs the worked example to see the format; an instruct model copies it."""
    is_chat = getattr(llm, "is_chat", None)
    return not (is_chat() if callable(is_chat) else getattr(llm, "chat", False))


def line_prompt(title: str, key_text: str, terms: str, *, example: bool = True) -> str:
    """The per-paper prompt; ``example=False`` (instruct models) leaves out the worked example."""
    head = LINE_HEAD if example else LINE_RULES
    return head + LINE_BLOCK.format(title=title, abstract=key_text, terms=terms)
