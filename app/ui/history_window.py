"""The History window: every attempt (pair, undo, sign-in, sign-out, batch rows) from
app.core.history, newest first, with search, filters, Export CSV and Copy details.

Queries and the export run in a worker thread (asyncio.to_thread on the qasync loop),
so a big history never blocks the window; a newer query supersedes an older one.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui import dialogs, theme
from app.ui.widgets import StatusLine, copy_text, label

if TYPE_CHECKING:
    from app.ui.wizard import PairingWizard

log = logging.getLogger(__name__)

SHOWN_LIMIT = 1000          # rows in the table; the export has no limit
NO_DATE = QDate(2000, 1, 1)  # the date edits' "Any" (their minimum, shown as text)
PROVIDER_TITLES = {"xee": "Xee", "rufus": "RUFUS", "zype": "Zype"}
OUTCOME_TITLES = {"ok": "OK", "failed": "Failed", "unknown": "Unknown: check by hand"}
ACTION_TITLES = {"pair": "Pair", "undo": "Undo", "sign-in": "Sign in", "sign-out": "Sign out",
                 "check": "Check"}
ENVIRONMENT_TITLES = {"demo": "Offline demo", "sandbox": "Online sandbox",
                      "production": "Production"}


def local_time(stamp: str) -> str:
    """The stored UTC time as the computer's local time, to the second."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def local_day_start(day: date) -> datetime:
    """Midnight of a local calendar day, as an aware datetime (the query wants UTC)."""
    return datetime.combine(day, time(0)).astimezone()


class HistoryModel(QAbstractTableModel):
    COLUMNS = ("Time", "Provider", "Environment", "Action", "Identifiers", "Outcome", "Error")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Any] = []

    def set_entries(self, entries: list[Any]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def cell(self, entry: Any, column: int) -> str:
        if column == 0:
            return local_time(entry.time)
        if column == 1:
            return PROVIDER_TITLES.get(entry.provider, entry.provider)
        if column == 2:
            return ENVIRONMENT_TITLES.get(entry.environment, entry.environment or "")
        if column == 3:
            return ACTION_TITLES.get(entry.action, entry.action) + (
                f" (batch #{entry.batch_id})" if entry.batch_id is not None else "")
        if column == 4:
            return "  ".join(f"{k}={v}" for k, v in entry.identifiers.items())
        if column == 5:
            return OUTCOME_TITLES.get(entry.outcome, entry.outcome)
        if entry.error_kind:
            status = f" (HTTP {entry.error_status})" if entry.error_status else ""
            return f"{entry.error_kind}{status}"
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.message or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            c = theme.colors()
            color = {"ok": c["success"], "failed": c["error"],
                     "unknown": c["warning"]}.get(entry.outcome)
            return QBrush(QColor(color)) if color else None
        return None


class HistoryWindow(QWidget):
    """A separate window (child of the wizard, so it closes with it)."""

    def __init__(self, wizard: PairingWizard) -> None:
        super().__init__(wizard, Qt.WindowType.Window)
        self.wizard = wizard
        self.setObjectName("historyWindow")
        self.setWindowTitle("Pairing history — Pairing Wizard")
        self.resize(1060, 640)
        self._generation = 0
        self._query_task: asyncio.Task[Any] | None = None
        self.query_count = 0   # finished queries (tests wait on it)
        self.truncated = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.setSpacing(10)
        outer.addWidget(label("Pairing history", "pageTitle", object_name="historyTitle"))
        outer.addWidget(label("Every pairing, undo and sign-in made on this computer, "
                              "newest first. Identifiers only: never a key, token or Xee pin.",
                              "pageSubtitle"))

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("historySearchEdit")
        self.search.setPlaceholderText("Search: device id, serial number, email, error…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(30)
        self.search.setAccessibleName("Search the history")
        self.search.addAction(theme.icon("search", theme.colors()["muted"]),
                              QLineEdit.ActionPosition.LeadingPosition)
        filters.addWidget(self.search, 3)
        self.provider = QComboBox()
        self.provider.setObjectName("historyProviderCombo")
        self.provider.setAccessibleName("Provider")
        self.provider.addItem("All providers", None)
        for key, title in PROVIDER_TITLES.items():
            self.provider.addItem(title, key)
        filters.addWidget(self.provider, 1)
        self.outcome = QComboBox()
        self.outcome.setObjectName("historyOutcomeCombo")
        self.outcome.setAccessibleName("Outcome")
        self.outcome.addItem("All outcomes", None)
        for key, title in OUTCOME_TITLES.items():
            self.outcome.addItem(title, key)
        filters.addWidget(self.outcome, 1)
        self.since = self._date_edit("historySinceEdit", "From")
        self.until = self._date_edit("historyUntilEdit", "To")
        filters.addWidget(label("From", "help", wrap=False))
        filters.addWidget(self.since)
        filters.addWidget(label("to", "help", wrap=False))
        filters.addWidget(self.until)
        outer.addLayout(filters)

        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((140, 64, 100, 70, 0, 170, 240)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)

        self.count = label("", "help", object_name="historyCountLabel")
        outer.addWidget(self.count)
        self.details = QPlainTextEdit()
        self.details.setObjectName("historyDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("Select an entry to see its details.")
        self.details.setMaximumHeight(120)
        outer.addWidget(self.details)
        self.status = StatusLine("historyStatus")
        outer.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.copy_details = self._button("Copy details", "historyCopyDetailsButton", "copy")
        self.export = self._button("Export CSV…", "historyExportButton", "save")
        self.refresh_button = self._button("Refresh", "historyRefreshButton")
        self.close_button = self._button("Close", "historyCloseButton")
        buttons.addWidget(self.copy_details)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

        self.setStyleSheet(theme.style_sheet(self.palette()).replace("#pairingWizard",
                                                                     "#historyWindow"))
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(250)
        self.debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        for combo in (self.provider, self.outcome):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.copy_details.clicked.connect(self.copy_selected)
        self.export.clicked.connect(self._export)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                  activated=self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        self._selection_changed()

    def _button(self, text: str, name: str, icon_name: str | None = None) -> QPushButton:
        widget = QPushButton(text)
        widget.setObjectName(name)
        widget.setAutoDefault(False)
        widget.setMinimumHeight(30)
        if icon_name:
            widget.setIcon(theme.icon(icon_name))
        return widget

    def _date_edit(self, name: str, title: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(title)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("Any date")   # shown while the date is the minimum
        edit.setDate(NO_DATE)
        edit.setMinimumWidth(112)
        return edit

    # -- filters -----------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The query's arguments from the widgets (dates: local days, until included)."""
        since = self.since.date()
        until = self.until.date()
        return {
            "text": self.search.text().strip() or None,
            "provider": self.provider.currentData(),
            "outcome": self.outcome.currentData(),
            "since": local_day_start(since.toPython()) if since != NO_DATE else None,
            "until": (local_day_start(until.toPython() + timedelta(days=1))
                      if until != NO_DATE else None),
        }

    def set_date_filter(self, since: date | None, until: date | None) -> None:
        for edit, value in ((self.since, since), (self.until, until)):
            edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        self.debounce.stop()
        self._generation += 1
        if self._query_task is not None and not self._query_task.done():
            self._query_task.cancel()   # the thread finishes; its answer is dropped
        self._query_task = self.wizard.spawn(self._load(self._generation), "history-query")

    async def _load(self, generation: int) -> None:
        filters = self.filters()
        try:
            history = await self.wizard.services.history()
            entries = await asyncio.to_thread(history.query, limit=SHOWN_LIMIT + 1, **filters)
        except ValueError as exc:
            self.status.show_message("error", str(exc))
            return
        except Exception as exc:  # a broken or locked database: say so, keep the window
            log.warning("History query failed: %s", type(exc).__name__)
            self.status.show_message("error", f"The history could not be read "
                                     f"({type(exc).__name__}). Try Refresh.")
            return
        if generation != self._generation:
            return
        self.truncated = len(entries) > SHOWN_LIMIT
        self.model.set_entries(entries[:SHOWN_LIMIT])
        self.status.clear()
        shown = len(self.model.entries)
        narrowed = any(filters.values())
        if not shown:
            self.count.setText("No entry matches." if narrowed else
                               "No pairing recorded yet on this computer.")
        elif self.truncated:
            self.count.setText(f"Showing the newest {SHOWN_LIMIT} entries: search or filter "
                               "to narrow them down. Export CSV writes them all.")
        else:
            self.count.setText(f"{shown} {'entry' if shown == 1 else 'entries'}"
                               + (" match." if narrowed else "."))
        self._selection_changed()
        self.query_count += 1

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not getattr(self.wizard, "render_only", False):
            self.reload()

    # -- selection ---------------------------------------------------------------------

    def selected_entry(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entries[rows[0].row()]

    def _selection_changed(self, *_args: Any) -> None:
        entry = self.selected_entry()
        self.copy_details.setEnabled(entry is not None)
        self.details.setPlainText(entry.details_text() if entry is not None else "")
        self.export.setEnabled(bool(self.model.entries))

    def copy_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        copy_text(entry.details_text())
        self.status.show_message("success", f"Details of entry #{entry.id} copied to the "
                                 "clipboard (no key, token or pin in them).")

    # -- export ------------------------------------------------------------------------

    def _export(self) -> None:
        self.wizard.spawn(self._do_export(), "history-export")

    async def _do_export(self) -> None:
        from app.core.history import History

        path = await save_csv_name(self, "Export the history",
                                   f"pairing-history-{date.today().isoformat()}.csv")
        if not path:
            return
        filters = self.filters()
        self.export.setEnabled(False)
        try:
            history = await self.wizard.services.history()

            def write() -> int:
                return History.export_csv(path, history.query(limit=None, **filters))

            count = await asyncio.to_thread(write)
        except OSError as exc:
            self.status.show_message("error", f"Could not write {path}: "
                                     f"{exc.strerror or exc}. Choose another folder.")
            return
        finally:
            self.export.setEnabled(bool(self.model.entries))
        self.status.show_message("success", f"Exported {count} "
                                 f"{'entry' if count == 1 else 'entries'} to {path}.")


async def save_csv_name(parent: QWidget, title: str, suggested: str) -> str | None:
    """A non-blocking Save dialog for a CSV file (a name without suffix gets .csv)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName("saveCsvDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter("CSV files (*.csv);;All files (*)")
    dialog.setDefaultSuffix("csv")
    dialog.selectFile(suggested)
    code = await dialogs._await_finished(dialog)
    files = dialog.selectedFiles() if code == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    return files[0] if files else None


async def open_csv_name(parent: QWidget, title: str) -> str | None:
    """A non-blocking Open dialog for an existing CSV file."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName("openCsvDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter("CSV files (*.csv *.txt);;All files (*)")
    code = await dialogs._await_finished(dialog)
    files = dialog.selectedFiles() if code == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    return files[0] if files else None
