"""Drive the wizard with the keyboard alone: key events go to the focused widget."""

from __future__ import annotations

import warnings

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from .conftest import WAIT_MS


def activate(qtbot, window: QWidget) -> None:
    """Offscreen Qt: make the window the active one, so focus and mnemonics work."""
    window.activateWindow()
    if QApplication.activeWindow() is not window:
        with warnings.catch_warnings():   # deprecated, yet what offscreen Qt needs
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(qtbot, name: str, limit: int = 60) -> QWidget:
    """Press Tab until the widget named `name` has the focus."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
    seen = []
    for _ in range(limit):
        widget = focused()
        if widget.objectName() == name:
            return widget
        seen.append(widget.objectName() or type(widget).__name__)
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}; visited {seen}")


def wait_focus(qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == name, timeout=WAIT_MS)
