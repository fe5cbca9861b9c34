"""The static site: index.html, one page per day and per category, and the Atom feed.

Everything comes from the DuckDB file (every digested day, not only today's), through jinja2
templates with autoescape on. Pages use relative links and a local copy of NanumGothic, so
the folder works from file:// or behind any web server, with no network fetch.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..archive import CategoryView, DayView, load_days
from ..prompts import PARTS
from . import atomic_write, chart_name

FONT_FILE = "NanumGothic.ttf"  # as shipped by koreanize-matplotlib
BOLD_FONT_FILE = "NanumGothicBold.ttf"
_SAFE = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


@dataclass
class Pick:
    """One "관심 논문" row: a paper of the day close to one of the user's own papers."""

    paper_id: str
    title: str
    line: str
    score: float
    reason: str  # the profile paper it is closest to


def page_name(category_id: str) -> str:
    """A file name for a category page: the slug itself when it is plain ASCII."""
    if _SAFE.match(category_id):
        return f"{category_id}.html"
    return "c-" + hashlib.sha1(category_id.encode("utf-8")).hexdigest()[:12] + ".html"


def font_source(name: str = FONT_FILE) -> Path | None:
    """A NanumGothic file as shipped by koreanize-matplotlib (a dependency), else Debian's."""
    import importlib.util

    # found, not imported: importing it starts matplotlib (0.5 s of a warm rerun)
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is not None and spec.origin:
        bundled = Path(spec.origin).parent / "fonts" / name
        if bundled.is_file():
            return bundled
    system = Path("/usr/share/fonts/truetype/nanum") / name
    return system if system.is_file() else None


def _bytecode_cache():
    """Compiled templates on disk, keyed by jinja2 by each template's source checksum:
    compiling them was a tenth of a warm rerun. None where the folder cannot be made."""
    from jinja2 import FileSystemBytecodeCache

    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(base) / "localdigest" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        bytecode_cache=_bytecode_cache(),
        loader=PackageLoader("localdigest", "templates"),
        autoescape=select_autoescape(["html", "xml", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["page"] = page_name
    env.filters["anchor"] = lambda cid: "cat-" + page_name(cid).removesuffix(".html")
    return env


@dataclass
class CategoryDay:
    date: str
    category: CategoryView


def _category_index(views: list[DayView]) -> dict[str, list[CategoryDay]]:
    out: dict[str, list[CategoryDay]] = {}
    for view in views:  # newest first
        for cat in view.categories:
            out.setdefault(cat.id, []).append(CategoryDay(view.date, cat))
    return out


def _sources_map(cat: CategoryView) -> dict[str, int]:
    """paper id -> its number within the category, for the [n] marks after sentences."""
    return {p.id: i for i, p in enumerate(cat.papers, start=1)}


def _font_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "localdigest" / "fonts"


def subset_font(font: Path, text: str) -> bytes:
    """NanumGothic cut down to the characters the site uses (plus ASCII), as WOFF.

    Chromium will not load a font file from a file:// page (a CORS block), so the font goes
    into site.css as a data: URI; the subset keeps that a few hundred KB instead of 4.7 MB.
    Subsetting takes seconds, so the result is cached by font file and character set.
    """
    chars = "".join(sorted(set(text) | {chr(c) for c in range(0x20, 0x7F)}))
    stat = font.stat()
    key = hashlib.sha256(f"{font}|{stat.st_size}|{stat.st_mtime_ns}|{chars}".encode()).hexdigest()
    cached = _font_cache() / f"{key[:32]}.woff"
    if cached.is_file():
        return cached.read_bytes()
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"  # zlib-compressed; WOFF2 would need brotli
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # smaller and faster; screens render it well without
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]  # VTT hinting sources
    ft = subset.load_font(str(font), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(ft)
    buf = io.BytesIO()
    subset.save_font(ft, buf, options)
    data = buf.getvalue()
    try:
        atomic_write(cached, data)
    except OSError:  # a read-only home: just no cache
        pass
    return data


def site_css(pages_text: str) -> str:
    """site.css: the embedded Korean font, regular and bold (when found), and the styles."""
    from importlib import resources

    css = resources.files("localdigest").joinpath("templates/site.css").read_text("utf-8")
    faces = []
    for name, weight in ((FONT_FILE, 400), (BOLD_FONT_FILE, 700)):
        font = font_source(name)
        if font is None:  # the font stack still tries an installed NanumGothic
            continue
        data = base64.b64encode(subset_font(font, pages_text)).decode("ascii")
        faces.append(
            '@font-face {\n  font-family: "NanumGothicLocal";\n'
            f"  font-weight: {weight};\n"
            f'  src: url("data:font/woff;base64,{data}") format("woff");\n'
            "  font-display: block;\n}\n"
        )
    return "".join(faces) + css


def write_site(
    db: duckdb.DuckDBPyConnection,
    out: str | Path,
    *,
    picks: dict[str, list[Pick]] | None = None,
    site_url: str = "",
) -> list[Path]:
    """Write (or rewrite) the whole site into ``out``; returns the files written."""
    out = Path(out)
    views = load_days(db)
    env = _env()
    picks = picks or {}
    cats = _category_index(views)
    pages: dict[Path, str] = {}

    def render(path: Path, template: str, root: str, **ctx) -> None:
        pages[path] = env.get_template(template).render(root=root, parts=PARTS, **ctx)

    totals = sorted(
        (
            (cid, rows[0].category, sum(len(r.category.papers) for r in rows), len(rows))
            for cid, rows in cats.items()
        ),
        key=lambda t: (-t[2], t[1].name),
    )
    render(out / "index.html", "index.html.j2", "", views=views, totals=totals)
    for i, view in enumerate(views):
        newer = views[i - 1].date if i > 0 else None
        older = views[i + 1].date if i + 1 < len(views) else None
        top = max((len(c.papers) for c in view.categories), default=1) or 1
        render(
            out / "day" / f"{view.date}.html",
            "day.html.j2",
            "../",
            view=view,
            newer=newer,
            older=older,
            top=top,
            picks=picks.get(view.date, []),
            chart=chart_name(view.date) if (out / chart_name(view.date)).is_file() else None,
            sources={c.id: _sources_map(c) for c in view.categories},
        )
    for cid, rows in cats.items():
        render(
            out / "category" / page_name(cid),
            "category.html.j2",
            "../",
            category=rows[0].category,
            rows=rows,
            total=sum(len(r.category.papers) for r in rows),
        )
    from .feed import render_feed

    css = site_css("".join(pages.values()))
    atomic_write(out / "assets" / "site.css", css.encode("utf-8"))
    for path, html in pages.items():
        atomic_write(path, html.encode("utf-8"))
    feed = out / "feed.xml"
    atomic_write(feed, render_feed(views, site_url=site_url).encode("utf-8"))
    return [out / "assets" / "site.css", *pages, feed]
