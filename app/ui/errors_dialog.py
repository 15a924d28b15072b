"""The excepthook: log unexpected errors and show them in a (non-blocking) dialog.

Exceptions raised in `asyncSlot`s and in the wizard's tasks end up here too.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from app.ui.logs import redact

log = logging.getLogger("app.ui.errors")

_open_dialogs: list[object] = []


def _summary(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return redact(text)[:500]


def show_error_dialog(exc: BaseException, parent=None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(parent)
    box.setObjectName("unexpectedErrorDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    from app.ui.i18n import translate

    box.setWindowTitle(translate("errors_dialog", "Unexpected error"))
    box.setText(translate("errors_dialog", "Something went wrong inside Pairing Wizard. "
                          "Nothing you typed is lost; you can go on, or restart the wizard "
                          "if the window misbehaves."))
    box.setInformativeText(_summary(exc))
    from app.ui.logs import log_dir

    box.setDetailedText(translate("errors_dialog", "The log file in {folder} has the "
                                  "details for a bug report.").format(folder=log_dir()))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setModal(False)
    _open_dialogs.append(box)
    box.finished.connect(lambda _=0: _open_dialogs.remove(box) if box in _open_dialogs else None)
    box.open()


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("Unexpected error:\n%s",
              redact("".join(traceback.format_exception(exc_type, exc, tb))))
    try:
        show_error_dialog(exc)
    except Exception:  # never let the hook itself raise
        log.exception("Could not show the error dialog")


def install_excepthook() -> None:
    sys.excepthook = excepthook
