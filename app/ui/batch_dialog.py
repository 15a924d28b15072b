"""Batch pairing from a CSV file, with the provider, environment and credentials
already entered in the wizard (app.core.batch does the work).

1. Save the provider's template, open a CSV: every row is checked (`check_file`, in
   a worker thread) and shown with its problems. Nothing is sent while a row is
   invalid unless "Leave out the N invalid rows" is ticked.
2. Start: `prepare()` then `BatchRunner.run()` on the qasync loop; the progress bar,
   counts, ETA and slow-down notices come from its Progress events; each row's
   outcome is read back from the journal. Cancel stops taking rows (the requests in
   flight finish and are recorded).
3. A file interrupted before (same content, provider and API root) offers Resume:
   rows already paired are never sent again. Save results writes one line per row.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import flow
from app.core.errors import provider_name
from app.ui import theme
from app.ui.history_window import open_csv_name, save_csv_name
from app.ui.i18n import advice, core_text, flow_text, translate
from app.ui.tables import make_table
from app.ui.widgets import Card, StatusLine, button, label
from app.ui.window_geometry import WindowPlacement

if TYPE_CHECKING:
    from app.ui.host import WizardHost

log = logging.getLogger(__name__)


def state_titles() -> dict[str, str]:
    """A row's state as the table shows it (translated when shown)."""
    return {"ready": translate("BatchDialog", "Ready"),
            "invalid": translate("BatchDialog", "Invalid"),
            "pending": translate("BatchDialog", "Waiting"),
            "sending": translate("BatchDialog", "Sending…"),
            "done": translate("BatchDialog", "Done"),
            "failed": translate("BatchDialog", "Failed"),
            "unknown": translate("BatchDialog", "Unknown: check by hand"),
            "skipped": translate("BatchDialog", "Left out")}


def duration_text(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return translate("BatchDialog", "{seconds} s").format(seconds=seconds)
    if seconds < 3600:
        return translate("BatchDialog", "{minutes} min {seconds} s").format(
            minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    return translate("BatchDialog", "{hours} h {minutes} min").format(
        hours=seconds // 3600, minutes=f"{seconds % 3600 // 60:02d}")


def id_columns(provider: str) -> list[str]:
    """The file's columns shown in the table: its identifiers (never the Xee pin)."""
    from app.core.providers import known

    return list(known(provider).identifier_columns())


class BatchModel(QAbstractTableModel):
    """One line per data row of the file: its values, then its state and details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = "rufus"
        self.columns: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.by_row_no: dict[int, int] = {}

    @property
    def info(self) -> flow.ProviderInfo | None:
        return flow.provider_info(self.provider)

    def load(self, report: Any) -> None:
        self.beginResetModel()
        self.provider = report.provider
        self.columns = ["line", *id_columns(report.provider), "state", "details"]
        self.rows = [{"row_no": r.row_no, "line": r.line, "values": dict(r.values),
                      "state": "ready" if r.ok else "invalid", "result": "",
                      "message": " ".join(r.problems), "problems": list(r.problems),
                      "error_kind": None,
                      "error_status": None, "attempts": 0} for r in report.rows]
        self.by_row_no = {row["row_no"]: i for i, row in enumerate(self.rows)}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.columns, self.rows, self.by_row_no = [], [], {}
        self.endResetModel()

    def apply(self, journal_rows: list[Any]) -> None:
        """The journal's states (a run's progress, or an earlier batch of the file)."""
        changed: list[int] = []
        for jr in journal_rows:
            index = self.by_row_no.get(jr.row_no)
            if index is None:
                continue
            row = self.rows[index]
            if row["state"] == "invalid" and jr.state == "skipped":
                new_state = "skipped"
                message = row["message"]
            else:
                new_state, message = jr.state, jr.message
                row["problems"] = []
            update = {"state": new_state, "result": jr.result or "", "message": message,
                      "error_kind": jr.error_kind, "error_status": jr.error_status,
                      "attempts": jr.attempts}
            if jr.identifiers.get("deviceid"):
                update["result"] = jr.identifiers["deviceid"]
            if any(row.get(k) != val for k, val in update.items()):
                row.update(update)
                changed.append(index)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.columns) - 1))

    def state_of(self, row_no: int) -> str:
        return self.rows[self.by_row_no[row_no]]["state"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            name = self.columns[section]
            return {"line": self.tr("Line"), "state": self.tr("State"),
                    "details": self.tr("Details"), "device_id": self.tr("Device id"),
                    "pin": self.tr("Pin"), "model": self.tr("Model"),
                    "serial_number": self.tr("Serial number"), "alias": self.tr("Alias"),
                    "firmware": self.tr("Firmware"), "consumer_id": self.tr("Consumer id"),
                    "email": self.tr("Email"),
                    "linked_device_id": self.tr("TV device id")}.get(
                name, name.replace("_", " ").capitalize())
        return None

    def details(self, row: dict[str, Any]) -> str:
        """The row's outcome or problems in the UI language (app.core.batch's sentences
        are Messages, the journal's too: i18n.core_text translates each one)."""
        state = row["state"]
        if row.get("problems"):   # the check's reasons, one sentence each
            message = " ".join(core_text(p) for p in row["problems"])
        else:
            message = core_text(row["message"])
        if state == "done":
            result = row["result"] if row["result"] not in ("associated", "linked") else ""
            if result and self.info is not None and self.info.handover_id:
                result = self.tr("deviceid {deviceid}").format(deviceid=result)
            return "  ".join(x for x in (result, message) if x)
        if state in ("failed", "unknown", "invalid", "skipped"):
            status = f" (HTTP {row['error_status']})" if row.get("error_status") else ""
            return message + status
        return message if state in ("pending", "sending") else ""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "line":
                return str(row["line"])
            if column == "state":
                return state_titles().get(row["state"], row["state"])
            if column == "details":
                return self.details(row)
            return row["values"].get(column, "")
        c = theme.colors()
        if role == Qt.ItemDataRole.BackgroundRole and row["state"] == "unknown":
            return QBrush(QColor(c["banner_bg"]))    # "check by hand" stands out
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["state"] == "unknown":
                return QBrush(QColor(c["banner_text"]))
            if column == "state":
                color = {"done": c["success"], "failed": c["error"], "invalid": c["error"],
                         "skipped": c["muted"]}.get(row["state"])
                return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.FontRole and column == "state" and row["state"] in (
                "unknown", "failed", "invalid"):
            font = QFont()
            font.setBold(True)
            return font
        return None


class BatchDialog(QDialog):
    """Non-modal: the wizard stays visible (and busy, so nothing else is sent)."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName("batchDialog")
        self.setModal(False)
        self.setMinimumSize(720, 480)
        self.placement = WindowPlacement(self, wizard.services.settings, "batch",
                                         QSize(960, 640), anchor=wizard,
                                         enabled=not wizard.render_only)  # screenshots: off
        self.provider: str = ""
        self.environment: str = ""
        self.path: Path | None = None
        self.report: Any = None
        self.earlier: Any = None          # BatchInfo of an earlier batch of this file
        self.journal_rows: list[Any] = []  # the last run's rows (for Save results)
        self.runner: Any = None
        self.last_progress: Any = None
        self.slowdowns: list[str] = []
        self._task: asyncio.Task[Any] | None = None
        self._refresh_due = False
        self._close_when_stopped = False
        self.files_checked = 0    # open_file() calls finished (tests wait on it)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.setSpacing(10)
        self.title = label("", "pageTitle", object_name="batchTitle")
        outer.addWidget(self.title)
        self.subtitle = label("", "pageSubtitle", object_name="batchSubtitle")
        outer.addWidget(self.subtitle)

        file_card = Card(margins=12, spacing=8)
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        self.template_button = self._button(
            self.tr("Save &template…"), "batchTemplateButton", "save",
            self.tr("A CSV file with the columns this provider needs"))
        self.open_button = self._button(
            self.tr("&Open CSV…"), "batchOpenButton",
            description=self.tr("Open a CSV file: every row is checked, nothing is sent"))
        self.file_label = label(self.tr("No file opened yet."), "help",
                                object_name="batchFileLabel")
        self.file_label.setMinimumWidth(1)   # a long path wraps, not the window
        file_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignTop)
        file_card.layout_.addLayout(file_row)
        self.check_status = StatusLine("batchCheckStatus")
        file_card.add(self.check_status)
        self.skip_invalid = QCheckBox(self.tr("Leave out the invalid rows"))
        self.skip_invalid.setObjectName("batchSkipInvalidCheck")
        self.skip_invalid.setAccessibleName(self.tr("Leave out the invalid rows"))
        self.skip_invalid.setAccessibleDescription(self.tr(
            "Start sends the valid rows only; the invalid ones are recorded as left out"))
        self.skip_invalid.hide()
        file_card.add(self.skip_invalid)
        outer.addWidget(file_card)

        self.model = BatchModel(self)
        self.table = make_table("batchTable", self.tr("Rows of the file"), self.tr(
            "One line per row of the file: its values, its state and the details"),
            self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        outer.addWidget(self.table, 1)

        run_row = QHBoxLayout()
        run_row.setSpacing(8)
        concurrency_label = label(self.tr("Re&quests at a time"), "help", wrap=False)
        concurrency_label.setTextFormat(Qt.TextFormat.AutoText)   # the mnemonic
        run_row.addWidget(concurrency_label)
        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("batchConcurrencySpin")
        concurrency_label.setBuddy(self.concurrency)
        self.concurrency.setAccessibleName(self.tr("Requests at a time"))
        self.concurrency.setRange(1, 64)
        self.concurrency.setMinimumHeight(30)
        self.concurrency.setValue(8)
        tip = self.tr("How many requests run at the same time. The batch slows down by "
                      "itself when the provider asks.")
        self.concurrency.setToolTip(tip)
        self.concurrency.setAccessibleDescription(tip)
        run_row.addWidget(self.concurrency)
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Rows finished"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.progress.setMinimumHeight(20)
        run_row.addWidget(self.progress, 1)
        outer.addLayout(run_row)
        self.status_label = label("", "help", object_name="batchStatusLabel")
        outer.addWidget(self.status_label)
        self.notice = StatusLine("batchNoticeLabel")
        outer.addWidget(self.notice)
        self.result_status = StatusLine("batchResultStatus")
        outer.addWidget(self.result_status)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.start_button = self._button(
            self.tr("&Start"), "batchStartButton",
            description=self.tr("Pair every valid row of the file with the provider"))
        self.resume_button = self._button(
            self.tr("&Resume"), "batchResumeButton",
            description=self.tr("Continue the interrupted batch: rows already paired are "
                                "not sent again"))
        self.cancel_button = self._button(
            self.tr("Cancel"), "batchCancelButton",
            description=self.tr("Stop taking rows; the requests in flight finish and are "
                                "recorded"))
        self.save_results = self._button(
            self.tr("Save res&ults…"), "batchSaveResultsButton", "save",
            self.tr("Write one line per row, with its outcome, to a CSV file"))
        self.close_button = self._button(self.tr("Close"), "batchCloseButton",
                                         description=self.tr("Close the batch window"))
        for widget in (self.start_button, self.resume_button, self.cancel_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.save_results)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)
        # Reading order: the file, the table, the run settings, then the buttons.
        chain = [self.open_button, self.template_button, self.skip_invalid, self.table,
                 self.concurrency, self.start_button, self.resume_button, self.cancel_button,
                 self.save_results, self.close_button]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

        theme.follow_palette(self, "#batchDialog")  # now, and on light/dark switches
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(200)
        self.refresh_timer.timeout.connect(self._refresh_rows)

        self.template_button.clicked.connect(
            lambda: self.wizard.spawn(self._save_template(), "batch-template"))
        self.open_button.clicked.connect(
            lambda: self.wizard.spawn(self._choose_file(), "batch-open"))
        self.skip_invalid.toggled.connect(lambda _on: self.update_buttons())
        self.start_button.clicked.connect(lambda: self.start(resume=False))
        self.resume_button.clicked.connect(lambda: self.start(resume=True))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_results.clicked.connect(
            lambda: self.wizard.spawn(self._save_results(), "batch-results"))
        self.close_button.clicked.connect(self.close)
        self.sync()

    def _button(self, text: str, name: str, icon_name: str | None = None,
                description: str = "") -> QPushButton:
        return button(text, name, icon_name, description, min_height=30, min_width=88)

    # -- the wizard's provider, environment, credentials ---------------------------------

    def running(self) -> bool:
        return self._task is not None

    def sync(self) -> None:
        """Follow the wizard's provider and environment (a new pair starts afresh)."""
        if self.running():
            return
        provider = self.wizard.state.get("provider") or ""
        environment = self.wizard.state.get("environment") or ""
        if (provider, environment) != (self.provider, self.environment):
            self.provider, self.environment = provider, environment
            self.reset_file()
        name = self.info.title if self.info else ""   # never translated
        env = flow_text(flow.ENVIRONMENT_TITLES.get(environment, environment).split(" (")[0])
        self.setWindowTitle(self.tr("Batch pairing — {provider} — Pairing Wizard").format(
            provider=name))
        self.title.setText(self.tr("Batch pairing with {provider}").format(provider=name)
                           if name else self.tr("Batch pairing"))
        account = self.wizard.state.get("xee_account") or ""
        info = self.info
        signs_in = info is not None and info.signs_in
        if signs_in and account:
            text = self.tr("{environment}, as {account}. Every row is checked before "
                           "anything is sent; a device is never paired twice.")
        elif signs_in and not info.needs_sign_in(environment):
            text = self.tr("{environment}, no sign-in needed. Every row is checked before "
                           "anything is sent; a device is never paired twice.")
        elif signs_in:
            text = self.tr("{environment}, as nobody (sign in first). Every row is checked "
                           "before anything is sent; a device is never paired twice.")
        else:
            text = self.tr("{environment}, with the api key entered in the wizard. Every row "
                           "is checked before anything is sent; a device is never paired "
                           "twice.")
        self.subtitle.setText(text.format(environment=env, account=account))
        self.update_buttons()

    def reset_file(self) -> None:
        self.path = self.report = self.earlier = None
        self.journal_rows = []
        self.model.clear()
        self.file_label.setText(self.tr("No file opened yet: save the template, fill it in, "
                                        "then open it here."))
        self.check_status.clear()
        self.skip_invalid.hide()
        self.skip_invalid.setChecked(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText("")
        self.notice.clear()
        self.result_status.clear()

    @property
    def info(self) -> flow.ProviderInfo | None:
        """The spec of the batch's provider (None before one is chosen)."""
        return flow.provider_info(self.provider)

    def credentials_problem(self) -> str | None:
        """Why the batch cannot start (None: it can), in the UI language: flow's answer
        for the batch's provider and environment, the sentence of the wizard's button."""
        state = {**self.wizard.state, "provider": self.provider,
                 "environment": self.environment}
        problem = flow.batch_problem(
            state, signed_in=self.wizard.services.xee_signed_in)
        return flow_text(problem) if problem else None

    def update_buttons(self) -> None:
        running = self.running()
        report = self.report
        usable = report is not None and not report.file_problems and bool(report.valid)
        invalid = len(report.invalid) if report is not None and not report.file_problems else 0
        interrupted = self.earlier is not None and self.earlier.status != "finished"
        self.skip_invalid.setVisible(bool(invalid) and self.earlier is None)
        if invalid:
            self.skip_invalid.setText(self.tr("Leave out the %n invalid rows (they are not "
                                              "sent)", "", invalid))
        self.start_button.setVisible(not interrupted)
        self.start_button.setEnabled(
            not running and usable and self.earlier is None
            and (not invalid or self.skip_invalid.isChecked())
            and self.credentials_problem() is None)
        self.resume_button.setVisible(interrupted)
        self.resume_button.setEnabled(interrupted and not running and report is not None
                                      and self.credentials_problem() is None)
        self.cancel_button.setEnabled(running and not (self.runner and self.runner.cancelled))
        self.save_results.setEnabled(not running and bool(self.journal_rows))
        for widget in (self.open_button, self.template_button, self.concurrency,
                       self.skip_invalid):
            widget.setEnabled(not running)
        self.close_button.setText(self.tr("Close"))

    # -- template and file ----------------------------------------------------------------

    async def _save_template(self) -> None:
        from app.core.batch import template_path

        if not self.provider:
            return
        path = await save_csv_name(self, self.tr("Save the template"),
                                   f"{self.provider}-batch-template.csv")
        if not path:
            return
        try:
            await asyncio.to_thread(shutil.copyfile, template_path(self.provider), path)
        except OSError as exc:
            self.result_status.show_message("error", self.tr(
                "Could not save the template to {path}: {error}.").format(
                    path=path, error=exc.strerror or exc))
            return
        self.result_status.show_message("success", self.tr(
            "Template saved to {path}: one line per device, then open it here.").format(
                path=path))

    async def _choose_file(self) -> None:
        path = await open_csv_name(self, self.tr("Open a {provider} batch file").format(
            provider=self.info.title if self.info else ""))
        if path:
            await self.open_file(path)

    async def open_file(self, path: str | Path) -> None:
        """Check the file (in a worker thread) and show the report; find an earlier
        batch of the same file for this provider and API root."""
        if self.running() or not self.provider:
            return
        try:
            await self._open_file(Path(path))
        finally:
            self.update_buttons()
            self.files_checked += 1

    async def _open_file(self, path: Path) -> None:
        from app.core.batch import BatchFileError, Journal, check_file

        self.reset_file()
        self.file_label.setText(self.tr("Checking {file}…").format(file=path.name))
        try:
            report = await asyncio.to_thread(check_file, path, self.provider)
        except BatchFileError as exc:
            self.file_label.setText(path.name)
            self.check_status.show_message("error", core_text(exc.args[0]))
            self.update_buttons()
            return
        self.path, self.report = path, report
        self.file_label.setText(str(path))
        self.file_label.setToolTip(str(path))
        if report.file_problems:
            self.check_status.show_message("error", self.file_problems_text(report))
            self.update_buttons()
            return
        self.model.load(report)
        self._size_columns()
        self.progress.setRange(0, len(report.rows))
        self.progress.setValue(0)
        self.show_check(report)
        try:
            root = await self.wizard.services.api_root(self.provider, self.environment)
            history = await self.wizard.services.history()
            journal = Journal(history.db)
            self.earlier = await asyncio.to_thread(journal.find, self.provider, root,
                                                   report.sha256)
            if self.earlier is not None:
                self.journal_rows = await asyncio.to_thread(journal.rows, self.earlier.id)
        except Exception as exc:  # a bad API address is shown on Start, with its advice
            log.info("No earlier batch looked up: %s", type(exc).__name__)
            self.earlier = None
        if self.earlier is not None:
            self.model.apply(self.journal_rows)
            self._show_counts_from_rows()
            when = self.earlier.created[:19].replace("T", " ")
            if self.earlier.status != "finished":
                self.result_status.show_message("info", self.tr(
                    "This file was interrupted before (batch #{id}, started {when} UTC). "
                    "Resume continues it: rows already paired are not sent again.").format(
                        id=self.earlier.id, when=when))
            else:
                self.result_status.show_message("info", self.tr(
                    "This file was already run (batch #{id}, {when} UTC): its outcomes are "
                    "shown. Running it again would pair every device a second time, so Start "
                    "is off; Save results writes them.").format(id=self.earlier.id, when=when))
        self.update_buttons()

    def file_problems_text(self, report: Any) -> str:
        """CheckReport.text() for a file that cannot be used, in the UI language."""
        head = self.tr("{file}: this file cannot be used for {provider}:").format(
            file=report.file_name, provider=provider_name(report.provider))
        return "\n".join([head, *(f"- {core_text(p)}" for p in report.file_problems)])

    def show_check(self, report: Any) -> None:
        """The check's summary (the rows' reasons are in the table)."""
        name = provider_name(report.provider)
        if report.invalid:
            self.check_status.show_message("warning", self.tr(
                "%n rows for {provider}: {valid} valid, {invalid} invalid (their reasons are "
                "in the table). Nothing is sent while a row is invalid: fix the file and open "
                "it again, or leave those rows out.", "", len(report.rows)).format(
                    provider=name, valid=len(report.valid), invalid=len(report.invalid)))
        else:
            self.check_status.show_message("success", self.tr(
                "%n rows for {provider}, all valid. Nothing has been sent yet.", "",
                len(report.rows)).format(provider=name))

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, name in enumerate(self.model.columns):
            if name == "line":
                self.table.setColumnWidth(column, 56)
            elif name == "state":
                self.table.setColumnWidth(column, 200)
            elif name != "details":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # -- running --------------------------------------------------------------------------

    def start(self, resume: bool) -> None:
        if self.running() or self.report is None:
            return
        self._task = self.wizard.spawn(self._run(resume), "batch-run")
        self.update_buttons()

    def _chosen(self) -> dict[str, Any]:
        """The batch's provider, environment and credential (the wizard's, when it
        started): every request of the run is made for these."""
        return {"provider": self.provider, "environment": self.environment,
                "api_key": self.wizard.state.get("api_key", "")}

    async def _client(self, chosen: dict[str, Any]) -> Any:
        """The provider's client for the batch (Services.provider_client: the one place
        that decides how a provider call is made); a sign-in gone meanwhile as the
        ProviderError the batch shows."""
        from app.auth.errors import SignInError

        try:
            return await self.wizard.services.provider_client(chosen)
        except SignInError as error:
            raise error.as_provider_error() from None

    def _call(self, chosen: dict[str, Any]) -> Any:
        """How the batch sends a Xee request: through the signed-in session's call path
        (Services.call_provider: an expired token is refreshed once, the row sent again; a
        session of another root is refused), a dead sign-in as the ProviderError the batch
        stops on."""
        info = self.info
        if info is None or not info.signs_in:
            return None
        from app.auth.errors import as_provider_errors

        services = self.wizard.services
        return as_provider_errors(lambda fn: services.call_provider(chosen, fn))

    async def _run(self, resume: bool) -> None:
        try:
            await self._execute(resume)
        finally:
            self._task = None
            self.runner = None
            self.refresh_timer.stop()
            self.update_buttons()
            if self._close_when_stopped:
                QTimer.singleShot(0, self.close)

    async def _execute(self, resume: bool) -> None:
        from app.core.batch import BatchRefused, BatchRunner, prepare, window_wording
        from app.core.errors import ProviderError

        report = self.report
        assert report is not None
        self.notice.clear()
        self.result_status.clear()
        self.slowdowns = []
        problem = self.credentials_problem()
        if problem:
            self.result_status.show_message("error", self.tr(
                "{problem} Nothing was sent.").format(problem=problem))
            return
        services = self.wizard.services
        try:
            async with self.wizard.busy(self.tr("Batch pairing")):
                root = await services.api_root(self.provider, self.environment)
                # Before the journal: a sign-in gone meanwhile prepares nothing.
                chosen = self._chosen()
                api = await self._client(chosen)
                history = await services.history()
                try:
                    batch_id, resumed = await asyncio.to_thread(
                        prepare, history.db, report, root, resume=resume,
                        skip_invalid=self.skip_invalid.isChecked())
                except BatchRefused as exc:
                    self.result_status.show_message("error", core_text(window_wording(
                        exc.args[0])))
                    return
                self.runner = BatchRunner(
                    api, history.db, batch_id, report, environment=self.environment,
                    concurrency=self.concurrency.value(), on_progress=self._on_progress,
                    history=history, resumed=resumed,
                    setting=self.wizard.services.setting,
                    max_retry_after=services.batch_max_wait(), call=self._call(chosen))
                self.status_label.setText(self.tr("Resuming…") if resumed
                                          else self.tr("Starting…"))
                self.update_buttons()
                try:
                    summary = await self.runner.run()
                except BatchRefused as exc:
                    self.result_status.show_message("error", core_text(window_wording(
                        exc.args[0])))
                    return
        except ProviderError as error:   # e.g. an API address the settings refuse
            self.result_status.show_message("error", self.tr(
                "{problem} Nothing was sent.").format(problem=advice(error.advice,
                                                                     error.kind)))
            return
        self.runner = None
        self.journal_rows = summary.rows
        self.model.apply(summary.rows)
        self.earlier = await asyncio.to_thread(self._batch_info, history, summary.batch_id)
        self._show_summary(summary)

    @staticmethod
    def _batch_info(history: Any, batch_id: int) -> Any:
        from app.core.batch import Journal

        return Journal(history.db).get(batch_id)

    def _on_progress(self, progress: Any) -> None:
        """BatchRunner's callback (on the loop, synchronously): counts now, rows soon."""
        self.last_progress = progress
        if progress.event == "slowdown" and progress.message:
            self.slowdowns.append(progress.message)
            self.notice.show_message("warning", core_text(progress.message))
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.finished)
        self.status_label.setText(self._counts_text(progress))
        if not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def _counts_text(self, p: Any) -> str:
        parts = [self.tr("{finished} of {total} rows").format(finished=p.finished,
                                                              total=p.total),
                 self.tr("{count} done").format(count=p.done)]
        if p.failed:
            parts.append(self.tr("{count} failed").format(count=p.failed))
        if p.unknown:
            parts.append(self.tr("{count} to check by hand").format(count=p.unknown))
        if p.skipped:
            parts.append(self.tr("{count} left out").format(count=p.skipped))
        if p.event in ("progress", "slowdown"):
            if p.in_flight:
                parts.append(self.tr("{count} in flight ({limit} at a time)").format(
                    count=p.in_flight, limit=p.concurrency))
            if p.eta is not None:
                parts.append(self.tr("about {duration} left").format(
                    duration=duration_text(p.eta)))
        return " · ".join(parts)

    def _show_counts_from_rows(self) -> None:
        counts: dict[str, int] = {}
        for row in self.journal_rows:
            counts[row.state] = counts.get(row.state, 0) + 1
        total = len(self.journal_rows)
        finished = total - counts.get("pending", 0) - counts.get("sending", 0)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(finished)
        parts = [self.tr("{finished} of {total} rows").format(finished=finished, total=total),
                 self.tr("{count} done").format(count=counts.get("done", 0))]
        for state, words in (("failed", self.tr("{count} failed")),
                             ("unknown", self.tr("{count} to check by hand")),
                             ("skipped", self.tr("{count} left out"))):
            if counts.get(state):
                parts.append(words.format(count=counts[state]))
        self.status_label.setText(" · ".join(parts))

    def _refresh_rows(self) -> None:
        runner = self.runner
        if runner is not None:
            self.wizard.spawn(self._read_journal(runner.batch_id), "batch-rows")

    async def _read_journal(self, batch_id: int) -> None:
        from app.core.batch import Journal

        history = await self.wizard.services.history()
        rows = await asyncio.to_thread(Journal(history.db).rows, batch_id)
        if self.runner is not None and self.runner.batch_id == batch_id:
            self.model.apply(rows)

    def _show_summary(self, summary: Any) -> None:
        counts = summary.counts
        self.check_status.clear()  # the check's "Nothing has been sent yet" is over now
        self._show_counts_from_rows()
        if summary.status == "finished":
            text = self.tr("Batch #{id} finished: {done} done, {failed} failed, {unknown} to "
                           "check by hand, {skipped} left out.").format(
                id=summary.batch_id, done=counts["done"], failed=counts["failed"],
                unknown=counts["unknown"], skipped=counts["skipped"])
            kind = "success" if counts["failed"] == counts["unknown"] == 0 else "warning"
            if counts["unknown"]:
                text += " " + self.tr("The highlighted rows may or may not be paired: check "
                                      "them by hand before sending them again.")
            text += " " + self.tr("Save results keeps one line per row.")
        else:
            from app.core.batch import window_wording

            left = counts["pending"] + counts["sending"]
            reason = core_text(window_wording(summary.stop_reason))
            text = self.tr("Batch #{id} stopped with %n rows not sent. {reason} Resume "
                           "continues where it stopped; rows already paired are not sent "
                           "again.", "", left).format(id=summary.batch_id, reason=reason)
            kind = "warning" if summary.stop_error is None else "error"
        self.result_status.show_message(kind, text)

    def cancel(self) -> None:
        runner = self.runner
        if runner is None or runner.cancelled:
            return
        runner.cancel()
        self.status_label.setText(self.status_label.text() + " · " + self.tr(
            "stopping: waiting for the requests in flight…"))
        self.update_buttons()

    # -- results --------------------------------------------------------------------------

    async def _save_results(self) -> None:
        from app.core.batch import write_results

        rows = list(self.journal_rows)
        if not rows:
            return
        stem = self.path.stem if self.path else "batch"
        path = await save_csv_name(self, self.tr("Save the results"), f"{stem}-results.csv")
        if not path:
            return
        try:
            # Numbered as the table's Line column shows them.
            lines = {row["row_no"]: row["line"] for row in self.model.rows}
            count = await asyncio.to_thread(write_results, path, self.provider, rows, lines)
        except OSError as exc:
            self.result_status.show_message("error", self.tr(
                "Could not write {path}: {error}. Choose another folder.").format(
                    path=path, error=exc.strerror or exc))
            return
        self.result_status.show_message("success", self.tr("Saved %n rows to {path}.", "",
                                                           count).format(path=path))

    # -- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running():
            # Stop taking rows; close once the requests in flight are recorded.
            event.ignore()
            self._close_when_stopped = True
            self.cancel()
            return
        self._close_when_stopped = False
        event.accept()
