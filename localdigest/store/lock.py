"""One writer at a time: an advisory lock file next to the database, ``<db>.lock``.

The lock is ``fcntl.flock`` on that file, so the kernel drops it when the holder exits, even
after kill -9: a stale file never blocks a later run. The holder writes its PID inside so a
second run can say which process it is waiting for. The holder deletes the file when it is
done; a waiter that then wins the lock on the deleted file notices and locks the new one.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import LockedError, ResourceError, os_hint


def lock_path(db: str | Path) -> Path:
    return Path(f"{db}.lock")


class WriterLock:
    """``with WriterLock(db): ...`` holds the database for writing; ``wait`` blocks instead of
    failing when another process holds it (``timeout`` seconds at most, None = no limit)."""

    def __init__(
        self,
        db: str | Path,
        *,
        wait: bool = False,
        timeout: float | None = None,
        notify: Callable[[str], None] | None = None,
    ):
        self.db = str(db)
        self.path = lock_path(db)
        self.wait = wait
        self.timeout = timeout
        self.notify = notify
        self._fd: int | None = None

    def holder(self) -> str:
        """The PID written by the process that holds (or last held) the lock, or '?'."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return "?"
        return text.split()[0] if text else "?"

    def acquire(self) -> WriterLock:
        if self.db == ":memory:" or self._fd is not None:
            return self
        while True:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise ResourceError(
                    f"cannot create the lock file {self.path} for database {self.db}: "
                    f"{os_hint(exc)}; pass --db to a writable folder"
                ) from exc
            try:
                if not self._try(fd):
                    pid = self.holder()
                    if not self.wait:
                        raise LockedError(
                            f"database {self.db} is in use by another localdigest run "
                            f"(pid {pid}); wait for it to finish, or pass --wait"
                        )
                    if self.notify:
                        self.notify(f"waiting for pid {pid} to finish with {self.db}…")
                        self.notify = None
                    self._block(fd, pid)
                if self._current(fd):
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
                    self._fd = fd
                    return self
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the holder removed this file as we got it: lock the new one

    def _current(self, fd: int) -> bool:
        """True if fd is still the file at self.path (a finishing holder unlinks it)."""
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)  # while still holding it; see _current
        finally:
            os.close(fd)  # closing drops the flock

    @staticmethod
    def _try(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _block(self, fd: int, pid: str) -> None:
        if self.timeout is None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            return
        deadline = time.monotonic() + self.timeout
        while not self._try(fd):
            if time.monotonic() >= deadline:
                raise LockedError(
                    f"database {self.db} is still in use by pid {pid} after "
                    f"{self.timeout:g}s of waiting"
                )
            time.sleep(0.1)

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
