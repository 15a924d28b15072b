"""Issue 15g item 2: the UI's sentences that list the providers are built from the
registry (the command line's list wording, "A, B or C", in the UI language): the request
timeout's tip names every registered provider and the sign-in app.auth runs, the history
window says it never keeps the pins of the providers with a pin lock. The English (and
the French) for the three real providers are what they were."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QSpinBox

from app.core import providers
from app.ui import i18n
from app.ui.history_window import HistoryWindow
from tests.core.test_pin_lock import AcmeLockSpec

from .conftest import WAIT_MS
from .drive import click, find


@pytest.fixture
def late_acme():
    providers.register(AcmeLockSpec())   # Acme's gadgets lock after wrong codes
    yield
    providers.unregister("acme")


def timeout_tip(qtbot, wizard) -> str:
    click(qtbot, wizard, "advancedToggle")
    spin = find(wizard, "requestTimeoutSpin", QSpinBox)
    qtbot.waitUntil(spin.isVisible, timeout=WAIT_MS)
    assert spin.accessibleDescription() == spin.toolTip()
    return spin.toolTip()


def history_subtitle(qtbot, wizard) -> str:
    window = HistoryWindow(wizard)
    qtbot.addWidget(window)
    return window.findChild(QLabel, "historySubtitle").text()


THREE_TIP = ("How long to wait for an answer from Xee, RUFUS or Zype (and the Xee "
             "sign-in) before giving up")
THREE_HISTORY = ("Every pairing, undo and sign-in made on this computer, newest first. "
                 "Identifiers only: never a key, token or Xee pin.")


def test_the_three_providers_read_as_before(qtbot, make_wizard):
    wizard = make_wizard(render_only=True)
    assert timeout_tip(qtbot, wizard) == THREE_TIP
    assert history_subtitle(qtbot, wizard) == THREE_HISTORY


def test_a_fourth_provider_is_listed(qtbot, make_wizard, late_acme):
    wizard = make_wizard(render_only=True)
    assert timeout_tip(qtbot, wizard) == (
        "How long to wait for an answer from Xee, RUFUS, Zype or Acme (and the Xee "
        "sign-in) before giving up")
    assert history_subtitle(qtbot, wizard) == (
        "Every pairing, undo and sign-in made on this computer, newest first. "
        "Identifiers only: never a key, token or Xee or Acme pin.")


def test_without_a_sign_in_or_a_pin_lock_neither_is_named(qtbot, make_wizard):
    xee = providers.SPECS["xee"]
    providers.unregister("xee")
    try:
        wizard = make_wizard(render_only=True)
        assert timeout_tip(qtbot, wizard) == (
            "How long to wait for an answer from RUFUS or Zype before giving up")
        assert history_subtitle(qtbot, wizard) == (
            "Every pairing, undo and sign-in made on this computer, newest first. "
            "Identifiers only: never a key or token.")
    finally:
        providers.register(xee)
        for key in ("rufus", "zype"):       # the registry's order: xee, rufus, zype
            providers.register(providers.SPECS.pop(key))
    assert list(providers.SPECS) == ["xee", "rufus", "zype"]


def test_the_lists_are_translated(qtbot, make_wizard, language):
    language("fr")
    wizard = make_wizard(render_only=True)
    assert timeout_tip(qtbot, wizard) == (
        "Combien de temps attendre une réponse de Xee, RUFUS ou Zype (et de la connexion "
        "Xee) avant d’abandonner")
    assert history_subtitle(qtbot, wizard).endswith(
        "jamais une clé, un jeton ni un code Xee.")
    language("es")
    assert i18n.listed(["Xee", "RUFUS", "Zype"]) == "Xee, RUFUS o Zype"
    assert i18n.listed(["Xee"]) == "Xee" and i18n.listed([]) == ""
