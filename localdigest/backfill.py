"""Backfill: digest every day of a range, resumable.

The input is read once and split by each paper's `published` date; the embedder and the LLM
are loaded once for all days. A day whose digest is already written by a finished run with the
same LLM and the same number of papers is skipped; a day cut off midway (kill -9, a server gone)
is run again, and the categories it had finished come from the summary cache.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import sources
from .config import Settings
from .embed import Embedder, get_embedder
from .errors import ConfigError, InputError
from .llm import LLM, llm_for
from .offline import guarded
from .paper import Paper
from .pipeline import DayRequest, run_day
from .progress import Progress, Silent
from .store import Store
from .store.lock import WriterLock


@dataclass
class DayOutcome:
    day: str
    status: str  # "done", "skipped" (finished earlier), "no papers"
    papers: int = 0
    categories: int = 0
    passing: int = 0
    llm_calls: int = 0
    cache_hits: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        if self.status == "no papers":
            return f"{self.day}: no papers in the input"
        if self.status == "skipped":
            return f"{self.day}: {self.papers} papers, finished earlier, skipped"
        return (
            f"{self.day}: {self.papers} papers, {self.categories} categories "
            f"({self.passing} pass the gate), {self.llm_calls} LLM calls, "
            f"{self.cache_hits} from cache, {self.seconds:.1f}s"
        )


def days_between(start: str, end: str) -> list[str]:
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError as exc:
        raise ConfigError(f"--from/--to must be dates like 2025-04-01: {exc}") from exc
    if last < first:
        raise ConfigError(f"--to {end} is before --from {start}")
    if (last - first).days > 3660:
        raise ConfigError("a backfill covers at most ten years; split the range")
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def finished_days(settings: Settings, model: str, wait: bool = False) -> dict[str, int]:
    """Day -> paper count of the latest finished run with this LLM whose digest still exists."""
    if not Path(settings.db).exists():
        return {}
    with WriterLock(settings.db, wait=wait), Store(settings.db) as store:
        rows = store.db.execute(
            "SELECT strftime(day, '%Y-%m-%d'), stats FROM runs WHERE status = 'ok' "
            "AND json_extract_string(options, '$.model') = ? ORDER BY id",
            [model],
        ).fetchall()
    done = {}
    for day, stats in rows:
        if (Path(settings.out) / f"digest_{day}.json").is_file():
            done[day] = json.loads(stats or "{}").get("papers", -1)
    return done


def backfill(
    settings: Settings,
    inputs: list[str],
    start: str,
    end: str,
    *,
    strict: bool = False,
    taxonomy: str | None = None,
    llm: LLM | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    report: Callable[[DayOutcome], None] = lambda outcome: None,
    wait: bool = False,
) -> tuple[list[DayOutcome], list[InputError]]:
    """Digest each day from ``start`` to ``end`` (inclusive); ``report`` hears of each day as
    soon as it is settled."""
    days = days_between(start, end)
    if not inputs:
        raise InputError("a backfill reads its papers from files: pass --input FILE (repeatable)")
    progress = progress or Silent()
    with guarded(settings.offline_for(False), allow=settings.llm_host()):
        loaded = sources.load(inputs, strict=strict)
        by_day: dict[str, list[Paper]] = {}
        for paper in loaded.papers.values():
            by_day.setdefault(paper.published, []).append(paper)
        embedder = embedder or get_embedder(settings.embed_backend, settings.embedder)
        llm = llm or llm_for(settings)
        done = finished_days(settings, llm.name, wait=wait)
        outcomes = []
        for day in days:
            todays = by_day.get(day, [])
            if not todays:
                outcome = DayOutcome(day, "no papers")
            elif done.get(day) == len(todays):
                outcome = DayOutcome(day, "skipped", papers=len(todays))
            else:
                started = time.perf_counter()
                request = DayRequest(inputs=inputs, date=day, taxonomy=taxonomy, papers=todays)
                result = run_day(
                    settings, request, llm=llm, embedder=embedder, progress=progress, wait=wait
                )
                s = result.stats
                outcome = DayOutcome(
                    day,
                    "done",
                    papers=s["papers"],
                    categories=s["categories"],
                    passing=s.get("categories_passing", 0),
                    llm_calls=s["llm_calls"],
                    cache_hits=s["cache_hits"],
                    seconds=time.perf_counter() - started,
                )
            outcomes.append(outcome)
            report(outcome)
    return outcomes, loaded.skipped


def summary_table(outcomes: list[DayOutcome]) -> str:
    head = f"{'day':<10}  {'status':<9} {'papers':>6} {'cats':>4} {'pass':>4} "
    head += f"{'calls':>5} {'cached':>6} {'seconds':>8}"
    lines = [head, "-" * len(head)]
    for o in outcomes:
        lines.append(
            f"{o.day:<10}  {o.status:<9} {o.papers:>6} {o.categories:>4} {o.passing:>4} "
            f"{o.llm_calls:>5} {o.cache_hits:>6} {o.seconds:>8.1f}"
        )
    ran = [o for o in outcomes if o.status == "done"]
    lines.append(
        f"{len(ran)} day(s) digested, {sum(o.status == 'skipped' for o in outcomes)} finished "
        f"earlier, {sum(o.status == 'no papers' for o in outcomes)} without papers; "
        f"{sum(o.papers for o in ran)} papers in {sum(o.seconds for o in ran):.1f}s"
    )
    return "\n".join(lines)
