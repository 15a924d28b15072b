"""A tiny raw HTTP/1.1 server for faults the sandbox cannot produce (huge or endless bodies).

It runs on 127.0.0.1 in its own thread and event loop, counts the requests it receives
(method, path) and answers each with a responder coroutine. No provider logic: it stands
for a broken proxy or server in front of the real API.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable

Responder = Callable[[asyncio.StreamWriter], Awaitable[None]]

HUGE_BODY_BYTES = 50 * 1024 * 1024
_MEGABYTE = b"A" * (1024 * 1024)


async def huge_body(writer: asyncio.StreamWriter) -> None:
    """200, application/json, 50 MB that are not JSON (a broken cache or proxy)."""
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\nConnection: close\r\n\r\n" % HUGE_BODY_BYTES)
    for _ in range(HUGE_BODY_BYTES // len(_MEGABYTE)):
        writer.write(_MEGABYTE)
        await writer.drain()


def endless_body(interval: float = 0.05, piece: bytes = b"0,") -> Responder:
    """200 whose body never ends: a few bytes every `interval` seconds, forever.

    Every single read succeeds well within any per-read timeout, so only an overall
    deadline on the request can end it.
    """

    async def respond(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Connection: close\r\n\r\n" + b'{"response": [')
        while True:
            await writer.drain()
            await asyncio.sleep(interval)
            writer.write(piece)

    return respond


def fast_endless_body(rate_bytes_per_s: int = 20 * 1024 * 1024) -> Responder:
    """200 whose body never ends and arrives fast (about `rate` bytes a second)."""
    chunk = b"A" * (256 * 1024)
    interval = len(chunk) / rate_bytes_per_s

    async def respond(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Connection: close\r\n\r\n")
        while True:
            writer.write(chunk)
            await writer.drain()
            await asyncio.sleep(interval)

    return respond


class RawHTTPServer:
    def __init__(self, respond: Responder) -> None:
        self._respond = respond
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task] = set()
        self.port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request_count(self, method: str | None = None, path_prefix: str = "") -> int:
        with self._lock:
            return sum(1 for m, p in self.requests
                       if (method is None or m == method) and p.startswith(path_prefix))

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, *lines = head.decode("latin-1").split("\r\n")
            method, path, _ = request_line.split(" ", 2)
            length = 0
            for line in lines:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length:
                await reader.readexactly(length)
            with self._lock:
                self.requests.append((method, path))
            await self._respond(writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ValueError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    def start(self) -> RawHTTPServer:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", 0))
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="raw-http", daemon=True)
        self._thread.start()
        if not ready.wait(5):
            raise RuntimeError("the raw HTTP server did not start")
        return self

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return

        async def shutdown() -> None:
            server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 2)

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(shutdown(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> RawHTTPServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
