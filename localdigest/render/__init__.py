"""Render stage: a day's categories and reports -> Markdown, PNG chart and JSON files.

Files are written to a temporary name and renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..label import Category
from ..sentence import Report


@dataclass
class DayDigest:
    date: str
    categories: list[Category]
    sections: dict[str, Report]  # category id -> five report parts, each a list of Sentences
    stats: dict = field(default_factory=dict)
    quality: dict[str, dict] = field(default_factory=dict)  # category id -> quality gate figures


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        # mkstemp makes 0600 files; a digest is for reading by others (a web server, a team).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def chart_name(date: str) -> str:
    return f"paper_{date}.png"


def source_numbers(cat: Category) -> dict[str, int]:
    """Paper id -> its number in the category's 출처 list (1-based, digest order)."""
    return {p.id: n for n, p in enumerate(cat.papers, start=1)}


def part_text(part: list) -> str:
    """A part as plain text: its sentences joined (one line per sentence)."""
    return "\n".join(s.text for s in part)
