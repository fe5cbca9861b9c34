"""The command line: each command parses options, calls one library function, prints."""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from .errors import describe

app = typer.Typer(
    help="localdigest: an offline daily digest of new AI papers, written in Korean.\n\n"
    "Example:\n\n    localdigest run --input data/sample/2025-04-03.jsonl --out digests/",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
models_app = typer.Typer(
    help="GGUF models: list the registry, assemble a bundled one, add your own, verify.\n\n"
    "Example:\n\n    localdigest models list\n\n"
    "    localdigest models install qwen2.5-coder-0.5b-instruct\n\n"
    "    localdigest models add ~/llms/my-instruct.gguf --name my-instruct",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def friendly(fn):
    """Expected failures become one line on stderr; LOCALDIGEST_DEBUG=1 shows the traceback."""

    # typer's own control flow (Exit, Abort, usage errors) passes through untouched.
    passthrough = tuple(
        cls
        for cls in (typer.Exit, typer.Abort, getattr(typer, "TyperException", None))
        if isinstance(cls, type)
    )

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except passthrough:
            raise
        except KeyboardInterrupt:
            fail("interrupted; finished work is stored, run the same command again to resume")
        except Exception as exc:  # noqa: BLE001 - the README promises one line, never a traceback
            if os.environ.get("LOCALDIGEST_DEBUG"):
                raise
            fail(describe(exc))

    return wrapper


def quiet_libraries() -> None:
    # UMAP and sklearn warn about seeds and thread counts on every run; nothing to act on.
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class BarProgress:
    """Progress on stderr: bars on a terminal; otherwise (cron, a pipe, a log file) plain lines
    with counts and elapsed time, at most one per LOG_EVERY seconds per stage, plus one per
    named step (a category being summarized)."""

    LOG_EVERY = 15.0

    def __init__(self, enabled: bool = True, tty: bool | None = None):
        self.quiet = not enabled  # --quiet: no bars and no stage lines either
        self.enabled = enabled and (sys.stderr.isatty() if tty is None else tty)

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator:
        if not self.enabled:
            if self.quiet:
                yield lambda n=1, note=None: None
            else:
                yield from self._plain(name, total)
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        ) as bar:
            task = bar.add_task(name, total=total)

            def advance(n: int = 1, note: str | None = None) -> None:
                bar.advance(task, n)
                if note:
                    bar.update(task, description=f"{name} · {note}")

            yield advance

    def _plain(self, name: str, total: int | None) -> Iterator:
        import time

        start = last = time.monotonic()
        done = 0
        of = f"/{total}" if total else ""
        typer.echo(f"· {name}" + (f" (0/{total})" if total else "") + "…", err=True)

        def advance(n: int = 1, note: str | None = None) -> None:
            nonlocal done, last
            done += n
            now = time.monotonic()
            if note or now - last >= self.LOG_EVERY:
                last = now
                detail = f": {note}" if note else ""
                typer.echo(f"· {name} {done}{of}{detail}, {now - start:.0f}s", err=True)

        try:
            yield advance
        finally:
            count = f"{done}{of}, " if total else ""
            typer.echo(f"· {name} done: {count}{time.monotonic() - start:.1f}s", err=True)

    def message(self, text: str) -> None:
        typer.echo(text, err=True)


Db = Annotated[
    str | None,
    typer.Option("--db", help="DuckDB file [default: localdigest.duckdb in the data folder]"),
]
Config = Annotated[str | None, typer.Option("--config", help="TOML settings file")]
Wait = Annotated[
    bool, typer.Option(help="If another run holds the database, wait for it instead of exiting")
]


def _notify(text: str) -> None:
    typer.echo(text, err=True)


def settings_for(config: str | None, **flags):
    from .config import load_settings

    return load_settings(config).with_overrides(**flags)


@app.command()
@friendly
def run(
    input: Annotated[
        list[str] | None,
        typer.Option(
            "--input",
            "-i",
            help="Papers file (JSON lines, Kaggle JSON lines, arXiv Atom or RSS); repeatable",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="Day to digest (YYYY-MM-DD, the `published` "
            "date); default: the latest day in the input"
        ),
    ] = None,
    all_papers: Annotated[
        bool,
        typer.Option("--all", help="Use every paper of the input as the day, whatever its date"),
    ] = False,
    categories: Annotated[
        str | None,
        typer.Option(
            help="Fetch this day from the arXiv API instead (needs network), e.g. cs.AI,cs.CL"
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(help="Folder for the digest files [default: digests/ in the data folder]"),
    ] = None,
    db: Db = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="GGUF model: a registry name (`localdigest models list`) or a file "
            "[default: gemma-270m, the bundled one]"
        ),
    ] = None,
    embedder: Annotated[str | None, typer.Option(help="sentence-transformers model folder")] = None,
    n_gpu_layers: Annotated[
        int | None,
        typer.Option(
            help="Layers to offload to a GPU; -1 = all [default: 0, CPU]. Needs a GPU build "
            "of llama-cpp-python (README: GPU)"
        ),
    ] = None,
    threads: Annotated[
        int | None, typer.Option(help="CPU threads for the LLM [default: cores]")
    ] = None,
    parallel: Annotated[
        int | None,
        typer.Option(help="Per-paper summaries the LLM decodes together [default: 8; 1 = off]"),
    ] = None,
    writer: Annotated[
        str | None,
        typer.Option(
            help="Per-paper lines: 'floor' (from the paper's own words, no model) or 'llm' "
            "(the model's line where it passes the faithfulness check) [default: floor]"
        ),
    ] = None,
    llm: Annotated[
        str | None,
        typer.Option(
            "--llm", help="LLM backend: llama-cpp (in-process GGUF) or openai (a served model)"
        ),
    ] = None,
    llm_url: Annotated[
        str | None,
        typer.Option(help="OpenAI-compatible server for --llm openai [default: 127.0.0.1:8080/v1]"),
    ] = None,
    llm_model: Annotated[
        str | None, typer.Option(help="Model id on that server [default: its only model]")
    ] = None,
    llm_concurrency: Annotated[
        int | None, typer.Option(help="Requests in flight to the server [default: 4]")
    ] = None,
    from_day: Annotated[
        str | None,
        typer.Option("--from", help="Backfill: first day of a range (with --to), from --input"),
    ] = None,
    to_day: Annotated[
        str | None, typer.Option("--to", help="Backfill: last day of the range (inclusive)")
    ] = None,
    taxonomy: Annotated[str | None, typer.Option(help="TOML taxonomy of category names")] = None,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first bad input line instead of skipping it")
    ] = False,
    config: Config = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars")] = False,
    offline: Annotated[
        bool | None,
        typer.Option(
            "--offline/--online",
            help="Block every non-loopback connection for the whole run "
            "[default: offline, unless --categories fetches from arXiv]",
        ),
    ] = None,
    wait: Wait = False,
    profile: Annotated[
        str | None,
        typer.Option(help="Your papers (.bib, Zotero .csv or a PDF folder): a 관심 논문 section"),
    ] = None,
) -> None:
    """Make the digest of one day (or, with --from/--to, of every day of a range): Markdown,
    chart and JSON in --out, and the HTML site (index.html, a page per day and category,
    feed.xml) over every stored day.

    Example:

        localdigest run --input papers.jsonl --date 2025-04-01 --out digests/

        localdigest run --date 2025-04-01 --categories cs.AI,cs.CL,cs.CV,cs.LG

        localdigest run --input data/days/*.jsonl --from 2025-04-01 --to 2025-04-07

        localdigest run --input papers.jsonl --llm openai --llm-url http://127.0.0.1:8080/v1
    """
    quiet_libraries()
    from .offline import guarded

    settings = settings_for(
        config,
        db=db,
        out=out,
        model=model,
        embedder=embedder,
        n_gpu_layers=n_gpu_layers,
        threads=threads,
        parallel=parallel,
        writer=writer,
        llm_backend=llm,
        llm_url=llm_url,
        llm_model=llm_model,
        llm_concurrency=llm_concurrency,
        offline=None if offline is None else str(offline).lower(),
        profile=profile,
    )
    if from_day or to_day:
        if not (from_day and to_day) or date or categories or all_papers:
            fail(
                "a backfill takes --from DAY and --to DAY with --input "
                "(no --date, --all or --categories)"
            )
        _backfill(settings, input, from_day, to_day, taxonomy, strict, wait)
        return
    # The guard covers the whole command, the heavy imports included; a served model's host
    # (llm_url) is the one address it lets through.
    offline_on = settings.offline_for(bool(categories))
    with guarded(offline_on, allow=settings.llm_host() if offline_on else None):
        _run(settings, input, date, all_papers, categories, taxonomy, strict, quiet, wait)


def _backfill(settings, input, start, end, taxonomy, strict, wait) -> None:
    from .backfill import backfill, summary_table
    from .offline import guarded

    def report(outcome) -> None:
        typer.echo(outcome.line())

    with guarded(settings.offline_for(False), allow=settings.llm_host()):
        outcomes, skipped = backfill(
            settings,
            list(input or []),
            start,
            end,
            strict=strict,
            taxonomy=taxonomy,
            progress=BarProgress(enabled=False),  # one line per day, no stage lines
            report=report,
            wait=wait,
        )
    if skipped:
        typer.echo(f"skipped {len(skipped)} bad input record(s); first: {skipped[0]}", err=True)
    typer.echo(summary_table(outcomes))


def _run(settings, input, date, all_papers, categories, taxonomy, strict, quiet, wait) -> None:
    from .pipeline import DayRequest, run_day

    request = DayRequest(
        inputs=list(input or []),
        date=date,
        all_papers=all_papers,
        strict=strict,
        fetch_categories=[c.strip() for c in (categories or "").split(",") if c.strip()],
        taxonomy=taxonomy,
    )
    progress = BarProgress(enabled=not quiet)
    from .models_install import ensure_bundled
    from .preflight import valid_day

    # Assemble the bundled model on a first run only when the run can otherwise go ahead.
    valid_day(date)
    readable = request.inputs and all(os.path.isfile(p) for p in request.inputs)
    if request.fetch_categories or readable:
        ensure_bundled(settings, notify=None if quiet else _notify)
    result = run_day(settings, request, progress=progress, wait=wait)
    for err in result.skipped[:20]:
        typer.echo(f"skipped {err}", err=True)
    if result.skipped:
        typer.echo(f"skipped {len(result.skipped)} bad input record(s)", err=True)
    s = result.stats
    typer.echo(
        f"{result.date}: {s['papers']} papers in {s['categories']} categories, "
        f"{s['seconds_total']:.1f}s"
    )
    for path in (result.markdown, result.chart, result.json):
        typer.echo(f"wrote {path}")
    if result.site is not None:
        typer.echo(f"wrote {result.site}")


@app.command()
@friendly
def cluster(
    input: Annotated[list[str], typer.Option("--input", "-i", help="Papers file; repeatable")],
    date: Annotated[str | None, typer.Option(help="Day (YYYY-MM-DD)")] = None,
    all_papers: Annotated[bool, typer.Option("--all", help="Use every paper of the input")] = False,
    db: Db = None,
    embedder: Annotated[str | None, typer.Option(help="sentence-transformers model folder")] = None,
    taxonomy: Annotated[str | None, typer.Option(help="TOML taxonomy of category names")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    config: Config = None,
    wait: Wait = False,
) -> None:
    """Ingest, embed, cluster and label one day, without the LLM.

    Example:

        localdigest cluster --input papers.jsonl --date 2025-04-01 --json
    """
    quiet_libraries()
    from .cluster_day import cluster_day
    from .pipeline import DayRequest

    settings = settings_for(config, db=db, embedder=embedder)
    request = DayRequest(inputs=input, date=date, all_papers=all_papers, taxonomy=taxonomy)
    from .offline import guarded
    from .preflight import check_outputs, valid_day
    from .store.lock import WriterLock

    valid_day(date)
    check_outputs(settings.db, None)
    # Same promises as `run`: nothing leaves the machine, one writer per database.
    with guarded(True), WriterLock(settings.db, wait=wait, notify=_notify):
        day, cats, outlier_share = cluster_day(settings, request)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "date": day,
                    "categories": [
                        {"name": c.name, "emoji": c.emoji, "papers": [p.id for p in c.papers]}
                        for c in cats
                    ],
                    "outlier_share": round(outlier_share, 4),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    typer.echo(
        f"{day}: {sum(len(c.papers) for c in cats)} papers, outliers before "
        f"reassignment {outlier_share:.0%}"
    )
    for c in cats:
        typer.echo(f"  {c.emoji} {c.name}: {len(c.papers)}  ({', '.join(c.keywords[:3])})")


@app.command()
@friendly
def ingest(
    input: Annotated[list[str], typer.Option("--input", "-i", help="Papers file; repeatable")],
    db: Db = None,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first bad record instead of skipping it")
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Papers per database write")] = 5000,
    config: Config = None,
    wait: Wait = False,
) -> None:
    """Store papers from any number of files, streaming (flat memory for huge snapshots).

    Example:

        localdigest ingest --input arxiv-metadata-oai-snapshot.json --db data/localdigest.duckdb
    """
    from .ingest import ingest as ingest_files
    from .offline import guarded
    from .preflight import check_outputs
    from .store import Store
    from .store.lock import WriterLock

    settings = settings_for(config, db=db)
    check_outputs(settings.db, None)
    with (
        guarded(True),
        WriterLock(settings.db, wait=wait, notify=_notify),
        Store(settings.db) as store,
    ):
        result = ingest_files(store, input, batch_size=batch_size, strict=strict)
        total = store.paper_count()
        store.checkpoint()
    for err in result.errors[:20]:
        typer.echo(f"skipped {err}", err=True)
    typer.echo(
        f"read {result.read} records: {result.stored} papers new or changed, "
        f"{result.skipped} skipped; {total} papers in {settings.db}"
    )


@app.command("categories")
@friendly
def categories_cmd(
    db: Db = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    config: Config = None,
) -> None:
    """List known categories with their paper counts per day.

    Example:

        localdigest categories --json
    """
    from .store import Store

    settings = settings_for(config, db=db)
    rows = []
    if os.path.exists(settings.db):  # no database yet: no categories (and nothing created)
        with Store(settings.db, read_only=True) as store:
            rows = store.category_counts()
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {"date": d, "id": i, "name": n, "emoji": e, "papers": c}
                    for d, i, n, e, c in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for d, _i, n, e, c in rows:
        typer.echo(f"{d}  {e} {n}: {c}")


@app.command("check")
@friendly
def check_cmd(
    digest: Annotated[
        str,
        typer.Argument(
            metavar="DIGEST_JSON_OR_DATE", help="digest_<date>.json, or a date looked up in --out"
        ),
    ],
    db: Db = None,
    out: Annotated[
        str | None,
        typer.Option(help="Folder of the digest files [default: digests/ in the data folder]"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    config: Config = None,
) -> None:
    """Check a written digest against the quality gate; exit 1 on a day not to trust.

    Per category: grounding (numbers and Latin terms found in the cited papers), five parts,
    Hangul share, distinct word 3-grams, every paper mentioned in part 3, every sentence of
    parts 1, 2, 4, 5 with a source paper, fallbacks (at most 5 % of the sentences), and no
    sentence repeated in another category once category names and keywords are masked.
    Exits 1 when a category fails or more than 5 % of the day's sentences fell back.

    Example:

        localdigest check 2025-04-03 --db data/localdigest.duckdb

        localdigest check digests/digest_2025-04-03.json --json
    """
    from .quality_report import check_day, summary_line, totals, trusted

    settings = settings_for(config, db=db, out=out)
    data, checks = check_day(digest, settings.db, settings.out)
    total = totals(checks)
    if as_json:
        rows = [
            {
                "name": c.name,
                **c.report.to_dict(),
                "papers_total": c.report.papers_total,
                "failures": c.report.failures,
            }
            for c in checks
        ]
        typer.echo(
            json.dumps(
                {"date": data.get("date"), "categories": rows, "totals": total},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for c in checks:
            typer.echo(summary_line(c))
            for failure in c.report.failures:
                typer.echo(f"      {failure}")
        typer.echo(
            f"total: {total['passed']}/{total['categories']} categories pass, "
            f"hangul min {total['hangul_ratio_min']:.2f}, "
            f"distinct3 min {total['distinct3_min']:.2f}, "
            f"mentioned {total['papers_mentioned']}/{total['papers_total']}, "
            f"ungrounded {total['ungrounded_tokens']}, "
            f"fallback {total['fallback_units']}/{total['units']} = "
            f"{total['fallback_share']:.1%}, unsourced {total['unsourced']}, "
            f"paper lines: {total['floor_lines']} from the floor, "
            f"{total['model_lines']} from the model"
            + (f" ({', '.join(total['models'])})" if total["models"] else "")
        )
    if not trusted(total):
        raise typer.Exit(1)


@app.command()
@friendly
def doctor(
    model: Annotated[str | None, typer.Option(help="GGUF model file")] = None,
    embedder: Annotated[str | None, typer.Option(help="sentence-transformers model folder")] = None,
    db: Db = None,
    config: Config = None,
) -> None:
    """Check this machine for an offline run, one line each: models, database, Hangul font,
    GPU, network guard. Exits 1 if a required check fails.

    Example:

        localdigest doctor --db data/localdigest.duckdb
    """
    quiet_libraries()
    from .doctor import run_checks

    results = run_checks(settings_for(config, db=db, model=model, embedder=embedder))
    for check in results:
        typer.echo(check.line())
    if any(c.required and not c.ok for c in results):
        raise typer.Exit(1)


@app.command()
@friendly
def paths(
    db: Db = None,
    out: Annotated[str | None, typer.Option(help="Folder of the digest files")] = None,
    model: Annotated[str | None, typer.Option(help="GGUF model file")] = None,
    config: Config = None,
) -> None:
    """Print where localdigest reads and writes, and whether each exists.

    Example:

        localdigest paths
    """
    from .paths_report import path_lines

    for line in path_lines(config, settings_for(config, db=db, out=out, model=model)):
        typer.echo(line)


from . import cli_models, cli_reader  # noqa: E402,F401 - register models and reader commands

if __name__ == "__main__":
    app()
