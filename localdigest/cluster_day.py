"""Ingest, embed, cluster and label one day without the LLM (what `localdigest cluster` runs).

The categories are the ones `localdigest run` would use for that day (both call
``pipeline.categorize`` with the categories other days stored), and they are stored the same
way, so later days can reuse their names.
"""

from __future__ import annotations

from .category_cache import CategoryCache
from .cluster_cache import ClusterCache
from .config import Settings
from .embed import Embedder, embed_papers, get_embedder
from .label import Category
from .paper import for_processing
from .pipeline import (
    DayRequest,
    categorize,
    collect_papers,
    make_labeler,
    save_categories,
    select_day,
)
from .preflight import valid_day
from .progress import Silent
from .store import Store


def cluster_day(
    settings: Settings, request: DayRequest, embedder: Embedder | None = None
) -> tuple[str, list[Category], float]:
    valid_day(request.date)
    embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
    papers, _ = collect_papers(request, Silent())
    day, todays = select_day(papers, request)
    embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
    todays = [for_processing(p) for p in todays]  # the store keeps the whole text
    labeler = make_labeler(embedder, request.taxonomy)
    with Store(settings.db) as store:
        store.upsert_papers(papers)
        vectors, _ = embed_papers(store, embedder, todays)
        known = store.known_categories(exclude_day=day)
        cats, outlier_share = categorize(
            todays,
            vectors,
            labeler,
            settings.seed,
            known,
            cache=ClusterCache(store),
            memo=CategoryCache(store),
        )
        save_categories(store, day, cats)
    return day, cats, outlier_share
