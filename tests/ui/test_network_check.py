"""The network check from the provider page's advanced settings: against the sandbox
every step passes; against a closed port the TCP step fails with its sentence."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import answer_dialog, click, find, wait_page


def run_check(qtbot, wizard):
    click(qtbot, wizard, "advancedToggle")
    click(qtbot, wizard, "networkCheckButton")
    dialog = wizard.pages[Page.PROVIDER].advanced.network.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    return dialog


def pick(qtbot, wizard, provider: str, environment: str) -> None:
    wait_page(qtbot, wizard, Page.PROVIDER)
    click(qtbot, wizard, {"rufus": "providerRufus", "zype": "providerZype"}[provider])
    combo = find(wizard, "environmentCombo")
    combo.setCurrentIndex(combo.findData(environment))
    if environment == "production" and wizard.state["environment"] != environment:
        answer_dialog(qtbot, "productionDialog", yes=True)   # production asks first


def test_network_check_against_the_sandbox(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    pick(qtbot, wizard, "zype", "demo")
    dialog = run_check(qtbot, wizard)
    text = dialog.plain_text()
    assert "Zype is reachable from this computer." in text
    lines = text.splitlines()[1:]
    assert [line.split(":")[0] for line in lines] == ["✓ DNS", "✓ TCP", "✓ HTTP"]
    assert f"API address: {sandbox.zype_root}" == find(dialog, "networkCheckWhere").text()
    steps = find(dialog, "networkCheckSteps").text()           # what is on screen
    assert steps.count("✓") == 3 and "✗" not in steps and "Zype answered" in steps
    click(qtbot, dialog, "networkCheckCopyButton")
    assert QApplication.clipboard().text() == text
    run(qtbot, wizard.shutdown())


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]        # free again once closed: nothing listens


def test_network_check_against_a_closed_port(qtbot, make_wizard):
    port = closed_port()
    wizard = make_wizard(None, demo=False)
    wizard.services.set_root_override("rufus", "production",
                                      f"http://127.0.0.1:{port}/rufus/v0")
    pick(qtbot, wizard, "rufus", "production")
    dialog = run_check(qtbot, wizard)
    text = dialog.plain_text()
    assert "RUFUS is NOT reachable from this computer." in text
    lines = text.splitlines()[1:]
    assert lines[0].startswith("✓ DNS: 127.0.0.1 is 127.0.0.1")
    assert lines[1].startswith(f"✗ TCP: cannot connect to 127.0.0.1 port {port}")
    assert lines[1].endswith("— the computer answered that nothing listens there: check the "
                             "API address and port")
    assert len(lines) == 2                     # no HTTP step after a failed connection
    steps = find(dialog, "networkCheckSteps").text()
    assert "✗" in steps and "nothing listens there" in steps

    # Another address: the old report no longer applies; Check again checks the new one.
    wizard.services.set_root_override("rufus", "production", "")
    wizard.pages[Page.PROVIDER].advanced.network.refresh()
    assert dialog.report is None and "Check again" in dialog.plain_text()
    run(qtbot, wizard.shutdown())
