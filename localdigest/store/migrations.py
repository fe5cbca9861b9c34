"""Numbered schema migrations, applied in order on every open.

Each migration runs in one transaction together with its row in ``_migrations``.
Never edit a migration that has shipped: add the next number instead.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(number: int, name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        MIGRATIONS.append((number, name, fn))
        return fn

    return register


@migration(1, "initial")
def m001_initial(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(
        """
        CREATE TABLE papers (
            id VARCHAR PRIMARY KEY,
            title VARCHAR NOT NULL,
            abstract VARCHAR NOT NULL,
            authors VARCHAR[],
            categories VARCHAR[],
            published DATE,
            comment VARCHAR,
            version INTEGER,
            content_hash VARCHAR NOT NULL,
            first_seen TIMESTAMP DEFAULT current_timestamp,
            updated_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE embeddings (
            model VARCHAR NOT NULL,
            text_hash VARCHAR NOT NULL,
            dim INTEGER NOT NULL,
            vector FLOAT[] NOT NULL,
            created_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (model, text_hash)
        );
        CREATE SEQUENCE runs_seq;
        CREATE TABLE runs (
            id BIGINT PRIMARY KEY DEFAULT nextval('runs_seq'),
            day DATE NOT NULL,
            started_at TIMESTAMP DEFAULT current_timestamp,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL DEFAULT 'running',
            options JSON,
            stats JSON
        );
        -- Categories known across days; centroid lets a later day reuse the same name.
        CREATE TABLE categories (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            emoji VARCHAR NOT NULL,
            name_ko VARCHAR,
            keywords VARCHAR[],
            centroid FLOAT[],
            created_at TIMESTAMP DEFAULT current_timestamp
        );
        -- The categories of one day, in digest order.
        CREATE TABLE day_categories (
            day DATE NOT NULL,
            category_id VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            keywords VARCHAR[],
            PRIMARY KEY (day, category_id)
        );
        CREATE TABLE assignments (
            day DATE NOT NULL,
            paper_id VARCHAR NOT NULL,
            category_id VARCHAR NOT NULL,
            outlier BOOLEAN NOT NULL DEFAULT false,
            PRIMARY KEY (day, paper_id)
        );
        -- Cached reports: key = hash(model, prompt version, category input).
        CREATE TABLE summaries (
            key VARCHAR PRIMARY KEY,
            model VARCHAR NOT NULL,
            prompt_version VARCHAR NOT NULL,
            input_hash VARCHAR NOT NULL,
            sections JSON NOT NULL,
            created_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE day_summaries (
            day DATE NOT NULL,
            category_id VARCHAR NOT NULL,
            summary_key VARCHAR NOT NULL,
            PRIMARY KEY (day, category_id)
        );
        CREATE SEQUENCE llm_calls_seq;
        CREATE TABLE llm_calls (
            id BIGINT PRIMARY KEY DEFAULT nextval('llm_calls_seq'),
            run_id BIGINT,
            model VARCHAR NOT NULL,
            prompt VARCHAR NOT NULL,
            options JSON,
            output VARCHAR,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            seconds DOUBLE,
            created_at TIMESTAMP DEFAULT current_timestamp
        );
        """
    )


@migration(2, "summary quality")
def m002_summary_quality(db: duckdb.DuckDBPyConnection) -> None:
    # The quality gate's figures for each stored report (see quality.QualityReport.to_dict).
    db.execute("ALTER TABLE summaries ADD COLUMN quality JSON")


@migration(3, "clusterings")
def m003_clusterings(db: duckdb.DuckDBPyConnection) -> None:
    # A day's clustering, keyed by hash(clusterer settings, paper ids, clustering features),
    # so a rerun with the same inputs and settings skips UMAP and HDBSCAN (cluster_cache.py).
    db.execute(
        """
        CREATE TABLE clusterings (
            key VARCHAR PRIMARY KEY,
            labels INTEGER[] NOT NULL,
            noise BOOLEAN[] NOT NULL,
            created_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )


@migration(4, "category sets and charts")
def m004_category_sets_charts(db: duckdb.DuckDBPyConnection) -> None:
    # A day's named categories, keyed by hash(everything that decides them: papers, vectors,
    # classifier, taxonomy, settings, earlier days' names), so a warm rerun skips the field
    # classifier, labelling and keywords too (category_cache.py); and a chart's PNG keyed by
    # what it draws, so a warm rerun does not start matplotlib.
    db.execute(
        """
        CREATE TABLE category_sets (
            key VARCHAR PRIMARY KEY,
            categories JSON NOT NULL,
            outlier_share DOUBLE NOT NULL,
            created_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )
    db.execute(
        """
        CREATE TABLE charts (
            key VARCHAR PRIMARY KEY,
            png BLOB NOT NULL,
            created_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )


def apply(db: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet recorded; return the numbers applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations "
        "(id INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in db.execute("SELECT id FROM _migrations").fetchall()}
    applied = []
    for number, name, fn in sorted(MIGRATIONS, key=lambda m: m[0]):
        if number in done:
            continue
        db.execute("BEGIN TRANSACTION")
        try:
            fn(db)
            db.execute("INSERT INTO _migrations (id, name) VALUES (?, ?)", [number, name])
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
