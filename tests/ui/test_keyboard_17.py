"""Issue 17 item 10: a disabled button's mnemonic types nothing; Enter on page 1 is Next."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.flow import Page

from .conftest import run
from .drive import choose, click, find, next_enabled, wait_page


def test_mnemonic_of_a_disabled_button_types_nothing(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    choose(qtbot, wizard, "rufus")
    edit = find(wizard, "apiKeyEdit")
    edit.setFocus()
    assert not next_enabled(wizard)             # Alt+N: the mnemonic of a disabled Next
    qtbot.keyClick(edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert edit.text() == ""
    assert wizard.current is Page.CREDENTIALS
    qtbot.keyClicks(edit, "ror")                # plain typing still works
    assert edit.text() == "ror"
    run(qtbot, wizard.shutdown())


def test_enter_on_the_provider_page_goes_next(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.show()
    wait_page(qtbot, wizard, Page.PROVIDER)
    click(qtbot, wizard, "providerRufus")
    radio = find(wizard, "providerRufus")
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Return)
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    run(qtbot, wizard.shutdown())


def test_enter_in_advanced_settings_stays_on_the_provider_page(qtbot, sandbox, make_wizard):
    from PySide6.QtWidgets import QLineEdit

    wizard = make_wizard(sandbox.url)
    click(qtbot, wizard, "providerXee")
    click(qtbot, wizard, "advancedToggle")
    uri = find(wizard, "xeeRedirectUriEdit", QLineEdit)
    qtbot.waitUntil(uri.isVisible, timeout=20000)
    qtbot.keyClick(uri, Qt.Key.Key_Return)
    assert wizard.current is Page.PROVIDER
    run(qtbot, wizard.shutdown())
