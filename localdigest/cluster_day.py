"""Ingest, embed, cluster and label one day without the LLM (what `localdigest cluster` runs)."""

from __future__ import annotations

from .config import Settings
from .embed import Embedder, embed_papers, get_embedder
from .label import Category, Labeler, load_taxonomy
from .pipeline import DayRequest, categorize, collect_papers, select_day
from .progress import Silent
from .store import Store


def cluster_day(
    settings: Settings, request: DayRequest, embedder: Embedder | None = None
) -> tuple[str, list[Category], float]:
    papers, _ = collect_papers(request, Silent())
    day, todays = select_day(papers, request)
    embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
    with Store(settings.db) as store:
        store.upsert_papers(papers)
        vectors, _ = embed_papers(store, embedder, todays)
    labeler = Labeler(embedder, load_taxonomy(request.taxonomy))
    cats, outlier_share = categorize(todays, vectors, labeler, settings.seed)
    return day, cats, outlier_share
