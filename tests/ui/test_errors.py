"""Documented errors as they appear on screen, and the way back to fix them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import run
from .drive import choose, click, find, result_text, type_into, wait_page
from .test_rufus import rufus_key
from .test_zype import free_pins, zype_key


def rufus_to_review(qtbot, wizard, key: str, serial: str, environment: str = "demo") -> None:
    choose(qtbot, wizard, "rufus", environment=environment)
    type_into(qtbot, wizard, "apiKeyEdit", key)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "rufusModelEdit", "Model X1")
    type_into(qtbot, wizard, "rufusSerialEdit", serial)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)


def test_rufus_read_only_key_shows_advice_and_leads_back_to_the_key(qtbot, sandbox,
                                                                     make_wizard):
    fx = sandbox.fixtures()
    read_key = rufus_key(fx, "READ")
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, read_key, "ERR-0001")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "lack write access" in text                 # the plain sentence
    assert "HTTP 403" in text
    assert not find(wizard, "undoButton").isVisible()
    assert not find(wizard, "pairAnotherButton").isVisible()

    click(qtbot, wizard, "copyDetailsButton")
    details = QApplication.clipboard().text()
    assert "Provider: RUFUS" in details and "Environment: demo" in details
    assert "Status: 403" in details and "POST /devices" in details
    assert read_key not in details and read_key[:10] not in details   # never a secret

    click(qtbot, wizard, "fixInputButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    type_into(qtbot, wizard, "apiKeyEdit", rufus_key(fx, "READ_WRITE"))
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    assert find(wizard, "rufusSerialEdit").text() == "ERR-0001"      # nothing lost
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device bound" in result_text(wizard)
    run(qtbot, wizard.shutdown())


def test_zype_unknown_pin_leads_back_to_the_device_page(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", zype_key(fx))
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "zypeConsumerEdit", fx["zype"]["consumers"][0]["_id"])
    type_into(qtbot, wizard, "zypePinEdit", "zzzz999")
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "mistyped or expired" in text                 # the advice
    assert "Zype said:</b> Device Pin not found" in text  # the provider's own message
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    assert find(wizard, "zypePinEdit").text() == "zzzz999"
    type_into(qtbot, wizard, "zypePinEdit", free_pins(fx)[0])
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device linked" in result_text(wizard)
    run(qtbot, wizard.shutdown())


def test_zype_bad_key_is_reported_by_test_key(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", "not-a-real-key-123")
    click(qtbot, wizard, "testKeyButton")
    status = find(wizard, "keyTestStatus")
    qtbot.waitUntil(lambda: "refused" in status.text(), timeout=20000)
    assert "Zype refused the api key" in status.text()
    run(qtbot, wizard.shutdown())


def test_network_fault_html_page_is_an_error_not_a_crash(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "NET-0001")
    sandbox.set_faults(fault="html", rate=1, provider="rufus")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "HTML page" in text or "may have been bound" in text
    assert "HTTP 502" in text
    click(qtbot, wizard, "fixInputButton")            # "Try again": back to the review
    wait_page(qtbot, wizard, Page.REVIEW)
    run(qtbot, wizard.shutdown())


def test_connection_refused_is_a_network_error(qtbot, make_wizard, settings_path):
    """Production with the API address overridden to a port where nothing listens."""
    wizard = make_wizard(None, demo=False)
    wizard.services.set_root_override("rufus", "production", "http://127.0.0.1:9/rufus/v0")
    choose(qtbot, wizard, "rufus", environment="production")
    type_into(qtbot, wizard, "apiKeyEdit", "ror-0123456789abcdef0123")
    click(qtbot, wizard, "nextButton")
    type_into(qtbot, wizard, "rufusModelEdit", "M")
    type_into(qtbot, wizard, "rufusSerialEdit", "S-1")
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    assert "127.0.0.1:9" in find(wizard, "reviewServer").text()
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "Nothing accepted the connection" in text
    assert wizard.state["error"]["category"] == "network"
    run(qtbot, wizard.shutdown())
