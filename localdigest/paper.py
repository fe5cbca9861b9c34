"""The one Paper type every source normalizes to, and the id/text helpers they share."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

# New-style (2301.01234) and old-style (cs/0112017, math.GT/0309136) arXiv ids, optional version.
_ID_RE = re.compile(
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?P<version>v\d+)?",
)


@dataclass
class Paper:
    id: str  # arXiv id without version, e.g. "2504.01234"
    title: str
    abstract: str
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # primary first
    published: str | None = None  # ISO date the paper was announced
    comment: str | None = None
    version: int | None = None
    source: str | None = None  # "file:line" it came from, for error messages

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}"

    @property
    def primary_category(self) -> str | None:
        return self.categories[0] if self.categories else None

    def text_for_embedding(self) -> str:
        return f"{self.title}. {self.abstract}"

    def content_hash(self) -> str:
        return text_hash(self.text_for_embedding())


# arXiv caps abstracts at 1,920 characters and titles far below 1,000; ten times that is room
# for any real paper, and a 50 MB "abstract" cannot cost minutes and gigabytes downstream.
MAX_TITLE = 2_000
MAX_ABSTRACT = 20_000


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def for_processing(paper: Paper) -> Paper:
    """The paper as the embed, cluster, label and summarize stages see it: title and abstract
    cut to MAX_TITLE / MAX_ABSTRACT characters (the store keeps the whole text)."""
    if len(paper.title) <= MAX_TITLE and len(paper.abstract) <= MAX_ABSTRACT:
        return paper
    return replace(
        paper, title=cut(paper.title, MAX_TITLE), abstract=cut(paper.abstract, MAX_ABSTRACT)
    )


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def collapse_ws(text: str | None) -> str:
    # str.split() splits on the same Unicode whitespace as \s+, in C: ~10x a regex sub.
    return " ".join((text or "").split())


def parse_arxiv_id(raw: str) -> tuple[str, int | None]:
    """Return (id without version, version) from an id or an abs/pdf URL.

    Raises ValueError when no arXiv id can be found.
    """
    m = _ID_RE.search(raw or "")
    if not m:
        raise ValueError(f"not an arXiv id: {raw!r}")
    version = m.group("version")
    return m.group("id"), int(version[1:]) if version else None


def merge(old: Paper, new: Paper) -> Paper:
    """Collapse two records of the same paper (versions, cross-lists) into one.

    The newer version's text wins; categories are unioned with the primary kept first;
    the earliest announcement date is kept because that is the day the paper was new.
    """
    newer, older = (new, old) if (new.version or 0) >= (old.version or 0) else (old, new)
    cats = list(dict.fromkeys(older.categories[:1] + newer.categories + older.categories))
    dates = [d for d in (old.published, new.published) if d]
    return Paper(
        id=old.id,
        title=newer.title or older.title,
        abstract=newer.abstract or older.abstract,
        authors=newer.authors or older.authors,
        categories=cats,
        published=min(dates) if dates else None,
        comment=newer.comment or older.comment,
        version=max(v for v in (old.version, new.version, 0) if v is not None) or None,
        source=older.source,
    )
