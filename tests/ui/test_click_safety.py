"""#17 item 2: a double-click on Bind/Link/Associate must not cancel the pairing, and a
late click must not land on Finish: Cancel keeps its place, and a press on a bar button
right after a press on another one (a button that just changed meaning) is ignored."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.core.flow import Page

from .conftest import run
from .drive import find, wait_page
from .test_errors import rufus_to_review
from .test_rufus import rufus_key


def _press_release(wizard, at: QPoint, stamp: int) -> str:
    """Press and release the left button at `at` (wizard coordinates) the way the window
    system does: to whatever widget is there now, with the event's own timestamp."""
    widget = wizard.childAt(at)
    assert widget is not None
    local = QPointF(widget.mapFrom(wizard, at))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)),
                            Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        event.setTimestamp(stamp)
        QApplication.sendEvent(widget, event)
        stamp += 1
    return widget.objectName()


def _still_open(wizard) -> bool:
    """Not closing: no close under way, no "Keep the deviceid?" question shown."""
    asked = [w for w in QApplication.topLevelWidgets()
             if w.objectName() == "deviceidDialog" and w.isVisible()]
    return wizard.isVisible() and not wizard.is_shut_down and not asked


def _centre(wizard, name: str) -> QPoint:
    button = find(wizard, name)
    return button.mapTo(wizard, button.rect().center())


def test_cancel_keeps_its_place_on_review_pairing_and_result(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "PLACE-0001")
    on_review = _centre(wizard, "cancelButton")
    pair_spot = _centre(wizard, "pairButton")
    sandbox.set_faults(latency_ms=1500)
    wizard.start_pairing()
    assert wizard.current is Page.PAIRING
    qtbot.wait(50)
    assert _centre(wizard, "cancelButton") == on_review       # Cancel did not move
    assert wizard.childAt(pair_spot) is not find(wizard, "cancelButton")
    wizard.cancel()
    wait_page(qtbot, wizard, Page.RESULT)
    qtbot.wait(50)
    # On the result Cancel is hidden, its room kept: nothing else sits where it was.
    spot = wizard.childAt(on_review)
    assert spot is None or spot.objectName() not in ("finishButton", "undoButton")
    run(qtbot, wizard.shutdown())


def test_a_double_click_on_bind_neither_cancels_nor_closes(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "DOUBLE-0001")
    spot = _centre(wizard, "pairButton")
    assert _press_release(wizard, spot, 10_000) == "pairButton"
    assert wizard.current is Page.PAIRING
    qtbot.wait(60)                                  # the layout settles, as in 150 ms
    _press_release(wizard, spot, 10_150)            # the second click of the double-click
    assert not wizard.controller.cancelling
    wait_page(qtbot, wizard, Page.RESULT)
    assert wizard.state.get("result") and not wizard.state.get("error")   # bound, not cancelled
    # The answer came fast: Finish now sits where Bind was. The same double-click, late:
    qtbot.wait(60)
    assert _press_release(wizard, spot, 10_300) == "finishButton"
    qtbot.wait(100)
    assert _still_open(wizard)                                   # the app did not close
    run(qtbot, wizard.shutdown())


def test_a_late_cancel_right_after_the_outcome_does_not_close(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    wizard = make_wizard(sandbox.url)
    rufus_to_review(qtbot, wizard, rufus_key(fx, "READ_WRITE"), "LATE-0001")
    wizard.start_pairing()
    wait_page(qtbot, wizard, Page.RESULT)
    wizard.cancel()                                   # Esc meant for the request
    qtbot.wait(100)
    assert _still_open(wizard)
    qtbot.wait(600)
    assert wizard.current is Page.RESULT
    run(qtbot, wizard.shutdown())
