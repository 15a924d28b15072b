"""The UI reads the providers' spec: the history's identifiers of an attempt come from
each field's record, never from a hand-written list per provider."""

from __future__ import annotations

from app.core import flow
from app.ui.services import attempt_identifiers


def test_an_attempts_identifiers_follow_the_fields():
    state = {**flow.new_state("rufus"), "rufus_model": "Model X1", "rufus_serial": "S-1",
             "rufus_type": "GATE", "api_key": "ror-ae4fc6c19681a20fad30"}
    ids = attempt_identifiers(state, {"deviceid": "AB" * 32})
    # The type is a RUFUS identifier (the batch records it too): the wizard's history
    # records it as well now that one record says so.
    assert ids == {"model": "Model X1", "serial_number": "S-1", "type": "GATE",
                   "deviceid": "AB" * 32}


def test_an_attempts_identifiers_never_hold_the_xee_pin_or_a_key():
    state = {**flow.new_state("xee"), "xee_device_id": "E133742015", "xee_pin": "1234",
             "xee_account": "Alice"}
    assert attempt_identifiers(state) == {"device_id": "E133742015", "user": "Alice"}
    zype = {**flow.new_state("zype"), "zype_consumer_id": "c1", "zype_email": "a@b.c",
            "zype_pin": "zabc123", "api_key": "zk_secret"}
    assert attempt_identifiers(zype, {"linked_device_id": "tv-1"}) == {
        "consumer_id": "c1", "email": "a@b.c", "pin": "zabc123", "linked_device_id": "tv-1"}


def test_the_history_and_batch_windows_name_providers_from_the_spec(
        qtbot, qloop, tmp_path, monkeypatch):
    """Issue 14 item 4: a provider's display name is flow.PROVIDERS' title (through
    errors.provider_name), read where it is shown: no window keeps its own copy."""
    from PySide6.QtCore import QSettings

    from app.core.history import HistoryEntry
    from app.ui import batch_dialog, history_window  # noqa: F401  (loaded before the change)
    from app.ui.screenshots import build_tool

    monkeypatch.setitem(flow.PROVIDERS, "rufus",
                        flow.PROVIDERS["rufus"]._replace(title="RUFUS Cloud"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    wizard, window = build_tool("history", settings)
    qtbot.addWidget(wizard)
    combo = window.findChild(type(window.provider), "historyProviderCombo")
    assert combo.itemText(combo.findData("rufus")) == "RUFUS Cloud"
    entry = HistoryEntry(id=1, time="2026-12-03T10:00:00Z", provider="rufus",
                         environment="demo", action="pair", identifiers={},
                         outcome="ok", error_kind=None, error_status=None,
                         request_id=None, message="")
    window.model.set_entries([entry])
    assert window.model.data(window.model.index(0, 1)) == "RUFUS Cloud"
    window.table.selectRow(0)
    assert window.details.toPlainText().startswith("RUFUS Cloud pair: ok")
    window.close()
    wizard.close()

    wizard, dialog = build_tool("batch", settings)
    qtbot.addWidget(wizard)
    assert dialog.windowTitle() == "Batch pairing — RUFUS Cloud — Pairing Wizard"
    assert dialog.check_status.text.text().startswith("30 rows for RUFUS Cloud:")
    dialog.close()
    wizard.close()
