"""Issue 17 item 9: after Unlink the details (and Copy details) no longer say "Linked: yes"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import run
from .drive import answer_dialog, choose, click, find, type_into, wait_idle, wait_page
from .test_zype import free_pins, zype_key


def test_unlink_details_say_not_linked(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    pin = free_pins(fx)[0]
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", zype_key(fx))
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "zypeConsumerEdit", consumer["_id"])
    type_into(qtbot, wizard, "zypePinEdit", pin)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    wait_idle(qtbot, wizard)
    linked_id = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}[pin]["linked_device_id"]
    assert "yes" in find(wizard, "resultDetails").text()

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=20000)
    wait_idle(qtbot, wizard)
    details = find(wizard, "resultDetails").text()
    assert "yes" not in details
    assert linked_id not in details
    click(qtbot, wizard, "copyDetailsButton")
    copied = QApplication.clipboard().text()
    assert "Pin unlinked" in copied
    assert "Linked: no" in copied
    assert "Linked: yes" not in copied and linked_id not in copied
    run(qtbot, wizard.shutdown())
