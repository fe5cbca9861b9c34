"""`localdigest doctor`: is this machine ready for an offline run? One line per check.

Each check returns a Check; ``required`` ones failing make the command exit non-zero. GPU
visibility is information only: the default install runs on the CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .errors import LocalDigestError, LockedError


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FAIL" if self.required else "--  ")
        return f"{mark} {self.name}: {self.detail}"


def check_model(settings: Settings) -> Check:
    if settings.llm_backend == "openai":
        return check_server(settings)
    from .llm import verify_gguf
    from .models import expected_sha256

    try:
        path = settings.model_path()
        verify_gguf(path, settings.models_dir)
    except LocalDigestError as exc:
        return Check("model", False, str(exc))
    if expected_sha256(path, settings.models_dir):
        return Check("model", True, f"{path} present, sha256 verified")
    return Check("model", True, f"{path} is a GGUF file (no reference sha256 to check)")


def check_server(settings: Settings) -> Check:
    """A served model: the server answers /models and serves llm_model; offline mode would
    let its host through."""
    from .llm_openai import server_status
    from .offline import guarded

    try:
        host = settings.llm_host()
        with guarded(settings.offline != "false", allow=host):
            ok, detail = server_status(
                settings.llm_url, model=settings.llm_model, api_key_env=settings.llm_api_key_env
            )
    except LocalDigestError as exc:
        return Check("llm server", False, str(exc))
    return Check("llm server", ok, detail)


def check_embedder(settings: Settings) -> Check:
    if settings.embed_backend != "sentence-transformers":
        return Check("embedder", True, f"backend {settings.embed_backend!r}, no model folder")
    from .embed import bundled_embedder_path

    try:
        path = Path(settings.embedder) if settings.embedder else bundled_embedder_path()
    except LocalDigestError as exc:
        return Check("embedder", False, str(exc))
    if (path / "modules.json").is_file() or (path / "config.json").is_file():
        weights = [p.name for p in path.glob("*.safetensors")] + [
            p.name for p in path.glob("pytorch_model.bin")
        ]
        if not weights:
            return Check("embedder", False, f"{path} has no weights (*.safetensors)")
        return Check("embedder", True, f"{path} present ({', '.join(sorted(weights))})")
    return Check("embedder", False, f"{path} is not a sentence-transformers model folder")


def check_database(settings: Settings) -> Check:
    from .store import Store
    from .store.lock import WriterLock

    try:
        with WriterLock(settings.db):  # migrating writes: not while a run is writing
            with Store(settings.db) as store:
                rows = store.db.execute("SELECT id FROM _migrations ORDER BY id").fetchall()
    except LockedError as exc:
        return Check("database", True, f"not opened: {exc}")
    except LocalDigestError as exc:
        return Check("database", False, str(exc))
    numbers = ", ".join(str(r[0]) for r in rows) or "none"
    return Check("database", True, f"{settings.db} opens; migrations applied: {numbers}")


def check_font() -> Check:
    try:
        import koreanize_matplotlib  # noqa: F401 - registers NanumGothic with matplotlib
        from matplotlib import font_manager
    except ImportError as exc:
        return Check("font", False, f"{exc}; run `make install` (koreanize-matplotlib)")
    files = [f.fname for f in font_manager.fontManager.ttflist if f.name == "NanumGothic"]
    if not files:
        return Check("font", False, "NanumGothic is not registered: Hangul renders as boxes")
    regular = [f for f in files if f.endswith("NanumGothic.ttf")] or files
    return Check("font", True, f"NanumGothic for Hangul ({regular[0]})")


def check_gpu() -> Check:
    parts = []
    try:
        import llama_cpp

        gpu = bool(llama_cpp.llama_supports_gpu_offload())
        parts.append(f"llama.cpp GPU offload {'yes' if gpu else 'no'}")
    except Exception as exc:  # noqa: BLE001 - a broken build is worth a line, not a crash
        gpu = False
        parts.append(f"llama.cpp not importable ({type(exc).__name__})")
    try:
        import torch

        cuda = bool(torch.cuda.is_available())
        name = torch.cuda.get_device_name(0) if cuda else None
        parts.append(f"torch CUDA {'yes (' + name + ')' if cuda else 'no'}")
    except Exception as exc:  # noqa: BLE001
        cuda = False
        parts.append(f"torch not importable ({type(exc).__name__})")
    hint = "" if gpu else "; runs on the CPU (README: GPU)"
    return Check("gpu", gpu or cuda, ", ".join(parts) + hint, required=False)


def check_network_guard(settings: Settings) -> Check:
    from . import offline

    with offline.guarded():
        problem = offline.self_test()
    mode = {
        "auto": "on by default (off only for --categories fetches)",
        "true": "always on",
        "false": "OFF by setting (offline = false)",
    }[settings.offline]
    if problem:
        return Check("network guard", False, f"does not block: {problem}")
    host = settings.llm_host()
    if host and not offline.is_loopback_host(host[0]):
        mode += f"; lets through only {host[0]}:{host[1]} (llm_url) besides loopback"
    return Check("network guard", True, f"blocks non-loopback connections; {mode}")


CHECKS: list[Callable[[Settings], Check]] = [
    check_model,
    check_embedder,
    check_database,
    lambda s: check_font(),
    lambda s: check_gpu(),
    check_network_guard,
]


def run_checks(settings: Settings) -> list[Check]:
    results = []
    for check in CHECKS:
        try:
            results.append(check(settings))
        except Exception as exc:  # noqa: BLE001 - doctor reports, it does not crash
            name = getattr(check, "__name__", "check").removeprefix("check_")
            results.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
    return results
