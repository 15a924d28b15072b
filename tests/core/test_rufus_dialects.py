"""RufusAPI and the key check against each documented variant of RUFUS (the sandbox's
`rufus` dialect): the wrapped list answer, 403 for an unknown key, WRITE-only keys."""

from __future__ import annotations

import httpx2
import pytest

from app.core import flow
from app.core.errors import ProviderError
from app.core.rufus import RufusAPI
from tests.core.helpers import rufus_key

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


def full_api(sandbox, client) -> RufusAPI:
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",), unbind=True)
    return RufusAPI(client, sandbox.rufus_root, key)


async def test_wrapped_list_answer_is_read(sandbox, client):
    sandbox.set_dialect("rufus", list_wrapped=True)
    raw = await client.get(sandbox.rufus_root + "/devices",
                           headers={"api_key": rufus_key(sandbox.fixtures(),
                                                         access=("READ",))})
    assert set(raw.json()) == {"body"} and "result" in raw.json()["body"]
    fx = sandbox.fixtures()
    rufus = full_api(sandbox, client)
    devices, pages = await rufus.list_devices(1, 2)
    assert len(devices) == 2 and pages == -(-len(fx["rufus"]["devices"]) // 2)
    last = fx["rufus"]["devices"][-1]
    found = await rufus.find_by_serial(last["serial_number"])
    assert [d.deviceid for d in found] == [last["deviceid"]]


async def test_wrapped_list_keeps_the_duplicate_check(sandbox, client):
    sandbox.set_dialect("rufus", list_wrapped=True)
    fx = sandbox.fixtures()
    existing = fx["rufus"]["devices"][0]
    found = await full_api(sandbox, client).find_by_serial(existing["serial_number"])
    assert [d.deviceid for d in found] == [existing["deviceid"]]


@pytest.mark.parametrize("status", [401, 403])
async def test_unknown_key_401_or_403_same_advice(sandbox, client, status):
    sandbox.set_dialect("rufus", unknown_key_status=status)
    bad = RufusAPI(client, sandbox.rufus_root, "ror-00000000000000000000")
    with pytest.raises(ProviderError) as info:
        await bad.bind("Model X1", "SN-UNKNOWN-KEY")
    err = info.value
    assert err.status == status and err.category == "auth"
    # The advice names both causes, whichever status came back.
    assert "unknown to RUFUS" in err.advice and "access type" in err.advice


async def test_key_check_of_each_access_type(sandbox, client):
    fx = sandbox.fixtures()

    async def check(access: str) -> flow.KeyCheck:
        api = RufusAPI(client, sandbox.rufus_root, rufus_key(fx, access=(access,)))
        return await flow.check_key(api, "rufus")

    write = await check("WRITE")
    assert write.ok is None and "WRITE key may only bind" in write.message
    read = await check("READ")
    assert read.ok is True and "read-only: cannot pair" in read.message
    assert "cannot be tested without binding" in read.message
    bad = await flow.check_key(RufusAPI(client, sandbox.rufus_root,
                                        "ror-00000000000000000000"), "rufus")
    assert bad.ok is False and "refused" in bad.message


async def test_list_items_carry_status_battery_telemetry_and_login(sandbox, client):
    for wrapped in (False, True):
        sandbox.set_dialect("rufus", list_wrapped=wrapped)
        fx = sandbox.fixtures()
        expected = fx["rufus"]["devices"][0]
        [device] = await full_api(sandbox, client).find_by_serial(expected["serial_number"])
        assert device.device_status == expected["device_status"] == "ACTIVE"
        assert device.battery_percentage == expected["battery_percentage"]
        assert device.last_telemetry_at and device.last_login
