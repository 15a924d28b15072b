"""The batch's, the network check's and the history's messages reach the UI as
Messages (template and values, kept in the database next to the English text) and are
shown in the UI language whatever the values hold: nothing is parsed back out of
English. A history row stored before the templates were is shown as stored."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import ssl
from pathlib import Path

import httpx2
from PySide6.QtCore import Qt

from app.core.batch import BatchRunner, Journal, check_bytes, prepare
from app.core.history import MIGRATIONS, Database, History, _statements
from app.core.messages import PROVIDER_ERROR, Message
from app.core.netcheck import NetCheckReport, Step, _tls_advice, check
from app.core.zype import ZypeAPI
from app.ui.network_check import step_lines

from .conftest import run
from .drive import find
from .test_tools_i18n import open_tool

# A provider's own text: braces, regex metacharacters, a newline, quotes.
TRICKY = 'model {x} .*+?[(]\n^$ "quoted" \\1'
BIND_FIELDS = ("RUFUS rejected the bind's fields ({message}). RUFUS may require model, "
               "serial number and type (alias and firmware are optional): fill in the field "
               "it names (the Type field, or the default type in the settings), then bind "
               "again.")
BIND_FIELDS_FR = ("RUFUS a rejeté les champs de la liaison ({message}). RUFUS peut exiger le "
                  "modèle, le numéro de série et le type (l'alias et le firmware sont "
                  "facultatifs) : remplissez le champ qu'il nomme (le champ Type, ou le type "
                  "par défaut dans les réglages), puis liez à nouveau.")
BOX_LOCKED = ("This box has already failed 3 association attempts, so Xee refuses any "
              "further pin for it: do not try again, ask Xee support (or the box owner, from "
              "their Xee account) to unlock the box, then associate it.")


def test_a_batch_row_message_with_a_tricky_provider_text_in_french(qtbot, qloop, french,
                                                                    tmp_path: Path):
    wizard, dialog = open_tool(qtbot, tmp_path, "batch")
    path = tmp_path / "h.sqlite3"
    report = check_bytes(b"model,serial_number\nModel X1,S-1\n", "rufus", "one.csv")
    with History(path) as history:
        batch_id, _ = prepare(history.db, report, "http://127.0.0.1:9/rufus/v0")
        journal = Journal(history.db)
        row = journal.rows(batch_id)[0]
        row.state, row.error_kind, row.error_status = "failed", "rufus.invalid_fields", 400
        row.message = Message(PROVIDER_ERROR, BIND_FIELDS, message=TRICKY)
        journal.save(row, "rufus")
    with History(path) as history:   # read back from the file
        stored = Journal(history.db).rows(batch_id)
    assert stored[0].message == BIND_FIELDS.format(message=TRICKY)   # the CLI's English
    dialog.model.load(report)
    dialog.model.apply(stored)
    model = dialog.model
    details = model.data(model.index(0, model.columns.index("details")))
    assert details.startswith(BIND_FIELDS_FR.format(message=TRICKY)), details
    dialog.close()
    wizard.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_network_check_sentences_in_french(qapp, french):
    port = _closed_port()
    report = asyncio.run(check("rufus", f"http://127.0.0.1:{port}/rufus/v0", step_timeout=3))
    tcp = next(s for s in report.steps if s.name == "TCP")
    assert not tcp.ok and tcp.detail.startswith(f"cannot connect to 127.0.0.1 port {port} (")
    lines = step_lines(report)
    assert lines[0] == "✓ DNS: 127.0.0.1 correspond à 127.0.0.1"
    assert lines[1].startswith(f"✗ TCP: connexion impossible à 127.0.0.1 port {port} (127.0.0.1:")
    assert lines[1].endswith(" — l'ordinateur a répondu que rien n'écoute à cet endroit : "
                             "vérifiez l'adresse et le port de l'API")
    # The system's own words, whatever they hold, are a value: the sentence is still French.
    error = ssl.SSLError(1, TRICKY)
    detail, advice = _tls_advice(error, "example.invalid")
    tls = NetCheckReport("rufus", "https://example.invalid", [Step("TLS", False, detail,
                                                                   advice)])
    assert step_lines(tls) == [
        f"✗ TLS: la connexion sécurisée a échoué ({error}) — un pare-feu ou un proxy la "
        "bloque peut-être ; demandez au service informatique si cette adresse est autorisée"]


async def _zype_batch(sandbox, history: History) -> int:
    fx = sandbox.fixtures()
    key = next(k["key"] for k in fx["zype"]["api_keys"] if k["type"] == "admin")
    raw = b"consumer_id,email,pin\n,nobody@example.com,zpin123\n"
    report = check_bytes(raw, "zype")
    assert report.ok, report.text()
    batch_id, _ = prepare(history.db, report, sandbox.zype_root)
    async with httpx2.AsyncClient(timeout=10) as client:
        api = ZypeAPI(client, sandbox.zype_root, key)
        await BatchRunner(api, history.db, batch_id, report, history=history,
                          environment="demo", settle_seconds=0).run()
    return batch_id


def test_history_entries_written_by_a_batch_in_french(qtbot, qloop, french, sandbox,
                                                      tmp_path: Path):
    with History(tmp_path / "h.sqlite3") as history:
        batch_id = run(qtbot, _zype_batch(sandbox, history))
        history.record("zype", "pair", "failed", environment="demo", batch_id=batch_id,
                       error_kind="zype.unprocessable", error_status=422,
                       message=Message(PROVIDER_ERROR, "Zype could not process the request "
                                       "({message}). Check the values entered and try again.",
                                       message=TRICKY))
        entries = history.query()
    assert [e.message for e in entries] == [   # the English text, as the CLI shows it
        f"Zype could not process the request ({TRICKY}). Check the values entered and try "
        "again.",
        "No Zype consumer has the email nobody@example.com: check it, or give the "
        "consumer_id."]
    wizard, window = open_tool(qtbot, tmp_path, "history")
    window.model.set_entries(entries)
    model = window.model
    tips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert tips == [
        f"Zype n'a pas pu traiter la requête ({TRICKY}). Vérifiez les valeurs saisies et "
        "réessayez.",
        "Aucun client Zype n'a l'e-mail nobody@example.com : vérifiez-le, ou donnez le "
        "consumer_id."]
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: "nobody@example.com" in find(window, "historyDetails")
                    .toPlainText())
    assert "Aucun client Zype n'a l'e-mail nobody@example.com" in find(
        window, "historyDetails").toPlainText()
    window.close()
    wizard.close()


def test_an_old_history_row_without_its_template_is_shown_as_stored(qtbot, qloop, french,
                                                                     tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)   # a database of schema 2, before message_template
    for script in MIGRATIONS[:2]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO history (time, provider, environment, action, identifiers, outcome, "
        "error_kind, error_status, message, search) VALUES ('2026-01-02T03:04:05Z', 'xee', "
        "'demo', 'pair', ?, 'failed', 'xee.box_locked', 403, ?, 'xee')",
        (json.dumps({"device_id": "E1"}), BOX_LOCKED))
    conn.commit()
    conn.close()
    with History(database=Database(path)) as history:   # migrated to the new schema
        entries = history.query()
    assert entries[0].message == BOX_LOCKED and not isinstance(entries[0].message, Message)
    wizard, window = open_tool(qtbot, tmp_path, "history")
    window.model.set_entries(entries)
    assert window.model.data(window.model.index(0, 0), Qt.ItemDataRole.ToolTipRole) \
        == BOX_LOCKED
    window.close()
    wizard.close()


def test_the_wizards_own_history_entries_are_translated(qtbot, sandbox, make_wizard, french):
    """An attempt the wizard records (not a batch's) keeps its advice's template too: a
    refusal (its advice filled or a fixed sentence), a sign-in failure and the flow's own
    sentence are French in the History."""
    from app.auth.errors import SignInError
    from app.core import flow
    from app.core.errors import ProviderError, build_error
    from app.ui import i18n

    wizard = make_wizard(sandbox.url)
    state = {**wizard.state, "provider": "xee", "environment": "demo",
             "xee_device_id": "E133742016"}
    refused = build_error("xee.box_locked", "refused", BOX_LOCKED, provider="xee",
                          status=403, may_have_reached_server=False)
    fixed = ProviderError("xee.box_locked", "refused", str(BOX_LOCKED), status=403,
                          provider="xee")
    errors = (flow.error_dict(refused), flow.error_dict(fixed),
              flow.sign_in_error(SignInError("timeout")), flow.undo_interrupted_error(state))
    for error in errors:
        run(qtbot, wizard.services.record(state, "pair", error=error))
    entries = run(qtbot, wizard.services.history()).query(provider="xee")[:len(errors)]
    assert all(isinstance(entry.message, Message) for entry in entries)
    shown = [i18n.core_text(entry.message) for entry in entries]
    english = [str(entry.message) for entry in entries]
    assert all(text and text != source for text, source in zip(shown, english, strict=True)), \
        shown
    run(qtbot, wizard.shutdown())
