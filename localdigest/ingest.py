"""Streaming ingest: any number of input files -> the papers table, in bounded memory.

Records are read one at a time, merged per id within a batch (versions, cross-lists), and
upserted a batch at a time; the database merges across batches. Memory stays flat however
long the input is, which is what a 2.7M-line Kaggle snapshot needs: the XML readers stream
(sources/xmlstream.py), and DuckDB's memory is capped while it loads (INGEST_MEMORY).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import sources
from .errors import InputError
from .paper import Paper, merge
from .store import Store

MAX_KEPT_ERRORS = 1000  # enough to show; the count is always exact
# DuckDB keeps every block it writes cached up to memory_limit (80 % of RAM by default): a
# 10x larger arXiv feed peaked at 1.9x the RSS (bench/scale.py, feeds: 201 -> 389 MiB). Capped
# while loading, it writes blocks out instead: 10x peaked at 277 MiB (1.4x, the cap filling up)
# and 30x (186k entries, 327 MiB of XML) at the same 277 MiB.
INGEST_MEMORY = "128MB"


@dataclass
class IngestResult:
    read: int = 0
    stored: int = 0  # rows inserted or changed
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)  # the first MAX_KEPT_ERRORS


def ingest(
    store: Store,
    paths: list[str],
    *,
    batch_size: int = 5000,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    store.db.execute(f"SET memory_limit = '{INGEST_MEMORY}'")
    try:
        return _ingest(store, paths, batch_size, strict, progress)
    finally:
        store.db.execute("RESET memory_limit")


def _ingest(
    store: Store,
    paths: list[str],
    batch_size: int,
    strict: bool,
    progress: Callable[[int], None] | None,
) -> IngestResult:
    result = IngestResult()
    batch: dict[str, Paper] = {}
    for path in paths:
        for record in sources.iter_records(path):
            result.read += 1
            if isinstance(record, InputError):
                if strict:
                    raise record
                result.skipped += 1
                if len(result.errors) < MAX_KEPT_ERRORS:
                    result.errors.append(record)
                continue
            old = batch.get(record.id)
            batch[record.id] = merge(old, record) if old else record
            if len(batch) >= batch_size:
                result.stored += store.upsert_papers(batch.values())
                if progress:
                    progress(len(batch))
                batch = {}
    if batch:
        result.stored += store.upsert_papers(batch.values())
        if progress:
            progress(len(batch))
    return result
