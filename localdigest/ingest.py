"""Streaming ingest: any number of input files -> the papers table, in bounded memory.

Records are read one at a time, merged per id within a batch (versions, cross-lists), and
upserted a batch at a time; the database merges across batches. Memory stays flat however
long the input is, which is what a 2.7M-line Kaggle snapshot needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import sources
from .errors import InputError
from .paper import Paper, merge
from .store import Store

MAX_KEPT_ERRORS = 1000  # enough to show; the count is always exact


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
