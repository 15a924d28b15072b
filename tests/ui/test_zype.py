"""Zype through the whole wizard: consumer lookup by email, link, pair another, unlink."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

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


def zype_key(fixtures: dict, kind: str = "admin") -> str:
    return next(k["key"] for k in fixtures["zype"]["api_keys"] if k["type"] == kind)


def free_pins(fixtures: dict) -> list[str]:
    return [p["pin"] for p in fixtures["zype"]["pins"]
            if p["consumer_id"] is None and not p["expired"]]


def test_zype_lookup_link_pair_another_and_unlink(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    first_pin, second_pin = free_pins(fx)[:2]
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", zype_key(fx))
    click(qtbot, wizard, "testKeyButton")
    qtbot.waitUntil(lambda: "works" in find(wizard, "keyTestStatus").text(), timeout=20000)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)

    # Inline validation as the user types: a 6-character pin is refused with a sentence.
    type_into(qtbot, wizard, "zypePinEdit", "zab12")
    assert "7 letters or digits" in find(wizard, "zypePinEditNote").text()
    assert not next_enabled(wizard)

    # An email no consumer has: said plainly, in Zype's name (15e item 4: {provider}).
    type_into(qtbot, wizard, "zypeEmailEdit", "nobody-here@example.com")
    click(qtbot, wizard, "zypeLookupButton")
    status = find(wizard, "zypeLookupStatus")
    qtbot.waitUntil(lambda: "No Zype consumer" in status.text(), timeout=20000)
    assert status.text().endswith("No Zype consumer has the email nobody-here@example.com. "
                                  "Check the spelling with the customer.")
    wait_idle(qtbot, wizard)

    type_into(qtbot, wizard, "zypeEmailEdit", consumer["email"])
    click(qtbot, wizard, "zypeLookupButton")
    consumers = find(wizard, "zypeConsumerList", QListWidget)
    qtbot.waitUntil(lambda: consumers.count() >= 1, timeout=20000)
    item = next(consumers.item(i) for i in range(consumers.count())
                if consumers.item(i).data(Qt.ItemDataRole.UserRole) == consumer["_id"])
    rect = consumers.visualItemRect(item)
    qtbot.mouseClick(consumers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert find(wizard, "zypeConsumerEdit").text() == consumer["_id"]

    type_into(qtbot, wizard, "zypePinEdit", first_pin)
    assert find(wizard, "zypePinEditNote").property("role") == "help"
    assert next_enabled(wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device linked" in result_text(wizard)
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[first_pin]["consumer_id"] == consumer["_id"]
    assert pins[first_pin]["linked_device_id"] in find(wizard, "resultDetails").text()

    # Pair another device: provider and key kept, device fields empty.
    click(qtbot, wizard, "pairAnotherButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    assert wizard.state["provider"] == "zype"
    assert wizard.state["api_key"] == zype_key(fx)
    assert find(wizard, "zypePinEdit").text() == ""
    assert not next_enabled(wizard)
    type_into(qtbot, wizard, "zypeConsumerEdit", consumer["_id"])
    type_into(qtbot, wizard, "zypePinEdit", second_pin)
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[second_pin]["consumer_id"] == consumer["_id"]

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=20000)
    wait_idle(qtbot, wizard)
    pins = {p["pin"]: p for p in sandbox.fixtures()["zype"]["pins"]}
    assert pins[second_pin]["consumer_id"] is None
    assert pins[first_pin]["consumer_id"] == consumer["_id"]   # only the last one undone
    run(qtbot, wizard.shutdown())


def test_fill_demo_values_come_from_the_sandbox(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    click(qtbot, wizard, "fillDemoKeyButton")
    qtbot.waitUntil(lambda: find(wizard, "apiKeyEdit").text() != "", timeout=20000)
    assert find(wizard, "apiKeyEdit").text() in {k["key"] for k in fx["zype"]["api_keys"]}
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    click(qtbot, wizard, "fillDemoDeviceButton")
    qtbot.waitUntil(lambda: find(wizard, "zypePinEdit").text() != "", timeout=20000)
    assert find(wizard, "zypePinEdit").text() in free_pins(fx)
    assert find(wizard, "zypeConsumerEdit").text() in {c["_id"] for c in
                                                       fx["zype"]["consumers"]}
    assert next_enabled(wizard)
