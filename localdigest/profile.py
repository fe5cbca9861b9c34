""" "For you": an interest profile from the user's own papers, and each day's closest papers.

The profile is read from a BibTeX file, a Zotero CSV export or a folder of PDFs (their
titles), embedded locally with the run's embedder, and compared with the stored embeddings
of each day's papers. Nothing leaves the machine.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np

from .errors import InputError
from .paper import text_hash
from .render.html import Pick

PICKS_PER_DAY = 5


@dataclass
class ProfilePaper:
    title: str
    abstract: str = ""

    def text(self) -> str:
        # Same shape as Paper.text_for_embedding, so a profile paper that is also on arXiv
        # lands on the same vector.
        return f"{self.title}. {self.abstract}" if self.abstract else self.title


def _clean(text: str) -> str:
    return " ".join(text.replace("{", "").replace("}", "").split())


def read_bibtex(path: Path) -> list[ProfilePaper]:
    import bibtexparser

    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds
        raise InputError(f"not readable as BibTeX: {exc}", path=str(path)) from exc
    out = []
    for entry in library.entries:
        fields = {k.lower(): v for k, v in entry.fields_dict.items()}
        title = _clean(str(fields["title"].value)) if "title" in fields else ""
        if not title:
            continue
        abstract = _clean(str(fields["abstract"].value)) if "abstract" in fields else ""
        out.append(ProfilePaper(title, abstract))
    for block in library.failed_blocks:
        line = getattr(block, "start_line", None)
        raise InputError(
            "a BibTeX entry could not be parsed; fix or remove it",
            path=str(path),
            line=None if line is None else line + 1,
        )
    return out


def read_zotero_csv(path: Path) -> list[ProfilePaper]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "Title" not in reader.fieldnames:
            raise InputError(
                "no `Title` column; export from Zotero with File > Export Library > CSV",
                path=str(path),
            )
        return [
            ProfilePaper(_clean(row["Title"]), _clean(row.get("Abstract Note") or ""))
            for row in reader
            if (row.get("Title") or "").strip()
        ]


_PDF_TITLE = re.compile(rb"/Title\s*\(((?:\\.|[^\\)])*)\)")


def pdf_title(path: Path) -> str:
    """The PDF's /Title metadata when stored as a plain string, else the file name."""
    head = path.read_bytes()[:2_000_000]
    m = _PDF_TITLE.search(head)
    if m:
        raw = m.group(1)
        if raw.startswith(b"\xfe\xff"):
            title = raw[2:].decode("utf-16-be", errors="ignore")
        else:
            title = raw.decode("latin-1")
        title = re.sub(r"\\(.)", r"\1", title).strip()
        if len(title.split()) >= 2:
            return _clean(title)
    return _clean(re.sub(r"[_\-]+", " ", path.stem))


def load_profile(path: str | Path) -> list[ProfilePaper]:
    path = Path(path)
    if path.is_dir():
        papers = [ProfilePaper(pdf_title(p)) for p in sorted(path.glob("*.pdf"))]
    elif not path.is_file():
        raise InputError(
            "profile not found; pass a .bib, a Zotero .csv or a folder of PDFs", path=str(path)
        )
    elif path.suffix.lower() == ".bib":
        papers = read_bibtex(path)
    elif path.suffix.lower() == ".csv":
        papers = read_zotero_csv(path)
    else:
        raise InputError(
            "unknown profile type; use .bib, a Zotero .csv or a folder of PDFs", path=str(path)
        )
    if not papers:
        raise InputError("the profile holds no paper with a title", path=str(path))
    return papers


@dataclass
class Profile:
    papers: list[ProfilePaper]
    vectors: np.ndarray  # one unit row per profile paper

    @classmethod
    def build(cls, papers: list[ProfilePaper], embedder, store=None) -> Profile:
        """Embed the profile; with a (writable) store, through its embedding cache."""
        texts = [p.text() for p in papers]
        if store is None:
            return cls(papers, np.asarray(embedder.embed(texts), np.float32))
        hashes = [text_hash(t) for t in texts]
        cached = store.cached_embeddings(embedder.name, hashes)
        missing = sorted(
            {h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}.items()
        )
        if missing:
            fresh = embedder.embed([t for _, t in missing])
            new = {h: np.asarray(v, np.float32) for (h, _), v in zip(missing, fresh, strict=True)}
            store.put_embeddings(embedder.name, new)
            cached.update(new)
        return cls(papers, np.stack([cached[h] for h in hashes]).astype(np.float32))

    def rank(
        self, ids: list[str], vectors: np.ndarray, k: int = PICKS_PER_DAY
    ) -> list[tuple[int, float, int]]:
        """(paper row, score, closest profile row) for the k papers closest to any profile
        paper; a paper's score is its best cosine over the profile."""
        if len(ids) == 0 or vectors.size == 0:
            return []
        sims = vectors @ self.vectors.T  # papers x profile
        best = sims.argmax(axis=1)
        score = sims[np.arange(len(ids)), best]
        order = np.argsort(-score, kind="stable")[:k]
        return [(int(i), float(score[i]), int(best[i])) for i in order]


def day_picks(
    db: duckdb.DuckDBPyConnection, profile: Profile, model: str, k: int = PICKS_PER_DAY
) -> dict[str, list[Pick]]:
    """day -> its "관심 논문" rows, from the embeddings stored by the runs."""
    from .archive import load_days

    out: dict[str, list[Pick]] = {}
    for view in load_days(db):
        papers = [p for c in view.categories for p in c.papers]
        rows = db.execute(
            "SELECT p.id, e.vector FROM papers p JOIN embeddings e "
            "ON e.text_hash = p.content_hash AND e.model = ? "
            "WHERE p.id IN (SELECT unnest(?))",
            [model, [p.id for p in papers]],
        ).fetchall()
        vec = dict(rows)
        have = [p for p in papers if p.id in vec]
        if not have:
            continue
        matrix = np.asarray([vec[p.id] for p in have], dtype=np.float32)
        out[view.date] = [
            Pick(have[i].id, have[i].title, have[i].line, score, profile.papers[j].title)
            for i, score, j in profile.rank([p.id for p in have], matrix, k)
        ]
    return out
