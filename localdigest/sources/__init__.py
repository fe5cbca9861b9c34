"""Read papers from files: normalized JSON lines, the Kaggle snapshot, arXiv Atom and RSS.

Errors come in two sizes. A bad *record* (broken JSON line, missing title, arXiv's error entry)
is yielded as an InputError so one line cannot stop a day's load. A bad *file* (missing, not
an arXiv feed, malformed XML, arXiv's RSS error feed) raises InputError at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..errors import ConfigError, InputError
from ..paper import Paper, merge
from .atom import FEED, read_atom, root_tag
from .jsonl import read_jsonl, read_kaggle
from .rss import read_rss

Reader = Callable[[str], Iterator[Paper | InputError]]

READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "kaggle": read_kaggle,
    "atom": read_atom,
    "rss": read_rss,
}

_SNIFF_BYTES = 8192
_SNIFF_LINES = 20
# Fields only the Kaggle/OAI snapshot has; our normalized schema has none of them.
_KAGGLE_KEYS = ("versions", "update_date", "authors_parsed")
_PROGRESS_EVERY = 1000

__all__ = [
    "READERS",
    "LoadResult",
    "detect_format",
    "get_reader",
    "iter_records",
    "load",
]


def get_reader(fmt: str) -> Reader:
    try:
        return READERS[fmt]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ConfigError(f"unknown input format {fmt!r}; known formats: {known}") from None


def detect_format(path: str) -> str:
    """'jsonl', 'kaggle', 'atom' or 'rss', from the file's first bytes, not its name."""
    _check_file(path)
    with open(path, "rb") as f:
        head = f.read(_SNIFF_BYTES)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        return _xml_format(path, head)
    return _json_format(path)


def _xml_format(path: str, head: bytes) -> str:
    try:
        tag = root_tag(head)
    except InputError as e:
        raise InputError(f"not an arXiv Atom or RSS feed ({_reason(e)})", path=path) from None
    # The arXiv namespace or host appears in every arXiv feed header, old and new.
    from_arxiv = b"arxiv.org" in head.lower()
    if tag == FEED and from_arxiv:
        return "atom"
    if tag == "rss" and from_arxiv:
        return "rss"
    shown = tag.rpartition("}")[2] if tag else "none"
    raise InputError(f"not an arXiv Atom or RSS feed (root element <{shown}>)", path=path)


def _json_format(path: str) -> str:
    """Decide on the first record that parses; broken early lines are reported later."""
    looked = 0
    with open(path, "rb") as f:
        for raw in f:
            text = raw.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
            if not text:
                continue
            looked += 1
            try:
                obj = json.loads(text)
            except json.JSONDecodeError:
                obj = None
            if isinstance(obj, dict):
                is_kaggle = any(k in obj for k in _KAGGLE_KEYS)
                return "kaggle" if is_kaggle or isinstance(obj.get("categories"), str) else "jsonl"
            if looked >= _SNIFF_LINES:
                break
    if looked == 0 or path.endswith((".jsonl", ".json", ".ndjson")):
        return "jsonl"  # empty, or JSON lines that are all broken: the reader says which
    raise InputError(
        "unknown input format: expected JSON lines or an arXiv Atom or RSS feed", path=path
    )


def iter_records(path: str, fmt: str | None = None) -> Iterator[Paper | InputError]:
    """Stream one file's records: a Paper per good record, an InputError per bad one."""
    reader = get_reader(fmt) if fmt else None
    _check_file(path)
    reader = reader or get_reader(detect_format(path))
    return _guard_os_errors(reader(path), path)


def _guard_os_errors(
    records: Iterator[Paper | InputError], path: str
) -> Iterator[Paper | InputError]:
    try:
        yield from records
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}", path=path) from None


def _check_file(path: str) -> None:
    if not os.path.exists(path):
        raise InputError("file not found", path=path)
    if os.path.isdir(path):
        raise InputError("is a directory, not a file", path=path)


def _reason(error: InputError) -> str:
    return str(error).partition(": ")[2]


@dataclass
class LoadResult:
    papers: dict[str, Paper] = field(default_factory=dict)  # one per arXiv id, merged
    skipped: list[InputError] = field(default_factory=list)
    read: int = 0  # records seen, good and bad (blank lines not counted)


def load(
    paths: list[str],
    *,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Read every input, merging versions and cross-lists of a paper into one record.

    strict=True raises the first bad record instead of skipping it. `progress`, when given,
    is called with the running count of records read.
    """
    result = LoadResult()
    for path in paths:
        for record in iter_records(path):
            result.read += 1
            if isinstance(record, InputError):
                if strict:
                    raise record
                result.skipped.append(record)
            else:
                _add(result.papers, record)
            if progress and result.read % _PROGRESS_EVERY == 0:
                progress(result.read)
    if progress:
        progress(result.read)
    return result


def _add(papers: dict[str, Paper], paper: Paper) -> None:
    old = papers.get(paper.id)
    papers[paper.id] = merge(old, paper) if old else paper
