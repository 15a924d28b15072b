"""Dialogs for coroutines: show them (open()), then await their `finished` signal.

Never `exec()` or a static QMessageBox/QFileDialog helper inside a coroutine: that
nests an event loop under qasync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.ui.i18n import translate


async def _await_finished(dialog) -> int:
    import asyncio  # not at import time: the first paint comes before asyncio

    loop = asyncio.get_running_loop()
    done: asyncio.Future[int] = loop.create_future()

    def finished(code: int) -> None:
        if not done.done():
            done.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await done
    except asyncio.CancelledError:
        dialog.reject()
        raise


async def ask(parent: QWidget, title: str, text: str, *, informative: str = "",
              yes: str | None = None, no: str | None = None,
              object_name: str = "questionDialog",
              icon: QMessageBox.Icon = QMessageBox.Icon.Question,
              default_yes: bool = False) -> bool:
    """A yes/no question; True when the user chose `yes`."""
    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    yes = yes or translate("dialogs", "Yes")
    no = no or translate("dialogs", "Cancel")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setObjectName("dialogYesButton")
    yes_button.setAccessibleName(yes.replace("&", ""))
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    no_button.setAccessibleName(no.replace("&", ""))
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    no_button.setObjectName("dialogNoButton")
    # Enter picks the safe answer, unless `yes` is the useful one (default_yes).
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    await _await_finished(box)
    answer = box.clickedButton() is yes_button
    box.deleteLater()
    return answer


def _settings_of(parent: QWidget | None) -> Any:
    """The wizard's settings, found from any of its windows (None when there is none)."""
    widget = parent
    while widget is not None:
        for owner in (widget, getattr(widget, "wizard", None)):
            services = getattr(owner, "services", None)
            if services is not None and getattr(services, "settings", None) is not None:
                return services.settings
        widget = widget.parentWidget()
    return None


def start_folder(parent: QWidget | None) -> str:
    """Where a file dialog opens: the last folder used (remembered in the settings), else
    Documents; never the working directory (on Windows the install folder)."""
    import os

    from PySide6.QtCore import QDir, QStandardPaths

    settings = _settings_of(parent)
    last = str(settings.value("dialogs/lastFolder", "") or "") if settings is not None else ""
    if last and os.path.isdir(last):
        return last
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and os.path.isdir(documents) else QDir.homePath()


def remember_folder(parent: QWidget | None, path: str | None) -> None:
    """Keep the folder of a chosen file for the next file dialog."""
    import os

    settings = _settings_of(parent)
    if path and settings is not None:
        settings.setValue("dialogs/lastFolder", os.path.dirname(os.path.abspath(path)))


def choose_in(dialog: QFileDialog, parent: QWidget | None, suggested: str = "") -> None:
    """Open `dialog` in start_folder(), with `suggested` as the file name."""
    import os

    folder = start_folder(parent)
    dialog.setDirectory(folder)
    if suggested:
        dialog.selectFile(os.path.join(folder, suggested))


async def save_file_name(parent: QWidget, title: str, suggested: str,
                         name_filter: str | None = None) -> str | None:
    """The chosen path, or None when cancelled (QFileDialog.open + fileSelected)."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("saveFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter or translate("dialogs",
                                                  "Text files (*.txt);;All files (*)"))
    choose_in(dialog, parent, suggested)
    dialog.setDefaultSuffix("txt")
    code = await _await_finished(dialog)
    files = dialog.selectedFiles() if code == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    remember_folder(parent, files[0] if files else None)
    return files[0] if files else None
