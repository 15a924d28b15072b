"""RUFUS through the whole wizard, against the real sandbox over HTTP."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import run
from .drive import (
    answer_dialog,
    choose,
    click,
    find,
    next_enabled,
    result_text,
    type_into,
    wait_idle,
    wait_page,
)


def rufus_key(fixtures: dict, access: str, unbind: bool | None = None) -> str:
    return next(k["key"] for k in fixtures["rufus"]["api_keys"]
                if k["access"] == access and (unbind is None or k["unbind"] == unbind))


def test_rufus_bind_copy_and_undo(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")

    assert not next_enabled(wizard)
    type_into(qtbot, wizard, "apiKeyEdit", rufus_key(fx, "READ_WRITE", unbind=True))
    click(qtbot, wizard, "testKeyButton")
    qtbot.waitUntil(lambda: "works" in find(wizard, "keyTestStatus").text(), timeout=20000)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)

    assert not next_enabled(wizard)
    type_into(qtbot, wizard, "rufusModelEdit", "Model X1")
    type_into(qtbot, wizard, "rufusSerialEdit", "GUI-0001")
    type_into(qtbot, wizard, "rufusAliasEdit", "front door")
    assert next_enabled(wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    assert find(wizard, "reviewSerialnumber").text() == "GUI-0001"

    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device bound" in result_text(wizard)
    deviceid = wizard.state["result"]["deviceid"]
    stored = {d["deviceid"]: d for d in sandbox.fixtures()["rufus"]["devices"]}
    assert stored[deviceid]["serial_number"] == "GUI-0001"
    assert deviceid in find(wizard, "resultDetails").text()

    click(qtbot, wizard, "copyDeviceIdButton")
    assert QApplication.clipboard().text() == deviceid

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=20000)
    wait_idle(qtbot, wizard)
    assert deviceid not in {d["deviceid"] for d in sandbox.fixtures()["rufus"]["devices"]}
    assert "unbound" in find(wizard, "resultTitle").text().lower()
    assert not find(wizard, "undoButton").isVisible()
    run(qtbot, wizard.shutdown())
