"""Checks a run makes before its expensive stages, so a bad flag costs seconds, not an LLM stage.

Each check raises one LocalDigestError naming the path or value and what to do: a --date that
is not a day, an output or database folder that cannot be written, a disk without room.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

from .errors import ConfigError, ResourceError, os_hint

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MB = 1 << 20
# Room a run needs: the database grows by about 2 kB per paper plus LLM logs; a digest's three
# files are well under 1 MB. Generous floors, so a nearly full disk stops the run up front.
DB_FREE = 64 * MB
OUT_FREE = 8 * MB


def valid_day(value: str | None, flag: str = "--date") -> str | None:
    """A YYYY-MM-DD calendar day, or None; anything else (``../../evil``) is refused."""
    if value is None:
        return None
    if not _DAY.fullmatch(value):
        raise ConfigError(f"{flag} must be a day as YYYY-MM-DD, not {value!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{flag} {value!r} is not a calendar day ({exc})") from exc
    return value


def existing_parent(path: Path) -> Path:
    """The path itself if it exists, else its nearest existing ancestor."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def writable_folder(folder: str | Path, what: str, flag: str) -> None:
    """Probe with a real file: os.access says yes to root on a read-only mount."""
    base = existing_parent(Path(folder))
    if not base.is_dir():
        raise ResourceError(f"cannot write {what} to {folder}: {base} is a file, not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=base, prefix=".localdigest-probe-"):
            pass
    except OSError as exc:
        raise ResourceError(
            f"cannot write {what} to {folder} (tried {base}): {os_hint(exc)}; "
            f"pass {flag} to a writable folder"
        ) from exc


def free_space(folder: str | Path, need: int, what: str, flag: str) -> None:
    base = existing_parent(Path(folder))
    try:
        free = shutil.disk_usage(base).free
    except OSError:
        return  # nothing to measure with; writing will tell
    if free < need:
        raise ResourceError(
            f"only {free / MB:.1f} MB free at {base} for {what}; it needs about "
            f"{need / MB:.0f} MB: free some space or pass {flag} to another disk"
        )


def check_outputs(db: str, out: str | None) -> None:
    """The database folder (and its lock file) and, for `run`, the digest folder."""
    if db != ":memory:":
        folder = Path(db).parent
        writable_folder(folder, f"database {db}", "--db")
        free_space(folder, DB_FREE, f"database {db}", "--db")
    if out is not None:
        writable_folder(out, "digests", "--out")
        free_space(out, OUT_FREE, "digests", "--out")
