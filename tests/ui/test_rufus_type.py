"""The wizard's optional RUFUS Type field (issue 13), against the sandbox's require_type
dialect; the default type comes from the rufus/defaultType setting."""

from __future__ import annotations

import httpx2

from app.core.flow import Page

from .drive import choose, click, find, result_text, type_into, wait_page


def rufus_key(fixtures: dict) -> str:
    return next(k["key"] for k in fixtures["rufus"]["api_keys"] if k["access"] == "READ_WRITE")


def to_device_page(qtbot, wizard, key: str) -> None:
    choose(qtbot, wizard, "rufus")
    type_into(qtbot, wizard, "apiKeyEdit", key)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)


def test_type_field_is_sent_and_defaults_from_the_setting(qtbot, sandbox, make_wizard):
    sandbox.set_dialect("rufus", require_type=True)
    key = rufus_key(sandbox.fixtures())
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("rufus/defaultType", "TRACKER")
    to_device_page(qtbot, wizard, key)
    assert find(wizard, "rufusTypeEdit").text() == "TRACKER"
    type_into(qtbot, wizard, "rufusModelEdit", "Model X1")
    type_into(qtbot, wizard, "rufusSerialEdit", "GUI-TYPE-1")
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device bound" in result_text(wizard)
    deviceid = wizard.state["result"]["deviceid"]
    with httpx2.Client() as client:
        device = client.get(f"{sandbox.rufus_root}/devices/{deviceid}",
                            headers={"api_key": key}).json()["result"]
    assert device["type"] == "TRACKER"


def test_missing_type_says_which_fields_rufus_may_require(qtbot, sandbox, make_wizard):
    sandbox.set_dialect("rufus", require_type=True)
    wizard = make_wizard(sandbox.url)
    to_device_page(qtbot, wizard, rufus_key(sandbox.fixtures()))
    type_into(qtbot, wizard, "rufusModelEdit", "Model X1")
    type_into(qtbot, wizard, "rufusSerialEdit", "GUI-TYPE-2")
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "model, serial number and type" in result_text(wizard)
