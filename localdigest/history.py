"""What earlier days in the database say about a term: the small protocol part 2 needs.

The summarize stage asks only these questions (STYLE: a stage takes what it needs, not the
store); ``Store`` answers them with read queries over ``papers.published``, and ``NoHistory``
stands for a first run. A paper "mentions" a term when the term occurs in its title or abstract
as whole words (a plural s/es allowed), case-insensitive; Python and DuckDB use one pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol


def term_pattern(term: str) -> str:
    """A regular expression (Python re and DuckDB RE2 alike) for ``term`` in lowercased text."""
    words = [re.escape(w) for w in term.lower().split()]
    return r"(?:^|[^a-z0-9])" + r"\s+".join(words) + r"(?:s|es)?(?:[^a-z0-9]|$)"


def mentions(text: str, term: str) -> bool:
    return re.search(term_pattern(term), text.lower()) is not None


_TOKEN = re.compile(r"[a-z0-9]+")


class Mentions:
    """How many of ``texts`` mention a term, by :func:`mentions` (the one definition part 2's
    counts, the day-share check and the trend SQL share). A word index skips the texts that
    lack one of the term's words, so a category's hundreds of candidate phrases cost little."""

    def __init__(self, texts: list[str]):
        self.texts = [t.lower() for t in texts]
        self._words = [set(_TOKEN.findall(t)) for t in self.texts]
        self._counts: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def count(self, term: str) -> int:
        key = " ".join(term.lower().split())
        if key not in self._counts:
            words = _TOKEN.findall(key)
            *head, last = words or [""]
            tails = {last, last + "s", last + "es"}
            pattern = re.compile(term_pattern(key))
            self._counts[key] = sum(
                1
                for text, have in zip(self.texts, self._words, strict=True)
                if all(w in have for w in head)
                and tails & have
                and pattern.search(text) is not None
            )
        return self._counts[key]


class History(Protocol):
    def papers_between(self, start: str, end: str) -> tuple[int, int]:
        """(papers, distinct days) published in [start, end)."""
        ...

    def term_papers_between(self, term: str, start: str, end: str) -> int:
        """Papers published in [start, end) that mention ``term``."""
        ...

    def texts_on(self, day: str) -> list[str]:
        """Title and abstract of every paper announced on ``day`` (how rare a phrase is)."""
        ...

    def fingerprint(self, day: str) -> str:
        """Changes whenever the answers for ``day`` could change (enters the cache key)."""
        ...


class NoHistory:
    """A database with nothing before the day: every trend reads "이전 기록 없음"."""

    def papers_between(self, start: str, end: str) -> tuple[int, int]:
        return 0, 0

    def term_papers_between(self, term: str, start: str, end: str) -> int:
        return 0

    def texts_on(self, day: str) -> list[str]:
        return []

    def fingerprint(self, day: str) -> str:
        return "none"


def days_before(day: str, n: int) -> str:
    return (date.fromisoformat(day) - timedelta(days=n)).isoformat()


def next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


@dataclass(frozen=True)
class Window:
    days: int  # calendar days looked back
    papers: int  # papers published in the window
    dates: int  # distinct announcement days among them
    hits: int  # of those, papers that mention the term


@dataclass(frozen=True)
class Trend:
    term: str
    today_hits: int  # papers of the whole day that mention the term
    today_papers: int  # papers of the whole day
    week: Window
    month: Window

    @property
    def no_record(self) -> bool:
        return self.month.papers == 0

    @property
    def new(self) -> bool:
        return self.month.papers > 0 and self.month.hits == 0

    def direction(self) -> str:
        """ "up", "down" or "flat": today's share of papers against the last 7 days'."""
        w = self.week if self.week.papers else self.month
        if not w.papers or not self.today_papers:
            return "flat"
        today = self.today_hits / self.today_papers
        before = w.hits / w.papers
        if today >= 1.5 * before and self.today_hits - before * self.today_papers >= 2:
            return "up"
        if today <= before / 1.5 and before * self.today_papers - self.today_hits >= 2:
            return "down"
        return "flat"


def trend(history: History, term: str, day: str) -> Trend:
    """How often ``term`` came up on ``day`` and in the 7 and 30 days before it."""
    end = day
    today_papers, _ = history.papers_between(day, next_day(day))
    today_hits = history.term_papers_between(term, day, next_day(day))
    windows = []
    for n in (7, 30):
        start = days_before(day, n)
        papers, dates = history.papers_between(start, end)
        hits = history.term_papers_between(term, start, end) if papers else 0
        windows.append(Window(n, papers, dates, hits))
    return Trend(term, today_hits, today_papers, windows[0], windows[1])
