"""Issue 13's RUFUS, Zype and Xee variants through the whole wizard (pytest-qt,
offscreen), each against the sandbox answering in that dialect over real HTTP: RUFUS's
403 for an unknown key, Zype's Read Only key refused with 401 or 403, Zype's link and
unlink answering the consumer / the DevicePin, Xee's app without the device scope."""

from __future__ import annotations

import html
import re

import pytest

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import (
    answer_dialog,
    choose,
    click,
    find,
    result_text,
    type_into,
    wait_idle,
    wait_page,
)
from .test_errors import rufus_to_review
from .test_zype import free_pins, zype_key


def test_rufus_unknown_key_answered_403_names_both_causes(qtbot, sandbox, make_wizard):
    sandbox.set_dialect("rufus", unknown_key_status=403)
    unknown = "ror-ffffffffffffffffffff"
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", unknown)
    click(qtbot, wizard, "testKeyButton")
    status = find(wizard, "keyTestStatus")
    qtbot.waitUntil(lambda: bool(status.text()) and "Testing" not in status.text(),
                    timeout=WAIT_MS)
    assert "unknown to RUFUS" in status.text() and "access type" in status.text()
    assert "The key works" not in status.text()
    run(qtbot, wizard.shutdown())

    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, unknown, "DIALECT-403")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "HTTP 403" in text
    assert "unknown to RUFUS" in text and "access type" in text
    assert not [d for d in sandbox.fixtures()["rufus"]["devices"]
                if d["serial_number"] == "DIALECT-403"]
    run(qtbot, wizard.shutdown())


def detail_rows(wizard) -> dict[str, str]:
    """The result page's details table, label -> value, as shown."""
    cells = re.findall(r"<td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>",
                       find(wizard, "resultDetails").text())
    return {html.unescape(label): html.unescape(value) for label, value in cells}


def zype_to_review(qtbot, wizard, key: str, consumer_id: str, pin: str) -> None:
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", key)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "zypeConsumerEdit", consumer_id)
    type_into(qtbot, wizard, "zypePinEdit", pin)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)


@pytest.mark.parametrize("status", [401, 403])
def test_zype_read_only_key_on_link_says_it_may_not_modify(qtbot, sandbox, make_wizard,
                                                           status):
    sandbox.set_dialect("zype", read_only_status=status)
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_pins(fx)[0]
    wizard = make_wizard(sandbox.url)
    zype_to_review(qtbot, wizard, zype_key(fx, "read_only"), consumer["_id"], pin)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert f"HTTP {status}" in text
    assert "may not modify" in text
    assert not find(wizard, "undoButton").isVisible()
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[pin]["consumer_id"] is None
    run(qtbot, wizard.shutdown())


def test_zype_link_answering_the_consumer_and_unlink_the_devicepin(qtbot, sandbox,
                                                                   make_wizard):
    sandbox.set_dialect("zype", link_returns="consumer", unlink_returns="pin")
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_pins(fx)[0]
    device = next(p["linked_device_id"] for p in fx["zype"]["pins"] if p["pin"] == pin)
    wizard = make_wizard(sandbox.url)
    zype_to_review(qtbot, wizard, zype_key(fx), consumer["_id"], pin)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    rows = detail_rows(wizard)
    assert "Device linked" in result_text(wizard)
    assert rows["Linked"] == "yes" and rows["TV device id"] == device
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[pin]["consumer_id"] == consumer["_id"]

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    rows = detail_rows(wizard)
    assert "Pin unlinked" in result_text(wizard)
    assert rows["Linked"] == "no" and "TV device id" not in rows
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[pin]["consumer_id"] is None
    run(qtbot, wizard.shutdown())


def test_xee_app_without_the_device_scope_says_to_have_it_enabled(qtbot, sandbox,
                                                                  make_wizard):
    from .test_xee_signin_settings import alice, start_sign_in

    sandbox.set_xee_dialect(device_scope=False)
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    browser = start_sign_in(qtbot, wizard, alice(sandbox))   # a real sign-in, consented
    account = find(wizard, "xeeAccountLabel")
    qtbot.waitUntil(lambda: account.isVisible() and "Alice" in account.text(),
                    timeout=WAIT_MS)
    browser.join(10)
    assert browser.error is None, browser.error
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "HTTP 403" in text
    assert "enable the device scope" in text
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] is None
    run(qtbot, wizard.shutdown())
