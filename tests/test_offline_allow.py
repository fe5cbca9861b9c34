"""Offline mode with a served model: exactly the configured host and port get through.

No packet leaves: the real connect is replaced by a stub that records the address and refuses,
so "allowed" means "the guard passed it on", and LAN addresses are never really dialled.
"""

from __future__ import annotations

import socket

import pytest

from localdigest import offline
from localdigest.config import Settings
from localdigest.errors import ConfigError, NetworkBlockedError

LAN = "192.168.77.5"


@pytest.fixture
def reached(monkeypatch):
    """Addresses that got past the guard to the (stubbed) real connect."""
    calls = []
    cls = offline._socket_class()

    def stub(self, address):
        calls.append(address)
        raise ConnectionRefusedError(111, "stub: not dialled")

    monkeypatch.setattr(cls, "connect", stub)
    return calls


@pytest.fixture
def lan_resolver(monkeypatch):
    """Name lookups answered locally: gpu-box.lan is on the LAN, evil.example is public."""
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        table = {"gpu-box.lan": LAN, "evil.example": "8.8.8.8"}
        if host in table:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[host], port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


@pytest.mark.enable_socket
def test_only_the_configured_lan_host_and_port_pass(reached):
    with offline.guarded(True, allow=(LAN, 8000)):
        assert offline.allowed() == (LAN, 8000)
        with pytest.raises(ConnectionRefusedError):  # passed the guard, refused by the stub
            socket.create_connection((LAN, 8000), timeout=0.1)
        for address in ((LAN, 8001), ("192.168.77.6", 8000), ("203.0.113.1", 8000)):
            with pytest.raises(NetworkBlockedError):
                socket.create_connection(address, timeout=0.1)
        with pytest.raises(NetworkBlockedError):
            socket.getaddrinfo("export.arxiv.org", 443)
    assert reached == [(LAN, 8000)]
    assert not offline.active() and offline.allowed() is None


@pytest.mark.enable_socket
def test_a_host_name_is_allowed_with_the_addresses_it_resolves_to(reached, lan_resolver):
    with offline.guarded(True, allow=("gpu-box.lan", 8000)):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("gpu-box.lan", 8000), timeout=0.1)
        with pytest.raises(NetworkBlockedError):
            socket.create_connection(("gpu-box.lan", 22), timeout=0.1)
        with pytest.raises(NetworkBlockedError):
            socket.getaddrinfo("other-box.lan", 8000)
    assert reached == [(LAN, 8000)]


@pytest.mark.enable_socket
def test_a_public_server_is_refused_in_offline_mode(reached, lan_resolver):
    with pytest.raises(ConfigError, match="public address"):
        offline.install(allow=("8.8.8.8", 443))
    assert not offline.active()
    with offline.guarded(True, allow=("evil.example", 443)):
        with pytest.raises(ConfigError, match="resolves to the public address 8.8.8.8"):
            socket.create_connection(("evil.example", 443), timeout=0.1)
    assert reached == []


def test_settings_name_the_served_host():
    assert Settings().llm_host() is None  # in-process GGUF: nothing but loopback
    s = Settings(llm_backend="openai", llm_url="http://10.0.0.7:8000/v1")
    assert s.llm_host() == ("10.0.0.7", 8000)
    assert Settings(llm_backend="openai", llm_url="https://gpu.lan/v1").llm_host() == (
        "gpu.lan",
        443,
    )
    with pytest.raises(ConfigError, match="not an http"):
        Settings(llm_backend="openai", llm_url="ftp://x/v1").llm_host()


def test_loopback_server_adds_no_exception():
    with offline.guarded(True, allow=("127.0.0.1", 8080)):
        assert offline.allowed() is None  # loopback is always allowed; nothing else opens
