"""Issue 17 (smaller list) item 2 in the wizard: a Zype result (details and Copy details)
shows human labels and the provider's times as local date-times in the user's locale
(QLocale's short format), never the raw ISO text or API field names; so does RUFUS's
"Check now"."""

from __future__ import annotations

import re

import httpx2
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QGuiApplication

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import choose, click, find, type_into, wait_idle, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key
from .test_zype import free_pins, zype_key

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def shown_as_qt_would(raw: str) -> str:
    """Qt's own reading of the ISO text, as a local short date-time: an independent way
    to the text the wizard must show."""
    moment = QDateTime.fromString(raw, Qt.DateFormat.ISODateWithMs)
    assert moment.isValid(), raw
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def test_a_zype_result_shows_labels_and_local_times(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    consumer = fx["zype"]["consumers"][0]
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "zype")
    type_into(qtbot, wizard, "apiKeyEdit", zype_key(fx))
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "zypeConsumerEdit", consumer["_id"])
    type_into(qtbot, wizard, "zypePinEdit", free_pins(fx)[0])
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    result = wizard.state["result"]
    assert ISO.match(result["created_at"]) and ISO.match(result["pin_expiration"])
    details = find(wizard, "resultDetails").text()
    assert not ISO.search(details), details
    assert shown_as_qt_would(result["created_at"]) in details
    assert shown_as_qt_would(result["pin_expiration"]) in details
    assert "TV device id" in details and result["linked_device_id"] in details
    assert "linked_device_id" not in details and "created_at" not in details

    click(qtbot, wizard, "copyDetailsButton")
    copied = QGuiApplication.clipboard().text()
    assert f"Created: {shown_as_qt_would(result['created_at'])}" in copied
    assert f"TV device id: {result['linked_device_id']}" in copied
    assert not ISO.search(copied)
    run(qtbot, wizard.shutdown())


def test_rufus_check_now_shows_local_times(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    device = fx["rufus"]["devices"][0]
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), device["serial_number"])
    wizard.state["uncertain"] = True          # as after "Try again" from an unknown outcome
    wizard.pages[Page.REVIEW].enter()
    click(qtbot, wizard, "reviewCheckNowButton")
    wait_idle(qtbot, wizard)
    status = find(wizard, "reviewCheckStatus")
    qtbot.waitUntil(lambda: "It was carried out" in status.text(), timeout=WAIT_MS)
    text = status.text()
    assert not ISO.search(text), text
    # What RUFUS itself sends for this device (its list, read directly):
    listed = httpx2.get(f"{sandbox.url}/rufus/v0/devices",
                        headers={"api_key": rufus_key(fx, "READ_WRITE")},
                        params={"serial_number": device["serial_number"]}).json()["result"]
    raw = next(d for d in listed if d["serial_number"] == device["serial_number"])
    assert ISO.match(raw["last_telemetry_at"])
    assert f"last telemetry {shown_as_qt_would(raw['last_telemetry_at'])}," in text
    assert f"last login {shown_as_qt_would(raw['last_login'])})" in text
    run(qtbot, wizard.shutdown())
