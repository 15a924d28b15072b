"""The loopback listener that receives the browser's OAuth callback.

It runs on the running asyncio loop (no threads), listens on 127.0.0.1 (and [::1] on the
same port where possible, never a wildcard address), answers one request per connection,
and resolves once with the authorization code of the first callback whose `state` matches.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import logging
import socket
from urllib.parse import parse_qsl, urlsplit

from app.auth.errors import SignInError
from app.auth.pages import preload_pages, render
from app.auth.redirect import RegisteredRedirect

log = logging.getLogger(__name__)

CALLBACK_PATH = "/callback"
DONE_PATH = "/done"

# Short: a browser may open a speculative connection and never send on it.
DEFAULT_READ_TIMEOUT = 5.0
# A callback request is a few hundred bytes; anything far bigger is not ours.
MAX_REQUEST_HEAD = 16 * 1024
# Small: asyncio accepts up to `backlog` connections in one go before any handler runs,
# so a large one lets a burst of idle local connections take every file descriptor
# (EMFILE) before MAX_CONNECTIONS can drop any. A burst beyond it waits in the kernel's
# queue or is retried by the client's TCP; the browser's one callback gets through.
ACCEPT_BACKLOG = 64
# Connections served at once. Past it the oldest one still silent is dropped: idle local
# connections must not use up the file descriptors (macOS allows 256) the real callback
# and its page need.
MAX_CONNECTIONS = 64

_REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
}

_SECURITY_HEADERS = (
    ("Content-Type", "text/html; charset=utf-8"),
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "frame-ancestors 'none'; form-action 'none'",
    ),
    ("Connection", "close"),
)


def _error_page(status: int, title: str, message: str, detail: str = "") -> tuple[int, bytes]:
    return status, render("error.html", title=title, message=message, detail=detail)


class _OneAcceptErrorLine(logging.Filter):
    """asyncio logs a traceback for every failed accept (EMFILE), thousands in a burst:
    while a listener runs, the first becomes one line of ours and the rest are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.logged = False

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("socket.accept() out of system resource"):
            return True
        if not self.logged:
            self.logged = True
            log.warning("Sign-in listener: too many open connections (%s); local connections "
                        "are refused for a moment, the sign-in goes on",
                        type(record.exc_info[1]).__name__ if record.exc_info else "OSError")
        return False


def _closed_server_retry(record: logging.LogRecord) -> bool:
    """After a failed accept asyncio retries serving a second later; when the listener
    has closed meanwhile, that retry finds a closed socket and logs a traceback that
    means nothing: drop it (installed once, it outlives every listener)."""
    exc = record.exc_info[1] if record.exc_info else None
    return not (isinstance(exc, (ValueError, OSError))
                and "_start_serving" in str(record.msg % record.args if record.args
                                            else record.msg))


class LoopbackListener:
    """Listen for `GET /callback?code=…&state=…` on the loopback interface."""

    def __init__(self, expected_state: str, *, read_timeout: float = DEFAULT_READ_TIMEOUT,
                 redirect: RegisteredRedirect | None = None, state_echoed: bool = True):
        if not expected_state:
            raise ValueError("expected_state must not be empty")
        self._expected_state = expected_state.encode("utf-8")
        # The redirect URI registered for the Xee app (default 127.0.0.1, any port,
        # /callback), and whether the provider echoes `state` (Xee's docs show `code` only).
        self._redirect = redirect or RegisteredRedirect()
        self._state_echoed = state_echoed
        self.state_missing = False  # the accepted callback carried no state
        self.refused_without_state = False  # a callback without state was refused
        self._read_timeout = read_timeout
        self._servers: list[asyncio.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()
        self._silent: dict[asyncio.StreamWriter, None] = {}  # no request head yet, oldest first
        self._accept_errors = _OneAcceptErrorLine()
        self._result: asyncio.Future[str] | None = None
        self._port: int | None = None
        self._closed = False

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._result = loop.create_future()
        preload_pages()  # no file to open once connections may have used up the descriptors
        asyncio_log = logging.getLogger("asyncio")
        asyncio_log.addFilter(self._accept_errors)
        if _closed_server_retry not in asyncio_log.filters:
            asyncio_log.addFilter(_closed_server_retry)
        if self._redirect != RegisteredRedirect():
            await self._start_registered()
            return
        try:
            v4 = await asyncio.start_server(
                self._handle, host="127.0.0.1", port=0, limit=MAX_REQUEST_HEAD,
                backlog=ACCEPT_BACKLOG,
            )
        except OSError as exc:
            raise SignInError("listener_failed", provider_message=str(exc)) from exc
        self._servers.append(v4)
        self._port = v4.sockets[0].getsockname()[1]
        # Same port on [::1] for browsers that resolve "localhost" to IPv6; optional.
        if socket.has_ipv6:
            try:
                v6 = await asyncio.start_server(
                    self._handle, host="::1", port=self._port, limit=MAX_REQUEST_HEAD,
                    backlog=ACCEPT_BACKLOG,
                )
            except OSError:
                log.debug("IPv6 loopback not available; listening on 127.0.0.1 only")
            else:
                self._servers.append(v6)
        log.info("Sign-in listener ready on loopback port %d", self._port)

    async def _start_registered(self) -> None:
        """Listen on the registered host's loopback addresses (127.0.0.1 and [::1] both for
        localhost), on the first of the registered ports where every one can listen."""
        failures: list[str] = []
        for port in self._redirect.ports:
            servers: list[asyncio.Server] = []
            bound_port = port
            try:
                for address in self._redirect.addresses:
                    try:
                        server = await asyncio.start_server(
                            self._handle, host=address, port=bound_port,
                            limit=MAX_REQUEST_HEAD, backlog=ACCEPT_BACKLOG,
                        )
                    except OSError as exc:
                        no_ipv6 = address == "::1" and (
                            not socket.has_ipv6
                            or exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT))
                        if no_ipv6 and servers:
                            log.debug("IPv6 loopback not available; 127.0.0.1 only")
                            continue
                        raise
                    servers.append(server)
                    bound_port = server.sockets[0].getsockname()[1]
            except OSError as exc:
                for server in servers:
                    server.close()
                failures.append(f"port {port}: {exc.strerror or exc}")
                continue
            self._servers = servers
            self._port = bound_port
            log.info("Sign-in listener ready on loopback port %d (registered redirect)",
                     self._port)
            return
        raise SignInError("redirect_port_busy", provider_message="; ".join(failures))

    def close(self) -> None:
        """Stop listening and drop every open connection. Safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        for server in self._servers:
            server.close()
        for writer in list(self._writers):
            # close() (not abort) so an answer already written still reaches the browser.
            writer.close()
        self._writers.clear()
        if self._result is not None and not self._result.done():
            self._result.cancel()
        logging.getLogger("asyncio").removeFilter(self._accept_errors)
        log.info("Sign-in listener closed")

    async def aclose(self) -> None:
        self.close()
        for server in self._servers:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    await server.wait_closed()

    async def __aenter__(self) -> LoopbackListener:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- facts -----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("listener not started")
        return self._port

    @property
    def redirect_uri(self) -> str:
        return self._redirect.uri(self.port)

    @property
    def closed(self) -> bool:
        return self._closed

    def addresses(self) -> list[tuple]:
        """The socket addresses currently listened on (empty once closed)."""
        return [
            sock.getsockname()
            for server in self._servers
            if server.is_serving()
            for sock in server.sockets
        ]

    async def wait_for_code(self) -> str:
        """The authorization code of the first valid callback.

        Raises SignInError("denied" / "authorization_failed") when the callback carries
        `error=`. Wrong-state and stray requests are answered and ignored.
        """
        if self._result is None:
            raise RuntimeError("listener not started")
        return await self._result

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._closed:
            writer.close()
            return
        if len(self._silent) >= MAX_CONNECTIONS:
            oldest = next(iter(self._silent))
            self._silent.pop(oldest, None)
            oldest.transport.abort()  # its handler ends on the lost connection
        self._writers.add(writer)
        self._silent[writer] = None
        try:
            try:
                async with asyncio.timeout(self._read_timeout):
                    head = await reader.readuntil(b"\r\n\r\n")
            except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                return  # idle, truncated or oversized: drop it without an answer
            except ConnectionError:
                return
            finally:
                self._silent.pop(writer, None)
            status, body, outcome = self._route(head)
            writer.write(self._response(status, body))
            # Resolve only after the answer is queued: closing the listener next must
            # not cut it off (close() flushes what is already written).
            if outcome is not None:
                self._resolve(outcome)
            with contextlib.suppress(TimeoutError, ConnectionError):
                async with asyncio.timeout(self._read_timeout):
                    await writer.drain()
        finally:
            self._writers.discard(writer)
            writer.close()
            if self._result is not None and self._result.done():
                self.close()  # the first valid callback ends the listening at once

    @staticmethod
    def _response(status: int, body: bytes) -> bytes:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}"]
        lines += [f"{name}: {value}" for name, value in _SECURITY_HEADERS]
        lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body

    def _resolve(self, outcome: str | SignInError) -> None:
        if self._result is None or self._result.done():
            return
        if isinstance(outcome, SignInError):
            self._result.set_exception(outcome)
        else:
            self._result.set_result(outcome)

    def _host_allowed(self, host: str | None) -> bool:
        # Rejects DNS-rebinding pages that reach us under a foreign host name.
        allowed = {
            f"127.0.0.1:{self._port}",
            f"[::1]:{self._port}",
            f"localhost:{self._port}",
        }
        if self._port == 80:  # a registered http://localhost/...: browsers omit :80
            allowed |= {"127.0.0.1", "[::1]", "localhost"}
        return host is not None and host.strip().lower() in allowed

    def _route(self, head: bytes) -> tuple[int, bytes, str | SignInError | None]:
        """Decide the answer to one request: (status, page, outcome or None to keep waiting)."""
        try:
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            method, target, _version = request_line.split(" ", 2)
        except ValueError:
            return (*_error_page(400, "Bad request", "This request was not understood."), None)
        headers = {}
        for line in header_lines:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        url = urlsplit(target)
        # Never log the query: it holds the one-time code.
        log.debug("Sign-in listener: %s %s", method, url.path)

        if method != "GET":
            return (*_error_page(405, "Not allowed", "Only the sign-in callback is served."), None)
        if not self._host_allowed(headers.get("host")):
            return (
                *_error_page(400, "Bad request", "This address is not served here."),
                None,
            )
        if url.path == DONE_PATH:
            return 200, render("done.html"), None
        if url.path != self._redirect.path:
            return (*_error_page(404, "Not found", "There is nothing here."), None)

        params: dict[str, str] = {}
        for key, value in parse_qsl(url.query, keep_blank_values=True):
            params.setdefault(key, value)
        received_state = params.get("state", "").encode("utf-8")
        answer = "code" in params or "error" in params
        if not received_state and answer and self._state_echoed:
            # Xee's docs show the redirect with `code` only: say so (this page, the app
            # through refused_without_state, the timeout's error), never wait in silence.
            # The wait goes on: a stray local request must not end the attempt.
            log.warning("Sign-in callback without state refused (the setting expects it)")
            self.refused_without_state = True
            return (*_error_page(400, "Sign-in not accepted",
                                 SignInError("state_missing").advice), None)
        if not received_state and answer:
            # "Provider does not echo state": only here (the exact registered path), only
            # within this attempt, only once; the caller then has the account confirmed.
            if self._result is not None and not self._result.done():
                self.state_missing = True
        # Constant time, and before anything else about the callback is looked at.
        elif not hmac.compare_digest(received_state, self._expected_state):
            log.warning("Sign-in callback with a wrong or missing state ignored")
            return (
                *_error_page(
                    400,
                    "Sign-in not recognised",
                    "This sign-in answer does not belong to the sign-in Pairing Wizard is "
                    "waiting for. Close this tab and use the sign-in window of Pairing Wizard.",
                ),
                None,
            )
        if self._result is None or self._result.done():
            return (
                *_error_page(409, "Already handled", "This sign-in answer was already received."),
                None,
            )

        error = params.get("error")
        if error is not None:
            description = params.get("error_description", "")
            provider_message = f"{error}: {description}" if description else error
            kind = "denied" if error == "access_denied" else "authorization_failed"
            failure = SignInError(kind, provider_message=provider_message)
            log.info("Sign-in callback reported an error (%s)", kind)
            return (
                *_error_page(
                    200,
                    "Sign-in declined" if kind == "denied" else "Sign-in failed",
                    failure.advice,
                    f"{failure.provider_title} said: {provider_message}",
                ),
                failure,
            )

        code = params.get("code", "")
        if not code:
            failure = SignInError(
                "authorization_failed", provider_message="the answer carried no code"
            )
            return (
                *_error_page(200, "Sign-in failed", failure.advice, "No code was returned."),
                failure,
            )
        log.info("Sign-in callback received")
        message = "Pairing Wizard received your Xee sign-in and is finishing it now."
        return 200, render("success.html", message=message), code
