"""How stages report progress: the library calls a Progress; the CLI shows it as bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

# advance(n=1, note=None): n more units done; note says which (shown by the plain-log mode).
Advance = Callable[..., None]


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None): ...  # context manager -> Advance

    def message(self, text: str) -> None: ...


class Silent:
    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[Advance]:
        yield lambda n=1, note=None: None

    def message(self, text: str) -> None:
        pass
