"""Who may talk to the sandbox: DNS rebinding and web pages are kept out.

- Host: when served on this computer, only a loopback name or the bound address (a
  rebinding page reaches us as `Host: evil.example`); `--allow-remote` lifts it.
- Origin: a browser names the page that sent a request; any page but the sandbox's own
  (its Xee sign-in pages) is refused, so a web page cannot bind devices or change faults
  and the clock with no-cors requests.
- `/_sandbox` POSTs with a body must be `application/json` (a no-cors request cannot send
  that content type without a CORS preflight, which the sandbox never grants).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def hostname(value: str) -> str:
    """The host part of a Host header or an origin's netloc, lowercase, no port."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class RequestGuard:
    """Pure ASGI middleware. `allowed_hosts` None: any Host (in-process use, where no
    network and so no rebinding is involved)."""

    def __init__(self, app: Any, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.allowed = (None if allowed_hosts is None
                        else frozenset(hostname(h) for h in allowed_hosts) | LOOPBACK_NAMES)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        host = hostname(headers.get("host", ""))
        problem = None
        if self.allowed is not None and host not in self.allowed:
            problem = (421, f"This sandbox answers only to {', '.join(sorted(self.allowed))}, "
                       f"not to the host name {host!r}: open it by its loopback address.")
        elif "origin" in headers:
            origin = urlsplit(headers["origin"]).netloc
            allowed = self.allowed if self.allowed is not None else {host}
            if hostname(origin) not in allowed and hostname(origin) not in LOOPBACK_NAMES:
                problem = (403, "Requests from web pages other than the sandbox's own are "
                           "refused: use the app or the command line.")
        if problem is None and scope["path"].startswith("/_sandbox") \
                and scope["method"] not in ("GET", "HEAD", "OPTIONS", "DELETE"):
            has_body = headers.get("content-length", "0") != "0" or "transfer-encoding" in headers
            kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if has_body and kind != "application/json":
                problem = (415, "The sandbox's control endpoints take JSON only: send "
                           "Content-Type: application/json.")
        if problem is None:
            await self.app(scope, receive, send)
            return
        status, message = problem
        body = json.dumps({"error": message}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
