"""Baseline of the first-paint benchmark: a bare PySide6 script showing an empty QWizard.

Prints {"first_paint_ms": N} (from its own perf_counter at the top, like app.cli's
STARTED_AT) once the wizard's first paint event has been handled, then exits. The
harness times both this and the app from its own side (spawn -> line on the pipe), so
interpreter start-up counts for both alike.
"""

import time

STARTED_AT = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWizard  # noqa: E402


class FirstPaint(QObject):
    """Reports once the first paint event has been handled, as the wizard does
    (app.ui.wizard._PaintWatcher: the event filter sees the paint event before the
    window paints; the report comes in the next event-loop turn, after it)."""

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        ms = round((time.perf_counter() - STARTED_AT) * 1000)
        print(json.dumps({"first_paint_ms": ms}), flush=True)
        QApplication.quit()


app = QApplication(sys.argv[:1])
wizard = QWizard()
wizard.setWindowTitle("Baseline")
watcher = FirstPaint()
wizard.installEventFilter(watcher)
wizard.resize(920, 640)
wizard.show()
sys.exit(app.exec())
