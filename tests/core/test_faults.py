"""Faults over real loopback HTTP become the right kinds; nothing unsafe is retried.

Requests are counted with httpx2's own `request` event hook (no mocks).
"""

from __future__ import annotations

import socket

import httpx2
import pytest

from app.core.errors import ProviderError
from app.core.http import transport_kind
from app.core.rufus import RufusAPI
from app.core.xee import XeeAPI
from app.core.zype import ZypeAPI
from tests.core.helpers import rufus_key, xee_free_device, zype_free_pin, zype_key

pytestmark = pytest.mark.anyio


class Counted:
    """An AsyncClient whose every sent request is counted."""

    def __init__(self, **kwargs) -> None:
        self.sent = 0

        async def count(request: httpx2.Request) -> None:
            self.sent += 1

        self.client = httpx2.AsyncClient(event_hooks={"request": [count]}, **kwargs)

    async def __aenter__(self) -> Counted:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.aclose()


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


def rufus_api(sandbox, client) -> RufusAPI:
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",), unbind=True)
    return RufusAPI(client, sandbox.rufus_root, key)


def new_serial(sandbox) -> str:
    used = {d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]}
    return next(f"FAULT-{n}" for n in range(10_000) if f"FAULT-{n}" not in used)


def bound_with(sandbox, serial: str) -> list[dict]:
    return [d for d in sandbox.fixtures()["rufus"]["devices"] if d["serial_number"] == serial]


async def test_bind_reset_is_uncertain_and_not_retried(sandbox):
    sandbox.set_faults(fault="reset", rate=1.0, provider="rufus")
    async with Counted(timeout=5) as counted:
        err = await failure(rufus_api(sandbox, counted.client).bind("Model X1",
                                                                    new_serial(sandbox)))
    assert err.kind == "network.reset" and err.category == "network"
    assert err.may_have_reached_server and counted.sent == 1
    assert "serial number" in err.advice and "device list" in err.advice


async def test_bind_read_timeout_is_uncertain_and_not_retried(sandbox):
    # The bind is done, then the answer trickles slower than our read timeout.
    sandbox.set_faults(fault="slow_body", rate=1.0, provider="rufus", chunk_delay_ms=400)
    serial = new_serial(sandbox)
    async with Counted(timeout=httpx2.Timeout(5, read=0.2)) as counted:
        err = await failure(rufus_api(sandbox, counted.client).bind("Model X1", serial))
    assert err.kind == "network.read_timeout" and err.may_have_reached_server
    assert counted.sent == 1
    sandbox.clear_faults()
    assert len(bound_with(sandbox, serial)) == 1  # bound once: exactly why we never retry
    async with httpx2.AsyncClient(timeout=5) as client:
        found = await rufus_api(sandbox, client).find_by_serial(serial)
    assert [d.deviceid for d in found] == [bound_with(sandbox, serial)[0]["deviceid"]]


async def test_slow_body_within_the_timeout_succeeds(sandbox):
    sandbox.set_faults(fault="slow_body", rate=1.0, provider="rufus", chunk_delay_ms=5)
    async with httpx2.AsyncClient(timeout=5) as client:
        binding = await rufus_api(sandbox, client).bind("Model X1", new_serial(sandbox))
    assert len(binding.deviceid) == 64


@pytest.mark.parametrize(("provider", "expected"), [
    ("xee", "response.bad_json"), ("rufus", "rufus.bind_unconfirmed"),
    ("zype", "response.bad_json")])
async def test_malformed_success_body(sandbox, provider, expected):
    fx = sandbox.fixtures()
    sandbox.set_faults(fault="malformed", rate=1.0, provider=provider)
    async with httpx2.AsyncClient(timeout=5) as client:
        if provider == "xee":
            token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
            call = XeeAPI(client, sandbox.xee_root, token).me()
        elif provider == "rufus":
            call = rufus_api(sandbox, client).bind("Model X1", new_serial(sandbox))
        else:
            call = ZypeAPI(client, sandbox.zype_root, zype_key(fx, "admin")).link(
                fx["zype"]["consumers"][0]["_id"], zype_free_pin(fx)["pin"])
        err = await failure(call)
    assert err.kind == expected and err.status == 200 and err.may_have_reached_server
    if provider == "zype":
        assert "status" in err.advice  # the link's own "check before retrying" advice


@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
async def test_status_faults(sandbox, provider):
    fx = sandbox.fixtures()
    async with Counted(timeout=5) as counted:
        if provider == "xee":
            token = sandbox.mint_xee_token(fx["xee"]["users"][0]["id"])["access_token"]
            api = XeeAPI(counted.client, sandbox.xee_root, token)
            device = xee_free_device(fx)

            def call():
                return api.associate(device["id"], device["pin"])
        elif provider == "rufus":
            api = rufus_api(sandbox, counted.client)
            deviceid = fx["rufus"]["devices"][0]["deviceid"]

            def call():
                return api.get(deviceid)
        else:
            api = ZypeAPI(counted.client, sandbox.zype_root, zype_key(fx, "admin"))
            email = fx["zype"]["consumers"][0]["email"]

            def call():
                return api.find_consumers(email)

        sandbox.set_faults(fault="500", rate=1.0, provider=provider)
        err = await failure(call())
        assert err.kind == "server.error" and err.status == 500
        sandbox.set_faults(fault="html", rate=1.0, provider=provider)
        err = await failure(call())
        assert err.kind == "response.html_page" and err.message == "502 Bad Gateway"
        assert counted.sent == 2  # none of these is retried

        sandbox.set_faults(fault="429", rate=1.0, provider=provider, retry_after=3)
        err = await failure(call())
        assert err.kind == "server.rate_limited" and err.retry_after == 3
        assert "3 seconds" in err.advice
        sandbox.clear_faults()
        # Retry-After is honoured: the next call is refused here, nothing is sent.
        err = await failure(call())
        assert err.kind == "server.rate_limited" and err.details["not_sent"] is True
        assert 0 < err.retry_after <= 3 and counted.sent == 3


async def test_503_reports_retry_after(sandbox):
    fx = sandbox.fixtures()
    sandbox.set_faults(fault="503", rate=1.0, provider="zype", retry_after=2)
    async with httpx2.AsyncClient(timeout=5) as client:
        err = await failure(ZypeAPI(client, sandbox.zype_root, zype_key(fx, "admin"))
                            .status(zype_free_pin(fx)["linked_device_id"]))
    assert err.kind == "server.unavailable" and err.retry_after == 2
    assert err.category == "network" and not err.may_have_reached_server


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_connection_refused_is_retried_twice_then_reported():
    async with Counted(timeout=2) as counted:
        api = RufusAPI(counted.client, f"http://127.0.0.1:{closed_port()}/rufus/v0",
                       "ror-ae4fc6c19681a20fad30")
        err = await failure(api.bind("Model X1", "SN-1"))
    assert err.kind == "network.refused" and not err.may_have_reached_server
    assert counted.sent == 3  # 1 + CONNECT_RETRIES["network.refused"]
    assert "nothing was sent" in err.advice


async def test_dns_failure():
    async with httpx2.AsyncClient(timeout=5) as client:
        err = await failure(ZypeAPI(client, "http://no-such-host.invalid/zype", "k")
                            .find_consumers("a@example.com"))
    assert err.kind == "network.dns" and err.category == "network"


async def test_tls_failure(sandbox):
    # A TLS handshake against the plain-HTTP sandbox fails for real.
    root = sandbox.zype_root.replace("http://", "https://")
    async with httpx2.AsyncClient(timeout=5) as client:
        err = await failure(ZypeAPI(client, root, "k").find_consumers("a@example.com"))
    assert err.kind == "network.tls" and not err.may_have_reached_server


async def test_bad_api_root():
    async with httpx2.AsyncClient(timeout=5) as client:
        err = await failure(ZypeAPI(client, "ftp://example.com", "k").find_consumers("a@b.co"))
    assert err.kind == "config.bad_api_root" and err.category == "input"


@pytest.mark.parametrize(("exc", "kind"), [
    (httpx2.ConnectTimeout("t"), "network.connect_timeout"),
    (httpx2.PoolTimeout("t"), "network.connect_timeout"),
    (httpx2.ReadTimeout("t"), "network.read_timeout"),
    (httpx2.WriteTimeout("t"), "network.write_timeout"),
    (httpx2.ReadError("reset"), "network.reset"),
    (httpx2.RemoteProtocolError("Server disconnected"), "network.reset"),
    (httpx2.ProxyError("407"), "network.proxy"),
    (httpx2.ConnectError("Network is unreachable"), "network.connect_failed"),
])
def test_transport_exception_kinds(exc, kind):
    assert transport_kind(exc) == kind
