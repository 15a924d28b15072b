"""#17 items 5 and 6 without Qt: what the flow says after wrong Xee pins, and the check of
an uncertain RUFUS bind against the sandbox in-process (httpx2.ASGITransport)."""

from __future__ import annotations

import asyncio

import httpx2

from app.core import flow
from app.core.rufus import RufusAPI
from app.sandbox.app import create_app


def xee_state(failures: int, kind: str = "xee.pin_rejected") -> dict:
    state = flow.new_state("xee")
    state.update(xee_device_id="E133742016", xee_pin_failures={"E133742016": failures},
                 error={"kind": kind, "category": "input"})
    return state


def test_attempts_left_then_locked_at_the_third_failure():
    assert flow.pin_result_note(xee_state(1)) == flow.PIN_LEFT_MANY.format(left=2)
    assert flow.pin_result_note(xee_state(2)) == flow.PIN_LEFT_ONE
    assert flow.pin_result_note(xee_state(3)) == flow.BOX_LOCKED_NOW
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


def test_zype_and_xee_say_how_to_check():
    async def main() -> None:
        zype = await flow.check_last_request(None, flow.new_state("zype"))
        xee = await flow.check_last_request(None, flow.new_state("xee"))
        assert zype.done is None and "Zype" in zype.message
        assert xee.done is None and "Xee" in xee.message
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
