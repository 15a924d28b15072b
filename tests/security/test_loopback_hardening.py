"""The sign-in's loopback listener against another program on the same computer.

tests/auth/test_loopback.py checks each adversarial request alone; here:
- the listening sockets, as the kernel lists them (/proc/net/tcp and tcp6), are on
  127.0.0.1 / ::1 only, never on a wildcard address;
- the same adversarial requests still get their answers, and the real callback still
  completes within seconds, while 200 junk connections are opened at the same moment by
  another thread (random bytes, half-open, slowloris partial headers, idle, oversized);
- afterwards every junk connection has been dropped and the port is free.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import random
import socket
import threading
import time
from pathlib import Path

import pytest

from app.auth.errors import SignInError
from app.auth.loopback import LoopbackListener
from app.auth.oauth import XeeSignIn
from tests.auth.helpers import assert_port_free, assert_refused, raw_http
from tests.needs import unavailable

STATE = "hardening-state-0123456789abcdef"
JUNK_CONNECTIONS = 200
ENDS_WITHIN = 5.0   # seconds after the listener closed for every junk connection to end
LOOPBACK_HEX = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1, ::1
WILDCARD_HEX = {"00000000", "00000000000000000000000000000000"}  # 0.0.0.0, ::


def listening_entries(port: int) -> list[str]:
    """Local addresses (kernel hex) of the LISTEN sockets on `port`, IPv4 and IPv6."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: TCP_LISTEN
                found.append(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp")
def test_the_sign_in_listens_on_loopback_addresses_only():
    async def scenario():
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s", timeout=30).start()
        port = attempt.listener.port
        addresses = attempt.listener.addresses()
        entries = listening_entries(port)
        await asyncio.sleep(0.05)  # see test_cancel_before_the_loop_turns_... for why
        attempt.cancel()
        with pytest.raises(SignInError):
            await attempt.result()
        return port, addresses, entries, listening_entries(port)

    port, addresses, entries, after = asyncio.run(scenario())
    assert addresses and all(ipaddress.ip_address(a[0]).is_loopback for a in addresses)
    assert "0100007F" in entries, entries  # the scan sees the listener it looks for
    assert set(entries) <= LOOPBACK_HEX, entries
    assert not set(entries) & WILDCARD_HEX
    assert after == []  # cancelled: nothing listens any more
    assert_port_free(port)


def test_cancel_before_the_loop_turns_still_ends_as_cancelled():
    """A wizard page closed (or the app quitting) right after start(): same contract as
    any other cancel: SignInError('cancelled'), port freed, HTTP client closed."""
    from authlib.integrations.httpx_client import AsyncOAuth2Client

    clients = []

    def factory(**kwargs):
        clients.append(AsyncOAuth2Client(**kwargs))
        return clients[-1]

    async def scenario():
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s",
                                  http_client_factory=factory).start()
        port = attempt.listener.port
        attempt.cancel()  # no await in between
        try:
            await attempt.result()
        except BaseException as exc:  # noqa: BLE001 - the type is what is checked
            outcome = exc
        await asyncio.sleep(0.05)
        return port, outcome

    port, outcome = asyncio.run(scenario())
    assert_port_free(port)
    assert isinstance(outcome, SignInError) and outcome.kind == "cancelled", repr(outcome)
    assert clients and clients[0].is_closed


# ------------------------------------------------------------------ the burst


class Opened:
    """How many junk connections got through; `enough` is set once half of them did (the
    test waits for it: on a busy machine the burst's thread may start late)."""

    def __init__(self) -> None:
        self.count = 0
        self.enough = threading.Event()
        # Set by the test once the real callback has ended the listening: from then on a
        # junk connection must end soon. Before, it may wait as long as the test does (on
        # a busy machine the burst itself takes seconds to open).
        self.listener_closed = threading.Event()

    def closed(self) -> None:
        self.closed_at = time.monotonic()
        self.listener_closed.set()

    def add(self) -> None:
        self.count += 1
        if self.count >= JUNK_CONNECTIONS // 2:
            self.enough.set()


async def _one_junk(port: int, kind: str, rng: random.Random, done: asyncio.Event,
                    opened: Opened) -> str:
    """Open one junk connection, misbehave, then report how it ended."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return "refused"
    opened.add()
    try:
        if kind == "random":
            writer.write(os.urandom(rng.randint(1, 2048)))
        elif kind == "random-complete":  # garbage that still ends like a request head
            writer.write(os.urandom(rng.randint(1, 512)) + b"\r\n\r\n")
        elif kind == "half-open":
            writer.write(b"GET /callback?code=junk&state=")
            await writer.drain()
            writer.write_eof()
        elif kind == "oversized":
            writer.write(b"GET /callback HTTP/1.1\r\nX-Pad: " + b"a" * 20_000)
        elif kind == "slowloris":
            writer.write(f"GET /callback?code=slow&state={STATE} HTTP/1.1\r\n".encode())
        # "idle": send nothing at all
        await writer.drain()
        deadline = time.monotonic() + 60   # a bound for a test that never closes the listener
        probed = False
        while time.monotonic() < deadline:
            if opened.listener_closed.is_set():
                deadline = min(deadline, opened.closed_at + ENDS_WITHIN)
                if not probed:
                    # A connection the kernel completed while the accept queue was full
                    # is dropped with the listening socket without a word to the peer (no
                    # process ever held it): only a byte sent gets its RST. One held open
                    # by the listener would take the byte and stay open.
                    probed = True
                    writer.write(b"\r\n")
                    await writer.drain()
            if kind == "slowloris" and not done.is_set():
                writer.write(b"X-a: b\r\n")  # one more header, never the blank line
                await writer.drain()
            try:
                async with asyncio.timeout(0.1):
                    data = await reader.read(65536)
            except TimeoutError:
                continue
            if not data:
                return "closed"
        return f"still-open:{kind}"
    except (ConnectionError, OSError):
        return "closed"
    finally:
        writer.close()


def still_open(ends: list[str]) -> list[str]:
    """The junk connections that did not end (each as "still-open:<kind>")."""
    return [end for end in ends if end.startswith("still-open")]


def junk_burst(port: int, opened: Opened) -> list[str]:
    """Runs in another thread with its own loop: another program on this computer."""

    async def burst() -> list[str]:
        rng = random.Random(1234)
        done = asyncio.Event()
        kinds = ["random", "random-complete", "half-open", "oversized", "slowloris", "idle"]
        tasks = [asyncio.create_task(_one_junk(port, kinds[i % len(kinds)], rng, done, opened))
                 for i in range(JUNK_CONNECTIONS)]
        return await asyncio.gather(*tasks)

    return asyncio.run(burst())


ADVERSARIAL = [
    # (target, host header or None, method, expected status)
    ("/callback?code=evil&state=wrong", None, "GET", 400),
    ("/callback?code=evil", None, "GET", 400),
    ("/favicon.ico", None, "GET", 404),
    (f"/other?code=evil&state={STATE}", None, "GET", 404),
    (f"/callback?code=evil&state={STATE}", "attacker.example:{port}", "GET", 400),  # rebinding
    (f"/callback?code=evil&state={STATE}", None, "POST", 405),
    ("/callback?state=wrong&error=access_denied&error_description=%3Cscript%3Ex%3C/script%3E",
     None, "GET", 400),
]


def test_real_callback_completes_under_a_burst_of_junk_connections():
    async def scenario():
        # A long read timeout: idle and slowloris sockets are never dropped for being slow
        # during the test, so only a listener that serves connections independently passes.
        async with LoopbackListener(STATE, read_timeout=30) as listener:
            port = listener.port
            waiter = asyncio.create_task(listener.wait_for_code())
            opened = Opened()
            burst = asyncio.create_task(asyncio.to_thread(junk_burst, port, opened))
            # The real requests come while the junk connections are open, however long
            # the burst's thread takes to start.
            assert await asyncio.to_thread(opened.enough.wait, 20), opened.count
            answers = await asyncio.gather(*(
                raw_http(port, target, method=method,
                         host_header=host.format(port=port) if host else None)
                for target, host, method, _ in ADVERSARIAL))
            assert not waiter.done()
            started = time.monotonic()
            status, _, body = await raw_http(port, f"/callback?code=the-real-one&state={STATE}")
            async with asyncio.timeout(5):
                code = await waiter
            opened.closed()            # the first valid callback closed the listener
            took = time.monotonic() - started
            with pytest.raises(ConnectionRefusedError):  # replayed callback: nobody listens
                await raw_http(port, f"/callback?code=the-real-one&state={STATE}")
            async with asyncio.timeout(70):
                ends = await burst
        return port, answers, status, body, code, took, ends

    port, answers, status, body, code, took, ends = asyncio.run(scenario())
    for (target, _, _, expected), (got, headers, page) in zip(ADVERSARIAL, answers, strict=True):
        assert got == expected, (target, got)
        assert headers["cache-control"] == "no-store"
        assert "code=evil" not in page and "<script>x" not in page  # nothing reflected
    assert (status, code) == (200, "the-real-one")
    assert "the-real-one" not in body
    assert took < 3, f"the real callback took {took:.1f} s under the burst"
    assert len(ends) == JUNK_CONNECTIONS
    assert not still_open(ends), {kind: ends.count(kind) for kind in set(ends)}
    assert ends.count("closed") >= JUNK_CONNECTIONS // 2  # the burst really connected
    assert_refused(port)
    assert_port_free(port)


def test_access_denied_with_html_under_a_burst_ends_the_wait_safely():
    async def scenario():
        async with LoopbackListener(STATE, read_timeout=30) as listener:
            port = listener.port
            waiter = asyncio.create_task(listener.wait_for_code())
            opened = Opened()
            burst = asyncio.create_task(asyncio.to_thread(junk_burst, port, opened))
            assert await asyncio.to_thread(opened.enough.wait, 20), opened.count
            page = await raw_http(
                port, f"/callback?state={STATE}&error=access_denied&error_description="
                "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3C%2Ftitle%3E")
            with pytest.raises(SignInError) as caught:
                async with asyncio.timeout(5):
                    await waiter
            opened.closed()            # the provider's answer closed the listener
            async with asyncio.timeout(70):
                ends = await burst
        return port, page, caught.value, ends

    port, (status, headers, body), error, ends = asyncio.run(scenario())
    assert error.kind == "denied" and "declined" in error.advice
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "default-src 'none'" in headers["content-security-policy"]
    assert not still_open(ends), still_open(ends)
    assert_refused(port)
    assert_port_free(port)


def test_a_socket_bound_to_the_wildcard_would_be_seen():
    """The /proc scan is not blind: a socket on 0.0.0.0 shows up as a wildcard entry."""
    if not Path("/proc/net/tcp").exists():
        unavailable("needs Linux /proc/net/tcp")
    with socket.socket() as sock:
        sock.bind(("0.0.0.0", 0))
        sock.listen()
        entries = listening_entries(sock.getsockname()[1])
    assert entries and set(entries) <= WILDCARD_HEX
