"""The sandbox's RUFUS and Zype dialects: set at creation and through /_sandbox/dialect."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from app.sandbox.app import create_app


def rufus_read_key(fixtures: dict) -> str:
    return next(k["key"] for k in fixtures["rufus"]["api_keys"] if k["access"] == "READ")


def test_rufus_dialect_control_validates(sandbox):
    with httpx2.Client() as client:
        bad = client.post(f"{sandbox.url}/_sandbox/dialect",
                          json={"rufus": {"unknown_key_status": 404}})
        bad_bool = client.post(f"{sandbox.url}/_sandbox/dialect",
                               json={"rufus": {"list_wrapped": "yes"}})
        default = client.get(f"{sandbox.url}/_sandbox/dialect").json()
    assert bad.status_code == 400 and "401 or 403" in bad.json()["error"]
    assert bad_bool.status_code == 400 and "true or false" in bad_bool.json()["error"]
    assert default["rufus"]["list_wrapped"] is False
    assert default["rufus"]["unknown_key_status"] == 401


def test_rufus_unknown_key_403_and_wrapped_list(sandbox):
    sandbox.set_dialect("rufus", unknown_key_status=403, list_wrapped=True)
    with httpx2.Client() as client:
        unknown = client.get(f"{sandbox.rufus_root}/devices",
                             headers={"api_key": "ror-00000000000000000000"})
        missing = client.get(f"{sandbox.rufus_root}/devices")
        listed = client.get(f"{sandbox.rufus_root}/devices",
                            headers={"api_key": rufus_read_key(sandbox.fixtures())})
    assert unknown.status_code == 403 and missing.status_code == 403
    body = listed.json()
    assert set(body) == {"body"}
    assert set(body["body"]) == {"description", "result", "pagination"}


def test_create_app_takes_a_rufus_dialect():
    async def scenario() -> int:
        app = create_app(dialect={"rufus": {"unknown_key_status": 403}})
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app),
                                      base_url="http://sandbox") as client:
            reply = await client.get("/rufus/v0/devices", headers={"api_key": "ror-1"})
        return reply.status_code

    assert asyncio.run(scenario()) == 403
    with pytest.raises(ValueError, match="unknown dialect"):
        create_app(dialect={"rufus": {"wrapped": True}})


def test_zype_dialect_control_validates(sandbox):
    with httpx2.Client() as client:
        bad = client.post(f"{sandbox.url}/_sandbox/dialect",
                          json={"zype": {"link_returns": "device"}})
        status = client.post(f"{sandbox.url}/_sandbox/dialect",
                             json={"zype": {"read_only_status": 404}})
        default = client.get(f"{sandbox.url}/_sandbox/dialect").json()
    assert bad.status_code == 400 and '"pin" or "consumer"' in bad.json()["error"]
    assert status.status_code == 400 and "401 or 403" in status.json()["error"]
    assert (default["zype"]["link_returns"], default["zype"]["unlink_returns"],
            default["zype"]["read_only_status"]) == ("pin", "consumer", 403)


def test_zype_link_answers_the_consumer_and_read_only_gets_401(sandbox):
    sandbox.set_dialect("zype", link_returns="consumer", read_only_status=401)
    fx = sandbox.fixtures()
    keys = {k["type"]: k["key"] for k in fx["zype"]["api_keys"]}
    consumer = fx["zype"]["consumers"][0]
    pin = next(p for p in fx["zype"]["pins"] if p["consumer_id"] is None and not p["expired"])
    params = {"consumer_id": consumer["_id"], "pin": pin["pin"]}
    with httpx2.Client() as client:
        refused = client.put(f"{sandbox.zype_root}/pin/link",
                             params={**params, "api_key": keys["read_only"]})
        linked = client.put(f"{sandbox.zype_root}/pin/link",
                            params={**params, "api_key": keys["admin"]})
    assert refused.status_code == 401 and refused.json()["message"]
    body = linked.json()["response"]
    assert body["_id"] == consumer["_id"] and pin["linked_device_id"] in body["linked_devices"]


def test_a_client_gone_mid_body_is_no_error_of_the_emulator(caplog):
    """A cancelled pairing cuts its request while the body is sent: the sandbox answers
    nobody and logs no traceback (it did: ClientDisconnect from the RUFUS bind)."""
    import asyncio
    import logging

    import httpx2

    from app.sandbox.app import create_app

    app = create_app()

    async def fixtures() -> dict:
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app),
                                      base_url="http://127.0.0.1") as client:
            return (await client.get("/_sandbox/fixtures")).json()

    key = next(k["key"] for k in asyncio.run(fixtures())["rufus"]["api_keys"]
               if k["access"] == "READ_WRITE")
    sent: list[dict] = []
    messages = [{"type": "http.request", "body": b'{"model": "X', "more_body": True},
                {"type": "http.disconnect"}]

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/rufus/v0/devices",
             "raw_path": b"/rufus/v0/devices", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                         (b"x-api-key", key.encode())],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 80)}
    with caplog.at_level(logging.ERROR):
        asyncio.run(app(scope, receive, send))
    assert sent and sent[0]["type"] == "http.response.start"
    assert sent[0]["status"] == 499
    assert not [r for r in caplog.records if r.exc_info]
