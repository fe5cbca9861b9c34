"""The whole day: ingest -> store -> embed -> cluster -> label -> summarize -> render.

Each stage is its own module; this file only wires them together and times them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import sources
from .category_cache import CategoryCache, category_key
from .cluster import ARXIV_WEIGHT, Clustering, UmapHdbscan, with_categories, with_fields
from .cluster_cache import ClusterCache
from .config import Settings
from .embed import Embedder, embed_papers, get_embedder
from .errors import InputError
from .fields import load_field_model
from .label import Category, Labeler, load_taxonomy
from .llm import LLM, llm_for
from .offline import guarded as network_guard
from .paper import Paper, for_processing
from .preflight import check_outputs, valid_day
from .progress import Progress, Silent
from .quality import repeated_across
from .render import DayDigest, atomic_write, chart_name
from .render.chart import ChartCache, cached_chart
from .render.jsondigest import render_json
from .render.markdown import render_markdown
from .sentence import Report
from .store import Store, StoredCategory
from .store.lock import WriterLock
from .summarize import Summarizer


@dataclass
class DayRequest:
    inputs: list[str] = field(default_factory=list)
    date: str | None = None
    all_papers: bool = False  # take every input paper, whatever its date (e.g. a curated list)
    fetch_categories: list[str] = field(default_factory=list)  # live arXiv API instead of files
    strict: bool = False
    taxonomy: str | None = None
    papers: list[Paper] | None = None  # already read (a backfill reads its input once)


@dataclass
class DayResult:
    date: str
    markdown: Path
    chart: Path
    json: Path
    categories: list[Category]
    sections: dict[str, Report]  # category id -> five parts of Sentences
    stats: dict
    skipped: list[InputError]
    quality: dict[str, dict] = field(default_factory=dict)  # category id -> gate figures
    site: Path | None = None  # index.html of the static site (every stored day)


class Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = round(
                self.seconds.get(stage, 0.0) + time.perf_counter() - start, 3
            )


def collect_papers(request: DayRequest, progress: Progress) -> tuple[list[Paper], list[InputError]]:
    if request.papers is not None:
        return list(request.papers), []
    if request.fetch_categories:
        from .sources import live

        with progress.stage("fetch arXiv"):
            return live.fetch(request.date, request.fetch_categories), []
    if not request.inputs:
        raise InputError("no input: pass --input FILE (or --categories to fetch from arXiv)")
    with progress.stage("read input") as advance:
        seen = 0

        def tick(total: int) -> None:
            nonlocal seen
            advance(total - seen)
            seen = total

        result = sources.load(request.inputs, strict=request.strict, progress=tick)
    return list(result.papers.values()), result.skipped


def select_day(papers: list[Paper], request: DayRequest) -> tuple[str, list[Paper]]:
    valid_day(request.date)
    if request.all_papers:
        dates = sorted(p.published for p in papers if p.published)
        day = request.date or (dates[-1] if dates else time.strftime("%Y-%m-%d"))
        return day, sorted(papers, key=lambda p: p.id)
    dates = sorted({p.published for p in papers if p.published})
    if not dates:
        raise InputError(
            "no paper has a `published` date; pass --date D with --all to use "
            "every paper of the input as day D"
        )
    day = request.date or dates[-1]
    chosen = sorted((p for p in papers if p.published == day), key=lambda p: p.id)
    if not chosen:
        shown = ", ".join(dates[-5:])
        raise InputError(
            f"no paper announced on {day} in the input (latest days: {shown}); "
            "pick one of those with --date, or use --all"
        )
    return day, chosen


# Weight of the field classifier's probabilities next to the unit text vector (with_fields);
# chosen on the label set's training days with bench/categories.py --tune.
GUIDE_WEIGHT = 0.5


def make_labeler(embedder: Embedder, taxonomy: str | None) -> Labeler:
    """The labeler with the built-in field classifier (used when it covers the taxonomy)."""
    return Labeler(embedder, load_taxonomy(taxonomy), model=load_field_model())


_CLUSTERER = UmapHdbscan(seed=0).key()  # the clusterer's settings, for the category cache


def categorize(
    papers: list[Paper],
    vectors: np.ndarray,
    labeler: Labeler,
    seed: int,
    known: Iterable[StoredCategory] = (),
    arxiv_weight: float | None = None,
    guide_weight: float = GUIDE_WEIGHT,
    cache: ClusterCache | None = None,
    memo: CategoryCache | None = None,
) -> tuple[list[Category], float]:
    """Categories for the day and HDBSCAN's noise share before reassignment.

    Papers are clustered on their text embedding joined with the field classifier's
    probabilities (``guide_weight``), or, when the labeler has no classifier for its taxonomy,
    with their arXiv categories (``arxiv_weight``, default ARXIV_WEIGHT; 0: text only).
    Categories like ones of earlier days (``known``) take their names. With ``cache``, a
    clustering of the same features and settings is reused; with ``memo``, the categories of
    the same inputs (papers, vectors, classifier, settings, known names) are.
    """
    known = list(known)
    if memo is not None:
        options = {"seed": seed, "arxiv": arxiv_weight, "guide": guide_weight}
        key = category_key(papers, vectors, labeler, {**options, "clusterer": _CLUSTERER}, known)
        hit = memo.get(key, papers)
        if hit is not None:
            return hit
        cats, share = categorize(
            papers, vectors, labeler, seed, known, arxiv_weight, guide_weight, cache
        )
        memo.put(key, cats, share)
        return cats, share
    probs = labeler.field_probs(vectors, papers)
    if probs is not None and arxiv_weight is None:
        features = with_fields(vectors, probs, guide_weight)
    else:
        weight = ARXIV_WEIGHT if arxiv_weight is None else arxiv_weight
        features = with_categories(vectors, [p.categories for p in papers], weight)
    clusterer = UmapHdbscan(seed=seed)  # its settings are in _CLUSTERER's key
    clustering: Clustering | None = (
        cache.fit(clusterer, features, [p.id for p in papers]) if cache else clusterer.fit(features)
    )
    if clustering is None:  # too few papers for density clustering
        cats, share = labeler.by_taxonomy(papers, vectors), 0.0
    else:
        cats, share = labeler.label(papers, vectors, clustering), clustering.outlier_share
    return labeler.reuse_known(cats, known), share


def save_categories(store: Store, day: str, categories: list[Category]) -> None:
    """Store the day's categories (with centroids, for later days) and its assignments."""
    store.save_day(
        day,
        [
            (
                StoredCategory(c.id, c.name, c.emoji, c.name_ko, c.keywords, c.centroid),
                [p.id for p in c.papers],
                c.outliers,
            )
            for c in categories
        ],
    )


def run_day(
    settings: Settings,
    request: DayRequest,
    *,
    llm: LLM | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    wait: bool = False,
) -> DayResult:
    """The whole day, holding the database's writer lock (``<db>.lock``) throughout and, when
    offline (the default unless fetching from arXiv), the network guard."""
    progress = progress or Silent()
    offline = settings.offline_for(bool(request.fetch_categories))
    # Cheap checks first: a bad --date, --out or --db must not cost an LLM stage.
    valid_day(request.date)
    for path in request.inputs:
        sources._check_file(path)  # a typo in --input: before the model is even looked at
    check_outputs(settings.db, settings.out)
    # Models are checked before the lock, the input or any write (the GGUF down to its
    # tensor table), so a wrong or damaged file costs nothing.
    embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
    llm = llm or llm_for(settings)
    allow = settings.llm_host() if offline else None  # a served model's host, and only that
    with (
        network_guard(offline, allow=allow),
        WriterLock(settings.db, wait=wait, notify=progress.message),
    ):
        return _run_day(settings, request, llm=llm, embedder=embedder, progress=progress)


def _run_day(
    settings: Settings,
    request: DayRequest,
    *,
    llm: LLM | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> DayResult:
    progress = progress or Silent()
    timer = Timer()
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
    llm = llm or llm_for(settings)
    with timer("ingest"):
        papers, skipped = collect_papers(request, progress)
        if not papers:
            raise InputError(
                "the input holds no readable paper"
                + (f" ({len(skipped)} skipped; first: {skipped[0]})" if skipped else ""),
                path=", ".join(request.inputs) or None,
            )
        day, todays = select_day(papers, request)
        # The database keeps every paper whole; the stages see text cut to a sane length.
        todays = [for_processing(p) for p in todays]
    with Store(settings.db) as store:
        with timer("store"):
            store.upsert_papers(papers)
            run_id = store.start_run(
                day, {"inputs": request.inputs, "model": llm.name, "embedder": embedder.name}
            )
        try:
            result = _process(
                settings, request, store, run_id, day, todays, llm, embedder, progress, timer
            )
        except BaseException as exc:
            store.finish_run(run_id, {"error": str(exc)[:500]}, status="failed")
            raise
        result.stats.update(papers=len(todays), skipped_lines=len(skipped))
        store.checkpoint()  # a full disk fails here, before the digest claims success
        write_outputs(result, timer, started, charts=store)
        with timer("site"):
            result.site = publish_site(store, settings, embedder)
        store.finish_run(run_id, result.stats)
        store.checkpoint()
    result.skipped = skipped
    return result


def _process(
    settings, request, store, run_id, day, todays, llm, embedder, progress, timer
) -> DayResult:
    with timer("embed"), progress.stage("embed", total=len(todays)) as advance:
        vectors, embed_hits = embed_papers(store, embedder, todays, progress=advance)
    with timer("cluster"), progress.stage("cluster"):
        labeler = make_labeler(embedder, request.taxonomy)
        known = store.known_categories(exclude_day=day)
        cache, memo = ClusterCache(store), CategoryCache(store)
        categories, outlier_share = categorize(
            todays, vectors, labeler, settings.seed, known, cache=cache, memo=memo
        )
        save_categories(store, day, categories)
    # the store answers part 2's questions about earlier days (history.History)
    summarizer = Summarizer(
        llm, store, run_id, seed=settings.seed, history=store, writer=settings.writer
    )
    sections: dict[str, Report] = {}
    with timer("summarize"), progress.stage("summarize", total=len(categories)) as advance:
        for cat in categories:
            sections[cat.id] = summarizer.summarize(day, cat)
            advance(1, f"{cat.emoji} {cat.name}: {len(cat.papers)} papers")
    mark_boilerplate(categories, sections, summarizer.quality)
    s = summarizer.stats
    stats = {
        "llm_calls": s.llm_calls,
        "llm_prompt_tokens": s.llm_prompt_tokens,
        "llm_completion_tokens": s.llm_completion_tokens,
        "llm_seconds": round(s.llm_seconds, 3),
        "cache_hits": s.cache_hits,
        "embedding_cache_hits": embed_hits,
        "generated_parts": s.generated_parts,
        "fallback_parts": s.fallback_parts,
        "fact_sentences": s.fact_sentences,
        "floor_lines": s.floor_lines,
        "categories": len(categories),
        "categories_passing": sum(q.get("passed", False) for q in summarizer.quality.values()),
        "outlier_share": round(outlier_share, 4),
        "clustering_cache_hit": bool(cache.hits),
        "category_cache_hit": bool(memo.hits),
    }
    out = Path(settings.out)
    return DayResult(
        day,
        out / f"digest_{day}.md",
        out / chart_name(day),
        out / f"digest_{day}.json",
        categories,
        sections,
        stats,
        [],
        summarizer.quality,
    )


def mark_boilerplate(
    categories: list[Category], sections: dict[str, Report], quality: dict[str, dict]
) -> None:
    """Fail every category holding a sentence that another category of the day also has once
    names and keywords are masked (what `localdigest check` does on the written digest)."""
    repeated = repeated_across(
        [([c.name, c.name_ko or "", *c.keywords], sections[c.id]) for c in categories]
    )
    for i, found in repeated.items():
        q = quality.setdefault(categories[i].id, {})
        q.setdefault("failures", []).append(
            f"boilerplate: {len(found)} sentence(s) also in another category"
        )
        q["passed"] = False


def publish_site(store: Store, settings: Settings, embedder: Embedder) -> Path:
    """The HTML site and Atom feed over every stored day (see site.py)."""
    from .site import publish

    return publish(
        store.db,
        settings.out,
        profile=settings.profile,
        embedder=embedder,
        store=store,
        site_url=settings.site_url,
    )


def write_outputs(
    result: DayResult,
    timer: Timer | None = None,
    started: float | None = None,
    charts: ChartCache | None = None,
) -> None:
    """Markdown and chart first, JSON last so its stats can include the render time. With
    ``charts`` (the store), a chart of the same names and counts is reused."""
    timer = timer or Timer()
    digest = DayDigest(
        result.date, result.categories, result.sections, result.stats, result.quality
    )
    with timer("render"):
        png, hit = cached_chart(digest, charts)
        atomic_write(result.chart, png)
        atomic_write(result.markdown, render_markdown(digest).encode("utf-8"))
    result.stats["chart_cache_hit"] = hit
    result.stats["seconds_by_stage"] = timer.seconds
    if started is not None:
        result.stats["seconds_total"] = round(time.perf_counter() - started, 3)
    atomic_write(result.json, render_json(digest).encode("utf-8"))
