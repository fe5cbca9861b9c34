"""Reader commands: site, search, trends, index. Registered on the main app by cli.py."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .cli import Config, Db, app, friendly, quiet_libraries, settings_for

Embedder = Annotated[str | None, typer.Option(help="sentence-transformers model folder")]


@app.command()
@friendly
def site(
    out: Annotated[str | None, typer.Option(help="Folder of the site [default: digests]")] = None,
    db: Db = None,
    profile: Annotated[
        str | None, typer.Option(help="Your papers (.bib, Zotero .csv, PDF folder): 관심 논문")
    ] = None,
    embedder: Embedder = None,
    site_url: Annotated[str | None, typer.Option(help="Absolute base URL for feed links")] = None,
    config: Config = None,
) -> None:
    """Rebuild the static HTML site and Atom feed from the database, read-only.

    `run` already does this after each day; use this after changing --profile or --site-url.

    Example:

        localdigest site --out digests/ --profile refs.bib
    """
    quiet_libraries()
    from .archive import open_readonly
    from .offline import guarded
    from .site import publish

    s = settings_for(config, db=db, out=out, profile=profile, embedder=embedder, site_url=site_url)
    with guarded(True):
        emb = None
        if s.profile:
            from .embed import get_embedder

            emb = get_embedder(s.embed_backend, s.embedder)
        db_conn = open_readonly(s.db)
        try:
            index = publish(db_conn, s.out, profile=s.profile, embedder=emb, site_url=s.site_url)
        finally:
            db_conn.close()
    typer.echo(f"wrote {index}")


@app.command()
@friendly
def search(
    query: Annotated[str, typer.Argument(help="Words or a phrase; paraphrases work too")],
    since: Annotated[str | None, typer.Option(help="Only papers of this day or later")] = None,
    category: Annotated[
        str | None, typer.Option(help="Only this arXiv category (cs.CL) or digest category")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Results to show")] = 10,
    lexical_only: Annotated[
        bool, typer.Option("--lexical-only", help="BM25 only: skip loading the embedder")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    db: Db = None,
    embedder: Embedder = None,
    config: Config = None,
) -> None:
    """Search every stored paper (BM25 + embedding similarity); opens the database read-only.

    Example:

        localdigest search "speech recognition in noisy rooms" --since 2025-04-01 -n 5
    """
    quiet_libraries()
    from .archive import open_readonly
    from .offline import guarded
    from .search import SearchIndex, embed_query

    s = settings_for(config, db=db, embedder=embedder)
    with guarded(True):
        emb = None
        if not lexical_only:
            from .embed import get_embedder

            emb = get_embedder(s.embed_backend, s.embedder)
        db_conn = open_readonly(s.db)
        try:
            index = SearchIndex(db_conn, emb.name if emb else None)
        finally:
            db_conn.close()
        vector = embed_query(emb, query) if emb and index.vectors is not None else None
        hits = index.search(query, vector, k=limit, since=since, category=category)
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("no paper matches")
    for h in hits:
        typer.echo(f"{h.date}  [{h.category}]  {h.title}  ({h.url})")
        if h.line:
            typer.echo(f"    {h.line}")


@app.command()
@friendly
def trends(
    days: Annotated[int, typer.Option(help="How many of the latest digested days")] = 14,
    top: Annotated[int, typer.Option(help="Categories and keywords to show")] = 8,
    png: Annotated[str | None, typer.Option(help="Also write a chart here (PNG)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """Categories and keywords over the latest digested days: a table, and a PNG with --png.

    Example:

        localdigest trends --days 10 --png digests/trends.png
    """
    from .archive import open_readonly
    from .render import atomic_write
    from .trends import chart, table
    from .trends import trends as compute

    s = settings_for(config, db=db)
    db_conn = open_readonly(s.db)
    try:
        t = compute(db_conn, days=days, top=top)
    finally:
        db_conn.close()
    if png:
        from pathlib import Path

        atomic_write(Path(png), chart(t))
    if as_json:
        typer.echo(
            json.dumps(
                {"days": t.days, "categories": t.categories, "keywords": t.keywords},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        typer.echo(table(t))
    if png:
        typer.echo(f"wrote {png}", err=as_json)


@app.command()
@friendly
def index(
    db: Db = None,
    embedder: Embedder = None,
    batch_size: Annotated[int, typer.Option(help="Papers per embedding batch")] = 512,
    config: Config = None,
) -> None:
    """Embed every stored paper that has no vector yet (after `ingest`), so search finds
    them by meaning too. Cached by text hash: a second call embeds nothing.

    Example:

        localdigest index --db data/localdigest.duckdb
    """
    quiet_libraries()
    from .embed import embed_papers, get_embedder
    from .offline import guarded
    from .store import Store
    from .store.lock import WriterLock

    s = settings_for(config, db=db, embedder=embedder)
    with guarded(True), WriterLock(s.db), Store(s.db) as store:
        emb = get_embedder(s.embed_backend, s.embedder)
        ids = [r[0] for r in store.db.execute("SELECT id FROM papers ORDER BY id").fetchall()]
        done = 0
        for start in range(0, len(ids), 5000):  # bounded memory for big snapshots
            papers = store.papers(ids[start : start + 5000])
            _, hits = embed_papers(store, emb, papers, batch_size=batch_size)
            done += len(papers) - hits
    typer.echo(f"embedded {done} papers ({len(ids) - done} already had a vector) with {emb.name}")
