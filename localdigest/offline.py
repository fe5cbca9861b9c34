"""A process-wide network guard: nothing but loopback and Unix sockets while it is on.

``install()`` patches Python's socket layer (``socket.socket.connect``/``connect_ex``/
``sendto``, ``socket.create_connection``, ``socket.getaddrinfo`` and ``gethostbyname``) so
any attempt to reach a non-loopback host raises NetworkBlockedError naming the host, port and
the module that tried; it also turns Hugging Face / transformers hub access off. Loopback
(127.0.0.0/8, ::1, ``localhost``) and AF_UNIX stay allowed, and so does exactly one more
endpoint when a run uses a served model (``allow=(host, port)``): that host name (or address)
and port, and only if it is on a private network (a lab LAN address); no other port of it.

It guards what goes through Python's ``socket`` module, which is every HTTP client we use
(requests, urllib3, httpx, huggingface_hub). Native code that opens sockets itself is not
seen; ``unshare -rn localdigest run ...`` (no network namespace at all) checks that too.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ConfigError, NetworkBlockedError

HUB_OFFLINE_VARS = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")

# Frames from these modules are transport plumbing; the caller we name is the first one outside.
_PLUMBING = (
    "socket",
    "ssl",
    "selectors",
    "asyncio",
    "urllib3",
    "urllib",
    "http",
    "requests",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "localdigest.offline",
)

_METHODS = ("connect", "connect_ex", "sendto")
_lock = threading.Lock()
_saved: dict | None = None  # originals while installed
_allow: tuple[str, int] | None = None  # the served model's (host, port), if any
_allow_addrs: set[str] = set()  # addresses that host name resolved to


def _norm(host: object) -> str:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return str(host).strip().rstrip(".").lower().split("%", 1)[0]


def is_private_address(host: str) -> bool:
    """True for a LAN (RFC 1918 / unique-local / link-local) or loopback address."""
    try:
        addr = ipaddress.ip_address(_norm(host))
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return (addr.is_private or addr.is_loopback or addr.is_link_local) and not addr.is_global


def check_allowed_host(host: str) -> None:
    """An address given as the served model's host must be on the LAN (names: at lookup)."""
    name = _norm(host)
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return
    if not is_private_address(name):
        raise ConfigError(
            f"llm_url host {host} is a public address; offline mode lets through only "
            "loopback or a private LAN address; pass --online to use it"
        )


def _permitted(host: object, port: object) -> bool:
    """Loopback, or the allowed endpoint: its host name or one of its addresses, its port."""
    if is_loopback_host(host):
        return True
    if _allow is None:
        return False
    name = _norm(host)
    if name != _allow[0] and name not in _allow_addrs:
        return False
    return port is None or str(port) == str(_allow[1])  # None: a look-up without a port


def _socket_class() -> type:
    """The real ``socket.socket`` class, even when a test plugin put a subclass in its place."""
    for cls in socket.socket.__mro__:
        if cls.__module__ == "socket" and cls.__name__ == "socket":
            return cls
    return socket.socket


def is_loopback_host(host: object) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped), 'localhost' and unspecified addresses."""
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard, no lookup
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().rstrip(".").lower()
    if name in ("", "localhost") or name.endswith(".localhost"):
        return True
    try:
        addr = ipaddress.ip_address(name.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    # Connecting to 0.0.0.0 or :: reaches this machine only.
    return addr.is_loopback or addr.is_unspecified


def _caller() -> str | None:
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if not any(module == p or module.startswith(p + ".") for p in _PLUMBING):
            return module or None
        frame = frame.f_back
    return None


def _blocked(host: object, port: object, what: str) -> NetworkBlockedError:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    target = f"[{host}]:{port}" if isinstance(host, str) and ":" in host else f"{host}:{port}"
    return NetworkBlockedError(target, caller=_caller(), action=what)


def _check_address(sock: socket.socket, address: object, what: str) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return  # AF_UNIX, netlink, ...: never leave the machine
    if isinstance(address, tuple) and address:
        host, port = address[0], address[1] if len(address) > 1 else "?"
    else:
        host, port = address, "?"
    if not _permitted(host, port):
        raise _blocked(host, port, what)


def install(allow: tuple[str, int] | None = None) -> bool:
    """Turn the guard on for the whole process; returns False if it was already on.

    ``allow``: the one (host, port) let through besides loopback (a served model)."""
    global _saved, _allow
    if allow is not None:
        check_allowed_host(allow[0])
    with _lock:
        if _saved is not None:
            return False
        _allow = (
            None if allow is None or is_loopback_host(allow[0]) else (_norm(allow[0]), allow[1])
        )
        _allow_addrs.clear()
        cls = _socket_class()
        saved = {
            "cls": cls,
            "own": {n for n in _METHODS if n in cls.__dict__},  # else inherited from C
            "connect": cls.connect,
            "connect_ex": cls.connect_ex,
            "sendto": cls.sendto,
            "create_connection": socket.create_connection,
            "getaddrinfo": socket.getaddrinfo,
            "gethostbyname": socket.gethostbyname,
            "gethostbyname_ex": socket.gethostbyname_ex,
            "env": {name: os.environ.get(name) for name in HUB_OFFLINE_VARS},
        }
        real_connect, real_connect_ex = saved["connect"], saved["connect_ex"]
        real_sendto, real_create = saved["sendto"], saved["create_connection"]
        real_getaddrinfo = saved["getaddrinfo"]
        real_byname, real_byname_ex = saved["gethostbyname"], saved["gethostbyname_ex"]

        def connect(self, address):
            _check_address(self, address, "connect to")
            return real_connect(self, address)

        def connect_ex(self, address):
            _check_address(self, address, "connect to")
            return real_connect_ex(self, address)

        def sendto(self, data, *args):
            _check_address(self, args[-1] if args else None, "send to")
            return real_sendto(self, data, *args)

        def create_connection(address, *args, **kwargs):
            host, port = address[0], address[1]
            if not _permitted(host, port):
                raise _blocked(host, port, "connect to")
            return real_create(address, *args, **kwargs)

        def getaddrinfo(host, port, *args, **kwargs):
            if not _permitted(host, port):
                raise _blocked(host, port, "look up")
            found = real_getaddrinfo(host, port, *args, **kwargs)
            if not is_loopback_host(host):
                _learn(host, port, [info[4][0] for info in found])
            return found

        def gethostbyname(host):
            if not _permitted(host, None):
                raise _blocked(host, "-", "look up")
            found = real_byname(host)
            if not is_loopback_host(host):
                _learn(host, "-", [found])
            return found

        def gethostbyname_ex(host):
            if not _permitted(host, None):
                raise _blocked(host, "-", "look up")
            found = real_byname_ex(host)
            if not is_loopback_host(host):
                _learn(host, "-", found[2])
            return found

        cls.connect, cls.connect_ex, cls.sendto = connect, connect_ex, sendto
        socket.create_connection = create_connection
        socket.getaddrinfo = getaddrinfo
        socket.gethostbyname = gethostbyname
        socket.gethostbyname_ex = gethostbyname_ex
        for name in HUB_OFFLINE_VARS:
            os.environ[name] = "1"
        _saved = saved
        return True


def _learn(host: object, port: object, addresses: list[str]) -> None:
    """The allowed name's addresses become connectable; a name that resolves to a public
    address is refused as if it were that address."""
    public = [a for a in addresses if not is_private_address(a)]
    if public:
        raise ConfigError(
            f"llm_url host {_norm(host)} resolves to the public address {public[0]}; offline "
            "mode lets through only loopback or a private LAN address; pass --online to use it"
        )
    _allow_addrs.update(_norm(a) for a in addresses)


def uninstall() -> None:
    """Restore the socket module and the hub variables as they were before install()."""
    global _saved, _allow
    with _lock:
        if _saved is None:
            return
        saved, _saved = _saved, None
        _allow = None
        _allow_addrs.clear()
        cls = saved["cls"]
        for name in _METHODS:
            if name in saved["own"]:
                setattr(cls, name, saved[name])
            elif name in cls.__dict__:
                delattr(cls, name)
        socket.create_connection = saved["create_connection"]
        socket.getaddrinfo = saved["getaddrinfo"]
        socket.gethostbyname = saved["gethostbyname"]
        socket.gethostbyname_ex = saved["gethostbyname_ex"]
        for name, value in saved["env"].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def active() -> bool:
    """True while the guard is installed (and has not been patched away by someone else)."""
    return _saved is not None and _socket_class().connect is not _saved["connect"]


def allowed() -> tuple[str, int] | None:
    """The endpoint let through besides loopback while the guard is on."""
    return _allow


@contextmanager
def guarded(enabled: bool = True, allow: tuple[str, int] | None = None) -> Iterator[None]:
    """The guard for a block; leaves an already installed guard (e.g. the CLI's) in place."""
    installed = install(allow) if enabled else False
    try:
        yield
    finally:
        if installed:
            uninstall()


def self_test() -> str | None:
    """Try to reach a TEST-NET address (never routed); None if the guard stopped it first.

    Returns why it did not block otherwise. With the guard on no packet is sent: the check
    happens before the real connect.
    """
    if not active():
        return "not installed"
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.settimeout(0.01)
        sock.connect(("203.0.113.1", 9))
    except NetworkBlockedError:
        return None
    except OSError as exc:
        return f"connect was not intercepted ({exc.strerror or exc})"
    finally:
        sock.close()
    return "connect to 203.0.113.1:9 was not intercepted"
