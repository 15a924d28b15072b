"""Latency and fault injection, as an ASGI middleware in front of the provider routes.

It only touches `/xee/`, `/rufus/` and `/zype/` paths, never `/_sandbox/`. Per request:
first the global latency (`--latency-ms`) plus the fault setting's `latency_ms` (when
its `provider` matches), then, with probability `rate`, the fault:

- "500", "503", "429": that status, a provider-shaped body (ours); 503 and 429 send
  `Retry-After` (seconds, the setting's `retry_after`, default 1).
- "malformed": 200 `application/json` whose body is not JSON (cut in the middle).
- "html": 502 with a `text/html` proxy error page, as a gateway in front would send.
- "reset": over uvicorn (through `SandboxServer`, which hands the connection's
  transport to the app) the TCP connection is aborted with SO_LINGER 0, so the client
  gets a real RST and no response. In-process (ASGITransport) there is no socket:
  we raise `httpx2.ReadError`, which is what the client would see on a reset.
- "slow_body": the real response, its body trickled in small chunks
  `chunk_delay_ms` apart (default 200 ms).
"""

from __future__ import annotations

import asyncio
import json
import random
import socket
import struct
import sys
from typing import Any

from app.sandbox.state import SandboxState

Scope = dict[str, Any]
TRANSPORT_EXTENSION = "pairing_wizard.sandbox.transport"
SLOW_CHUNK_BYTES = 16

PROVIDER_PREFIXES = {"/xee/": "xee", "/rufus/": "rufus", "/zype/": "zype"}

_STATUS_TEXT = {500: "Internal Server Error", 503: "Service Unavailable",
                429: "Too Many Requests"}


def provider_of(path: str) -> str | None:
    return next((name for prefix, name in PROVIDER_PREFIXES.items()
                 if path.startswith(prefix)), None)


def error_body(provider: str, status: int) -> bytes:
    """Each provider's error shape (ours: the docs show none for these statuses)."""
    text = _STATUS_TEXT[status]
    if provider == "xee":
        body: Any = [{"type": "SERVER_ERROR", "message": text, "tip": ""}]
    elif provider == "rufus":
        body = {"description": text}
    else:
        body = {"message": text}
    return json.dumps(body).encode()


HTML_ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
    b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
    b"</body></html>\n"
)
MALFORMED_JSON = b'{"response": {"_id": "5a1f0c2e8d3b4a00", "pin": "zab'


async def _send_simple(send: Any, status: int, body: bytes, content_type: str,
                       extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    headers = [(b"content-type", content_type.encode()),
               (b"content-length", str(len(body)).encode())] + (extra_headers or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _reset_connection(scope: Scope, receive: Any) -> None:
    transport = scope.get("extensions", {}).get(TRANSPORT_EXTENSION)
    if transport is None:
        import httpx2  # only in-process, where the "network" is httpx2's ASGITransport

        raise httpx2.ReadError("[sandbox fault] connection reset by peer")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        # Linger on, timeout 0: close() sends RST instead of FIN.
        linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
    transport.abort()
    # Return only once uvicorn has seen the disconnect, so it sends nothing more.
    while (await receive())["type"] != "http.disconnect":
        pass


class FaultInjector:
    def __init__(self, app: Any, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        provider = provider_of(scope["path"]) if scope["type"] == "http" else None
        if provider is None:
            await self.app(scope, receive, send)
            return
        faults = self.state.faults
        applies = faults.applies_to(provider)
        latency_ms = self.state.latency_ms + (faults.latency_ms if applies else 0)
        if latency_ms > 0:
            await asyncio.sleep(latency_ms / 1000)
        fault = faults.fault if applies and random.random() < faults.rate else None

        if fault is None:
            await self.app(scope, receive, send)
        elif fault in ("500", "503", "429"):
            status = int(fault)
            retry = [(b"retry-after", str(faults.retry_after).encode())] if status != 500 else []
            await _send_simple(send, status, error_body(provider, status), "application/json",
                               retry)
        elif fault == "malformed":
            await _send_simple(send, 200, MALFORMED_JSON, "application/json")
        elif fault == "html":
            await _send_simple(send, 502, HTML_ERROR_PAGE, "text/html; charset=utf-8")
        elif fault == "reset":
            await _reset_connection(scope, receive)
        elif fault == "slow_body":
            await self.app(scope, receive, _trickling(send, faults.chunk_delay_ms / 1000))
        else:  # validated on the way in; never silently ignore a new kind
            raise ValueError(f"unknown fault {fault!r}")


def _trickling(send: Any, delay: float) -> Any:
    async def slow_send(message: dict[str, Any]) -> None:
        if message["type"] != "http.response.body":
            await send(message)
            return
        body: bytes = message.get("body", b"")
        more_body = message.get("more_body", False)
        chunks = [body[i:i + SLOW_CHUNK_BYTES] for i in range(0, len(body), SLOW_CHUNK_BYTES)]
        for index, chunk in enumerate(chunks):
            await asyncio.sleep(delay)
            last = index == len(chunks) - 1
            await send({"type": "http.response.body", "body": chunk,
                        "more_body": more_body or not last})
        if not chunks:
            await send(message)

    return slow_send
