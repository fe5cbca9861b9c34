"""Model integrity (truncated or foreign GGUF files), `localdigest doctor`, and the CLI side of
the writer lock and offline switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from localdigest.cli import app
from localdigest.config import BUNDLED_GGUF_NAME
from localdigest.errors import ModelError
from localdigest.llm import LlamaCppLLM, bundled_sha256, get_llm, verify_gguf
from localdigest.store.lock import WriterLock

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "models" / BUNDLED_GGUF_NAME
MB = 1 << 20

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]


def head_of_bundled(size: int = MB) -> bytes:
    """The first bytes of the real model when it is assembled, else a GGUF-looking header."""
    if BUNDLED.is_file():
        with BUNDLED.open("rb") as fh:
            return fh.read(size)
    return b"GGUF\x03\x00\x00\x00" + os.urandom(size - 8)


@pytest.fixture
def truncated_bundled(tmp_path) -> Path:
    """A 1 MB copy of the bundled GGUF under its own file name, as an interrupted copy leaves."""
    path = tmp_path / "models" / BUNDLED_GGUF_NAME
    path.parent.mkdir()
    path.write_bytes(head_of_bundled())
    return path


def test_truncated_bundled_model_names_path_and_expected_sha256(truncated_bundled):
    expected = bundled_sha256()
    assert expected and len(expected) == 64  # the package ships the reference digest
    for attempt in (lambda: verify_gguf(truncated_bundled), lambda: LlamaCppLLM(truncated_bundled)):
        with pytest.raises(ModelError) as info:
            attempt()
        message = str(info.value)
        assert str(truncated_bundled) in message
        assert expected in message
        assert "damaged" in message and "make models" in message


def test_truncated_model_under_another_name_is_refused_before_llama_cpp(tmp_path):
    """No sha256 to compare: the tensor table says the data runs past the end of the file."""
    if not BUNDLED.is_file():
        pytest.skip("needs the assembled bundled model (make install)")
    other = tmp_path / "other.gguf"
    other.write_bytes(head_of_bundled())
    with pytest.raises(ModelError, match=f"{other} is (not a valid GGUF file|truncated)"):
        get_llm("llama-cpp", other)
    whole = tmp_path / "whole.gguf"
    whole.write_bytes(BUNDLED.read_bytes()[:-1])  # one byte short: the last tensor does not fit
    with pytest.raises(ModelError, match=f"{whole} is truncated or damaged: tensor "):
        get_llm("llama-cpp", whole)


@pytest.mark.parametrize(
    "content, why",
    [
        (b"", "starts with b''"),
        (b"PK\x03\x04" + b"\0" * 100, "starts with b'PK\\x03\\x04'"),
        (b"<!DOCTYPE html><html>404 Not Found</html>", "starts with b'<!DO'"),
        (b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\n", "starts with b'vers'"),
    ],
    ids=["empty", "zip", "html-error-page", "git-lfs-pointer"],
)
def test_non_gguf_files(tmp_path, content, why):
    for name in ("model.gguf", BUNDLED_GGUF_NAME):  # the magic is checked before the sha256
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ModelError) as info:
            verify_gguf(path)
        assert str(info.value) == f"{path} is not a GGUF file ({why}); pass a .gguf model"


def test_run_with_damaged_model_is_one_line_before_storing(
    runner, monkeypatch, tmp_path, truncated_bundled, write_jsonl, paper_factory
):
    monkeypatch.setenv("LOCALDIGEST_EMBED_BACKEND", "hash")
    source = write_jsonl(tmp_path / "day.jsonl", paper_factory())
    result = runner.invoke(
        app, ["run", "-q", "-i", str(source), "--model", str(truncated_bundled), "--db", "x.db"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {truncated_bundled} is damaged: sha256 differs")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.db").exists()


# --- doctor -----------------------------------------------------------------------------


def doctor(runner, *args):
    result = runner.invoke(app, ["doctor", *args])
    lines = result.stdout.splitlines()
    return result.exit_code, {line[5:].split(":", 1)[0]: line for line in lines}, lines


@pytest.mark.enable_socket  # the guard's self-test opens a socket; the guard must stop it
def test_doctor_all_good(runner, tmp_path, gguf):
    model = gguf(tmp_path / "any.gguf")
    code, checks, lines = doctor(runner, "--model", str(model), "--db", "d.duckdb")
    assert code == 0, lines
    assert list(checks) == ["model", "embedder", "database", "font", "gpu", "network guard"]
    assert checks["model"] == f"ok   model: {model} is a GGUF file (no reference sha256 to check)"
    assert checks["embedder"].startswith("ok   embedder: ")
    assert checks["database"] == "ok   database: d.duckdb opens; migrations applied: " + ", ".join(
        str(n) for n in sorted(_migration_numbers())
    )
    assert checks["font"].startswith("ok   font: NanumGothic for Hangul (")
    assert "llama.cpp GPU offload" in checks["gpu"] and "torch CUDA" in checks["gpu"]
    assert checks["network guard"].startswith("ok   network guard: blocks non-loopback")
    assert not (tmp_path / "d.duckdb.lock").exists()


def _migration_numbers() -> list[int]:
    from localdigest.store.migrations import MIGRATIONS

    return [n for n, _, _ in MIGRATIONS]


@pytest.mark.enable_socket
def test_doctor_bundled_model_verified(runner):
    if not BUNDLED.is_file():
        pytest.skip("needs the assembled bundled model (make install)")
    code, checks, _ = doctor(runner, "--model", str(BUNDLED), "--db", "d.duckdb")
    assert checks["model"] == f"ok   model: {BUNDLED} present, sha256 verified"
    assert code == 0


@pytest.mark.enable_socket
def test_doctor_failures_exit_non_zero(runner, tmp_path, truncated_bundled):
    (tmp_path / "bad.duckdb").write_text("not a database")
    code, checks, lines = doctor(
        runner, "--model", str(truncated_bundled), "--db", "bad.duckdb", "--embedder", "nowhere"
    )
    assert code == 1
    assert checks["model"].startswith(f"FAIL model: {truncated_bundled} is damaged")
    assert bundled_sha256() in checks["model"]
    assert (
        checks["embedder"] == "FAIL embedder: nowhere is not a sentence-transformers model folder"
    )
    assert checks["database"].startswith("FAIL database: cannot open database bad.duckdb")
    assert len(lines) == 6  # the remaining checks still ran


@pytest.mark.enable_socket
def test_doctor_leaves_a_running_database_alone(runner, tmp_path):
    with WriterLock(tmp_path / "busy.duckdb"):
        code, checks, _ = doctor(runner, "--db", str(tmp_path / "busy.duckdb"))
    assert checks["database"].startswith("ok   database: not opened: database ")
    assert f"(pid {os.getpid()})" in checks["database"]
    assert not (tmp_path / "busy.duckdb").exists()


# --- run: lock and offline switch from the command line ----------------------------------


def test_run_on_a_busy_database_is_one_line(
    runner, monkeypatch, tmp_path, write_jsonl, paper_factory
):
    monkeypatch.setenv("LOCALDIGEST_LLM_BACKEND", "fake")
    monkeypatch.setenv("LOCALDIGEST_EMBED_BACKEND", "hash")
    source = write_jsonl(tmp_path / "day.jsonl", paper_factory())
    with WriterLock(tmp_path / "ld.duckdb"):
        result = runner.invoke(app, ["run", "-q", "-i", str(source), "--db", "ld.duckdb"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: database ld.duckdb is in use by another localdigest run (pid {os.getpid()}); "
        "wait for it to finish, or pass --wait\n"
    )
    result = runner.invoke(app, ["run", "-q", "--wait", "-i", str(source), "--db", "ld.duckdb"])
    assert result.exit_code == 0, result.output


def test_offline_flag_with_a_live_fetch_is_one_line(runner):
    result = runner.invoke(
        app, ["run", "--offline", "--categories", "cs.AI", "--date", "2025-04-01"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: fetching from the arXiv API needs the network")
    assert "--online" in result.stderr and len(result.stderr.splitlines()) == 1
