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
