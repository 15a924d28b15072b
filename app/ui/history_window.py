"""The History window: every attempt (pair, undo, sign-in, sign-out, batch rows) from
app.core.history, newest first, with search, filters, Export CSV and Copy details.

Queries and the export run in a worker thread (asyncio.to_thread on the qasync loop),
so a big history never blocks the window; a newer query supersedes an older one.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import flow, times
from app.core.errors import provider_name
from app.ui import dialogs, theme
from app.ui.i18n import core_text, flow_text, listed, locale_time, translate
from app.ui.tables import make_table
from app.ui.widgets import StatusLine, button, copy_text, label
from app.ui.window_geometry import WindowPlacement

if TYPE_CHECKING:
    from app.ui.host import WizardHost

log = logging.getLogger(__name__)

SHOWN_LIMIT = 1000          # rows in the table; the export has no limit
NO_DATE = QDate(2000, 1, 1)  # the date edits' "Any" (their minimum, shown as text)


# The titles are translated when shown (the language is set after import).
def outcome_titles() -> dict[str, str]:
    return {"ok": translate("HistoryWindow", "OK"),
            "failed": translate("HistoryWindow", "Failed"),
            "unknown": translate("HistoryWindow", "Unknown: check by hand")}


def action_titles() -> dict[str, str]:
    return {"pair": translate("HistoryWindow", "Pair"),
            "undo": translate("HistoryWindow", "Undo"),
            "sign-in": translate("HistoryWindow", "Sign in"),
            "sign-out": translate("HistoryWindow", "Sign out"),
            "check": translate("HistoryWindow", "Check")}


def environment_titles() -> dict[str, str]:
    return {"demo": translate("HistoryWindow", "Offline demo"),
            "sandbox": translate("HistoryWindow", "Online sandbox"),
            "production": translate("HistoryWindow", "Production")}


def column_titles() -> tuple[str, ...]:
    return (translate("HistoryWindow", "Time"), translate("HistoryWindow", "Provider"),
            translate("HistoryWindow", "Environment"), translate("HistoryWindow", "Action"),
            translate("HistoryWindow", "Identifiers"), translate("HistoryWindow", "Outcome"),
            translate("HistoryWindow", "Error"))


def details_text(entry: Any, copied: bool = False) -> str:
    """An entry's details, as shown and copied: HistoryEntry.details_text in the UI
    language. The time is local, as the rest of the UI shows times (with the UTC time
    as recorded); the identifiers go by their fields' labels (flow.identifier_label). The
    first line and the error kind stay as recorded (the words of the CSV export and the
    command line, what a ticket searches for). The copied text leaves the pin out, as its
    status line says ("no key, token or pin")."""
    lines = [
        f"{provider_name(entry.provider)} {entry.action}: "
        f"{entry.outcome}",
        translate("HistoryWindow", "Time: {time} ({utc})").format(
            time=local_time(entry.time), utc=entry.time),
        translate("HistoryWindow", "Environment: {environment}").format(
            environment=environment_titles().get(entry.environment, entry.environment)
            or translate("HistoryWindow", "not recorded")),
    ]
    lines += [translate("HistoryWindow", "{field}: {value}").format(
        field=flow_text(flow.identifier_label(entry.provider, name)), value=value)
        for name, value in entry.identifiers.items() if not (copied and name == "pin")]
    if entry.error_kind:
        status = f" (HTTP {entry.error_status})" if entry.error_status else ""
        lines.append(translate("HistoryWindow", "Error: {error}").format(
            error=f"{entry.error_kind}{status}"))
    if entry.request_id:
        lines.append(translate("HistoryWindow", "Request id: {id}").format(id=entry.request_id))
    if entry.message:
        lines.append(translate("HistoryWindow", "Message: {message}").format(
            message=core_text(entry.message)))
    if entry.batch_id is not None:
        lines.append(translate("HistoryWindow", "Batch: #{id}").format(id=entry.batch_id))
    lines.append(translate("HistoryWindow", "History entry: #{id}").format(id=entry.id))
    return "\n".join(lines)


def local_time(stamp: str) -> str:
    """The stored UTC time as a local date-time in the UI language's short format, as the
    rest of the UI shows times (app.core.times; an unreadable one as stored)."""
    return times.time_text(stamp, locale_time)


def local_day_start(day: date) -> datetime:
    """Midnight of a local calendar day, as an aware datetime (the query wants UTC)."""
    return datetime.combine(day, time(0)).astimezone()


class DateEdit(QDateEdit):
    """Tab leaves the field. (QDateEdit uses Tab to go from year to month to day, and
    while it shows "Any date" it swallows Tab: a keyboard trap. The arrow keys still
    move between the parts.)"""

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier):
            backward = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, not backward)
            return True
        return super().event(event)


class HistoryModel(QAbstractTableModel):
    COLUMN_COUNT = 7

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
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def cell(self, entry: Any, column: int) -> str:
        if column == 0:
            return local_time(entry.time)
        if column == 1:
            return provider_name(entry.provider)   # never translated
        if column == 2:
            return environment_titles().get(entry.environment, entry.environment or "")
        if column == 3:
            action = action_titles().get(entry.action, entry.action)
            if entry.batch_id is None:
                return action
            return translate("HistoryWindow", "{action} (batch #{id})").format(
                action=action, id=entry.batch_id)
        if column == 4:
            return "  ".join(f"{k}={v}" for k, v in entry.identifiers.items())
        if column == 5:
            return outcome_titles().get(entry.outcome, entry.outcome)
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
            return core_text(entry.message) or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            c = theme.colors()
            color = {"ok": c["success"], "failed": c["error"],
                     "unknown": c["warning"]}.get(entry.outcome)
            return QBrush(QColor(color)) if color else None
        return None


class HistoryWindow(QWidget):
    """A separate window (child of the wizard, so it closes with it)."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, Qt.WindowType.Window)
        self.wizard = wizard
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Pairing history — Pairing Wizard"))
        self.setMinimumSize(720, 480)
        self.placement = WindowPlacement(self, wizard.services.settings, "history",
                                         QSize(1060, 640), anchor=wizard,
                                         enabled=not wizard.render_only)  # screenshots: off
        self._generation = 0
        self._query_task: asyncio.Task[Any] | None = None
        self.query_count = 0   # finished queries (tests wait on it)
        self.truncated = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.setSpacing(10)
        outer.addWidget(label(self.tr("Pairing history"), "pageTitle",
                              object_name="historyTitle"))
        # The pins never kept: those of the providers with a pin lock (Xee's).
        locking = listed([info.title for info in flow.PROVIDERS.values() if info.pin_lock])
        subtitle = (self.tr("Every pairing, undo and sign-in made on this computer, newest "
                            "first. Identifiers only: never a key, token or {provider} pin."
                            ).format(provider=locking) if locking else
                    self.tr("Every pairing, undo and sign-in made on this computer, newest "
                            "first. Identifiers only: never a key or token."))
        outer.addWidget(label(subtitle, "pageSubtitle", object_name="historySubtitle"))

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("historySearchEdit")
        self.search.setPlaceholderText(self.tr("Search: device id, serial number, email, "
                                               "error…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(30)
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setAccessibleDescription(self.tr(
            "Shows the entries whose identifiers, error or message contain this text "
            "(Ctrl+F)"))
        self.search.addAction(theme.icon("search", theme.colors()["muted"]),
                              QLineEdit.ActionPosition.LeadingPosition)
        outer.addWidget(self.search)   # a row of its own: room for a long placeholder
        self.provider = QComboBox()
        self.provider.setObjectName("historyProviderCombo")
        self.provider.setAccessibleName(self.tr("Provider"))
        self.provider.setAccessibleDescription(self.tr("Shows one provider's entries only"))
        self.provider.addItem(self.tr("All providers"), None)
        for key, info in flow.PROVIDERS.items():
            self.provider.addItem(info.title, key)   # never translated
        filters.addWidget(self.provider, 1)
        self.outcome = QComboBox()
        self.outcome.setObjectName("historyOutcomeCombo")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.setAccessibleDescription(self.tr("Shows the entries with this outcome "
                                                      "only"))
        self.outcome.addItem(self.tr("All outcomes"), None)
        for key, title in outcome_titles().items():
            self.outcome.addItem(title, key)
        filters.addWidget(self.outcome, 1)
        self.since = self._date_edit("historySinceEdit", self.tr("From"), self.tr(
            "The first day shown (Any date: from the first entry)"))
        self.until = self._date_edit("historyUntilEdit", self.tr("To"), self.tr(
            "The last day shown, included (Any date: up to today)"))
        since_label = label(self.tr("&From"), "help", wrap=False)
        since_label.setTextFormat(Qt.TextFormat.AutoText)   # the mnemonic
        since_label.setBuddy(self.since)
        until_label = label(self.tr("t&o"), "help", wrap=False)
        until_label.setTextFormat(Qt.TextFormat.AutoText)
        until_label.setBuddy(self.until)
        filters.addWidget(since_label)
        filters.addWidget(self.since)
        filters.addWidget(until_label)
        filters.addWidget(self.until)
        outer.addLayout(filters)

        self.model = HistoryModel(self)
        self.table = make_table("historyTable", self.tr("History entries"), self.tr(
            "Newest first; select an entry to see its details below"), self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Every column as wide as its title and words need, the last one (Error) takes
        # what is left: a narrow window scrolls sideways, no column collapses (a Stretch
        # column shrank to nothing when the French titles took the room).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        outer.addWidget(self.table, 1)

        self.count = label("", "help", object_name="historyCountLabel")
        outer.addWidget(self.count)
        self.details = QPlainTextEdit()
        self.details.setObjectName("historyDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an entry to see its details."))
        self.details.setAccessibleName(self.tr("Entry details"))
        self.details.setAccessibleDescription(self.tr(
            "The selected entry's details, as Copy details copies them"))
        self.details.setTabChangesFocus(True)
        self.details.setMaximumHeight(120)
        outer.addWidget(self.details)
        self.status = StatusLine("historyStatus")
        outer.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.copy_details = self._button(
            self.tr("&Copy details"), "historyCopyDetailsButton", "copy",
            self.tr("Copy the selected entry's details to the clipboard (no key, token or "
                    "pin in them)"))
        self.export = self._button(self.tr("&Export CSV…"), "historyExportButton", "save",
                                   self.tr("Write the entries the filters show to a CSV "
                                           "file, without the table's limit"))
        self.refresh_button = self._button(self.tr("&Refresh"), "historyRefreshButton",
                                           description=self.tr("Read the history again"))
        self.close_button = self._button(self.tr("Close"), "historyCloseButton",
                                         description=self.tr("Close the history window"))
        buttons.addWidget(self.copy_details)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        # Reading order: the filters, the table, the details, then the buttons.
        chain = [self.search, self.provider, self.outcome, self.since, self.until, self.table,
                 self.details, self.copy_details, self.export, self.refresh_button,
                 self.close_button]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

        theme.follow_palette(self, "#historyWindow")  # now, and on light/dark switches
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

    def _size_columns(self) -> None:
        """Room for the titles and the words the columns show, in the UI language."""
        metrics = self.table.fontMetrics()
        words: dict[int, list[str]] = {1: [p.title for p in flow.PROVIDERS.values()],
                                       2: list(environment_titles().values()),
                                       3: list(action_titles().values()),
                                       5: list(outcome_titles().values())}
        header = self.table.horizontalHeader()
        for column, width in enumerate((140, 64, 100, 70, 240, 170, 160)):
            # The title in full (sectionSizeHint: its text, margins and style), the
            # column's words up to 260 px (longer ones are elided, with a tooltip).
            words_need = max([0, *(metrics.horizontalAdvance(w) + 16
                                   for w in words.get(column, []))])
            need = max(header.sectionSizeHint(column), min(words_need, 260), width)
            self.table.setColumnWidth(column, need)

    def _button(self, text: str, name: str, icon_name: str | None = None,
                description: str = "") -> QPushButton:
        return button(text, name, icon_name, description, min_height=30)

    def _date_edit(self, name: str, title: str, description: str) -> QDateEdit:
        edit = DateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(title)
        edit.setAccessibleDescription(description)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any date"))   # shown while the date is the minimum
        edit.setDate(NO_DATE)
        edit.setMinimumWidth(112)
        edit.setMinimumHeight(30)
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
            self.status.show_message("error", self.tr(
                "The history could not be read ({error}). Try Refresh.").format(
                    error=type(exc).__name__))
            return
        if generation != self._generation:
            return
        self.truncated = len(entries) > SHOWN_LIMIT
        self.model.set_entries(entries[:SHOWN_LIMIT])
        self.status.clear()
        shown = len(self.model.entries)
        narrowed = any(filters.values())
        if not shown:
            self.count.setText(self.tr("No entry matches.") if narrowed else
                               self.tr("No pairing recorded yet on this computer."))
        elif self.truncated:
            self.count.setText(self.tr("Showing the newest {count} entries: search or filter "
                                       "to narrow them down. Export CSV writes them all.")
                               .format(count=SHOWN_LIMIT))
        else:
            self.count.setText(self.count_text(shown, narrowed))
        self._selection_changed()
        self.query_count += 1

    def count_text(self, shown: int, narrowed: bool = False) -> str:
        if narrowed:
            return self.tr("%n entries match.", "", shown)
        return self.tr("%n entries.", "", shown)

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
        self.details.setPlainText(details_text(entry) if entry is not None else "")
        self.export.setEnabled(bool(self.model.entries))

    def copy_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        copy_text(details_text(entry, copied=True))
        self.status.show_message("success", self.tr(
            "Details of entry #{id} copied to the clipboard (no key, token or pin in them).")
            .format(id=entry.id))

    # -- export ------------------------------------------------------------------------

    def _export(self) -> None:
        self.wizard.spawn(self._do_export(), "history-export")

    async def _do_export(self) -> None:
        from app.core.history import History

        path = await save_csv_name(self, self.tr("Export the history"),
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
            self.status.show_message("error", self.tr(
                "Could not write {path}: {error}. Choose another folder.").format(
                    path=path, error=exc.strerror or exc))
            return
        finally:
            self.export.setEnabled(bool(self.model.entries))
        self.status.show_message("success", self.tr("Exported %n entries to {path}.", "",
                                                    count).format(path=path))


async def save_csv_name(parent: QWidget, title: str, suggested: str) -> str | None:
    """A non-blocking Save dialog for a CSV file (a name without suffix gets .csv)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName("saveCsvDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(translate("HistoryWindow", "CSV files (*.csv);;All files (*)"))
    dialog.setDefaultSuffix("csv")
    dialogs.choose_in(dialog, parent, suggested)   # Documents, then the last folder used
    code = await dialogs._await_finished(dialog)
    files = dialog.selectedFiles() if code == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    dialogs.remember_folder(parent, files[0] if files else None)
    return files[0] if files else None


async def open_csv_name(parent: QWidget, title: str) -> str | None:
    """A non-blocking Open dialog for an existing CSV file."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title)
    dialog.setObjectName("openCsvDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(translate("HistoryWindow",
                                   "CSV files (*.csv *.txt);;All files (*)"))
    dialogs.choose_in(dialog, parent)   # Documents, then the last folder used
    code = await dialogs._await_finished(dialog)
    files = dialog.selectedFiles() if code == QFileDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    dialogs.remember_folder(parent, files[0] if files else None)
    return files[0] if files else None
