"""RufusAPI against the sandbox over real loopback HTTP."""

from __future__ import annotations

import re

import httpx2
import pytest

from app.core import flow
from app.core.errors import InputError, ProviderError
from app.core.flow import Page
from app.core.rufus import RufusAPI, RufusBinding, RufusDevice
from tests.core.helpers import rufus_key

pytestmark = pytest.mark.anyio

WRITE = ("WRITE", "READ_WRITE")


@pytest.fixture
async def client():
    async with httpx2.AsyncClient(timeout=10) as c:
        yield c


async def failure(coro) -> ProviderError:
    with pytest.raises(ProviderError) as info:
        await coro
    return info.value


def full_api(sandbox, client) -> RufusAPI:
    key = rufus_key(sandbox.fixtures(), access=("READ_WRITE",), unbind=True)
    return RufusAPI(client, sandbox.rufus_root, key)


def new_serial(fx: dict, stem: str = "PW-TEST") -> str:
    used = {d["serial_number"] for d in fx["rufus"]["devices"]}
    return next(f"{stem}-{n}" for n in range(10_000) if f"{stem}-{n}" not in used)


async def test_bind_get_find_unbind(sandbox, client):
    rufus = full_api(sandbox, client)
    serial = new_serial(sandbox.fixtures())
    binding = await rufus.bind(" Model X1 ", f" {serial} ", alias="Front door", firmware="1.2")
    assert isinstance(binding, RufusBinding)
    assert re.fullmatch(r"[0-9A-F]{64}", binding.deviceid)
    assert binding.deviceid in {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}
    device = await rufus.get(binding.deviceid.lower())
    assert isinstance(device, RufusDevice)
    assert (device.deviceid, device.serial_number, device.model, device.alias,
            device.firmware) == (binding.deviceid, serial, "Model X1", "Front door", "1.2")
    assert [d.deviceid for d in await rufus.find_by_serial(serial)] == [binding.deviceid]
    assert await rufus.unbind(binding.deviceid) == binding.deviceid
    assert await rufus.find_by_serial(serial) == []


async def test_find_by_serial_of_a_fixture_device(sandbox, client):
    fx = sandbox.fixtures()
    device = fx["rufus"]["devices"][-1]
    found = await full_api(sandbox, client).find_by_serial(device["serial_number"])
    assert [d.deviceid for d in found] == [device["deviceid"]]


async def test_find_by_serial_walks_pages(sandbox, client, monkeypatch):
    import app.core.rufus as rufus_module

    monkeypatch.setattr(rufus_module, "PAGE_LIMIT", 1)
    fx = sandbox.fixtures()
    rufus = full_api(sandbox, client)
    pages = await rufus.list_devices(1, 1)
    assert len(pages[0]) == 1 and pages[1] == len(fx["rufus"]["devices"])
    # Without the server-side filter the client still finds the device on a later page.
    monkeypatch.setattr(rufus, "list_devices",
                        lambda page, limit, serial: RufusAPI.list_devices(rufus, page, limit))
    last = fx["rufus"]["devices"][-1]
    found = await rufus.find_by_serial(last["serial_number"])
    assert [d.deviceid for d in found] == [last["deviceid"]]


async def test_401_key_missing_or_unknown(sandbox, client):
    err = await failure(RufusAPI(client, sandbox.rufus_root, "ror-00000000000000000000")
                        .bind("Model X1", "SN-1"))
    assert err.kind == "rufus.key_rejected" and err.status == 401 and err.category == "auth"
    assert err.message  # the description as sent
    assert "ror-0000" not in repr(err.to_dict())


async def test_400_missing_field_from_the_server(sandbox, client):
    # Our validation never sends an empty field, so send one straight to reach the 400 row.
    rufus = full_api(sandbox, client)
    with pytest.raises(InputError):
        await rufus.bind("Model X1", "   ")
    err = await failure(rufus.http.call("bind", "POST", "/devices", json={"model": "X"}))
    assert err.kind == "rufus.missing_field" and err.status == 400
    # What RUFUS said is in the advice (our checks already passed model and serial).
    assert err.message and err.message in err.advice


async def test_403_wrong_access_type(sandbox, client):
    fx = sandbox.fixtures()
    read_only = RufusAPI(client, sandbox.rufus_root, rufus_key(fx, access=("READ",)))
    err = await failure(read_only.bind("Model X1", new_serial(fx)))
    assert err.kind == "rufus.write_access_missing" and err.category == "auth"
    write_only = RufusAPI(client, sandbox.rufus_root, rufus_key(fx, access=("WRITE",)))
    err = await failure(write_only.get(fx["rufus"]["devices"][0]["deviceid"]))
    assert err.kind == "rufus.read_access_missing"


async def test_403_unbind_permission_missing(sandbox, client):
    fx = sandbox.fixtures()
    key = rufus_key(fx, access=WRITE, unbind=False)
    err = await failure(RufusAPI(client, sandbox.rufus_root, key)
                        .unbind(fx["rufus"]["devices"][0]["deviceid"]))
    assert err.kind == "rufus.unbind_not_allowed" and err.status == 403


async def test_404_device_not_found(sandbox, client):
    known = {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}
    unknown = next(c * 64 for c in "0123456789ABCDEF" if c * 64 not in known)
    rufus = full_api(sandbox, client)
    err = await failure(rufus.get(unknown))
    assert err.kind == "rufus.device_not_found" and err.message == "Device not found"
    err = await failure(rufus.unbind(unknown))
    assert err.kind == "rufus.unbind_not_found" and err.status == 404


async def test_409_duplicate_serial_reports_the_existing_deviceid(sandbox, client):
    existing = sandbox.fixtures()["rufus"]["devices"][0]
    err = await failure(full_api(sandbox, client).bind("Model X1", existing["serial_number"]))
    assert err.kind == "rufus.serial_taken" and err.status == 409
    assert err.details["deviceid"] == existing["deviceid"]
    assert existing["deviceid"] in err.advice
    # Fixed on the device page (another serial number): its category, "refused", says so.
    assert err.category == "refused"
    assert flow.page_for_error(err) is flow.page_for_error(flow.error_dict(err)) is Page.DEVICE
    assert flow.try_again({"error": flow.error_dict(err)}) is Page.DEVICE


async def test_api_key_is_validated_before_anything(sandbox, client):
    for bad in ("", "ror key", "ror-\u00e9"):
        with pytest.raises(InputError) as info:
            RufusAPI(client, sandbox.rufus_root, bad)
        assert info.value.field == "api_key"
