"""Categories and keywords over time, from the database alone.

``keyword_history`` is the library entry other stages call (e.g. a digest's trend sentence:
"graph pooling: 3 papers today, 1 a day over the week before").
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

_STOP = set(
    """a an the and or of for in on to with from by via using based towards toward into over
    under at as is are be we our this that its their new model models learning neural network
    networks approach method methods data deep large study analysis framework efficient
    improving improved robust task tasks through multi language""".split()
)


def _connection(store_or_db) -> duckdb.DuckDBPyConnection:
    return getattr(store_or_db, "db", store_or_db)


def _window(day: str, window_days: int) -> tuple[str, str]:
    end = date.fromisoformat(day)
    return (end - timedelta(days=window_days)).isoformat(), end.isoformat()


def window_keywords(db, start: str, end: str, limit: int = 15) -> list[str]:
    """Keywords of the categories digested in [start, end]; if none, frequent title words."""
    rows = db.execute(
        "SELECT k, count(*) FROM (SELECT unnest(keywords) AS k FROM day_categories "
        "WHERE day BETWEEN ?::DATE AND ?::DATE) GROUP BY k ORDER BY 2 DESC, 1 LIMIT ?",
        [start, end, limit],
    ).fetchall()
    if rows:
        return [r[0] for r in rows]
    titles = db.execute(
        "SELECT title FROM papers WHERE published BETWEEN ?::DATE AND ?::DATE", [start, end]
    ).fetchall()
    words = Counter(
        w
        for (t,) in titles
        for w in set(re.findall(r"[a-z][a-z\-]{3,}", t.lower()))
        if w not in _STOP
    )
    return [w for w, _ in words.most_common(limit)]


def keyword_history(
    store_or_db,
    day: str,
    window_days: int = 7,
    keywords: list[str] | None = None,
    include_day: bool = False,
) -> dict[str, dict[str, int]]:
    """keyword -> {date: papers announced that date whose title or abstract mentions it}, for
    the ``window_days`` calendar days before ``day`` (and ``day`` itself with include_day).

    Keywords default to those of the categories digested in the window. Dates with no paper
    are left out; a keyword no paper mentions maps to {}.
    """
    db = _connection(store_or_db)
    start, end = _window(day, window_days)
    last = end if include_day else (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    words = keywords if keywords is not None else window_keywords(db, start, end)
    out: dict[str, dict[str, int]] = {w: {} for w in words}
    if not words:
        return out
    rows = db.execute(
        """
        SELECT k, strftime(p.published, '%Y-%m-%d'), count(*)
        FROM papers p, (SELECT unnest(?) AS k)
        WHERE p.published BETWEEN ?::DATE AND ?::DATE
          AND (p.title || ' ' || p.abstract) ILIKE '%' || k || '%'
        GROUP BY ALL ORDER BY 1, 2
        """,
        [words, start, last],
    ).fetchall()
    for k, d, n in rows:
        out[k][d] = int(n)
    return out


@dataclass
class Trends:
    days: list[str]  # oldest first
    categories: dict[str, dict[str, int]]  # category name -> {day: papers}
    keywords: dict[str, dict[str, int]]  # keyword -> {day: papers mentioning it}


def trends(store_or_db, days: int = 14, top: int = 8) -> Trends:
    """The last ``days`` digested days: papers per category and the top keywords' counts."""
    db = _connection(store_or_db)
    recent = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT strftime(day, '%Y-%m-%d') FROM assignments ORDER BY 1 DESC LIMIT ?",
            [days],
        ).fetchall()
    ][::-1]
    if not recent:
        return Trends([], {}, {})
    rows = db.execute(
        """
        SELECT c.name, strftime(a.day, '%Y-%m-%d'), count(*)
        FROM assignments a JOIN categories c ON c.id = a.category_id
        WHERE a.day BETWEEN ?::DATE AND ?::DATE GROUP BY ALL
        """,
        [recent[0], recent[-1]],
    ).fetchall()
    cats: dict[str, dict[str, int]] = {}
    for name, d, n in rows:
        cats.setdefault(name, {})[d] = int(n)
    ranked = sorted(cats, key=lambda c: -sum(cats[c].values()))[:top]
    span = (date.fromisoformat(recent[-1]) - date.fromisoformat(recent[0])).days
    words = window_keywords(db, recent[0], recent[-1], limit=top)
    history = keyword_history(db, recent[-1], span, words, include_day=True)
    return Trends(recent, {c: cats[c] for c in ranked}, history)


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table(t: Trends) -> str:
    """A plain-text table: one row per category or keyword (most papers first), one column
    per day, and the total."""
    if not t.days:
        return "no digested day in the database yet"

    def rows(series: dict[str, dict[str, int]]) -> list[list[str]]:
        ranked = sorted(series.items(), key=lambda kv: -sum(kv[1].values()))
        return [[n, *[str(v.get(d, 0)) for d in t.days], str(sum(v.values()))] for n, v in ranked]

    head = ["", *[d[5:] for d in t.days], "total"]
    body = [["[분야]"], *rows(t.categories), ["[키워드]"], *rows(t.keywords)]
    width = max(_width(r[0]) for r in [head, *body])
    return "\n".join(
        "  ".join([_pad(r[0], width), *[c.rjust(5) for c in r[1:]]]).rstrip() for r in [head, *body]
    )


def chart(t: Trends) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import koreanize_matplotlib  # noqa: F401 - NanumGothic as the default font
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 1, figsize=(9, 7.5), dpi=110, sharex=True)
    x = list(range(len(t.days)))
    for ax, series, title in (
        (axes[0], t.categories, "분야별 논문 수"),
        (axes[1], t.keywords, "키워드가 나온 논문 수"),
    ):
        for name, values in series.items():
            ax.plot(x, [values.get(d, 0) for d in t.days], marker="o", label=name)
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
        if series:
            ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    axes[1].set_xticks(x, [d[5:] for d in t.days], rotation=45)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
