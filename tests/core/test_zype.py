"""ZypeAPI against the sandbox over real loopback HTTP."""

from __future__ import annotations

import logging

import httpx2
import pytest

from app.core.errors import InputError, ProviderError
from app.core.zype import Consumer, DevicePin, ZypeAPI
from tests.core.helpers import zype_free_pin, zype_key

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


def admin(sandbox, client) -> ZypeAPI:
    return ZypeAPI(client, sandbox.zype_root, zype_key(sandbox.fixtures(), "admin"))


async def test_find_link_status_unlink(sandbox, client):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = zype_free_pin(fx)
    zype = admin(sandbox, client)
    found = await zype.find_consumers(f" {consumer['email'].upper()} ")
    assert found and all(isinstance(c, Consumer) for c in found)
    assert consumer["_id"] in [c.id for c in found]
    linked = await zype.link(consumer["_id"], pin["pin"].upper())
    assert isinstance(linked, DevicePin)
    assert (linked.linked, linked.consumer_id, linked.pin, linked.linked_device_id) == (
        True, consumer["_id"], pin["pin"], pin["linked_device_id"])
    assert linked.pin_expiration and linked.created_at
    status = await zype.status(pin["linked_device_id"])
    assert status.linked is True and status.consumer_id == consumer["_id"]
    unlinked = await zype.unlink(consumer["_id"], pin["pin"])
    assert isinstance(unlinked, dict) and unlinked.get("_id") == consumer["_id"]
    assert (await zype.status(pin["linked_device_id"])).linked is False


async def test_find_consumers_unknown_email_is_empty(sandbox, client):
    emails = {c["email"].lower() for c in sandbox.fixtures()["zype"]["consumers"]}
    email = next(f"nobody{n}@example.org" for n in range(100) if f"nobody{n}@example.org"
                 not in emails)
    assert await admin(sandbox, client).find_consumers(email) == []


async def test_401_invalid_key(sandbox, client):
    err = await failure(ZypeAPI(client, sandbox.zype_root, "not-a-key")
                        .find_consumers("a@example.com"))
    assert err.kind == "zype.key_rejected" and err.status == 401 and err.message
    assert "not-a-key" not in repr(err.to_dict()) and "api_key" not in (err.endpoint or "")


async def test_403_read_only_key_cannot_link(sandbox, client):
    fx = sandbox.fixtures()
    zype = ZypeAPI(client, sandbox.zype_root, zype_key(fx, "read_only"))
    err = await failure(zype.link(fx["zype"]["consumers"][0]["_id"], zype_free_pin(fx)["pin"]))
    assert err.kind == "zype.key_read_only" and err.category == "auth"


async def test_404_pin_not_found_unknown_and_expired(sandbox, client):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]["_id"]
    known = {p["pin"] for p in fx["zype"]["pins"]}
    unknown = next(f"zzz{n:03d}0" for n in range(1000) if f"zzz{n:03d}0" not in known)
    zype = admin(sandbox, client)
    err = await failure(zype.link(consumer, unknown))
    assert err.kind == "zype.pin_not_found" and err.message == "Device Pin not found"
    expired = next((p for p in fx["zype"]["pins"] if p["expired"]), None)
    if expired is not None:
        assert (await failure(zype.link(consumer, expired["pin"]))).kind == "zype.pin_not_found"
    pin = zype_free_pin(fx)
    sandbox.advance_clock(31 * 60)  # pins last 30 minutes
    assert (await failure(zype.link(consumer, pin["pin"]))).kind == "zype.pin_not_found"


async def test_404_no_pin_for_device(sandbox, client):
    devices = {p["linked_device_id"] for p in sandbox.fixtures()["zype"]["pins"]}
    unknown = next(f"tv-{n}" for n in range(100) if f"tv-{n}" not in devices)
    err = await failure(admin(sandbox, client).status(unknown))
    assert err.kind == "zype.no_pin_for_device" and err.status == 404


async def test_422_unprocessable(sandbox, client):
    fx = sandbox.fixtures()
    # A consumer id our permissive check accepts but the sandbox refuses (not 24 hex).
    err = await failure(admin(sandbox, client).link("not-an-object-id", zype_free_pin(fx)["pin"]))
    assert err.kind == "zype.unprocessable" and err.status == 422
    assert err.message and err.message in err.advice


async def test_link_500_says_to_check_the_pins_status(sandbox, client):
    fx = sandbox.fixtures()
    sandbox.set_faults(fault="500", rate=1.0, provider="zype")
    err = await failure(admin(sandbox, client).link(fx["zype"]["consumers"][0]["_id"],
                                                    zype_free_pin(fx)["pin"]))
    assert err.kind == "server.error" and err.status == 500 and err.may_have_reached_server
    # The link's uncertain-outcome advice, not the generic "check the result".
    assert "check the pin's status before linking again" in err.advice


async def test_api_key_never_reaches_logs_or_errors(sandbox, client, caplog):
    fx = sandbox.fixtures()
    key = zype_key(fx, "admin")
    caplog.set_level(logging.DEBUG)  # even with httpx2 logging every URL
    zype = ZypeAPI(client, sandbox.zype_root, key)
    await zype.find_consumers(fx["zype"]["consumers"][0]["email"])
    sandbox.set_faults(fault="500", rate=1.0, provider="zype")
    err = await failure(zype.link(fx["zype"]["consumers"][0]["_id"], zype_free_pin(fx)["pin"]))
    assert err.kind == "server.error"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/zype/consumers" in logged  # httpx2 did log the request...
    assert key not in logged  # ...with the key redacted
    assert key not in repr(err.to_dict()) and key not in str(err)


async def test_inputs_are_validated(sandbox, client):
    zype = admin(sandbox, client)
    with pytest.raises(InputError) as info:
        await zype.link("5f1a2b3c4d5e6f7a8b9c0d01", "zab123")
    assert info.value.field == "pin"
    with pytest.raises(InputError) as info:
        await zype.find_consumers("not an email")
    assert info.value.field == "email"
