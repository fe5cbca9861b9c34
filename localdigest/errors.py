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
