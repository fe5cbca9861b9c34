"""A real served model: llama-cpp-python's OpenAI-compatible server on loopback with the real
Qwen2.5-Coder 0.5B Instruct GGUF (assembled by `make install`), and the whole pipeline on real
papers (the first PAPERS of the reference day, to keep the model's work small on 2 cores)
through the openai backend, run as the CLI in child processes.

The server is started as ``python -m localdigest.serve``: that is ``python -m llama_cpp.server``
(same app, same options) with llama.cpp's repacked CPU weights off, without which the stock
server crashes on the first request on AMX CPUs (see localdigest/llm.py, model_params).

One sequence, so the model's work is done once: run 1 is cut off by killing the server
(one `Error:` line, exit 1); the server comes back and run 2 completes the day (the calls are
logged under the server's model id); run 3 is served from the cache, with no request made.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from localdigest.models import BUNDLED, identity

ROOT = Path(__file__).resolve().parents[1]
NAME = "qwen2.5-coder-0.5b-instruct"
MODEL = ROOT / "models" / BUNDLED[NAME].file
REFERENCE = ROOT / "data" / "sample" / "reference_2024-10-27.jsonl"
DAY = "2024-10-27"
PAPERS = 6

pytestmark = pytest.mark.slow


def free_port() -> int:
    # Picked from the ephemeral range by time, not by binding (pytest-socket blocks sockets here).
    return 20000 + (os.getpid() * 7 + int(time.time())) % 20000


class Server:
    def __init__(self, tmp: Path):
        self.log = tmp / "server.log"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        args = [
            sys.executable,
            "-m",
            "localdigest.serve",
            "--model",
            str(MODEL),
            "--model_alias",
            NAME,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            "2048",
            "--n_threads",
            str(os.cpu_count() or 2),
            "--verbose",
            "False",
        ]
        mark = self.text().count("Uvicorn running on")
        with self.log.open("a") as log:
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 120
        while self.text().count("Uvicorn running on") == mark:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start:\n{self.text()[-2000:]}")
            time.sleep(0.3)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def completions(self) -> int:
        return self.text().count('"POST /v1/chat/completions')


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make install` (it assembles the 0.5B model)")
    s = Server(tmp_path_factory.mktemp("server"))
    s.start()
    yield s
    s.kill()


def cli(tmp: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "localdigest",
        "run",
        "--input",
        str(tmp / "day.jsonl"),
        "--all",
        "--date",
        DAY,
        "--llm",
        "openai",
        "--llm-url",
        url,
        "--writer",  # the served model writes part 3 (else only floor lines, no requests)
        "llm",
        "--db",
        str(tmp / "ld.duckdb"),
        "--out",
        str(tmp / "out"),
    ]


def child_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOCALDIGEST_")}
    # A queued request waits for the ones ahead of it on this one-slot server.
    return {**env, "PYTHONPATH": str(ROOT), "LOCALDIGEST_LLM_TIMEOUT": "600"}


def test_the_real_model_matches_its_registry_sha256():
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make install`")
    assert identity(MODEL) == BUNDLED[NAME].sha256


def test_served_day_killed_then_resumed_then_cached(server, tmp_path):
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()[:PAPERS]
    (tmp_path / "day.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Run 1: the server dies after a few completions.
    before = server.completions()
    run1 = subprocess.Popen(
        cli(tmp_path, server.url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 900
    while server.completions() < before + 2:
        if run1.poll() is not None or time.monotonic() > deadline:
            run1.kill()
            pytest.fail(f"run 1 ended or stalled first: {run1.communicate()}")
        time.sleep(0.2)
    server.kill()
    out, err = run1.communicate(timeout=120)
    assert run1.returncode == 1, (out, err)
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in err, err
    assert f"LLM server at {server.url}" in errors[0]

    # Run 2: the server is back; the day completes.
    server.start()
    run2 = subprocess.run(
        cli(tmp_path, server.url),
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=tmp_path,
        timeout=1800,  # generous: 2 cores shared with other jobs can be many times slower
    )
    assert run2.returncode == 0, run2.stderr
    data = json.loads((tmp_path / "out" / f"digest_{DAY}.json").read_text(encoding="utf-8"))
    ids = [pid for c in data["categories"] for pid in c["papers"]]
    source = [json.loads(line)["id"] for line in lines]
    assert sorted(ids) == sorted(source)  # every paper exactly once
    for cat in data["categories"]:
        assert len(cat["sections"]) == 5 and all(s.strip() for s in cat["sections"])
    stats = data["stats"]
    assert stats["papers"] == PAPERS and stats["llm_calls"] > 0
    con = duckdb.connect(str(tmp_path / "ld.duckdb"), read_only=True)
    try:
        models = con.execute("SELECT DISTINCT model FROM llm_calls").fetchall()
        runs = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY id").fetchall()]
        logged = con.execute("SELECT count(*) FROM llm_calls WHERE output IS NOT NULL").fetchone()
    finally:
        con.close()
    assert models == [(f"openai:{NAME}",)]
    assert runs == ["failed", "ok"]  # the cut-off run says so
    assert logged[0] >= stats["llm_calls"]

    # Run 3: everything from the cache; the server sees no completion request.
    served = server.completions()
    run3 = subprocess.run(
        [*cli(tmp_path, server.url)[:-1], str(tmp_path / "out3")],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=tmp_path,
        timeout=300,
    )
    assert run3.returncode == 0, run3.stderr
    again = json.loads((tmp_path / "out3" / f"digest_{DAY}.json").read_text(encoding="utf-8"))
    assert again["stats"]["llm_calls"] == 0
    assert again["stats"]["cache_hits"] == again["stats"]["categories"]
    assert server.completions() == served
    assert [c["sections"] for c in again["categories"]] == [
        c["sections"] for c in data["categories"]
    ]
