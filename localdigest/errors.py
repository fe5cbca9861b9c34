"""Narrow exceptions that carry enough context for a one-line message.

The CLI prints ``str(error)`` and exits non-zero; set LOCALDIGEST_DEBUG=1 to see the traceback.
"""

from __future__ import annotations


class LocalDigestError(Exception):
    """Base class: an expected failure with a message a user can act on."""


class InputError(LocalDigestError):
    """A record or file that cannot be read; names the file and line (or paper)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class ModelError(LocalDigestError):
    """A model that is missing, unreadable or corrupt; names the path and how to fix it."""


class StoreError(LocalDigestError):
    """The DuckDB file cannot be opened, migrated or written."""


class FetchError(LocalDigestError):
    """The arXiv API could not be reached or answered with an error."""


class ConfigError(LocalDigestError):
    """An option, config file or backend name that makes no sense."""


class NetworkBlockedError(LocalDigestError):
    """Offline mode stopped a connection to a non-loopback host; names the host and the caller."""

    def __init__(self, target: str, *, caller: str | None = None, action: str = "connect to"):
        self.target = target
        self.caller = caller
        who = caller or "something"
        super().__init__(
            f"network blocked (offline mode): {who} tried to {action} {target}; "
            "localdigest runs offline unless you pass --online (or set offline = false)"
        )


class LockedError(LocalDigestError):
    """Another localdigest process holds the database's writer lock."""


class ResourceError(LocalDigestError):
    """A folder that cannot be written, a full disk, or too little free space."""


_OS_HINTS = {
    "ENOSPC": "the disk is full",
    "EDQUOT": "the disk quota is used up",
    "EACCES": "permission denied",
    "EPERM": "not permitted",
    "EROFS": "the file system is read-only",
    "ENOTDIR": "a part of the path is a file, not a folder",
    "ENOENT": "no such file or folder",
}
_FULL = ("ENOSPC", "EDQUOT")


def _errno_name(exc: OSError) -> str:
    import errno

    return errno.errorcode.get(exc.errno or 0, "")


def os_hint(exc: OSError) -> str:
    """What an OSError means, in a few words (no advice: the caller knows the flag)."""
    return _OS_HINTS.get(_errno_name(exc), exc.strerror or str(exc))


def describe(exc: BaseException) -> str:
    """One line for any failure the CLI did not expect by type: the path and what to do."""
    if isinstance(exc, LocalDigestError):
        return str(exc)
    if isinstance(exc, OSError):
        where = exc.filename or "a file"
        if _errno_name(exc) in _FULL:
            advice = "free some space (or pass --out / --db on another disk), then run again"
        else:
            advice = "check the path, or pass --out / --db to a folder you can write"
        return f"{where}: {os_hint(exc)}; {advice}"
    if isinstance(exc, MemoryError):
        return "out of memory; run a smaller input, or lower --parallel"
    text = " ".join(str(exc).split())[:300]
    if "No space left on device" in text or "disk is full" in text.lower():
        return f"the disk is full ({text}); free some space, then run the same command again"
    return (
        f"unexpected {type(exc).__name__}: {text}; this is a bug, please report it "
        "(LOCALDIGEST_DEBUG=1 shows the traceback)"
    )
