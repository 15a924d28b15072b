"""The network check, from the provider page's advanced settings and from a failed
result (WizardHost.check_network opens the wizard's one window): DNS, TCP, TLS and
HTTP to the chosen provider's API address (app.core.netcheck), each step shown
plainly with ✓ or ✗ and the report's own sentence (a Message, translated by i18n.core_text), in
a small window of its own."""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import core_text
from app.ui.widgets import Card, StatusLine, copy_text, hbox, label
from app.ui.window_geometry import WindowPlacement

if TYPE_CHECKING:
    from app.ui.host import WizardHost

log = logging.getLogger(__name__)

OK_MARK = "✓"
FAIL_MARK = "✗"


def step_detail(step: Any) -> str:
    return core_text(step.detail)


def step_advice(step: Any) -> str:
    return core_text(step.advice)


def step_lines(report: Any) -> list[str]:
    """One plain line per step: "✓ DNS: …" or "✗ TCP: … — what to do"."""
    lines = []
    for step in report.steps:
        text = f"{OK_MARK if step.ok else FAIL_MARK} {step.name}: {step_detail(step)}"
        if step.advice:
            text += f" — {step_advice(step)}"
        lines.append(text)
    return lines


def steps_html(report: Any) -> str:
    c = theme.colors()
    rows = []
    for step in report.steps:
        mark, color = (OK_MARK, c["success"]) if step.ok else (FAIL_MARK, c["error"])
        advice = (f"<br><span style='color:{c['muted']}'>"
                  f"{html.escape(step_advice(step), False)}</span>" if step.advice else "")
        took = (f" <span style='color:{c['muted']}'>({step.elapsed_ms} ms)</span>"
                if step.elapsed_ms else "")
        rows.append(
            f"<tr><td style='color:{color}; font-weight:600; padding:2px 8px 2px 0'>{mark}"
            f"</td><td style='font-weight:600; padding:2px 10px 2px 0'>"
            f"{html.escape(step.name)}</td><td style='padding:2px 0'>"
            f"{html.escape(step_detail(step), False)}{took}{advice}</td></tr>")
    return f"<table cellspacing='0'>{''.join(rows)}</table>"


class NetworkCheckPanel(QWidget):
    """The button in the advanced settings; the report opens in its own small window
    (the provider page has no room for four steps with their advice): the wizard's one
    network check window (WizardHost.check_network), which the failed result opens too."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wizard = wizard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("Check the net&work…"))
        self.button.setObjectName("networkCheckButton")
        self.button.setAutoDefault(False)
        tip = self.tr("Can this computer reach the provider's API address? DNS, connection, "
                      "TLS and one harmless HTTP request.")
        self.button.setToolTip(tip)
        self.button.setAccessibleName(self.tr("Check the network"))
        self.button.setAccessibleDescription(tip)
        layout.addLayout(hbox(self.button, stretch_at=1))
        self.button.clicked.connect(self.start)

    @property
    def dialog(self) -> NetworkCheckDialog | None:
        """The wizard's network check window (None before it was first opened)."""
        return self.wizard.network_check

    def refresh(self) -> None:
        state = self.wizard.state
        self.button.setEnabled(bool(state.get("provider") and state.get("environment")))
        if self.dialog is not None:
            self.dialog.follow()

    def start(self) -> None:
        if self.button.isEnabled():
            self.wizard.check_network()


class NetworkCheckDialog(QDialog):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.setObjectName("networkCheckDialog")
        self.setWindowTitle(self.tr("Network check — Pairing Wizard"))
        self.setModal(False)
        self.setMinimumSize(480, 300)
        self.placement = WindowPlacement(self, wizard.services.settings, "networkCheck",
                                         QSize(640, 360), anchor=wizard,
                                         enabled=not wizard.render_only)  # screenshots: off
        self.report: Any = None
        self._checked_for: tuple[Any, ...] = ()
        self._task: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        self.title = label(self.tr("Network check"), "pageTitle",
                           object_name="networkCheckTitle")
        layout.addWidget(self.title)
        self.where = label("", "pageSubtitle", object_name="networkCheckWhere",
                           selectable=True)
        layout.addWidget(self.where)
        self.summary = StatusLine("networkCheckSummary")
        layout.addWidget(self.summary)
        card = Card(margins=14)
        self.steps = QLabel()
        self.steps.setObjectName("networkCheckSteps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.add(self.steps)
        self.card = card
        card.hide()
        layout.addWidget(card)
        layout.addStretch(1)
        self.again = QPushButton(self.tr("Check &again"))
        self.again.setObjectName("networkCheckAgainButton")
        self.again.setAutoDefault(False)
        self.again.setAccessibleName(self.tr("Check again"))
        self.again.setAccessibleDescription(self.tr("Run the checks again: DNS, connection, "
                                                    "TLS and HTTP"))
        self.copy = QPushButton(self.tr("&Copy"))
        self.copy.setObjectName("networkCheckCopyButton")
        self.copy.setAutoDefault(False)
        self.copy.setAccessibleName(self.tr("Copy"))
        self.copy.setAccessibleDescription(self.tr("Copy the report to the clipboard"))
        self.copy.setIcon(theme.icon("copy"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("networkCheckCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(self.tr("Close the network check"))
        layout.addLayout(hbox(self.copy, self.again, self.close_button, stretch_at=1))
        theme.follow_palette(self, "#networkCheckDialog")  # now, and on light/dark switches
        self.again.clicked.connect(self.start)
        self.copy.clicked.connect(lambda: copy_text(self.plain_text()))
        self.close_button.clicked.connect(self.close)
        self.copy.setEnabled(False)

    def plain_text(self) -> str:
        """What the window says, as plain lines (Copy, and the accessible text)."""
        if self.report is None:
            return self.summary.message()
        return "\n".join([self.summary.message(), *step_lines(self.report)])

    def follow(self) -> None:
        """The provider, environment or API address changed: the report is stale."""
        where = self._where()
        if where != self._checked_for and self.report is not None:
            self.report = None
            self.card.hide()
            self.copy.setEnabled(False)
            self.summary.show_message("info", self.tr("The settings changed: Check again."))

    def _where(self) -> tuple[Any, ...]:
        state = self.wizard.state
        provider, environment = state.get("provider"), state.get("environment")
        override = (self.wizard.services.root_override(provider, environment)
                    if provider and environment else "")
        return provider, environment, override

    def start(self) -> None:
        if self._task is not None and not self._task.done():
            return
        self._task = self.wizard.spawn(self._run(), "network-check")

    async def _run(self) -> None:
        from app.core.errors import ProviderError
        from app.core.netcheck import check

        where = self._where()
        provider, environment = where[0], where[1]
        if not provider or not environment:
            return
        from app.core.errors import provider_name

        name = provider_name(provider)
        self.title.setText(self.tr("Network check: {provider}").format(provider=name))
        self.again.setEnabled(False)
        self.copy.setEnabled(False)
        self.report = None
        self.card.hide()
        self.summary.show_message("info", self.tr("Checking DNS, the connection, TLS and "
                                                  "HTTP…"))
        try:
            root = await self.wizard.services.api_root(provider, environment)
            self.where.setText(self.tr("API address: {address}").format(address=root))
            report = await check(provider, root)
        except ProviderError as error:   # the API address in the settings is not valid
            self.summary.show_message("error", advice_text(error.advice, error.kind))
            return
        finally:
            self.again.setEnabled(True)
        self._checked_for = where
        self.report = report
        if report.ok:
            self.summary.show_message("success", self.tr(
                "{provider} is reachable from this computer.").format(provider=name))
        else:
            failure = report.first_failure
            what = f" {failure.name}: {step_detail(failure)}." if failure else ""
            self.summary.show_message("error", self.tr(
                "{provider} is NOT reachable from this computer.").format(provider=name)
                + what)
        self.steps.setText(steps_html(report))
        self.steps.setAccessibleDescription("\n".join(step_lines(report)))
        self.card.show()
        self.copy.setEnabled(True)
        if where != self._where():
            self.follow()
        log.info("Network check for %s: %s", provider, "ok" if report.ok else "failed")
