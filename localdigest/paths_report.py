"""What `localdigest paths` prints: each place localdigest reads or writes, and its state."""

from __future__ import annotations

import os
from pathlib import Path

from .config import Settings, config_file, data_home


def _state(path: Path, kind: str) -> str:
    if kind == "dir":
        return "exists" if path.is_dir() else "missing (created on first run)"
    if path.is_file():
        return f"exists, {path.stat().st_size / (1 << 20):.1f} MB"
    if kind == "model":
        return "MISSING: run `localdigest models install` (or pass --model PATH)"
    return "missing (created on first run)"


def _embedder(settings: Settings) -> str:
    if settings.embed_backend != "sentence-transformers":
        return f"backend {settings.embed_backend!r}"
    if settings.embedder:
        path = Path(settings.embedder)
        ok = (path / "modules.json").is_file() or (path / "config.json").is_file()
        return f"{os.path.abspath(path)}  [{'exists' if ok else 'MISSING'}]"
    try:
        from .embed import bundled_embedder_path

        return f"{bundled_embedder_path()}  [bundled all-MiniLM-L6-v2]"
    except Exception as exc:  # noqa: BLE001 - paths reports, it does not fail
        return f"MISSING: {exc}"


def path_lines(config: str | None, settings: Settings) -> list[str]:
    cfg = config_file(config)
    model = settings.model_path()
    return [
        f"config:   {os.path.abspath(cfg) if cfg else '(none; defaults)'}",
        f"data:     {data_home()}  [{_state(data_home(), 'dir')}]",
        f"database: {os.path.abspath(settings.db)}  [{_state(Path(settings.db), 'db')}]",
        f"digests:  {os.path.abspath(settings.out)}  [{_state(Path(settings.out), 'dir')}]",
        f"model:    {os.path.abspath(model)}  [{_state(model, 'model')}]",
        f"embedder: {_embedder(settings)}",
    ]
