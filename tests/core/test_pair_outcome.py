"""A pairing's and an undo's end as a use-case without Qt (flow.after_pair, after_undo,
apply_outcome, and history_outcome: what goes into the history, an input error not), how
wrong Xee pins are counted and forgotten, and what the wizard saves; against the sandbox
in-process."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx2
import pytest

from app.core import flow
from app.core.errors import ProviderError
from app.core.xee import XeeAPI
from app.sandbox.app import create_app

BOX = "E133742015"


def xee(**values: Any) -> dict[str, Any]:
    state = flow.select(flow.new_state(), "xee", "demo")
    state.update({"xee_account": "Alice", "xee_device_id": BOX, "xee_pin": "1234", **values})
    return state


REJECTED = {"kind": "xee.pin_rejected", "category": "refused", "status": 400,
            "provider": "xee", "may_have_reached_server": False}


def test_a_wrong_pin_counts_against_the_box_and_is_saved():
    state = xee(pin_failures={"xee": {"E000000001": 2}})
    outcome = flow.after_pair(state, error=REJECTED)
    assert flow.history_outcome(outcome.error) == "failed" and outcome.action == "pair"
    assert outcome.pin_failures == {"E000000001": 2, BOX: 1}
    assert flow.pin_counts(state) == {"E000000001": 2}   # untouched until applied
    assert flow.apply_outcome(state, outcome) is True          # the caller saves
    assert state["error"] == REJECTED and state["result"] is None
    assert flow.pin_attempts_left(state) == 2
    again = flow.after_pair({**state, "xee_device_id": " e133742015 "}, error=REJECTED)
    assert again.pin_failures == {"E000000001": 2, BOX: 2}


def test_three_wrong_pins_lock_the_box():
    state = xee()
    for _ in range(flow.PIN_ATTEMPTS):
        flow.apply_outcome(state, flow.after_pair(state, error=REJECTED))
    assert flow.pin_counts(state) == {BOX: 3}
    assert flow.box_locked(state)


def test_a_success_forgets_the_boxs_count_and_only_then_saves():
    state = xee(pin_failures={"xee": {BOX: 2, "E000000001": 1}})
    outcome = flow.after_pair(state, result={"device_id": BOX.lower()})
    assert flow.history_outcome(outcome.error) == "ok" and outcome.error is None
    assert outcome.pin_failures == {"E000000001": 1}
    assert flow.apply_outcome(state, outcome) is True
    assert state["result"] == {"device_id": BOX.lower()} and state["error"] is None
    # Nothing counted for this box: nothing to save.
    assert flow.after_pair(state, result={"device_id": BOX}).pin_failures is None
    assert flow.apply_outcome(state, flow.after_pair(state, result={"device_id": BOX})) \
        is False


def test_other_failures_and_providers_without_a_pin_lock_count_nothing():
    timeout = {"kind": "network.read_timeout", "category": "network",
               "may_have_reached_server": True}
    assert flow.after_pair(xee(), error=timeout).pin_failures is None
    rufus = flow.select(flow.new_state(), "rufus", "demo")
    rufus["pin_failures"] = {"rufus": {BOX: 1}}
    assert flow.after_pair(rufus, result={"device_id": BOX}).pin_failures is None


@pytest.mark.parametrize(("error", "record"), [
    (None, "ok"),
    ({"kind": "input.xee_pin", "category": "input"}, None),      # nothing was sent
    (REJECTED, "failed"),
    ({"kind": "network.read_timeout", "category": "network",
      "may_have_reached_server": True}, "unknown"),
    (flow.cancelled_error({"provider": "xee"}), "unknown"),
    (flow.cancelled_error({"provider": "xee"}, sent=False), "failed"),
])
def test_what_the_history_records(error, record):
    assert flow.history_outcome(error) == record
    result = None if error else {"device_id": BOX}
    assert flow.history_outcome(flow.after_pair(xee(), result=result, error=error).error) \
        == record


def test_an_input_error_is_shown_but_not_recorded():
    state = xee()
    outcome = flow.after_pair(state, error={"kind": "input.xee_pin", "category": "input"})
    assert flow.history_outcome(outcome.error) is None
    flow.apply_outcome(state, outcome)
    assert state["error"]["kind"] == "input.xee_pin"


def test_an_undo_keeps_the_pairing_and_is_recorded_with_its_result():
    state = xee(result={"device_id": BOX})
    failed = flow.after_undo(state, error=REJECTED)
    assert (failed.action, flow.history_outcome(failed.error), failed.undone) \
        == ("undo", "failed", False)
    assert failed.result == {"device_id": BOX}
    flow.apply_outcome(state, failed)
    assert state["error"] is None and state["undone"] is False   # the pairing stands
    done = flow.after_undo(state)
    assert (flow.history_outcome(done.error), done.undone, done.result) \
        == ("ok", True, {"device_id": BOX})
    assert flow.apply_outcome(state, done) is False
    assert state["undone"] is True and state["result"] == {"device_id": BOX}


def test_the_saved_counts_round_trip_and_garbage_reads_as_none():
    assert flow.load_pin_failures(flow.dump_pin_failures({BOX: 2})) == {BOX: 2}
    for raw in (None, "", "not json", "[1, 2]", '{"E1": "x"}'):
        assert flow.load_pin_failures(raw) == {}
    assert flow.pin_failures_setting("xee") == "xee/pinFailures"


def test_against_the_sandbox_a_wrong_pin_then_the_right_one():
    async def scenario() -> None:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fx = (await c.get("/_sandbox/fixtures")).json()
            user = fx["xee"]["users"][0]
            device = next(d for d in fx["xee"]["devices"]
                          if d["user_id"] is None and not d["locked"])
            token = (await c.post("/_sandbox/xee/token", json={
                "user_id": user["id"], "scope": "devices_management users_read",
                "expires_in": 3600})).json()["access_token"]
            api = XeeAPI(c, "http://sandbox/xee/v3", access_token=token)
            wrong = "0000" if device["pin"] != "0000" else "1111"
            state = xee(xee_device_id=device["id"], xee_pin=wrong)
            with pytest.raises(ProviderError) as caught:
                await flow.pair(api, state)
            outcome = flow.after_pair(state, error=flow.error_dict(caught.value))
            assert flow.history_outcome(outcome.error) == "failed"
            assert flow.apply_outcome(state, outcome)
            assert flow.pin_counts(state) == {device["id"]: 1}
            state.update(xee_pin=device["pin"], error=None)
            outcome = flow.after_pair(state, result=await flow.pair(api, state))
            assert flow.history_outcome(outcome.error) == "ok" and outcome.pin_failures == {}
            flow.apply_outcome(state, outcome)
            assert flow.pin_counts(state) == {}

    asyncio.run(scenario())


@pytest.mark.parametrize("error, page, uncertain", [
    # The box refused the pin: fixed on the device page, nothing may have been done.
    (REJECTED, flow.Page.DEVICE, False),
    # The answer was lost: back to the review, which says it may have been done.
    ({"kind": "network.timeout", "category": "network", "provider": "xee",
      "may_have_reached_server": True}, flow.Page.REVIEW, True),
    # An input error never reached anybody, whatever the flag says.
    ({"kind": "input.xee_pin", "category": "input", "field": "xee_pin",
      "may_have_reached_server": True}, flow.Page.DEVICE, False),
])
def test_try_again_goes_where_the_failure_is_fixed(error, page, uncertain):
    state = xee()
    flow.apply_outcome(state, flow.after_pair(state, error=error))
    assert flow.try_again(state) is page
    assert state["error"] is None and state["uncertain"] is uncertain
    assert flow.try_again(state) is None   # nothing to try again: the wizard stays put
