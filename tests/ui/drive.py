"""Drive the wizard the way a user (or an automation tool) does: by objectName."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMessageBox, QWidget

from app.core.flow import Page
from app.ui.wizard import PairingWizard

from .conftest import WAIT_MS


def find(wizard: QWidget, name: str, cls: type = QWidget) -> QWidget:
    widget = wizard.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def click(qtbot, wizard: QWidget, name: str) -> None:
    widget = find(wizard, name, QAbstractButton)
    qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, wizard: QWidget, name: str, text: str, clear: bool = True) -> None:
    edit = find(wizard, name, QLineEdit)
    qtbot.waitUntil(edit.isVisible, timeout=WAIT_MS)
    if clear and edit.text():
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def wait_page(qtbot, wizard: PairingWizard, page: Page) -> None:
    qtbot.waitUntil(lambda: wizard.current is page, timeout=WAIT_MS)


def wait_idle(qtbot, wizard: PairingWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=WAIT_MS)


def next_enabled(wizard: QWidget) -> bool:
    return find(wizard, "nextButton", QAbstractButton).isEnabled()


def answer_dialog(qtbot, name: str, yes: bool = True) -> None:
    """Answer the (non-blocking) question dialog named `name`."""
    def dialog() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == name \
                    and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=WAIT_MS)
    box = dialog()
    assert box is not None
    button = box.findChild(QAbstractButton, "dialogYesButton" if yes else "dialogNoButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot, wizard: PairingWizard, provider: str, environment: str = "demo") -> None:
    """Page 1: pick the provider and the environment, then Next."""
    wait_page(qtbot, wizard, Page.PROVIDER)
    click(qtbot, wizard, {"xee": "providerXee", "rufus": "providerRufus",
                          "zype": "providerZype"}[provider])
    combo = wizard.findChild(QWidget, "environmentCombo")
    combo.setCurrentIndex(combo.findData(environment))
    if environment == "production" and wizard.state["environment"] != environment:
        answer_dialog(qtbot, "productionDialog", yes=True)   # production asks first
        qtbot.waitUntil(lambda: wizard.state["environment"] == environment, timeout=WAIT_MS)
    assert wizard.state["provider"] == provider
    assert wizard.state["environment"] == environment
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)


def result_text(wizard: QWidget) -> str:
    return find(wizard, "resultTitle").text() + "\n" + find(wizard, "resultDetails").text()
