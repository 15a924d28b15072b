"""#17 item 3: the mouse wheel over the Environment (or Language) list does nothing
until the list has the focus, and a switch to Production asks first."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from app.core.flow import Page

from .conftest import WAIT_MS
from .drive import answer_dialog, click, find, wait_page


def _wheel(widget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_environment_list_changes_nothing(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wait_page(qtbot, wizard, Page.PROVIDER)
    click(qtbot, wizard, "providerRufus")
    combo = find(wizard, "environmentCombo", QComboBox)
    find(wizard, "providerRufus").setFocus()
    qtbot.waitUntil(lambda: not combo.hasFocus(), timeout=WAIT_MS)
    _wheel(combo, 1)
    _wheel(combo, -1)
    _wheel(combo, 1)
    assert combo.currentData() == "demo"
    assert wizard.state["environment"] == "demo"
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus   # the wheel gives no focus
    click(qtbot, wizard, "advancedToggle")
    language = find(wizard, "languageCombo", QComboBox)
    qtbot.waitUntil(language.isVisible, timeout=WAIT_MS)
    before = language.currentIndex()
    _wheel(language, -1)
    assert language.currentIndex() == before


def test_production_asks_first_and_stays_in_the_demo_when_declined(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wait_page(qtbot, wizard, Page.PROVIDER)
    click(qtbot, wizard, "providerRufus")
    combo = find(wizard, "environmentCombo", QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=WAIT_MS)
    _wheel(combo, 1)                       # focused: the wheel works, and asks
    answer_dialog(qtbot, "productionDialog", yes=False)
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=WAIT_MS)
    assert wizard.state["environment"] == "demo"
    assert combo.currentData() == "demo"
    combo.setCurrentIndex(combo.findData("production"))
    assert wizard.state["environment"] == "demo"          # not before the answer
    answer_dialog(qtbot, "productionDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state["environment"] == "production", timeout=WAIT_MS)
    assert combo.currentData() == "production"
    combo.setCurrentIndex(combo.findData("demo"))          # back to the demo: no question
    assert wizard.state["environment"] == "demo"
