"""Issue 17 item 13: after the browser sign-in the wizard comes to the front with the focus
on Next; the no-keychain dialog's default button is the useful answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .conftest import WAIT_MS, run
from .drive import answer_dialog, choose, click, find
from .test_xee import chromium_or_skip, sign_in


@pytest.mark.browser
def test_after_sign_in_the_wizard_is_in_front_with_focus_on_next(qtbot, sandbox, make_wizard):
    chromium_or_skip()
    user = sandbox.fixtures()["xee"]["users"][0]
    wizard = make_wizard(sandbox.url)
    wizard.show()
    choose(qtbot, wizard, "xee")
    other = QWidget()              # stands for the browser, in front during the sign-in
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=WAIT_MS)
    sign_in(qtbot, wizard, user)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=WAIT_MS)
    assert wizard.focusWidget() is find(wizard, "nextButton")
    run(qtbot, wizard.shutdown())


def test_no_keychain_dialog_defaults_to_keep_for_this_session(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("keyring/allowPlaintext", False)
    choose(qtbot, wizard, "xee")
    click(qtbot, wizard, "xeeSignInButton")

    def box() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.objectName() == "sessionOnlyDialog"
                     and w.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=WAIT_MS)
    assert box().defaultButton().objectName() == "dialogYesButton"
    answer_dialog(qtbot, "sessionOnlyDialog", yes=False)
    run(qtbot, wizard.shutdown())
