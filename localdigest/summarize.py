"""Summarize stage: one Korean report (five parts of sourced sentences) per category, cached.

Parts 1, 2, 4 and 5 are composed by code from facts (report_parts.py: sub-themes, keyword
counts against earlier days, the abstracts' own claims, the papers that stand out); no model
writes them, so they cannot invent. Part 3 is one line per paper (paperline.py): the paper's
floor line, built from its own words (floor.py), or — with writer "llm" — the model's line where
it passes the writing gate (quality.check_line: Korean, no loops, every number and Latin term
found in the papers, no injected instructions) and the faithfulness check (faithful.py: no Han
characters, no broken splices, every Korean content word a reviewed translation of a word the
paper uses). The whole report is checked once more (quality.check_sections).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .faithful import FaithCheck
from .floor import FLOOR_VERSION, floor_line
from .history import History, NoHistory
from .injection import neutralize
from .korean import Glossary, default_glossary
from .label import Category
from .llm import LLM
from .paper import Paper, text_hash
from .paperline import glossary_terms, line_prompt, wants_example
from .prompts import LINE_HEAD, PROMPT_VERSION
from .quality import (
    SourceIndex,
    check_line,
    check_sections,
    hangul_ratio,
    report_terms,
)
from .report_parts import FACTS_VERSION, Composer, composer
from .sentence import Report, Sentence

if TYPE_CHECKING:
    from .store import Store

# Model input limits for hostile records (the database keeps the whole text): a title is cut
# to this many words, and any cut text to WORD_CHARS characters per word, so one huge
# "word" (a base64 blob, text without spaces) cannot overflow the context window.
TITLE_WORDS = 60
WORD_CHARS = 10  # no abstract of the 166-paper sample day is cut by this


@dataclass
class SummaryStats:
    llm_calls: int = 0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    llm_seconds: float = 0.0
    cache_hits: int = 0
    fallback_parts: int = 0  # sentences marked by="fallback" (a failure in the figures)
    generated_parts: int = 0  # LLM lines that passed the gate and the faithfulness check
    floor_lines: int = 0  # part-3 lines built from the paper's own words
    fact_sentences: int = 0  # sentences of parts 1, 2, 4, 5 composed from facts


@dataclass
class Summarizer:
    llm: LLM
    store: Store | None = None  # summary cache and LLM call log
    run_id: int | None = None
    seed: int = 42
    history: History | None = None  # earlier days (part 2 trends); None: a first run
    paper_words: int = 30  # words of a paper's own abstract for its part-3 line (key_sentences)
    max_tokens_paper: int = 48
    sentences_paper: int = 1
    attempts: int = 2
    writer: str = "floor"  # part 3: "floor" (copy-first lines) or "llm" (checked model lines)
    glossary: Glossary = field(default_factory=default_glossary)
    stats: SummaryStats = field(default_factory=SummaryStats)
    quality: dict[str, dict] = field(default_factory=dict)  # category id -> QualityReport dict
    _index: SourceIndex | None = None
    _attempts_used: int = 0
    _composer: Composer | None = None
    _check: FaithCheck | None = None

    def cache_key(self, category: Category, day: str = "") -> tuple[str, str]:
        """(key, input hash): the key also holds the model, prompt version, options and, for
        the trends of part 2, the state of the earlier days in the database."""
        input_hash = text_hash(
            json.dumps(
                [category.name, category.keywords]
                + [[p.id, p.content_hash(), p.categories, p.comment] for p in category.papers]
            )
        )
        options = [
            self.seed,
            self.max_tokens_paper,
            self.paper_words,
            self.sentences_paper,
            self.attempts,
            self.writer,
            self.glossary.version,
            FLOOR_VERSION,
            FACTS_VERSION,
        ]
        history = (self.history or NoHistory()).fingerprint(day) if day else ""
        key = text_hash(
            json.dumps([self.llm.name, PROMPT_VERSION, input_hash, options, day, history])
        )
        return key, input_hash

    def summarize(self, day: str, category: Category) -> Report:
        key, input_hash = self.cache_key(category, day)
        if self.store is not None:
            cached = self.store.get_summary(key)
            if cached is not None:
                self.stats.cache_hits += 1
                self.store.link_summary(day, category.id, key)
                quality = self.store.get_summary_quality(key)
                if quality is not None:
                    self.quality[category.id] = quality
                return cached
        self._index = SourceIndex(
            [t for p in category.papers for t in (p.title, p.abstract)], extra_terms(category)
        )
        self._attempts_used = 0
        report = self._generate(day, category)
        checked = check_sections(
            report, category.papers, extra_terms(category), attempts=self._attempts_used
        )
        self.quality[category.id] = checked.to_dict()
        if self.store is not None:
            self.store.put_summary(
                key,
                self.llm.name,
                PROMPT_VERSION,
                input_hash,
                report,
                day,
                category.id,
                quality=self.quality[category.id],
            )
        return report

    def _generate(self, day: str, category: Category) -> Report:
        if self._composer is None or self._composer.day != day:
            self._composer = composer(day, self.history)  # reads the day's texts once
        parts = self._composer.compose(
            category.papers, category.keywords, [category.name, category.name_ko or ""]
        )
        self.stats.fact_sentences += sum(len(v) for v in parts.values())
        parts[3] = self._paper_lines(category.papers)
        return [parts[i] for i in range(1, 6)]

    def _paper_lines(self, papers: list[Paper]) -> list[Sentence]:
        """Part 3: one sentence per paper. Each paper's floor line (its own words, by rule);
        with writer "llm" the model's line instead where one passes the writing gate and the
        faithfulness check. A rejected model line is never a fallback: the floor is faithful."""
        # the floor reads the abstract as the model would: injected instructions dropped
        floors = [
            floor_line(dataclasses.replace(p, abstract=neutralize(p.abstract)), self.glossary)
            for p in papers
        ]
        texts: list[str | None] = [None] * len(papers)
        if self.writer == "llm":
            check = self._faith()
            example = wants_example(self.llm)
            prompts = [
                # neutralize: instructions hidden in an abstract must not steer the completion
                line_prompt(
                    first_words(p.title, TITLE_WORDS),
                    key_sentences(neutralize(p.abstract), self.paper_words),
                    glossary_terms(p, self.glossary),
                    example=example,
                )
                for p in papers
            ]
            texts = self._lines(
                prompts,
                self.max_tokens_paper,
                self.sentences_paper,
                lambda i, text: (
                    self._accepts(text.strip(), avoid=papers[i].title)
                    and check.check(text.strip(), papers[i], self._index).ok
                ),
            )
        out = []
        for p, floor, text in zip(papers, floors, texts, strict=True):
            if text:
                out.append(
                    Sentence(f"{p.title}: 이 논문은{text}", (p.id,), f"model:{self.llm.name}")
                )
            else:
                self.stats.floor_lines += 1
                out.append(Sentence(f"{p.title}: {floor}", (p.id,), "floor"))
        return out

    def _faith(self) -> FaithCheck:
        if self._check is None:
            self._check = FaithCheck(self.glossary)
        return self._check

    def _lines(
        self,
        prompts: list[str],
        max_tokens: int,
        sentences: int,
        accepts: Callable[[int, str], bool],
    ) -> list[str | None]:
        """One cleaned line per prompt, None where no attempt passed ``accepts(i, line)``;
        every attempt is logged and counted. A line starts with the space that joins it to
        the lead-in its prompt ends with, or with none where the model continued the lead's
        last word (앞으로 + 의 연구는 -> 앞으로의 연구는); ``accepts`` sees it that way too."""

        def line(i: int, raw: str) -> str:
            return _glue(prompts[i], raw) + clean_line(raw)

        results = self.llm.complete_many(
            prompts,
            max_tokens=max_tokens,
            stop=["\n"],
            attempts=[(self.seed + a, _temperature(a)) for a in range(self.attempts)],
            max_sentences=sentences,
            accept=lambda i, raw: accepts(i, line(i, raw)),
        )
        texts: list[str | None] = []
        for i, completions in enumerate(results):
            for attempt, completion in enumerate(completions):
                self._record(prompts[i], completion, attempt)
            self._attempts_used = max(self._attempts_used, len(completions))
            text = line(i, completions[-1].text)
            ok = accepts(i, text)
            texts.append(text if ok else None)
            if ok:
                self.stats.generated_parts += 1
        return texts

    def _accepts(self, text: str, avoid: str = "") -> bool:
        """The quality gate for one line; ``avoid``: text it must not repeat (a paper's own
        title, which its line already starts with)."""
        if not acceptable(text) or copies_example(text):
            return False
        if avoid and _squash(avoid) in _squash(text):
            return False
        return self._index is None or not check_line(text, index=self._index)

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


def acceptable(text: str) -> bool:
    return len(text) >= 8 and hangul_ratio(text) >= 0.5


def copies_example(text: str, span: int = 14) -> bool:
    """True when the model parroted a run of the worked examples instead of the papers."""
    squeezed = "".join(text.split())
    examples = "".join(LINE_HEAD.split())
    return any(squeezed[i : i + span] in examples for i in range(max(1, len(squeezed) - span + 1)))


def _temperature(attempt: int) -> float:
    return 0.2 if attempt == 0 else 0.6  # a retry needs a different line, not the same one


def _squash(text: str) -> str:
    return "".join(text.lower().split())


def _glue(lead: str, raw: str) -> str:
    """ "" when the model's text continues the lead's last Hangul word (a particle such as 의),
    else the space that separates them."""
    return "" if lead[-1:] and _hangul(lead[-1]) and raw[:1] and _hangul(raw[0]) else " "


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def extra_terms(category: Category) -> list[str]:
    return report_terms(category.name, category.keywords)


# Sentences that state what a paper contributes; key_sentences prefers them.
_CONTRIBUTION = re.compile(
    r"\b(we|our|this (?:paper|work|study)|propos|present|introduc|show|demonstrat|achiev|"
    r"outperform|releas)",
    re.IGNORECASE,
)


def key_sentences(text: str, n: int) -> str:
    """About n words of an abstract for a one-line summary: its opening sentence (the problem)
    and then the sentences with the most contribution cues ("we propose", "outperforms"), kept
    in their original order. Measured on 64 papers of the sample day: 30 words this way cost
    0.55 s a paper (batched) against 0.76 s for the first 60 words, and more lines passed the
    quality gate (49 against 43)."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    order = sorted(
        range(len(sentences)),
        key=lambda i: (i > 0, -len(_CONTRIBUTION.findall(sentences[i])), i),
    )
    keep, used = [], 0
    for i in order:
        words = len(sentences[i].split())
        if keep and used + words > n:
            continue
        keep.append(i)
        used += words
        if used >= n:
            break
    return first_words(" ".join(sentences[i] for i in sorted(keep)), n)


def first_words(text: str, n: int) -> str:
    """The first n words of text, and at most n * WORD_CHARS characters of them."""
    words = text.split(maxsplit=n)[:n]
    return " ".join(words)[: n * WORD_CHARS].rstrip()
