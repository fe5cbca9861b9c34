"""Fetch recent papers from the arXiv query API with the `arxiv` package (needs the network).

Everything else in localdigest works offline from files; this is the one optional online path.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError, FetchError
from ..paper import Paper, collapse_ws
from .jsonl import RecordError, make_paper

_MAX_PAGE_SIZE = 200  # arXiv allows more, but big pages time out and come back empty more often


def build_query(categories: list[str]) -> str:
    if not categories:
        raise ConfigError("no categories to fetch; give at least one, e.g. cs.CL")
    return " OR ".join(f"cat:{c}" for c in categories)


def fetch(
    date: str | None,
    categories: list[str],
    *,
    max_results: int = 2000,
    delay_seconds: float = 3.0,
    num_retries: int = 3,
) -> list[Paper]:
    """Newest papers in `categories`; with `date` (YYYY-MM-DD), only those published that day.

    `published` here is the v1 submission date arXiv's API reports (UTC), which can differ by
    a day or so from the announcement date in RSS feeds.
    """
    query = build_query(categories)
    import arxiv  # lazy: only this optional path needs requests

    client = arxiv.Client(
        page_size=max(1, min(max_results, _MAX_PAGE_SIZE)),
        delay_seconds=delay_seconds,
        num_retries=num_retries,
    )
    search = arxiv.Search(
        query=query,
        max_results=max_results,
        sort_by=arxiv.SortCriterion.SubmittedDate,
        sort_order=arxiv.SortOrder.Descending,
    )
    papers: list[Paper] = []
    try:
        for result in client.results(search):
            if "api/errors" in result.entry_id:
                # arXiv answers a bad query with a single entry explaining why.
                reason = collapse_ws(result.summary)
                raise FetchError(f"arXiv API error for query {query!r}: {reason}")
            paper = _convert_or_none(result)
            if paper is None:
                continue
            if date and paper.published and paper.published < date:
                break  # sorted newest first: nothing older can match
            if not date or paper.published == date:
                papers.append(paper)
    except arxiv.ArxivError as e:
        raise FetchError(
            f"arXiv API request failed after {e.retry} retries: {e.message} ({e.url})"
        ) from e
    except OSError as e:  # requests' connection errors are OSErrors
        raise FetchError(
            f"cannot reach the arXiv API for query {query!r} (up to {num_retries} retries): {e}"
        ) from e
    return papers


def result_to_paper(result: Any) -> Paper:
    """Convert an `arxiv.Result`; raises RecordError when it lacks a title or abstract."""
    published = getattr(result, "published", None)
    primary = getattr(result, "primary_category", None)
    return make_paper(
        raw_id=result.entry_id,
        title=result.title,
        abstract=result.summary,
        authors=[a.name for a in result.authors],
        categories=([primary] if primary else []) + list(result.categories),
        published=published.date().isoformat() if published else None,
        comment=getattr(result, "comment", None),
        source=result.entry_id,
    )


def _convert_or_none(result: Any) -> Paper | None:
    # A live result without a title or abstract is useless for a digest; drop it quietly.
    try:
        return result_to_paper(result)
    except RecordError:
        return None
