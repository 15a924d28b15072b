"""#17 items 5 and 6 without Qt: what the flow says after wrong Xee pins, and the check of
an uncertain RUFUS bind, Xee association and Zype link against the sandbox in-process
(httpx2.ASGITransport)."""

from __future__ import annotations

import asyncio

import httpx2
import pytest

from app.core import flow
from app.core.rufus import RufusAPI
from app.core.xee import XeeAPI
from app.core.zype import ZypeAPI
from app.sandbox.app import create_app


def xee_state(failures: int, kind: str = "xee.pin_rejected") -> dict:
    state = flow.new_state("xee")
    state.update(xee_device_id="E133742016", pin_failures={"xee": {"E133742016": failures}},
                 error={"kind": kind, "category": "input"})
    return state


def test_attempts_left_then_locked_at_the_third_failure():
    assert flow.pin_result_note(xee_state(1)) == (
        "Wrong pin: 2 attempts left before the box locks.")
    assert flow.pin_result_note(xee_state(2)) == (
        "Wrong pin: 1 attempt left before the box locks. Check the pin on the box's card "
        "before trying again.")
    assert flow.pin_result_note(xee_state(3)) == (
        "That was the third wrong pin for this box: Xee has now locked it. Contact Xee "
        "support to unlock the box; another pin will not be accepted.")
    assert not flow.box_locked(xee_state(2)) and flow.box_locked(xee_state(3))
    assert flow.box_locked(xee_state(0, "xee.box_locked"))
    assert flow.pin_result_note(xee_state(1, "xee.not_found")) is None
    last = xee_state(2)
    last["error"] = None
    assert flow.is_last_pin_attempt(last) and not flow.is_last_pin_attempt(xee_state(1))


def test_review_note_only_after_an_uncertain_outcome():
    state = flow.new_state("rufus")
    assert flow.uncertain_review_note(state) is None
    state["uncertain"] = True
    assert "may have been carried out" in flow.uncertain_review_note(state)
    assert "RUFUS" in flow.uncertain_review_note(state)


def test_check_last_request_reads_the_rufus_device_list():
    async def main() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fx = (await c.get("/_sandbox/fixtures")).json()
            key = next(k["key"] for k in fx["rufus"]["api_keys"]
                       if k["access"] == "READ_WRITE")
            api = RufusAPI(c, "http://sandbox/rufus/v0", key)
            state = {**flow.new_state("rufus"), "rufus_serial": "CHECK-0001"}
            missing = await flow.check_last_request(api, state)
            assert missing.done is False and "CHECK-0001" in missing.message
            binding = await api.bind("Model X1", "CHECK-0001")
            found = await flow.check_last_request(api, state)
            assert found.done is True and found.deviceid == binding.deviceid
            assert binding.deviceid in found.message
            write_only = next(k["key"] for k in fx["rufus"]["api_keys"]
                              if k["access"] == "WRITE")
            unknown = await flow.check_last_request(
                RufusAPI(c, "http://sandbox/rufus/v0", write_only), state)
            assert unknown.done is None and unknown.message.startswith("Could not check")
    asyncio.run(main())


@pytest.mark.parametrize("version", ["v3", "v4"])
def test_check_last_request_reads_the_xee_users_cars(version):
    """#17 item 6: Xee's cars (v3 users/me/cars, v4 users/me/vehicles) carry their box."""
    async def main() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            token = (await c.post("/_sandbox/xee/token", json={"user_id": 1001})).json()
            api = XeeAPI(c, f"http://sandbox/xee/{version}", token["access_token"])
            state = {**flow.new_state("xee"), "xee_device_id": "E133742016"}
            missing = await flow.check_last_request(api, state)
            assert missing.done is False and "E133742016" in missing.message
            await api.associate("E133742016", "4321")
            found = await flow.check_last_request(api, state)
            assert found.done is True and "E133742016" in found.message
            # A sign-in without cars_read: the check says which permission it lacks.
            narrow = (await c.post("/_sandbox/xee/token", json={
                "user_id": 1001, "scope": "devices_management users_read"})).json()
            unknown = await flow.check_last_request(
                XeeAPI(c, f"http://sandbox/xee/{version}", narrow["access_token"]), state)
            if version == "v3":
                assert unknown.done is None and "cars_read" in unknown.message
            else:  # v4 lists vehicles with the device scope
                assert unknown.done is True
    asyncio.run(main())


def test_check_last_request_reads_the_zype_consumers_linked_pins():
    """#17 item 6: the consumer (by email), then each linked device's pin status."""
    async def main() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fx = (await c.get("/_sandbox/fixtures")).json()
            key = next(k["key"] for k in fx["zype"]["api_keys"] if k["type"] == "admin")
            api = ZypeAPI(c, "http://sandbox/zype", key)
            consumer = fx["zype"]["consumers"][0]
            pin = next(p["pin"] for p in fx["zype"]["pins"]
                       if not p["expired"] and p["consumer_id"] is None)
            state = {**flow.new_state("zype"), "zype_email": consumer["email"],
                     "zype_consumer_id": consumer["_id"], "zype_pin": pin}
            missing = await flow.check_last_request(api, state)
            assert missing.done is False and pin in missing.message
            await api.link(consumer["_id"], pin)
            found = await flow.check_last_request(api, state)
            assert found.done is True and pin in found.message
            other = fx["zype"]["consumers"][1]
            elsewhere = await flow.check_last_request(api, {
                **state, "zype_email": other["email"], "zype_consumer_id": other["_id"]})
            assert elsewhere.done is False
            no_email = await flow.check_last_request(api, {**state, "zype_email": ""})
            assert no_email.done is None and "email" in no_email.message
            wrong = await flow.check_last_request(api, {**state, "zype_email": "x@y.example"})
            assert wrong.done is None and "x@y.example" in wrong.message
    asyncio.run(main())


def test_the_check_shows_the_device_as_rufus_sees_it():
    """#13: status, battery, last telemetry and login where a support engineer checks a
    device (the list in its wrapped shape too)."""
    async def main() -> None:
        transport = httpx2.ASGITransport(app=create_app(dialect={"rufus": {"list_wrapped": True}}))
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fx = (await c.get("/_sandbox/fixtures")).json()
            key = next(k["key"] for k in fx["rufus"]["api_keys"] if k["access"] == "READ")
            device = next(d for d in fx["rufus"]["devices"]
                          if d["battery_percentage"] is not None and d["device_status"])
            api = RufusAPI(c, "http://sandbox/rufus/v0", key)
            state = {**flow.new_state("rufus"), "rufus_serial": device["serial_number"]}
            found = await flow.check_last_request(api, state)
            assert found.done is True and found.deviceid == device["deviceid"]
            assert f"status {device['device_status']}" in found.message
            assert f"battery {device['battery_percentage']} %" in found.message
            assert "last telemetry 20" in found.message and "last login 20" in found.message
    asyncio.run(main())
