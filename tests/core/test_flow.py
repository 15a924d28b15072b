"""The wizard's flow without Qt: navigation, validity, where errors are fixed, and the
requests themselves against the sandbox in-process (httpx2.ASGITransport)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import httpx2
import pytest

from app.core import errors_table, flow
from app.core.errors import ProviderError, build_error
from app.core.flow import Page
from app.core.rufus import RufusAPI
from app.core.zype import ZypeAPI
from app.sandbox.app import create_app

RUFUS_KEY = "ror-ae4fc6c19681a20fad30"


def state_for(provider: str, **values: Any) -> dict[str, Any]:
    state = flow.select(flow.new_state(), provider, "demo")
    state.update(values)
    return state


# --- navigation ------------------------------------------------------------------------

def test_page_order_and_navigation_map():
    assert flow.PAGE_ORDER == (Page.PROVIDER, Page.CREDENTIALS, Page.DEVICE, Page.REVIEW,
                               Page.PAIRING, Page.RESULT)
    for page, following in zip(flow.PAGE_ORDER, flow.PAGE_ORDER[1:], strict=False):
        assert flow.NAVIGATION[page] is following
    assert flow.NAVIGATION[Page.RESULT] is None


def test_nothing_is_valid_on_a_fresh_state():
    state = flow.new_state()
    assert flow.next_page(Page.PROVIDER, state) is None
    assert flow.page_errors(Page.PROVIDER, state) == {"provider": "Choose a provider."}


def test_a_whole_rufus_path_is_walked_page_by_page():
    state = flow.new_state()
    state = flow.select(state, "rufus", "demo")
    assert flow.next_page(Page.PROVIDER, state) is Page.CREDENTIALS
    assert flow.next_page(Page.CREDENTIALS, state) is None
    state["api_key"] = RUFUS_KEY
    assert flow.next_page(Page.CREDENTIALS, state) is Page.DEVICE
    assert set(flow.page_errors(Page.DEVICE, state)) == {"rufus_model", "rufus_serial"}
    state.update(rufus_model="Model X1", rufus_serial="S-1")
    assert flow.next_page(Page.DEVICE, state) is Page.REVIEW
    assert flow.is_valid(Page.REVIEW, state)
    assert flow.next_page(Page.REVIEW, state) is Page.PAIRING
    assert not flow.is_valid(Page.PAIRING, state)     # no outcome yet
    state["result"] = {"deviceid": "A" * 64}
    assert flow.next_page(Page.PAIRING, state) is Page.RESULT


def test_back_goes_one_page_back_and_never_from_pairing():
    state = state_for("zype")
    assert flow.previous_page(Page.PROVIDER, state) is None
    assert flow.previous_page(Page.DEVICE, state) is Page.CREDENTIALS
    assert flow.previous_page(Page.REVIEW, state) is Page.DEVICE
    assert flow.previous_page(Page.PAIRING, state) is None
    assert flow.previous_page(Page.RESULT, state) is None  # success: no back


def test_review_is_invalid_when_any_earlier_page_is():
    state = state_for("zype", api_key="key-1", zype_consumer_id="c1", zype_pin="zabc123")
    assert flow.is_valid(Page.REVIEW, state)
    state["api_key"] = "has space"
    assert not flow.is_valid(Page.REVIEW, state)


def test_xee_credentials_need_a_sign_in():
    state = state_for("xee")
    assert flow.page_errors(Page.CREDENTIALS, state) == {"xee_account": "Sign in with Xee first."}
    state["xee_account"] = "Alice Martin"
    assert flow.is_valid(Page.CREDENTIALS, state)


@pytest.mark.parametrize(("key", "provider", "bad", "good", "phrase"), [
    ("xee_pin", "xee", "12 4", "1234", "only letters and digits"),
    ("xee_device_id", "xee", "E13/3742015", "E133742015", "letters, digits"),
    ("zype_pin", "zype", "zab12", "zabc123", "7 letters or digits"),
    ("zype_email", "zype", "jane@", "jane@example.com", "does not look like an address"),
    ("rufus_model", "rufus", "   ", "Model X1", "empty"),
    ("api_key", "rufus", "ror key", RUFUS_KEY, "printable ASCII"),
])
def test_field_errors_are_sentences_from_the_validators(key, provider, bad, good, phrase):
    state = state_for(provider, **{key: bad})
    message = flow.field_error(key, state)
    assert message and phrase in message and message.endswith((".", ")"))
    state[key] = good
    assert flow.field_error(key, state) is None


def test_optional_fields_may_stay_empty_but_not_be_wrong():
    state = state_for("rufus", rufus_alias="", rufus_firmware="")
    assert flow.field_error("rufus_alias", state) is None
    state["rufus_alias"] = "bad\tname"
    assert "invisible or control character" in flow.field_error("rufus_alias", state)


def test_environments_per_provider():
    assert flow.environments_for("xee") == ("demo", "sandbox", "production")
    assert flow.environments_for("rufus") == ("demo", "production")
    state = flow.select(flow.new_state(), "rufus", "sandbox")   # RUFUS has no sandbox
    assert state["environment"] == "demo"


def test_select_clears_what_belongs_to_the_old_choice():
    state = state_for("rufus", api_key=RUFUS_KEY, rufus_model="M", rufus_serial="S")
    same = flow.select(state, "rufus", "demo")
    assert same["api_key"] == RUFUS_KEY and same["rufus_model"] == "M"
    other_env = flow.select(state, "rufus", "production")
    assert other_env["api_key"] == "" and other_env["rufus_model"] == "M"
    other_provider = flow.select(state, "zype", "demo")
    assert other_provider["api_key"] == "" and other_provider["rufus_model"] == ""


def test_pair_another_keeps_provider_and_credentials_only():
    state = state_for("zype", api_key="key-1", zype_consumer_id="c1", zype_email="a@b.co",
                      zype_pin="zabc123", result={"pin": "zabc123"}, undone=True)
    fresh = flow.pair_another(state)
    assert (fresh["provider"], fresh["environment"], fresh["api_key"]) == ("zype", "demo",
                                                                            "key-1")
    assert fresh["zype_pin"] == fresh["zype_consumer_id"] == fresh["zype_email"] == ""
    assert fresh["result"] is None and fresh["error"] is None and not fresh["undone"]
    assert flow.start_page_after_pair_another() is Page.DEVICE
    rufus = flow.pair_another(state_for("rufus", rufus_model="X1", rufus_serial="S-1",
                                        rufus_firmware="1.2"))
    assert (rufus["rufus_model"], rufus["rufus_serial"], rufus["rufus_firmware"]) == (
        "X1", "", "1.2")


# --- errors --------------------------------------------------------------------------------

def documented(kind: str) -> ProviderError:
    row = next(r for r in errors_table.ALL_ROWS if r.kind == kind)
    return build_error(row.kind, row.category, row.advice, provider=kind.split(".")[0],
                       may_have_reached_server=False, status=row.status)


@pytest.mark.parametrize(("kind", "page"), [
    ("xee.pin_rejected", Page.DEVICE),
    ("xee.device_taken", Page.DEVICE),
    ("xee.box_locked", Page.DEVICE),
    ("xee.user_not_accessible", Page.CREDENTIALS),
    ("xee.token_revoked", Page.CREDENTIALS),
    ("rufus.key_rejected", Page.CREDENTIALS),
    ("rufus.write_access_missing", Page.CREDENTIALS),
    ("rufus.missing_field", Page.DEVICE),
    ("rufus.serial_taken", Page.DEVICE),
    ("zype.pin_not_found", Page.DEVICE),
    ("zype.key_read_only", Page.CREDENTIALS),
    ("server.unavailable", Page.REVIEW),
    ("server.error", Page.REVIEW),
])
def test_each_documented_error_leads_to_the_page_that_fixes_it(kind, page):
    error = documented(kind)
    assert flow.page_for_error(error) is page
    assert flow.page_for_error(flow.error_dict(error)) is page
    state = state_for(kind.split(".")[0] if kind[0] != "s" else "rufus",
                      error=flow.error_dict(error))
    assert flow.previous_page(Page.RESULT, state) is page


def test_every_documented_row_has_a_page_and_a_title():
    for row in errors_table.ALL_ROWS:
        error = flow.error_dict(documented(row.kind))
        assert flow.page_for_error(error) in (Page.PROVIDER, Page.CREDENTIALS, Page.DEVICE,
                                              Page.REVIEW), row.kind
        assert flow.failure_title(error) != "Pairing failed", row.kind


def test_input_errors_go_to_their_field_and_bad_addresses_to_the_settings():
    from app.core.errors import InputError

    assert flow.page_for_error(InputError("pin", "bad", provider="zype")) is Page.DEVICE
    assert flow.page_for_error(InputError("api_key", "bad", provider="zype")) \
        is Page.CREDENTIALS
    assert flow.page_for_error({"kind": "config.bad_api_root", "category": "input"}) \
        is Page.PROVIDER


def test_diagnostics_hold_the_facts_and_no_secret():
    key = "zk_supersecret_value_123"
    state = state_for("zype", api_key=key, zype_pin="zabc123", zype_consumer_id="c1")
    error = {"kind": "zype.key_rejected", "category": "auth", "status": 401,
             "message": f"Invalid api_key {key}", "tip": "", "advice": "Zype refused the key.",
             "endpoint": f"PUT /pin/link?api_key={key}", "provider": "zype"}
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    text = flow.diagnostics(state, error, when=when, api_root="http://127.0.0.1:1/zype")
    assert "Time: 2026-01-02T03:04:05+00:00" in text
    assert "Provider: Zype" in text and "Environment: demo" in text
    assert "Endpoint: PUT /pin/link" in text and "Status: 401" in text
    assert "Advice: Zype refused the key." in text
    assert key not in text


def test_diagnostics_drop_credentials_of_an_overridden_server_address():
    state = state_for("rufus", api_key=RUFUS_KEY, rufus_model="M", rufus_serial="S")
    error = {"kind": "network.refused", "category": "network", "advice": "Unreachable.",
             "endpoint": "POST /devices", "provider": "rufus"}
    text = flow.diagnostics(state, error, api_root="https://support:hunter2@proxy.example/v0")
    assert "Server: https://proxy.example/v0" in text
    assert "hunter2" not in text and "support:" not in text


def test_review_masks_the_key_and_the_pin():
    rows = dict(flow.review_rows(state_for("xee", xee_account="Alice", xee_device_id="E1",
                                           xee_pin="4821"), "http://x/xee/v3"))
    assert rows["Device id"] == "E1" and "4821" not in rows["Pin"]
    assert rows["As"].startswith("Alice") and rows["Server"] == "http://x/xee/v3"
    rows = dict(flow.review_rows(state_for("rufus", api_key=RUFUS_KEY, rufus_model="M",
                                           rufus_serial="S")))
    assert RUFUS_KEY not in rows["As"] and rows["As"].endswith("30")


def test_pin_failures_warn_before_the_third_attempt():
    state = state_for("xee", xee_device_id="E133742015")
    assert flow.pin_warning(state) is None
    assert flow.record_pin_failure(state, "e133742015 ") == 1
    assert "2 attempts left" in flow.pin_warning(state)
    flow.record_pin_failure(state, "E133742015")
    assert "one more wrong pin locks the box" in flow.pin_warning(state)
    flow.record_pin_failure(state, "E133742015")
    assert "probably locked" in flow.pin_warning(state)
    assert flow.is_pin_rejection(flow.error_dict(documented("xee.pin_rejected")))
    assert not flow.is_pin_rejection(flow.error_dict(documented("xee.device_taken")))


def test_a_successful_pairing_forgets_that_boxs_pin_failures_only():
    state = state_for("xee", xee_device_id="E133742015")
    flow.record_pin_failure(state, "E133742015")
    flow.record_pin_failure(state, "E000000001")
    assert flow.forget_pin_failures(state, " e133742015") is True
    assert flow.pin_failures(state, "E133742015") == 0
    assert flow.pin_warning(state) is None
    assert flow.pin_failures(state, "E000000001") == 1
    assert flow.forget_pin_failures(state, "E133742015") is False   # nothing left to save


# --- the requests, against the sandbox in-process ------------------------------------------

def with_sandbox(test: Callable[[httpx2.AsyncClient, dict], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fixtures = (await c.get("/_sandbox/fixtures")).json()
            return await test(c, fixtures)
    return asyncio.run(main())


def test_rufus_pair_undo_and_key_check_in_process():
    async def scenario(client: httpx2.AsyncClient, fx: dict) -> None:
        key = next(k["key"] for k in fx["rufus"]["api_keys"]
                   if k["access"] == "READ_WRITE" and k["unbind"])
        api = RufusAPI(client, "http://sandbox/rufus/v0", key)
        assert (await flow.check_key(api, "rufus")).ok is True
        state = state_for("rufus", api_key=key, rufus_model="Model X1", rufus_serial="F-1",
                          rufus_alias="")
        state["result"] = await flow.pair(api, state)
        deviceid = state["result"]["deviceid"]
        devices = (await client.get("/_sandbox/fixtures")).json()["rufus"]["devices"]
        assert any(d["deviceid"] == deviceid and d["serial_number"] == "F-1" for d in devices)
        assert ("deviceid", deviceid) in flow.result_rows(state)
        await flow.undo(api, state)
        devices = (await client.get("/_sandbox/fixtures")).json()["rufus"]["devices"]
        assert all(d["deviceid"] != deviceid for d in devices)

        bad = RufusAPI(client, "http://sandbox/rufus/v0", "ror-00000000000000000000")
        check = await flow.check_key(bad, "rufus")
        assert check.ok is False and "refused" in check.message

    with_sandbox(scenario)


def test_zype_pair_undo_lookup_and_key_check_in_process():
    async def scenario(client: httpx2.AsyncClient, fx: dict) -> None:
        key = next(k["key"] for k in fx["zype"]["api_keys"] if k["type"] == "admin")
        consumer = fx["zype"]["consumers"][0]
        pin = next(p["pin"] for p in fx["zype"]["pins"]
                   if p["consumer_id"] is None and not p["expired"])
        api = ZypeAPI(client, "http://sandbox/zype", key)
        assert (await flow.check_key(api, "zype")).ok is True
        choices = flow.consumer_choices(await api.find_consumers(consumer["email"]))
        assert (consumer["_id"], ) == tuple(c for c, _label in choices)
        state = state_for("zype", api_key=key, zype_consumer_id=choices[0][0], zype_pin=pin)
        state["result"] = await flow.pair(api, state)
        assert state["result"]["consumer_id"] == consumer["_id"]
        assert state["result"]["linked"] is True
        labels = dict(flow.result_rows(state))
        assert labels["Pin"] == pin and labels["Linked"] == "yes"
        await flow.undo(api, state)
        pins = {p["pin"]: p for p in (await client.get("/_sandbox/fixtures")).json()
                ["zype"]["pins"]}
        assert pins[pin]["consumer_id"] is None

        with pytest.raises(ProviderError) as caught:
            await flow.pair(api, state_for("zype", zype_consumer_id=consumer["_id"],
                                           zype_pin="zzzz999"))
        assert flow.page_for_error(caught.value) is Page.DEVICE

    with_sandbox(scenario)


def test_xee_undo_is_named_and_reported_as_removing_the_box_from_the_car():
    from app.core.xee import XeeAPI

    # Xee's dissociate takes the box off its car: the undo says so, before and after.
    assert flow.PROVIDERS["xee"].undo_action == "Remove the box from the car"

    async def scenario(client: httpx2.AsyncClient, fx: dict) -> None:
        user = fx["xee"]["users"][0]
        device = next(d for d in fx["xee"]["devices"]
                      if d["user_id"] is None and not d["locked"])
        token = (await client.post("/_sandbox/xee/token", json={
            "user_id": user["id"], "scope": "devices_management users_read",
            "expires_in": 3600})).json()["access_token"]
        api = XeeAPI(client, "http://sandbox/xee/v3", access_token=token)
        state = state_for("xee", xee_device_id=device["id"], xee_pin=device["pin"])
        state["result"] = await flow.pair(api, state)
        assert flow.success_title(state) == "Device associated"
        await flow.undo(api, state)
        state["undone"] = True
        assert flow.success_title(state) == "Box removed from the car"
        assert ("Device id", device["id"]) in flow.result_rows(state)
        owners = {d["id"]: d["user_id"] for d in
                  (await client.get("/_sandbox/fixtures")).json()["xee"]["devices"]}
        assert owners[device["id"]] is None

    with_sandbox(scenario)


# Each provider's pairing as its spec's pair() returns it, and what its undo acts on.
PAIRED = {
    "xee": ({"xee_device_id": "E133742015", "xee_pin": "1234"},
            {"device_id": "E133742015", "user": "Alice", "user_id": "u1"},
            ("E133742015",)),
    "rufus": ({"rufus_model": "Model X1", "rufus_serial": "DEVICE-123"},
              {"deviceid": "AB" * 32, "model": "Model X1", "serial_number": "DEVICE-123",
               "alias": "", "firmware": ""},
              ("DEVICE-123",)),
    "zype": ({"zype_consumer_id": "5a3b0001", "zype_pin": "zabc123"},
             {"consumer_id": "5a3b0001", "pin": "zabc123", "linked_device_id": "tv-1",
              "linked": True},
             ("zabc123", "5a3b0001")),
}


@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
def test_the_undo_confirmation_names_what_the_undo_acts_on(provider):
    """Issue 15 item 3: the provider's own sentence, filled by its spec from the
    pairing's result (never from Xee's state key for every provider)."""
    values, result, named = PAIRED[provider]
    state = state_for(provider, **values, result=result)
    confirm = flow.undo_confirm(state)
    assert confirm.template == flow.PROVIDERS[provider].undo_confirm
    assert confirm.context == "flow" and "{" not in confirm
    for value in named:
        assert value in confirm
    # The sentence names the result's values: what undo() sends, even if the page's
    # fields say something else by now.
    other = state_for(provider, **{key: "" for key in values}, result=result)
    assert flow.undo_confirm(other) == confirm


def test_every_undo_confirmation_placeholder_has_a_value():
    import string

    for provider, (values, result, _named) in PAIRED.items():
        template = flow.PROVIDERS[provider].undo_confirm
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(template)
                 if name}
        state = state_for(provider, **values, result=result)
        assert names and names <= set(flow.undo_confirm(state).params), provider


# --- cancelled pairings, the batch's precondition, the demo's values --------------------

@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
def test_a_cancel_after_sending_says_how_to_check_and_before_sending_that_nothing_left(
        provider):
    state = state_for(provider)
    sent = flow.cancelled_error(state)
    title = flow.PROVIDERS[provider].title
    assert sent["may_have_reached_server"] is True and sent["kind"] == "cancelled"
    assert sent["advice"] == flow.CANCELLED_WHILE_WAITING[provider].format(name=title)
    assert sent["advice"].count(title) >= 2 and "{" not in sent["advice"]
    not_sent = flow.cancelled_error(state, sent=False)
    assert not_sent["may_have_reached_server"] is False
    assert not_sent["advice"] == flow.CANCELLED_BEFORE_SENDING
    # Plain data (the history stores it as is): one page that fixes it, like any error.
    assert flow.page_for_error(sent) in flow.PAGE_ORDER


def test_an_errors_data_carries_its_advice_as_a_message_of_its_own_context():
    """Issue 14 item 2: error_dict keeps the error's advice_message, so a fixed sentence
    (no values) is still a Message of the error's context; the flow's own fixed sentences
    are Messages of the flow's. Nobody guesses a context from the kind afterwards."""
    from app.auth.errors import SignInError
    from app.core.errors import InputError, ProviderError
    from app.core.messages import FLOW, INPUT_ERROR, PROVIDER_ERROR, SIGN_IN_ERROR, Message

    state = state_for("rufus")
    cases = [
        (flow.error_dict(ProviderError("network.read_timeout", "network",
                                       "The answer took too long.")), PROVIDER_ERROR),
        (flow.error_dict(InputError("serial_number", "The serial number is too long.")),
         INPUT_ERROR),
        (flow.error_dict(SignInError("timeout")), SIGN_IN_ERROR),
        (flow.cancelled_error(state), FLOW),
        (flow.cancelled_error(state, sent=False), FLOW),
        (flow.undo_interrupted_error(state), FLOW),
    ]
    for data, context in cases:
        assert isinstance(data["advice"], Message), data
        assert data["advice"].context == context, data
    assert cases[0][0]["advice"] == "The answer took too long."   # the English text
    assert cases[5][0]["advice"] == flow.UNDO_INTERRUPTED
    assert cases[5][0]["may_have_reached_server"] is True


def test_the_batch_needs_a_provider_then_its_credentials():
    for signed_in in (False, True):
        assert flow.batch_problem(flow.new_state(), signed_in=signed_in) == \
            "Choose the provider first."
        assert flow.batch_problem(state_for("xee"), signed_in=signed_in) == \
            "Sign in to Xee first."
        assert flow.batch_problem(state_for("rufus"), signed_in=signed_in) == \
            "Enter the api key first."
        assert flow.batch_problem(state_for("rufus", api_key=RUFUS_KEY),
                                  signed_in=signed_in) is None


def test_the_batch_needs_the_sign_in_itself_not_only_the_accounts_name():
    """Issue 15c item 3: the batch window's precondition (a session in use, not only the
    account's name left in the state) is flow's, so the window's button says it too."""
    signed = state_for("xee", xee_account="Alice (demo)")
    assert flow.is_valid(Page.CREDENTIALS, signed)
    assert flow.batch_problem(signed, signed_in=True) is None
    assert flow.batch_problem(signed, signed_in=False) == "Sign in to Xee first."
    # Xee's online sandbox needs no sign-in: no session needed either.
    online = flow.select(flow.new_state(), "xee", flow.ONLINE_SANDBOX)
    assert flow.batch_problem(online, signed_in=False) is None


def test_demo_values_are_ones_the_sandbox_accepts():
    async def scenario(client: httpx2.AsyncClient, fx: dict) -> None:
        key = flow.demo_api_key(fx, "rufus")
        assert any(k["key"] == key and k["access"] == "READ_WRITE" and k["unbind"]
                   for k in fx["rufus"]["api_keys"])
        api = RufusAPI(client, "http://sandbox/rufus/v0", key)
        state = state_for("rufus", api_key=key, **flow.demo_device_values(fx, {
            "provider": "rufus"}))
        assert flow.is_valid(Page.DEVICE, state)
        state["result"] = await flow.pair(api, state)   # bound, then undone
        await flow.undo(api, state)

        zkey = flow.demo_api_key(fx, "zype")
        zapi = ZypeAPI(client, "http://sandbox/zype", zkey)
        values = flow.demo_device_values(fx, {"provider": "zype"})
        zstate = state_for("zype", api_key=zkey, **values)
        assert flow.is_valid(Page.DEVICE, zstate)
        zstate["result"] = await flow.pair(zapi, zstate)
        assert zstate["result"]["linked"] is True
        assert flow.demo_api_key(fx, "xee") is None

    with_sandbox(scenario)


def test_demo_values_offer_only_a_box_the_client_s_formats_accept():
    from app.core.validation import set_xee_formats

    async def scenario(client: httpx2.AsyncClient, fx: dict) -> None:
        # Every usual box taken: only the box of another format is free.
        for device in fx["xee"]["devices"]:
            if len(device["id"]) == 10:
                device["user_id"] = 1002
        state = state_for("xee", xee_user_id=1001)
        assert flow.demo_device_values(fx, state) == {}
        set_xee_formats(device_id_pattern=r"[A-Z]{2}\d{10}", pin_pattern=r"\d{6}")
        try:
            assert flow.demo_device_values(fx, state) == {
                "xee_device_id": "XB7700000001", "xee_pin": "770001"}
        finally:
            set_xee_formats()

    with_sandbox(scenario)
