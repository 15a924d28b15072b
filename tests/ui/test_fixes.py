"""Cancel before the request has started; the Xee app's client id and secret."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import answer_dialog, click, find, result_text, type_into, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key


def test_cancel_before_the_pair_request_started_leaves_the_pairing_page(
        qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "EARLY-0001")
    before = {d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]}
    # Both clicks before the event loop turns: the task is cancelled before its body runs.
    pair = find(wizard, "pairButton")
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton)
    assert wizard.current is Page.PAIRING
    task = next(t for t in wizard.tasks() if t.get_name() == "pair")
    assert task is not None and not task.done()
    qtbot.mouseClick(find(wizard, "cancelButton"), Qt.MouseButton.LeftButton)
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert "cancelled before the request was sent" in text
    assert "nothing was sent" in text
    assert task.cancelled()
    assert not wizard.is_busy()
    after = {d["serial_number"] for d in sandbox.fixtures()["rufus"]["devices"]}
    assert "EARLY-0001" not in after and before == after     # truly nothing was sent
    click(qtbot, wizard, "fixInputButton")                   # and one can pair again
    wait_page(qtbot, wizard, Page.REVIEW)
    assert find(wizard, "pairButton").isEnabled()
    run(qtbot, wizard.shutdown())


def test_xee_app_client_id_and_secret_from_the_advanced_settings(
        qtbot, sandbox, make_wizard, keychain, monkeypatch):
    monkeypatch.delenv("XEE_CLIENT_ID", raising=False)
    monkeypatch.delenv("XEE_CLIENT_SECRET", raising=False)
    wizard = make_wizard(sandbox.url)
    click(qtbot, wizard, "providerXee")
    click(qtbot, wizard, "advancedToggle")
    client_id = find(wizard, "xeeClientIdEdit", QLineEdit)
    secret = find(wizard, "xeeClientSecretEdit", QLineEdit)
    assert not client_id.isVisible()                  # the demo brings its own app
    combo = find(wizard, "environmentCombo")
    combo.setCurrentIndex(combo.findData("production"))
    answer_dialog(qtbot, "productionDialog", yes=True)   # production asks first
    qtbot.waitUntil(client_id.isVisible, timeout=WAIT_MS)
    assert secret.echoMode() == QLineEdit.EchoMode.Password
    assert client_id.accessibleName() and secret.accessibleDescription()

    # Without them, the credentials page says what is missing and where to enter it.
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    status = find(wizard, "xeeSignInStatus")
    qtbot.waitUntil(lambda: "client id and secret" in status.text(), timeout=WAIT_MS)
    assert "Advanced settings" in status.text()
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)

    # A bad client id: a clear error, nothing saved.
    note = find(wizard, "xeeAppNote")
    type_into(qtbot, wizard, "xeeClientIdEdit", "bad id")
    qtbot.keyClick(client_id, Qt.Key.Key_Return)
    assert "printable characters without spaces" in note.text()
    assert client_id.property("invalid") == "true"
    settings = wizard.services.settings
    assert not settings.value("xee/production/clientId")

    type_into(qtbot, wizard, "xeeClientIdEdit", "pairing-wizard-app")
    type_into(qtbot, wizard, "xeeClientSecretEdit", "s3cret-Value-42")
    qtbot.keyClick(secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keychain.get_password("pairing-wizard/xee-app", "production")
                    == "s3cret-Value-42", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Saved" in note.text(), timeout=WAIT_MS)
    assert settings.value("xee/production/clientId") == "pairing-wizard-app"
    assert secret.text() == ""                              # not kept on screen either
    settings.sync()
    assert "s3cret-Value-42" not in Path(settings.fileName()).read_text()   # never a file
    creds = run(qtbot, wizard.services.xee_app_credentials("production"))
    assert creds == ("pairing-wizard-app", "s3cret-Value-42")

    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    qtbot.wait(200)
    assert "client id and secret" not in status.text()
    run(qtbot, wizard.shutdown())
