"""Serving the sandbox over real HTTP with uvicorn.

- `SandboxServer`: uvicorn in a background daemon thread with its own event loop
  (tests, `--demo`). We bind the socket ourselves so that port 0 gives the real port
  before uvicorn starts, and `start()` returns once uvicorn accepts connections.
- `serve()`: the blocking `pairing-wizard sandbox` command.
"""

from __future__ import annotations

import asyncio
import ipaddress
import signal
import socket
import sys
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.sandbox.app import create_app
from app.sandbox.faults import TRANSPORT_EXTENSION

START_TIMEOUT = 10.0


class _TransportAwareH11(H11Protocol):
    """uvicorn's h11 protocol, handing each request's transport to the app in the
    ASGI scope extensions: the "reset" fault needs the socket to send a real RST."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inner = self.app

        async def app_with_transport(scope: Any, receive: Any, send: Any) -> None:
            scope.setdefault("extensions", {})[TRANSPORT_EXTENSION] = self.transport
            await inner(scope, receive, send)

        self.app = app_with_transport


def _format_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    host = host.strip("[]")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio then sets TCP_NODELAY on accepted connections (it
    # checks proto); with 0, Nagle + delayed ACK cost ~40 ms per keep-alive request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if sys.platform != "win32":  # on Windows it would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


class SandboxServer:
    """The sandbox on real HTTP, in a background thread. `with SandboxServer() as s:`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, latency_ms: int = 0,
                 dialect: dict | None = None, allow_remote: bool = False) -> None:
        self.host = host.strip("[]")
        self.port = port
        self.latency_ms = latency_ms
        self.url: str | None = None
        # Host names: loopback ones and the bound address, unless --allow-remote.
        self.app = create_app(latency_ms=latency_ms, dialect=dialect,
                              allowed_hosts=None if allow_remote else [self.host])
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self) -> str:
        if self.url is not None:
            return self.url
        sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app, http=_TransportAwareH11, lifespan="off", log_level="warning",
            access_log=False, loop="asyncio", timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        self._server = server

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            except BaseException as exc:  # reported by start(), not lost in the thread
                self._error = exc
            finally:
                sock.close()

        self._thread = threading.Thread(target=run, name="sandbox-uvicorn", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the sandbox server did not start: {self._error!r}")
            time.sleep(0.01)
        self.url = _format_url(self.host, self.port)
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None
        self.url = None

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve(host: str = "127.0.0.1", port: int = 0, latency_ms: int = 0,
          allow_remote: bool = False) -> int:
    """Runs the sandbox until Ctrl+C or SIGTERM; returns the exit code."""
    if not is_loopback(host) and not allow_remote:
        print(
            f"Refusing to listen on {host}: the sandbox has no real security and is meant "
            "for this computer only. Use 127.0.0.1, or pass --allow-remote to expose it "
            "on the network anyway.",
            file=sys.stderr,
        )
        return 2
    stop_requested = threading.Event()

    def request_stop(signum: int, frame: Any) -> None:
        stop_requested.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = SandboxServer(host=host, port=port, latency_ms=latency_ms,
                           allow_remote=allow_remote)
    try:
        try:
            url = server.start()
        except (OSError, RuntimeError) as exc:
            print(f"Cannot start the sandbox on {host}:{port}: {exc}", file=sys.stderr)
            return 1
        print(f"Sandbox listening on {url}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        # A short wait in a loop: the main thread must wake up to run signal handlers.
        while not stop_requested.wait(0.2):
            pass
        return 0
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
