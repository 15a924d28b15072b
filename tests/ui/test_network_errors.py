"""#17 item 8: a network failure is ours, not the provider's: no "RUFUS said: All
connection attempts failed", a plain title, and a "Check the network" button on the result
page that opens the network check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.flow import Page
from app.ui import i18n
from tools import translations as tool

from .conftest import WAIT_MS, run
from .drive import click, find, result_text, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key


def test_a_network_failure_is_not_what_the_provider_said_and_offers_the_network_check(
        qtbot, make_wizard):
    wizard = make_wizard(None, demo=False)
    wizard.services.set_root_override("rufus", "production", "http://127.0.0.1:9/rufus/v0")
    rufus_to_review(qtbot, wizard, "ror-0123456789abcdef0123", "S-NET-1",
                    environment="production")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    text = result_text(wizard)
    assert wizard.state["error"]["category"] == "network"
    assert "RUFUS said" not in text                      # our transport, not RUFUS
    assert "Technical detail" in text
    assert "Network problem" in text
    check = find(wizard, "resultCheckNetworkButton")
    assert check.isVisible()
    click(qtbot, wizard, "resultCheckNetworkButton")
    dialog = network_check_window()
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert "127.0.0.1" in dialog.plain_text() or "RUFUS" in dialog.plain_text()
    assert dialog.where.text() == "API address: http://127.0.0.1:9/rufus/v0"
    # Issue 15e item 2: the result page opens the wizard's network check itself, not
    # through the provider page's widgets: the Advanced settings are still unbuilt.
    from app.ui.advanced_settings import AdvancedSettings

    assert wizard.pages[Page.PROVIDER].findChildren(AdvancedSettings) == []
    dialog.close()
    # The Advanced settings' button opens the same window (one network check).
    wizard.go(Page.PROVIDER)
    click(qtbot, wizard, "advancedToggle")
    click(qtbot, wizard, "networkCheckButton")
    assert network_check_window() is dialog and dialog.isVisible()
    qtbot.waitUntil(lambda: not wizard.is_busy() and dialog.again.isEnabled(),
                    timeout=WAIT_MS)
    dialog.close()
    run(qtbot, wizard.shutdown())


def network_check_window():
    """The network check window on screen (None when none is shown)."""
    from PySide6.QtWidgets import QApplication, QDialog

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)
             and w.objectName() == "networkCheckDialog" and w.isVisible()]
    assert len(shown) <= 1, shown
    return shown[0] if shown else None


def test_a_refusal_keeps_the_providers_words_and_no_network_button(
        qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ"), "NET-REF-1")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert not find(wizard, "resultCheckNetworkButton").isVisible()
    assert "Technical detail" not in result_text(wizard)
    run(qtbot, wizard.shutdown())


def test_a_cancel_after_sending_is_titled_cancelled_and_maybe_carried_out(
        qtbot, sandbox, make_wizard):
    """Issue 14 item 6: a pairing the user cancels once its request had left is no
    "Network problem": its title says it was cancelled and may have reached the provider
    (check first); the advice under it says how to check."""
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "NET-CAN-2")
    sandbox.set_faults(latency_ms=3000, provider="rufus")
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.PAIRING)
    elapsed = find(wizard, "pairingElapsed")
    qtbot.waitUntil(lambda: "Waiting for the answer" in elapsed.text(), timeout=WAIT_MS)
    click(qtbot, wizard, "cancelButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert wizard.state["error"]["may_have_reached_server"] is True
    title = find(wizard, "resultTitle").text()
    assert title == ("Cancelled, but the request may have reached RUFUS: check before "
                     "sending it again")
    assert "Network problem" not in title
    assert "may already have reached RUFUS" in find(wizard, "resultDetails").text()
    run(qtbot, wizard.shutdown())


def test_a_cancel_before_sending_is_titled_so(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "NET-CAN-3")
    pair = find(wizard, "pairButton")
    # Both clicks before the event loop turns: the task is cancelled before its body runs.
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(wizard, "cancelButton"), Qt.MouseButton.LeftButton)
    wait_page(qtbot, wizard, Page.RESULT)
    assert find(wizard, "resultTitle").text() == "Cancelled before sending: nothing was sent"
    run(qtbot, wizard.shutdown())


def test_a_cancelled_pairings_title_in_french(qapp, french):
    from app.core import flow

    title = flow.failure_title(flow.cancelled_error({"provider": "zype"}))
    assert str(title).endswith("reached Zype: check before sending it again")
    shown = i18n.flow_text(title)
    assert shown != str(title) and "Zype" in shown
    assert i18n.flow_text(flow.failure_title(flow.cancelled_error(
        {"provider": "zype"}, sent=False))) != flow.CANCELLED_NOT_SENT_TITLE


@pytest.fixture
def french(qapp):
    if i18n.qm_path("fr") is None or i18n.qm_path("fr").stat().st_mtime \
            < tool.ts_path("fr").stat().st_mtime:
        assert tool.build() == 0
    assert i18n.install(qapp, "fr") == "fr"
    yield
    i18n.uninstall(qapp)


def test_a_cancel_shows_a_translated_word_not_the_raw_kind(qtbot, sandbox, make_wizard,
                                                           french):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "NET-CAN-1")
    sandbox.set_faults(latency_ms=1500)
    wizard.start_pairing()
    qtbot.wait(100)
    wizard.cancel()
    wait_page(qtbot, wizard, Page.RESULT)
    assert not find(wizard, "resultCheckNetworkButton").isVisible()   # not a network fault
    details = find(wizard, "resultDetails").text()
    assert "annulé" in details and "cancelled" not in details
    run(qtbot, wizard.shutdown())
