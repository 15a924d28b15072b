"""Issue 17 item 12: file dialogs open in Documents, then in the last folder used."""

from __future__ import annotations

import asyncio
import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog

from app.ui.history_window import open_csv_name, save_csv_name

from .conftest import run


def _dialog(qtbot, name: str) -> QFileDialog:
    def find() -> QFileDialog | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.objectName() == name \
                    and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: find() is not None, timeout=20000)
    return find()  # type: ignore[return-value]


def test_dialogs_open_in_documents_then_the_last_folder(qtbot, tmp_path, make_wizard):
    wizard = make_wizard()
    wizard.show()
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    task = asyncio.ensure_future(save_csv_name(wizard, "Save", "history.csv"))
    dialog = _dialog(qtbot, "saveCsvDialog")
    expected = documents if os.path.isdir(documents) else os.path.expanduser("~")
    assert os.path.realpath(dialog.directory().absolutePath()) == os.path.realpath(expected)
    assert os.path.realpath(dialog.directory().absolutePath()) != os.path.realpath(os.getcwd())
    chosen = tmp_path / "exports"
    chosen.mkdir()
    dialog.selectFile(str(chosen / "history.csv"))
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=20000)
    assert task.result() == str(chosen / "history.csv")

    task = asyncio.ensure_future(open_csv_name(wizard, "Open"))
    dialog = _dialog(qtbot, "openCsvDialog")
    assert os.path.realpath(dialog.directory().absolutePath()) == os.path.realpath(chosen)
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=20000)
    assert wizard.services.setting("dialogs/lastFolder") == str(chosen)
    run(qtbot, wizard.shutdown())
