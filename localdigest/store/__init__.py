"""The one DuckDB file that holds papers, embeddings, categories, summaries and LLM calls."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np

from ..errors import StoreError, os_hint
from ..paper import Paper
from ..sentence import Report, report_from_json, report_to_json
from . import migrations


@dataclass
class StoredCategory:
    id: str
    name: str
    emoji: str
    name_ko: str | None = None
    keywords: list[str] | None = None
    centroid: np.ndarray | None = None


_INCOMING_COLUMNS = {
    "id": "VARCHAR",
    "title": "VARCHAR",
    "abstract": "VARCHAR",
    "authors": "VARCHAR[]",
    "categories": "VARCHAR[]",
    "published": "DATE",
    "comment": "VARCHAR",
    "version": "INTEGER",
    "content_hash": "VARCHAR",
}


class Store:
    """A thin, typed wrapper over the DuckDB connection; every write is transactional."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        """``read_only``: for commands that only read (categories, check); works on a
        read-only copy and never creates or migrates the file."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).is_file():
            raise StoreError(
                f"database not found: {self.path}; pass --db PATH (the one `run` wrote)"
            )
        if self.path != ":memory:" and not read_only:
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder of database {self.path}: {os_hint(exc)}; "
                    "pass --db to a writable folder"
                ) from exc
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
            # no progress bar: DuckDB draws it on stdout for long queries, over our own output
            self.db.execute("SET enable_progress_bar = false")
        except duckdb.Error as exc:  # locked by another process, not a DuckDB file, ...
            raise StoreError(f"cannot open database {self.path}: {_first_line(exc)}") from exc
        try:
            if read_only:
                self._check_migrated()
            else:
                migrations.apply(self.db)
        except duckdb.Error as exc:
            self.db.close()
            raise StoreError(f"cannot migrate database {self.path}: {_first_line(exc)}") from exc

    def _check_migrated(self) -> None:
        known = {m[0] for m in migrations.MIGRATIONS}
        try:
            done = {r[0] for r in self.db.execute("SELECT id FROM _migrations").fetchall()}
        except duckdb.CatalogException:
            done = set()
        if not known <= done:
            self.db.close()
            raise StoreError(
                f"database {self.path} was written by an older localdigest; run "
                "`localdigest doctor --db` on it (or any run) once to upgrade it"
            )

    def checkpoint(self) -> None:
        """Move the write-ahead log into the file now, so a full disk is reported by the run
        that filled it (DuckDB only logs a failed checkpoint on close)."""
        try:
            self.db.execute("CHECKPOINT")
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot save database {self.path}: {_first_line(exc)}; free some space, then "
                "run the same command again (stored work is kept)"
            ) from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- papers -------------------------------------------------------------------------
    def upsert_papers(self, papers: Iterable[Paper]) -> int:
        """Insert new papers and update changed ones; returns how many rows changed."""
        rows = [
            (
                p.id,
                p.title,
                p.abstract,
                p.authors,
                p.categories,
                p.published,
                p.comment,
                p.version,
                p.content_hash(),
            )
            for p in papers
        ]
        if not rows or self._all_stored(rows):
            return 0
        import pandas as pd  # a DataFrame scan inserts ~100x faster than executemany

        frame = pd.DataFrame(rows, columns=list(_INCOMING_COLUMNS))
        frame["published"] = pd.to_datetime(frame["published"], errors="coerce").dt.date
        with self.transaction() as db:
            db.register("_incoming_frame", frame)
            try:
                db.execute(
                    "CREATE OR REPLACE TEMP TABLE _incoming AS SELECT "
                    + ", ".join(f"{c}::{t} AS {c}" for c, t in _INCOMING_COLUMNS.items())
                    + " FROM _incoming_frame"
                )
            finally:
                db.unregister("_incoming_frame")
            changed = db.execute(
                "SELECT count(*) FROM _incoming i LEFT JOIN papers p USING (id) "
                "WHERE p.id IS NULL OR p.content_hash <> i.content_hash "
                "OR p.published IS DISTINCT FROM i.published "
                "OR p.categories IS DISTINCT FROM i.categories"
            ).fetchone()[0]
            # Same merge as paper.merge, across batches and runs: the newer version's text
            # wins, categories are unioned (primary kept first), the earliest date is kept.
            db.execute(
                """
                INSERT INTO papers (id, title, abstract, authors, categories, published, comment,
                                    version, content_hash)
                SELECT * FROM _incoming
                ON CONFLICT (id) DO UPDATE SET
                    title = CASE WHEN newer THEN excluded.title ELSE papers.title END,
                    abstract = CASE WHEN newer THEN excluded.abstract ELSE papers.abstract END,
                    authors = CASE WHEN newer THEN excluded.authors ELSE papers.authors END,
                    comment = CASE WHEN newer THEN excluded.comment ELSE papers.comment END,
                    content_hash = CASE WHEN newer THEN excluded.content_hash
                                   ELSE papers.content_hash END,
                    version = greatest(papers.version, excluded.version),
                    categories = list_concat(papers.categories, [
                        c FOR c IN excluded.categories
                        IF NOT list_contains(papers.categories, c)]),
                    published = coalesce(least(papers.published, excluded.published),
                                         papers.published, excluded.published),
                    updated_at = now()
                """.replace("newer", "coalesce(excluded.version, 0) >= coalesce(papers.version, 0)")
            )
        return int(changed)

    def _all_stored(self, rows: list[tuple]) -> bool:
        """Whether every row is already stored exactly as given (a rerun of the same input):
        then the merge would change nothing, and the DataFrame path (pandas' import alone is
        ~0.6 s) is skipped."""
        stored = {
            r[0]: r
            for r in self.db.execute(
                f"SELECT {', '.join(_INCOMING_COLUMNS)} FROM papers "
                "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[r[0] for r in rows]],
            ).fetchall()
        }
        for row in rows:
            old = stored.get(row[0])
            if old is None or old[5] != (_date(row[5])):
                return False
            if list(old[:5]) + list(old[6:]) != [*row[:5], *row[6:]]:
                return False
        return True

    def papers(self, ids: Iterable[str]) -> list[Paper]:
        ids = list(ids)
        if not ids:
            return []
        rows = self.db.execute(
            "SELECT id, title, abstract, authors, categories, strftime(published, '%Y-%m-%d'), "
            "comment, version FROM papers WHERE id IN (SELECT unnest(?)) ORDER BY id",
            [ids],
        ).fetchall()
        return [_paper(r) for r in rows]

    def paper_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM papers").fetchone()[0]

    # --- embeddings ---------------------------------------------------------------------
    def cached_embeddings(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        if not hashes:
            return {}
        rows = self.db.execute(
            "SELECT text_hash, vector FROM embeddings WHERE model = ? "
            "AND text_hash IN (SELECT unnest(?))",
            [model, hashes],
        ).fetchall()
        return {h: np.asarray(v, dtype=np.float32) for h, v in rows}

    def put_embeddings(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        import pandas as pd  # a DataFrame scan inserts far faster than executemany

        frame = pd.DataFrame(
            {
                "model": model,
                "text_hash": list(vectors),
                "dim": [int(v.shape[0]) for v in vectors.values()],
                "vector": [v.astype(np.float32) for v in vectors.values()],
            }
        )
        with self.transaction() as db:
            db.register("_vectors_frame", frame)
            try:
                db.execute(
                    "INSERT INTO embeddings (model, text_hash, dim, vector) "
                    "SELECT model, text_hash, dim, vector::FLOAT[] FROM _vectors_frame "
                    "ON CONFLICT DO NOTHING"
                )
            finally:
                db.unregister("_vectors_frame")

    # --- clusterings (cluster_cache.py) ---------------------------------------------------
    def get_clustering(self, key: str) -> tuple[list[int], list[bool]] | None:
        row = self.db.execute(
            "SELECT labels, noise FROM clusterings WHERE key = ?", [key]
        ).fetchone()
        return None if row is None else (list(row[0]), list(row[1]))

    def put_clustering(self, key: str, labels: list[int], noise: list[bool]) -> None:
        self.db.execute(
            "INSERT INTO clusterings (key, labels, noise) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [key, labels, noise],
        )

    def get_category_set(self, key: str) -> tuple[list[dict], float] | None:
        row = self.db.execute(
            "SELECT categories, outlier_share FROM category_sets WHERE key = ?", [key]
        ).fetchone()
        return None if row is None else (json.loads(row[0]), float(row[1]))

    def put_category_set(self, key: str, categories: list[dict], outlier_share: float) -> None:
        self.db.execute(
            "INSERT INTO category_sets (key, categories, outlier_share) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [key, json.dumps(categories, ensure_ascii=False), outlier_share],
        )

    def get_chart(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT png FROM charts WHERE key = ?", [key]).fetchone()
        return None if row is None else bytes(row[0])

    def put_chart(self, key: str, png: bytes) -> None:
        self.db.execute(
            "INSERT INTO charts (key, png) VALUES (?, ?) ON CONFLICT DO NOTHING", [key, png]
        )

    # --- runs ---------------------------------------------------------------------------
    def start_run(self, day: str, options: dict) -> int:
        return self.db.execute(
            "INSERT INTO runs (day, options) VALUES (?, ?) RETURNING id",
            [day, json.dumps(options, ensure_ascii=False)],
        ).fetchone()[0]

    def finish_run(self, run_id: int, stats: dict, status: str = "ok") -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = current_timestamp, status = ?, stats = ? WHERE id = ?",
            [status, json.dumps(stats, ensure_ascii=False), run_id],
        )

    # --- categories ---------------------------------------------------------------------
    def known_categories(self, exclude_day: str | None = None) -> list[StoredCategory]:
        """Every stored category; with exclude_day, only those some other day used, so that
        re-running a day does not depend on its own earlier result."""
        rows = self.db.execute(
            "SELECT id, name, emoji, name_ko, keywords, centroid FROM categories c "
            "WHERE ?::DATE IS NULL OR EXISTS (SELECT 1 FROM day_categories d "
            "WHERE d.category_id = c.id AND d.day <> ?::DATE) ORDER BY id",
            [exclude_day, exclude_day],
        ).fetchall()
        return [
            StoredCategory(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                None if r[5] is None else np.asarray(r[5], dtype=np.float32),
            )
            for r in rows
        ]

    def save_day(self, day: str, categories: list[tuple[StoredCategory, list[str], list[bool]]]):
        """Replace one day's categories and paper assignments in a single transaction.

        ``categories`` holds (category, paper ids, outlier flags) in digest order. A day stored
        exactly so already (a warm rerun) is left alone: rewriting it row by row took 0.4 s.
        """
        if self._day_stored(day, categories):
            return
        with self.transaction() as db:
            db.execute("DELETE FROM day_categories WHERE day = ?", [day])
            db.execute("DELETE FROM assignments WHERE day = ?", [day])
            for position, (cat, paper_ids, outliers) in enumerate(categories):
                centroid = None if cat.centroid is None else cat.centroid.astype(float).tolist()
                db.execute(
                    """
                    INSERT INTO categories (id, name, emoji, name_ko, keywords, centroid)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, emoji = excluded.emoji,
                        name_ko = excluded.name_ko, centroid = excluded.centroid
                    """,
                    [cat.id, cat.name, cat.emoji, cat.name_ko, cat.keywords, centroid],
                )
                db.execute(
                    "INSERT INTO day_categories (day, category_id, position, keywords) "
                    "VALUES (?, ?, ?, ?)",
                    [day, cat.id, position, cat.keywords],
                )
                rows = [
                    (day, pid, cat.id, bool(o)) for pid, o in zip(paper_ids, outliers, strict=False)
                ]
                if rows:  # DuckDB's executemany rejects an empty list
                    db.executemany(
                        "INSERT INTO assignments (day, paper_id, category_id, outlier) "
                        "VALUES (?, ?, ?, ?)",
                        rows,
                    )

    def _day_stored(self, day: str, categories: list) -> bool:
        order = self.db.execute(
            "SELECT category_id, position, keywords FROM day_categories WHERE day = ? "
            "ORDER BY position",
            [day],
        ).fetchall()
        if [(r[0], r[1], list(r[2] or [])) for r in order] != [
            (c.id, i, list(c.keywords or [])) for i, (c, _, _) in enumerate(categories)
        ]:
            return False
        stored = {
            r[0]: r[1:]
            for r in self.db.execute(
                "SELECT id, name, emoji, name_ko, centroid FROM categories "
                "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[c.id for c, _, _ in categories]],
            ).fetchall()
        }
        for c, _, _ in categories:
            old = stored.get(c.id)
            if old is None or tuple(old[:3]) != (c.name, c.emoji, c.name_ko):
                return False
            new = None if c.centroid is None else np.asarray(c.centroid, dtype=np.float32)
            if (old[3] is None) != (new is None) or (
                new is not None and not np.array_equal(np.asarray(old[3], np.float32), new)
            ):
                return False
        given = {
            (pid, c.id, bool(o))
            for c, ids, flags in categories
            for pid, o in zip(ids, flags, strict=False)
        }
        rows = self.db.execute(
            "SELECT paper_id, category_id, outlier FROM assignments WHERE day = ?", [day]
        ).fetchall()
        return len(rows) == len(given) and {tuple(r) for r in rows} == given

    def day_assignments(self, day: str) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT paper_id, category_id FROM assignments WHERE day = ?", [day]
        ).fetchall()
        return dict(rows)

    def category_counts(self) -> list[tuple[str, str, str, str, int]]:
        """(day, category id, name, emoji, papers) for every stored day, newest first."""
        return self.db.execute(
            """
            SELECT strftime(a.day, '%Y-%m-%d'), c.id, c.name, c.emoji, count(*)
            FROM assignments a JOIN categories c ON c.id = a.category_id
            GROUP BY ALL ORDER BY 1 DESC, 5 DESC
            """
        ).fetchall()

    # --- history (history.History: what earlier days say about a term) -----------------
    def papers_between(self, start: str, end: str) -> tuple[int, int]:
        row = self.db.execute(
            "SELECT count(*), count(DISTINCT published) FROM papers "
            "WHERE published >= ?::DATE AND published < ?::DATE",
            [start, end],
        ).fetchone()
        return int(row[0]), int(row[1])

    def term_papers_between(self, term: str, start: str, end: str) -> int:
        from ..history import term_pattern

        return int(
            self.db.execute(
                "SELECT count(*) FROM papers WHERE published >= ?::DATE AND published < ?::DATE "
                "AND regexp_matches(regexp_replace(lower(title || ' ' || abstract), '\\s+', ' ',"
                " 'g'), ?)",
                [start, end, term_pattern(term)],
            ).fetchone()[0]
        )

    def texts_on(self, day: str) -> list[str]:
        rows = self.db.execute(
            "SELECT title || '. ' || abstract FROM papers WHERE published = ?::DATE ORDER BY id",
            [day],
        ).fetchall()
        return [r[0] for r in rows]

    def fingerprint(self, day: str) -> str:
        """Papers and their content in the 30 days up to and including ``day``: a report's
        trends change only when this does."""
        from ..history import days_before, next_day

        row = self.db.execute(
            "SELECT count(*), coalesce(sum(hash(content_hash)) % 1000000007, 0) FROM papers "
            "WHERE published >= ?::DATE AND published < ?::DATE",
            [days_before(day, 30), next_day(day)],
        ).fetchone()
        return f"{row[0]}:{row[1]}"

    # --- summaries and LLM calls --------------------------------------------------------
    def get_summary(self, key: str) -> Report | None:
        """A cached report: five parts of Sentences (sentence.report_from_json)."""
        row = self.db.execute("SELECT sections FROM summaries WHERE key = ?", [key]).fetchone()
        return None if row is None else report_from_json(json.loads(row[0]))

    def get_summary_quality(self, key: str) -> dict | None:
        row = self.db.execute("SELECT quality FROM summaries WHERE key = ?", [key]).fetchone()
        return None if row is None or row[0] is None else json.loads(row[0])

    def put_summary(
        self,
        key: str,
        model: str,
        prompt_version: str,
        input_hash: str,
        sections: Report,
        day: str,
        category_id: str,
        quality: dict | None = None,
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO summaries (key, model, prompt_version, input_hash, sections, quality) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    key,
                    model,
                    prompt_version,
                    input_hash,
                    json.dumps(report_to_json(sections), ensure_ascii=False),
                    None if quality is None else json.dumps(quality, ensure_ascii=False),
                ],
            )
            self.link_summary(day, category_id, key, db)

    def link_summary(self, day: str, category_id: str, key: str, db=None) -> None:
        (db or self.db).execute(
            "INSERT INTO day_summaries VALUES (?, ?, ?) ON CONFLICT DO UPDATE "
            "SET summary_key = excluded.summary_key",
            [day, category_id, key],
        )

    def log_llm_call(
        self,
        run_id: int | None,
        model: str,
        prompt: str,
        options: dict,
        output: str,
        prompt_tokens: int,
        completion_tokens: int,
        seconds: float,
    ) -> None:
        self.db.execute(
            "INSERT INTO llm_calls (run_id, model, prompt, options, output, prompt_tokens, "
            "completion_tokens, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                model,
                prompt,
                json.dumps(options),
                output,
                prompt_tokens,
                completion_tokens,
                seconds,
            ],
        )


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _paper(row: tuple) -> Paper:
    return Paper(
        id=row[0],
        title=row[1],
        abstract=row[2],
        authors=list(row[3] or []),
        categories=list(row[4] or []),
        published=row[5],
        comment=row[6],
        version=row[7],
    )


def _date(text: str | None):
    """A paper's ``published`` as DuckDB returns a DATE (None if absent or not a date)."""
    import datetime

    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None
