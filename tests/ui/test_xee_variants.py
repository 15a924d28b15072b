"""Xee's documented variants through the whole wizard (pytest-qt, offscreen): the
plural PARAMETERS_ERROR, the device id and pin formats, the undo's wording, API v4."""

from __future__ import annotations

from app.core.flow import Page

from .conftest import run
from .drive import click, find, result_text, type_into, wait_idle, wait_page
from .test_xee import adopt_token


def signed_in_wizard(qtbot, sandbox, make_wizard):
    user = sandbox.fixtures()["xee"]["users"][0]
    wizard = make_wizard(sandbox.url)
    from .drive import choose

    choose(qtbot, wizard, "xee")
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    return wizard


def test_plural_parameters_error_still_warns_before_the_lock(qtbot, sandbox, make_wizard):
    sandbox.set_xee_dialect(parameter_error_type="PARAMETERS_ERROR")
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wrong = "0000" if device["pin"] != "0000" else "1111"
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    for attempt in (1, 2):
        type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
        type_into(qtbot, wizard, "xeePinEdit", wrong)
        click(qtbot, wizard, "nextButton")
        click(qtbot, wizard, "pairButton")
        wait_page(qtbot, wizard, Page.RESULT)
        text = result_text(wizard)
        assert "Xee rejected the device id or the pin" in text
        assert "PARAMETERS_ERROR" in text or "Check the device id and the pin" in text
        click(qtbot, wizard, "fixInputButton")
        wait_page(qtbot, wizard, Page.DEVICE)
        assert f"{attempt} wrong pin" in find(wizard, "xeePinWarning").text()
    assert "one more wrong pin locks the box" in find(wizard, "xeePinWarning").text()
    run(qtbot, wizard.shutdown())


def test_device_page_refuses_a_typo_before_any_request(qtbot, sandbox, make_wizard):
    from .drive import next_enabled

    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"] + "7")
    type_into(qtbot, wizard, "xeePinEdit", device["pin"][:3])
    qtbot.waitUntil(lambda: not next_enabled(wizard))
    assert "exactly 10 letters or digits" in find(wizard, "xeeDeviceIdEditNote").text()
    assert "exactly 4 digits" in find(wizard, "xeePinEditNote").text()
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    qtbot.waitUntil(lambda: next_enabled(wizard))
    run(qtbot, wizard.shutdown())


def test_pin_pattern_setting_lets_another_format_through(qtbot, sandbox, make_wizard,
                                                         settings_path):
    from PySide6.QtCore import QSettings

    from .drive import next_enabled

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("xee/pinPattern", r"\d{6}")
    settings.sync()
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])       # 4 digits: not this format
    qtbot.waitUntil(lambda: not next_enabled(wizard))
    assert "xee/pinPattern" in find(wizard, "xeePinEditNote").text()
    type_into(qtbot, wizard, "xeePinEdit", "123456")
    qtbot.waitUntil(lambda: next_enabled(wizard))
    run(qtbot, wizard.shutdown())
    from app.core.validation import set_xee_formats

    set_xee_formats()


def _visible_box(name: str):
    from PySide6.QtWidgets import QApplication, QMessageBox

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()),
                None)


def test_undo_is_named_for_removing_the_box_from_the_car(qtbot, sandbox, make_wizard):
    from .conftest import WAIT_MS
    from .drive import answer_dialog

    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    undo = find(wizard, "undoButton")
    assert undo.text().replace("&", "") == "Remove the box from the car"

    def owner():
        return next(d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]
                    if d["id"] == device["id"])

    click(qtbot, wizard, "undoButton")
    qtbot.waitUntil(lambda: _visible_box("undoDialog") is not None, timeout=WAIT_MS)
    box = _visible_box("undoDialog")
    review = " ".join((box.windowTitle(), box.text(), box.informativeText()))
    assert "Remove the box from the car" in review
    assert device["id"] in review and "from the car it is fitted to" in review
    assert owner() is not None                  # the review comes before anything is sent
    answer_dialog(qtbot, "undoDialog", yes=False)
    wait_idle(qtbot, wizard)
    assert owner() is not None

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    assert owner() is None
    assert "Box removed from the car" in result_text(wizard)
    run(qtbot, wizard.shutdown())


def test_api_version_setting_v4_pairs_and_removes_through_v4(qtbot, sandbox, make_wizard,
                                                              settings_path):
    from PySide6.QtCore import QSettings

    from .conftest import WAIT_MS
    from .drive import answer_dialog

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("xee/apiVersion", "v4")
    settings.sync()
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    assert run(qtbot, wizard.services.api_root("xee", "demo")).endswith("/xee/v4")
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device associated" in result_text(wizard)

    def owner():
        return next(d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]
                    if d["id"] == device["id"])

    assert owner() is not None
    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    assert owner() is None
    run(qtbot, wizard.shutdown())


def test_a_bad_format_setting_is_shown_and_the_usual_format_applies(qtbot, sandbox,
                                                                   make_wizard,
                                                                   settings_path):
    from PySide6.QtCore import QSettings

    from .drive import next_enabled

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("xee/pinPattern", "[0-9")
    settings.sync()
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = signed_in_wizard(qtbot, sandbox, make_wizard)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    qtbot.waitUntil(lambda: next_enabled(wizard))
    shown = find(wizard, "xeePinWarning").text()
    assert "xee/pinPattern" in shown and "regular expression" in shown
    run(qtbot, wizard.shutdown())
