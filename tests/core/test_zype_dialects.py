"""ZypeAPI against each documented variant of Zype (the sandbox's `zype` dialect): link
and unlink answering the consumer or the DevicePin, a Read Only key refused with 401."""

from __future__ import annotations

import httpx2
import pytest

from app.core import flow
from app.core.errors import ProviderError
from app.core.zype import DevicePin, ZypeAPI
from tests.core.helpers import zype_free_pin, zype_key

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def api(sandbox, client, key_type: str = "admin") -> ZypeAPI:
    return ZypeAPI(client, sandbox.zype_root, zype_key(sandbox.fixtures(), key_type))


@pytest.mark.parametrize("link_returns", ["pin", "consumer"])
@pytest.mark.parametrize("unlink_returns", ["pin", "consumer"])
async def test_link_and_unlink_in_each_shape(sandbox, client, link_returns, unlink_returns):
    sandbox.set_dialect("zype", link_returns=link_returns, unlink_returns=unlink_returns)
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = zype_free_pin(fx)
    zype = api(sandbox, client)
    raw = await client.put(f"{sandbox.zype_root}/pin/link",
                           params={"api_key": zype_key(fx, "admin"),
                                   "consumer_id": consumer["_id"], "pin": pin["pin"]})
    assert ("email" in raw.json()["response"]) is (link_returns == "consumer")
    await zype.unlink(consumer["_id"], pin["pin"])

    linked = await zype.link(consumer["_id"], pin["pin"])
    assert isinstance(linked, DevicePin)
    # Whichever shape came back, the result knows the device and that it is linked.
    assert (linked.linked, linked.consumer_id, linked.pin, linked.linked_device_id) == (
        True, consumer["_id"], pin["pin"], pin["linked_device_id"])
    state = {"provider": "zype", "result": flow._as_dict(linked)}
    labels = dict(flow.result_rows(state))
    assert labels["Linked"] == "yes"
    unlinked = await zype.unlink(consumer["_id"], pin["pin"])
    assert isinstance(unlinked, dict) and unlinked
    assert (await zype.status(pin["linked_device_id"])).linked is False


@pytest.mark.parametrize("status", [401, 403])
async def test_read_only_key_on_link_says_it_may_not_modify(sandbox, client, status):
    sandbox.set_dialect("zype", read_only_status=status)
    fx = sandbox.fixtures()
    read_only = api(sandbox, client, "read_only")
    # A Read Only key passes the lookup...
    assert await read_only.find_consumers(fx["zype"]["consumers"][0]["email"])
    with pytest.raises(ProviderError) as info:
        await read_only.link(fx["zype"]["consumers"][0]["_id"], zype_free_pin(fx)["pin"])
    err = info.value
    assert err.status == status and err.category == "auth"
    assert "this key may not modify" in err.advice


async def test_key_check_of_a_read_only_key_does_not_claim_it_can_link(sandbox, client):
    read_only = await flow.check_key(api(sandbox, client, "read_only"), "zype")
    # It does read consumers, but linking cannot be tested without linking.
    assert read_only.ok is True
    assert "cannot be tested without linking" in read_only.message
    assert "Read Only key also passes" in read_only.message
    bad = await flow.check_key(ZypeAPI(client, sandbox.zype_root, "zk-not-a-key-000000"),
                               "zype")
    assert bad.ok is False


async def test_email_lookup_lists_the_consumer_s_linked_devices(sandbox, client):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = zype_free_pin(fx)
    zype = api(sandbox, client)
    [before] = await zype.find_consumers(consumer["email"])
    assert pin["linked_device_id"] not in before.linked_devices
    await zype.link(consumer["_id"], pin["pin"])
    [after] = await zype.find_consumers(consumer["email"])
    assert after.id == consumer["_id"]
    assert pin["linked_device_id"] in after.linked_devices
