"""JSON-lines readers: our normalized schema and the Kaggle/OAI metadata snapshot.

This module also owns the normalized record shape: the XML readers map their fields onto it
and build papers with `make_paper`, so every source validates records the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

from ..errors import InputError
from ..paper import Paper, collapse_ws, parse_arxiv_id

# "A, B and C", "A, B, and C": arXiv's author strings (Kaggle snapshot, RSS dc:creator).
_AUTHOR_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


class RecordError(ValueError):
    """Why one record is unusable; the reader adds the file and line."""


def make_paper(
    *,
    raw_id: Any,
    title: Any,
    abstract: Any,
    authors: Any = None,
    categories: Any = None,
    published: Any = None,
    comment: Any = None,
    version: Any = None,
    source: str | None = None,
) -> Paper:
    """Validate and normalize one record's fields; raises RecordError with a short reason."""
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        raise RecordError("missing id")
    try:
        paper_id, id_version = parse_arxiv_id(raw_id if isinstance(raw_id, str) else "")
    except ValueError:
        raise RecordError(f"bad arXiv id {raw_id!r}") from None
    clean_title = _text(title, "title")
    if not clean_title:
        raise RecordError("missing title")
    clean_abstract = _text(abstract, "abstract")
    if not clean_abstract:
        raise RecordError("missing abstract")
    return Paper(
        id=paper_id,
        title=clean_title,
        abstract=clean_abstract,
        authors=_authors(authors),
        categories=_categories(categories),
        published=iso_date(published),
        comment=_text(comment, "comment") or None,
        version=_version(version) or id_version,
        source=source,
    )


def split_authors(text: str) -> list[str]:
    return [name for name in (collapse_ws(p) for p in _AUTHOR_SPLIT_RE.split(text)) if name]


def iso_date(value: Any) -> str | None:
    """Return YYYY-MM-DD from an ISO date or timestamp (first 10 chars), None when absent."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"bad published date {value!r}")
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise RecordError(f"bad published date {value!r}") from None


def rfc2822_date(value: str | None) -> str | None:
    """'Thu, 28 Nov 2024 00:00:00 -0500' -> '2024-11-28', in the timestamp's own zone.

    The own zone matters: arXiv announces at midnight US Eastern, which is the previous day
    in UTC.
    """
    if not value or not value.strip():
        return None
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError):
        raise RecordError(f"bad date {value!r}") from None


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{name} must be a string, got {type(value).__name__}")
    return collapse_ws(value)


def _authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return [name for name in (collapse_ws(a) for a in value) if name]
    raise RecordError("authors must be a list of strings")


def _categories(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split()
    if isinstance(value, (list, tuple)) and all(isinstance(c, str) for c in value):
        return list(dict.fromkeys(c.strip() for c in value if c.strip()))
    raise RecordError("categories must be a list of strings")


def _version(value: Any) -> int | None:
    """Accept 3, "3" or "v3"."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lstrip("v").isdigit():
        return int(value.lstrip("v"))
    raise RecordError(f"bad version {value!r}")


def iter_json_lines(path: str) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Yield (line number, object) per non-blank line, or an InputError for a broken line.

    Reads bytes line by line, so a multi-gigabyte snapshot is never held in memory and one
    undecodable line does not stop the file.
    """
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            row = _parse_line(raw, path, lineno)
            if row is not None:
                yield lineno, row


def _parse_line(raw: bytes, path: str, lineno: int) -> dict[str, Any] | InputError | None:
    """One line's JSON object, an InputError saying why not, or None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        reason = f"not UTF-8 text (byte 0x{raw[e.start]:02x} at column {e.start + 1})"
        return InputError(reason, path=path, line=lineno)
    text = text.lstrip("\ufeff").strip()
    if not text:
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return InputError(f"invalid JSON: {e.msg}", path=path, line=lineno)
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return InputError(f"expected a JSON object, got {kind}", path=path, line=lineno)
    return obj


def read_jsonl(path: str) -> Iterator[Paper | InputError]:
    """Our normalized JSON lines; extra fields are ignored."""
    return _read(path, iter_json_lines(path), _from_normalized)


def read_kaggle(path: str) -> Iterator[Paper | InputError]:
    """The Kaggle `arxiv-metadata-oai-snapshot.json` format (one JSON object a line)."""
    return _read(path, iter_json_lines(path), _from_kaggle)


def _read(
    path: str,
    rows: Iterable[tuple[int, dict[str, Any] | InputError]],
    convert: Callable[[dict[str, Any], str], Paper],
) -> Iterator[Paper | InputError]:
    for lineno, row in rows:
        if isinstance(row, InputError):
            yield row
            continue
        try:
            yield convert(row, f"{path}:{lineno}")
        except RecordError as e:
            yield InputError(str(e), path=path, line=lineno)


def _from_normalized(row: dict[str, Any], source: str) -> Paper:
    return make_paper(
        raw_id=row.get("id"),
        title=row.get("title"),
        abstract=row.get("abstract"),
        authors=row.get("authors"),
        categories=row.get("categories"),
        published=row.get("published"),
        comment=row.get("comment"),
        version=row.get("version"),
        source=source,
    )


def _from_kaggle(row: dict[str, Any], source: str) -> Paper:
    versions = row.get("versions")
    if not isinstance(versions, list):
        versions = []
    return make_paper(
        raw_id=row.get("id"),
        title=row.get("title"),
        abstract=row.get("abstract"),
        authors=row.get("authors"),
        categories=row.get("categories"),
        published=_kaggle_v1_date(versions) or iso_date(row.get("update_date")),
        comment=row.get("comments"),
        version=len(versions) or None,
        source=source,
    )


def _kaggle_v1_date(versions: list[Any]) -> str | None:
    for v in versions:
        if isinstance(v, dict) and v.get("version") == "v1":
            return rfc2822_date(v.get("created"))
    return None
