"""Every provider's whole path with the keyboard alone (Tab, Space, Enter, typing,
Alt+letter mnemonics): no mouse click and no call into the wizard, except the Xee
sign-in itself, which happens in the browser (tests/ui/test_xee.py drives Chromium)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import find, result_text, wait_idle, wait_page
from .keyboard import activate, focused, press, tab_to, type_text, wait_focus
from .test_rufus import rufus_key
from .test_xee import adopt_token

ALT = Qt.KeyboardModifier.AltModifier


def choose_by_keyboard(qtbot, wizard, provider_button: str) -> None:
    wait_page(qtbot, wizard, Page.PROVIDER)
    activate(qtbot, wizard)
    wait_focus(qtbot, "providerXee")             # the page starts on the first choice
    for _ in range(3):                           # one group: the arrows move in it
        if focused().objectName() == provider_button:
            break
        press(Qt.Key.Key_Right)
    assert focused().objectName() == provider_button
    press(Qt.Key.Key_Space)
    assert find(wizard, provider_button).isChecked()
    press(Qt.Key.Key_N, ALT)                     # &Next
    wait_page(qtbot, wizard, Page.CREDENTIALS)


def test_rufus_with_the_keyboard_alone(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    choose_by_keyboard(qtbot, wizard, "providerRufus")
    wait_focus(qtbot, "apiKeyEdit")
    type_text(rufus_key(fx, "READ_WRITE", unbind=True))
    tab_to(qtbot, "testKeyButton")
    press(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "works" in find(wizard, "keyTestStatus").text(), timeout=WAIT_MS)
    press(Qt.Key.Key_N, ALT)
    wait_page(qtbot, wizard, Page.DEVICE)

    wait_focus(qtbot, "rufusModelEdit")
    type_text("Model X1")
    press(Qt.Key.Key_Tab)
    assert focused().objectName() == "rufusSerialEdit"
    type_text("KEYS-0001")
    press(Qt.Key.Key_Tab)
    assert focused().objectName() == "rufusAliasEdit"
    type_text("Back door")
    press(Qt.Key.Key_Return)                     # Enter in a field: Next
    wait_page(qtbot, wizard, Page.REVIEW)
    assert find(wizard, "reviewSerialnumber").text() == "KEYS-0001"

    wait_focus(qtbot, "pairButton")              # the review page starts on its action
    press(Qt.Key.Key_Space)
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device bound" in result_text(wizard)
    deviceid = wizard.state["result"]["deviceid"]
    tab_to(qtbot, "copyDeviceIdButton")
    press(Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == deviceid
    run(qtbot, wizard.shutdown())


def test_zype_with_the_keyboard_alone(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = next(p for p in fx["zype"]["pins"]
               if p.get("consumer_id") is None and not p.get("expired"))
    key = next(k["key"] for k in fx["zype"]["api_keys"]
               if str(k.get("type", "")).lower() == "admin")
    wizard = make_wizard(sandbox.url)
    choose_by_keyboard(qtbot, wizard, "providerZype")
    wait_focus(qtbot, "apiKeyEdit")
    type_text(key)
    press(Qt.Key.Key_Return)                     # Enter: Next (the key is valid)
    wait_page(qtbot, wizard, Page.DEVICE)

    wait_focus(qtbot, "zypeConsumerEdit")
    tab_to(qtbot, "zypeEmailEdit")
    type_text(consumer["email"])
    press(Qt.Key.Key_Return)                     # Enter in the email: Find consumer
    consumer_edit = find(wizard, "zypeConsumerEdit")
    qtbot.waitUntil(lambda: consumer_edit.text() == consumer["_id"], timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    tab_to(qtbot, "zypePinEdit")
    type_text(pin["pin"])
    press(Qt.Key.Key_Return)
    wait_page(qtbot, wizard, Page.REVIEW)
    wait_focus(qtbot, "pairButton")
    press(Qt.Key.Key_Return)                     # Enter on a focused button presses it
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device linked" in result_text(wizard)
    run(qtbot, wizard.shutdown())


def test_xee_with_the_keyboard_alone(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    choose_by_keyboard(qtbot, wizard, "providerXee")
    wait_focus(qtbot, "xeeSignInButton")
    # The sign-in happens in the browser; here its result comes from the sandbox.
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    activate(qtbot, wizard)
    find(wizard, "xeeSignOutButton").setFocus()   # where the sign-in leaves the focus
    press(Qt.Key.Key_N, ALT)
    wait_page(qtbot, wizard, Page.DEVICE)

    wait_focus(qtbot, "xeeDeviceIdEdit")
    type_text(device["id"])
    press(Qt.Key.Key_Tab)
    assert focused().objectName() == "xeePinEdit"
    type_text(device["pin"])
    press(Qt.Key.Key_Return)
    wait_page(qtbot, wizard, Page.REVIEW)
    wait_focus(qtbot, "pairButton")
    press(Qt.Key.Key_Space)
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device associated" in result_text(wizard)
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] == user["id"]
    # Back from the result and forth again, by mnemonics only.
    tab_to(qtbot, "pairAnotherButton")
    press(Qt.Key.Key_Space)
    wait_page(qtbot, wizard, Page.DEVICE)
    press(Qt.Key.Key_B, ALT)                     # &Back
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    run(qtbot, wizard.shutdown())


def test_tab_goes_from_a_page_built_after_the_first_paint_to_the_button_bar(
        qtbot, sandbox, make_wizard):
    """The pages after the first are built after the button bar: Tab still goes page ->
    buttons (not back to the sidebar), as when every page was built up front."""
    wizard = make_wizard(sandbox.url)
    choose_by_keyboard(qtbot, wizard, "providerRufus")
    wait_focus(qtbot, "apiKeyEdit")
    outside = {"backButton", "cancelButton", "nextButton", "historyButton", "batchButton"}
    name = ""
    for _ in range(30):
        press(Qt.Key.Key_Tab)
        name = focused().objectName()
        if name in outside:
            break
    assert name == "backButton"
    run(qtbot, wizard.shutdown())
