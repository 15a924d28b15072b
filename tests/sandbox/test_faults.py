"""Fault injection and latency, over real uvicorn (and in-process for `reset`)."""

from __future__ import annotations

import asyncio
import json
import time

import httpx2
import pytest

from app.sandbox.app import create_app


def rufus_get(client, sandbox, **kwargs) -> httpx2.Response:
    key = next(k["key"] for k in sandbox.fixtures()["rufus"]["api_keys"] if k["access"] == "READ")
    return client.get(f"{sandbox.rufus_root}/devices", headers={"api_key": key}, **kwargs)


@pytest.mark.parametrize(("fault", "retry_after"), [("500", False), ("503", True),
                                                     ("429", True)])
def test_status_faults(client, sandbox, fault, retry_after):
    sandbox.set_faults(fault=fault, retry_after=7)
    response = rufus_get(client, sandbox)
    assert response.status_code == int(fault)
    assert ("retry-after" in response.headers) is retry_after
    if retry_after:
        assert response.headers["retry-after"] == "7"
    assert isinstance(response.json()["description"], str)  # RUFUS-shaped body


def test_status_fault_bodies_follow_each_providers_shape(client, sandbox):
    sandbox.set_faults(fault="503")
    xee = client.get(f"{sandbox.xee_root}/users/me")
    assert xee.status_code == 503
    assert set(xee.json()[0]) == {"type", "message", "tip"}
    zype = client.get(f"{sandbox.zype_root}/consumers")
    assert zype.status_code == 503
    assert isinstance(zype.json()["message"], str)


def test_malformed_is_not_json(client, sandbox):
    sandbox.set_faults(fault="malformed")
    response = rufus_get(client, sandbox)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


def test_html_is_an_html_page(client, sandbox):
    sandbox.set_faults(fault="html")
    response = rufus_get(client, sandbox)
    assert response.status_code >= 500
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().lower().startswith("<!doctype html")


def test_reset_is_a_connection_error_over_uvicorn(client, sandbox):
    sandbox.set_faults(fault="reset")
    # A real RST reads as ECONNRESET (ReadError); a mere close would be a
    # RemoteProtocolError "Server disconnected without sending a response".
    with pytest.raises(httpx2.ReadError):
        rufus_get(client, sandbox)
    sandbox.clear_faults()
    assert rufus_get(client, sandbox).status_code == 200  # the server itself is fine


def test_reset_in_process_is_a_read_error():
    async def scenario() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as http:
            assert (await http.post("/_sandbox/faults", json={"fault": "reset"})).status_code == 200
            with pytest.raises(httpx2.ReadError):
                await http.get("/zype/consumers")

    asyncio.run(scenario())


def test_slow_body_trickles_the_real_body(client, sandbox):
    sandbox.set_faults(fault="slow_body", chunk_delay_ms=10)
    started = time.monotonic()
    chunks = []
    key = next(k["key"] for k in sandbox.fixtures()["rufus"]["api_keys"] if k["access"] == "READ")
    with client.stream("GET", f"{sandbox.rufus_root}/devices",
                       headers={"api_key": key}) as response:
        assert response.status_code == 200
        chunks = list(response.iter_raw())
    elapsed = time.monotonic() - started
    body = b"".join(chunks)
    assert len(chunks) > 3
    server_chunks = -(-len(body) // 16)  # the sandbox sends 16-byte chunks
    assert elapsed >= 0.01 * server_chunks * 0.9
    assert json.loads(body)["description"] == "Success"


def test_slow_body_trips_a_short_read_timeout(client, sandbox):
    sandbox.set_faults(fault="slow_body", chunk_delay_ms=300)
    with pytest.raises(httpx2.ReadTimeout):  # a small body (a 401): the trickle ends soon
        client.get(f"{sandbox.zype_root}/consumers", timeout=httpx2.Timeout(5, read=0.1))


def test_faults_never_touch_control_endpoints(client, sandbox):
    for fault in ("500", "reset", "malformed", "html"):
        sandbox.set_faults(fault=fault)
        response = client.get(f"{sandbox.url}/_sandbox/fixtures")
        assert response.status_code == 200
        assert "xee" in response.json()


def test_provider_filter_and_rate(client, sandbox):
    sandbox.set_faults(fault="500", provider="zype")
    assert rufus_get(client, sandbox).status_code == 200
    zype_key = sandbox.fixtures()["zype"]["api_keys"][0]["key"]
    assert client.get(f"{sandbox.zype_root}/consumers",
                      params={"api_key": zype_key}).status_code == 500
    sandbox.set_faults(fault="500", rate=0)
    assert all(rufus_get(client, sandbox).status_code == 200 for _ in range(5))
    sandbox.clear_faults()
    assert rufus_get(client, sandbox).status_code == 200


def test_reset_endpoint_clears_faults(client, sandbox):
    sandbox.set_faults(fault="500")
    assert rufus_get(client, sandbox).status_code == 500
    sandbox.reset()
    assert rufus_get(client, sandbox).status_code == 200


def test_fault_latency_delays_provider_routes_only(client, sandbox):
    sandbox.set_faults(latency_ms=300)
    started = time.monotonic()
    assert rufus_get(client, sandbox).status_code == 200
    assert time.monotonic() - started >= 0.3
    sandbox.set_faults(latency_ms=5000)
    started = time.monotonic()
    assert client.get(f"{sandbox.url}/_sandbox/fixtures").status_code == 200
    assert time.monotonic() - started < 4  # not delayed by the 5 s latency


def test_global_latency_from_create_app():
    async def scenario() -> float:
        transport = httpx2.ASGITransport(app=create_app(latency_ms=200))
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as http:
            started = time.monotonic()
            response = await http.get("/zype/consumers")
            assert response.status_code == 401
            return time.monotonic() - started

    assert asyncio.run(scenario()) >= 0.2


@pytest.mark.parametrize("body", [
    {"fault": "teapot"}, {"rate": 2}, {"rate": "1"}, {"provider": "acme"},
    {"latency_ms": -1}, {"latency_ms": "10"}, {"unknown_key": 1},
])
def test_bad_fault_settings_are_400(client, sandbox, body):
    response = client.post(f"{sandbox.url}/_sandbox/faults", json=body)
    assert response.status_code == 400
    assert response.json()["error"]
