"""#17 item 5: wrong Xee pins. The result says how many attempts remain; the third failure
says the box is locked at once and offers no "Fix the device details"; the last attempt is
confirmed first; the pin can be revealed on Review (masked by default)."""

from __future__ import annotations

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
from .test_xee import adopt_token


def test_wrong_pins_count_down_confirm_the_last_and_say_locked_at_once(
        qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wrong = "0000" if device["pin"] != "0000" else "1111"
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)

    for left in ("2 attempts left", "1 attempt left"):
        type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
        type_into(qtbot, wizard, "xeePinEdit", wrong)
        click(qtbot, wizard, "nextButton")
        wait_page(qtbot, wizard, Page.REVIEW)
        pin = find(wizard, "reviewPin")
        assert wrong not in pin.text()                       # masked by default
        click(qtbot, wizard, "reviewPinShow")
        assert pin.text() == wrong                           # revealed on demand
        click(qtbot, wizard, "reviewPinShow")
        assert wrong not in pin.text()
        click(qtbot, wizard, "pairButton")
        wait_page(qtbot, wizard, Page.RESULT)
        assert left in result_text(wizard)
        assert find(wizard, "fixInputButton").isVisible()
        click(qtbot, wizard, "fixInputButton")
        wait_page(qtbot, wizard, Page.DEVICE)

    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", wrong)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    qtbot.waitUntil(lambda: last_pin_question() is not None, timeout=WAIT_MS)
    assert last_pin_question().text() == (   # Xee's words (15e item 4: {provider})
        "Two wrong pins were already sent for this box. If this pin is wrong too, Xee "
        "locks the box and only Xee support can unlock it.")
    answer_dialog(qtbot, "lastPinDialog", yes=False)         # the last attempt asks first
    wait_idle(qtbot, wizard)
    assert wizard.current is Page.REVIEW and not wizard.state.get("error")
    click(qtbot, wizard, "pairButton")
    answer_dialog(qtbot, "lastPinDialog", yes=True)
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "Xee has now locked it" in text                   # at once, not after a 4th try
    assert not find(wizard, "fixInputButton").isVisible()    # no "Fix the device details"
    run(qtbot, wizard.shutdown())


def last_pin_question():
    from PySide6.QtWidgets import QApplication, QMessageBox

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                 and w.objectName() == "lastPinDialog" and w.isVisible()), None)
