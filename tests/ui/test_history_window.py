"""The History window: attempts made in the wizard (against the real sandbox) appear,
search and filters narrow them, Export CSV writes them, Copy details has no secret,
and the database file itself holds no key or token."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.core.flow import Page
from app.core.history import DB_FILE, History

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
from .test_errors import rufus_to_review
from .test_rufus import rufus_key


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    """This test's own history (the run-wide folder has other tests' entries)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(folder))
    return folder


def file_dialog() -> QFileDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


def accept_file_dialog(qtbot, path: Path) -> None:
    """Answer the (non-blocking, Qt's own) file dialog with `path`."""
    qtbot.waitUntil(lambda: file_dialog() is not None, timeout=WAIT_MS)
    dialog = file_dialog()
    assert dialog is not None
    dialog.setDirectory(str(path.parent))
    dialog.findChild(QLineEdit, "fileNameEdit").setText(path.name)
    dialog.accept()


def shown_rows(window) -> list[list[str]]:
    model = window.model
    return [[model.data(model.index(r, c)) or "" for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def qt_local_time(stamp: str) -> str:
    """Qt's own reading of a stored UTC time as a local short date-time: an independent
    way to the text the History must show."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    assert moment.isValid(), stamp
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def wait_query(qtbot, window, before: int) -> None:
    qtbot.waitUntil(lambda: window.query_count > before, timeout=WAIT_MS)


def test_wizard_attempts_in_the_history_window(qtbot, sandbox, make_wizard, data_dir,
                                               tmp_path):
    fx = sandbox.fixtures()
    read_key, write_key = rufus_key(fx, "READ"), rufus_key(fx, "READ_WRITE", unbind=True)
    wizard = make_wizard(sandbox.url)
    assert find(wizard, "historyButton").isVisible()

    # 1. refused (a read-only key), 2. fixed and bound, 3. undone.
    rufus_to_review(qtbot, wizard, read_key, "HIST-0001")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "HTTP 403" in result_text(wizard)
    click(qtbot, wizard, "fixInputButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    type_into(qtbot, wizard, "apiKeyEdit", write_key)
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    deviceid = wizard.state["result"]["deviceid"]
    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    assert find(wizard, "historyButton").isVisible()      # on the result page too

    # An old entry, to give the date filters something to tell apart.
    with History(data_dir / DB_FILE) as history:
        history.record("zype", "pair", "ok", environment="demo",
                       identifiers={"consumer_id": "5f1a2b3c4d5e6f7a8b9c0d01",
                                    "pin": "zold999"},
                       when=datetime(2020, 1, 15, 12, tzinfo=UTC))

    # Ctrl+H (offscreen Qt has no active window to deliver a key press to: the
    # shortcut bound to that key sequence is triggered instead).
    shortcut = next(s for s in wizard.findChildren(QShortcut)
                    if s.key() == QKeySequence("Ctrl+H"))
    shortcut.activated.emit()
    window = wizard.history_window
    assert window is not None
    qtbot.waitUntil(lambda: window.isVisible() and window.model.rowCount() == 4,
                    timeout=WAIT_MS)
    rows = shown_rows(window)
    # Newest first: undo ok, pair ok, pair failed (403), then the 2020 Zype entry.
    assert [(r[1], r[3], r[5]) for r in rows] == [
        ("RUFUS", "Undo", "OK"), ("RUFUS", "Pair", "OK"), ("RUFUS", "Pair", "Failed"),
        ("Zype", "Pair", "OK")]
    assert rows[2][6] == "rufus.write_access_missing (HTTP 403)"
    assert rows[2][2] == "Offline demo"
    assert "serial_number=HIST-0001" in rows[2][4]
    assert f"deviceid={deviceid}" in rows[1][4] and f"deviceid={deviceid}" in rows[0][4]
    assert rows[3][0] == qt_local_time("2020-01-15T12:00:00Z")   # local, as Qt shows it
    assert "4 entries." in find(window, "historyCountLabel").text()

    # Search (debounced, off the GUI thread) and filters.
    before = window.query_count
    type_into(qtbot, window, "historySearchEdit", "write_access")
    wait_query(qtbot, window, before)
    assert [r[5] for r in shown_rows(window)] == ["Failed"]
    before = window.query_count
    type_into(qtbot, window, "historySearchEdit", "hist-0001")   # case-insensitive
    wait_query(qtbot, window, before)
    assert len(shown_rows(window)) == 3
    before = window.query_count
    outcome = find(window, "historyOutcomeCombo")
    outcome.setCurrentIndex(outcome.findData("ok"))
    wait_query(qtbot, window, before)
    assert [r[3] for r in shown_rows(window)] == ["Undo", "Pair"]
    before = window.query_count
    find(window, "historySearchEdit").clear()
    wait_query(qtbot, window, before)
    assert len(shown_rows(window)) == 3                      # the ok ones, Zype's too
    before = window.query_count
    provider = find(window, "historyProviderCombo")
    provider.setCurrentIndex(provider.findData("zype"))
    wait_query(qtbot, window, before)
    assert [r[1] for r in shown_rows(window)] == ["Zype"]
    before = window.query_count
    provider.setCurrentIndex(provider.findData("xee"))
    wait_query(qtbot, window, before)
    assert shown_rows(window) == []
    assert find(window, "historyCountLabel").text() == "No entry matches."
    before = window.query_count
    provider.setCurrentIndex(0)
    outcome.setCurrentIndex(0)
    wait_query(qtbot, window, before)
    today = date.today()
    before = window.query_count
    window.set_date_filter(today - timedelta(days=1), None)
    wait_query(qtbot, window, before)
    assert [r[1] for r in shown_rows(window)] == ["RUFUS"] * 3
    before = window.query_count
    window.set_date_filter(None, date(2020, 1, 15))
    wait_query(qtbot, window, before)
    assert [r[1] for r in shown_rows(window)] == ["Zype"]
    before = window.query_count
    window.set_date_filter(None, None)
    wait_query(qtbot, window, before)
    assert len(shown_rows(window)) == 4

    # Copy details of the failed pairing: what a ticket needs, never a key.
    window.table.selectRow(2)
    click(qtbot, window, "historyCopyDetailsButton")
    details = QApplication.clipboard().text()
    assert "RUFUS pair: failed" in details
    assert "rufus.write_access_missing (HTTP 403)" in details
    assert "Serial number: HIST-0001" in details      # the field's label
    assert read_key not in details and write_key not in details and "ror-" not in details

    # Export CSV (all four, through the real, non-blocking file dialog).
    target = tmp_path / "history-export.csv"
    click(qtbot, window, "historyExportButton")
    accept_file_dialog(qtbot, target)
    status = find(window, "historyStatus")
    qtbot.waitUntil(lambda: "Exported 4 entries" in status.text(), timeout=WAIT_MS)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [(e["provider"], e["action"], e["outcome"]) for e in exported] == [
        ("rufus", "undo", "ok"), ("rufus", "pair", "ok"), ("rufus", "pair", "failed"),
        ("zype", "pair", "ok")]
    assert exported[2]["error_kind"] == "rufus.write_access_missing"
    assert exported[2]["error_status"] == "403"
    assert exported[1]["deviceid"] == deviceid
    assert exported[1]["serial_number"] == "HIST-0001"
    assert "ror-" not in target.read_text(encoding="utf-8-sig")

    # The database file (and its write-ahead log) holds no key.
    run(qtbot, wizard.shutdown())
    stored = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    assert b"HIST-0001" in stored                      # the scan reads the real data
    for key in fx["rufus"]["api_keys"]:
        assert key["key"].encode() not in stored
    assert b"ror-" not in stored


def test_history_opens_from_every_page_and_records_a_cancelled_pairing(
        qtbot, sandbox, make_wizard, data_dir):
    """A cancelled request may have reached the provider: recorded as unknown."""
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    click(qtbot, wizard, "historyButton")                 # from the first page
    window = wizard.history_window
    qtbot.waitUntil(lambda: window.query_count > 0, timeout=WAIT_MS)
    assert "No pairing recorded yet" in find(window, "historyCountLabel").text()
    window.close()

    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "HIST-SLOW")
    sandbox.set_faults(latency_ms=3000, provider="rufus")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    click(qtbot, wizard, "historyButton")                 # while a request runs
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    elapsed = find(wizard, "pairingElapsed")
    qtbot.waitUntil(lambda: "Waiting for the answer" in elapsed.text(), timeout=WAIT_MS)
    click(qtbot, wizard, "cancelButton")
    wait_page(qtbot, wizard, Page.RESULT)
    before = window.query_count
    click(qtbot, window, "historyRefreshButton")
    wait_query(qtbot, window, before)
    rows = shown_rows(window)
    assert len(rows) == 1
    assert rows[0][5] == "Unknown: check by hand" and rows[0][6] == "cancelled"
    assert "serial_number=HIST-SLOW" in rows[0][4]
    run(qtbot, wizard.shutdown())


@pytest.mark.browser
def test_xee_sign_in_pair_and_sign_out_are_recorded_without_the_pin(
        qtbot, sandbox, make_wizard, data_dir):
    from .test_xee import chromium_or_skip, sign_in

    chromium_or_skip()
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    sign_in(qtbot, wizard, user)
    account = wizard.state["xee_account"]
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    click(qtbot, wizard, "pairAnotherButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    click(qtbot, wizard, "xeeSignOutButton")
    qtbot.waitUntil(lambda: find(wizard, "xeeSignInButton").isVisible(), timeout=WAIT_MS)

    click(qtbot, wizard, "historyButton")
    window = wizard.history_window
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT_MS)
    entries = window.model.entries
    assert [(e.action, e.outcome) for e in entries] == [
        ("sign-out", "ok"), ("pair", "ok"), ("sign-in", "ok")]
    assert entries[1].identifiers == {"device_id": device["id"], "user": account}
    assert entries[0].identifiers == entries[2].identifiers == {"user": account}
    run(qtbot, wizard.shutdown())
    stored = b"".join(p.read_bytes() for p in data_dir.iterdir() if p.is_file())
    assert device["id"].encode() in stored
    assert b'"pin"' not in stored
    assert fx["xee"]["client_secret"].encode() not in stored


def test_copied_details_leave_the_pin_out_as_the_status_says(qtbot, make_wizard, data_dir):
    """Issue 17 item 9: "Copy details" said "no pin" but copied a Zype pin."""
    from app.core.history import HistoryEntry
    from app.ui.history_window import HistoryWindow

    entry = HistoryEntry(id=7, time="2026-12-03T10:00:00Z", provider="zype",
                         environment="sandbox", action="link",
                         identifiers={"consumer_id": "c-1", "pin": "PIN4242"},
                         outcome="success", error_kind=None, error_status=None,
                         request_id=None, message="")
    window = HistoryWindow(make_wizard())
    qtbot.addWidget(window)
    window.model.set_entries([entry])
    window.table.selectRow(0)
    window.copy_selected()
    copied = QApplication.clipboard().text()
    assert "c-1" in copied
    assert "PIN4242" not in copied
    assert "no key, token or pin" in window.status.text.text()


def test_details_show_the_fields_labels_and_local_times(qtbot, make_wizard, data_dir):
    """Issue 14 item 7: the details say "TV device id", not linked_device_id, and the time
    as the rest of the UI shows it (local, in the UI language's short format), with the
    UTC time as recorded; the identifiers column and the CSV keep the recorded names."""
    import dataclasses

    from app.core.history import HistoryEntry
    from app.ui.history_window import HistoryWindow

    zype = HistoryEntry(id=8, time="2026-12-03T10:00:00Z", provider="zype",
                        environment="demo", action="pair",
                        identifiers={"consumer_id": "c-1", "email": "a@example.com",
                                     "pin": "zabc123", "linked_device_id": "tv-1"},
                        outcome="ok", error_kind=None, error_status=None,
                        request_id=None, message="")
    xee = dataclasses.replace(zype, id=9, provider="xee",
                              identifiers={"device_id": "E133742015", "user": "Alice"})
    rufus = dataclasses.replace(zype, id=10, provider="rufus",
                                identifiers={"serial_number": "S-1", "deviceid": "AB" * 32})
    window = HistoryWindow(make_wizard())
    qtbot.addWidget(window)
    window.model.set_entries([zype, xee, rufus])
    shown = []
    for row in range(3):
        window.table.selectRow(row)
        shown.append(find(window, "historyDetails").toPlainText())
    local = qt_local_time("2026-12-03T10:00:00Z")
    assert f"Time: {local} (2026-12-03T10:00:00Z)" in shown[0]
    for line in ("Consumer id: c-1", "Customer's email: a@example.com", "Pin: zabc123",
                 "TV device id: tv-1"):
        assert line in shown[0].splitlines(), shown[0]
    assert "linked_device_id" not in shown[0] and "consumer_id" not in shown[0]
    assert {"Device id: E133742015", "Xee account: Alice"} <= set(shown[1].splitlines())
    assert {"Serial number: S-1", f"deviceid: {'AB' * 32}"} <= set(shown[2].splitlines())
    assert window.model.data(window.model.index(0, 0)) == local
    assert "linked_device_id=tv-1" in window.model.data(window.model.index(0, 4))
    window.close()
