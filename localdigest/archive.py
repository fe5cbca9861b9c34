"""Read-only views of every digested day, straight from the DuckDB file.

The site, the feed, search, trends and the profile read through here; none of them writes.
Functions take a DuckDB connection, so ``run`` can pass its own and the other commands a
read-only one from ``open_readonly``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .errors import StoreError
from .sentences import Report, read_report


def open_readonly(path: str | Path) -> duckdb.DuckDBPyConnection:
    if str(path) != ":memory:" and not Path(path).is_file():
        raise StoreError(
            f"no database at {path}; run `localdigest run --input FILE` (or `ingest`) first, "
            "or pass --db PATH"
        )
    try:
        con = duckdb.connect(str(path), read_only=True)
        con.execute("SET enable_progress_bar = false")  # DuckDB draws it on stdout
        return con
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        raise StoreError(
            f"cannot open {path} read-only: {first} (a run may be writing it; try again after)"
        ) from exc


@dataclass
class PaperView:
    id: str
    title: str
    abstract: str
    authors: list[str]
    arxiv: list[str]
    line: str = ""  # the Korean per-paper line, "" if the day has no report for it

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}"


@dataclass
class CategoryView:
    id: str
    name: str
    emoji: str
    name_ko: str | None
    keywords: list[str]
    papers: list[PaperView]
    report: Report


@dataclass
class DayView:
    date: str
    categories: list[CategoryView] = field(default_factory=list)

    @property
    def paper_count(self) -> int:
        return sum(len(c.papers) for c in self.categories)


def days(db: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(day, papers, categories) for every digested day, newest first."""
    return [
        (d, int(n), int(c))
        for d, n, c in db.execute(
            "SELECT strftime(day, '%Y-%m-%d'), count(*), count(DISTINCT category_id) "
            "FROM assignments GROUP BY day ORDER BY day DESC"
        ).fetchall()
    ]


def load_day(db: duckdb.DuckDBPyConnection, day: str) -> DayView:
    cats = db.execute(
        """
        SELECT c.id, c.name, c.emoji, c.name_ko, coalesce(d.keywords, c.keywords), s.sections
        FROM day_categories d JOIN categories c ON c.id = d.category_id
        LEFT JOIN day_summaries ds ON ds.day = d.day AND ds.category_id = d.category_id
        LEFT JOIN summaries s ON s.key = ds.summary_key
        WHERE d.day = ?::DATE ORDER BY d.position
        """,
        [day],
    ).fetchall()
    rows = db.execute(
        """
        SELECT a.category_id, p.id, p.title, p.abstract, p.authors, p.categories
        FROM assignments a JOIN papers p ON p.id = a.paper_id
        WHERE a.day = ?::DATE ORDER BY a.category_id, p.id
        """,
        [day],
    ).fetchall()
    by_cat: dict[str, list[PaperView]] = {}
    for cid, pid, title, abstract, authors, arxiv in rows:
        by_cat.setdefault(cid, []).append(
            PaperView(pid, title, abstract, list(authors or []), list(arxiv or []))
        )
    view = DayView(day)
    for cid, name, emoji, name_ko, keywords, sections in cats:
        papers = by_cat.get(cid, [])
        report = read_report(_json(sections), [(p.id, p.title) for p in papers])
        for p in papers:
            p.line = report.line_for(p.id)
        view.categories.append(
            CategoryView(cid, name, emoji, name_ko, list(keywords or []), papers, report)
        )
    return view


def load_days(db: duckdb.DuckDBPyConnection) -> list[DayView]:
    return [load_day(db, d) for d, _, _ in days(db)]


def _json(raw: object) -> object:
    if raw is None:
        return None
    return json.loads(raw) if isinstance(raw, str) else raw


def paper_lines(db: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, str]]:
    """paper id -> (day, category name, Korean line) over every digested day (latest wins)."""
    out: dict[str, tuple[str, str, str]] = {}
    for view in reversed(load_days(db)):  # oldest first, so a later day overwrites
        for cat in view.categories:
            for p in cat.papers:
                out[p.id] = (view.date, cat.name, p.line)
    return out
