"""The wizard window: a step list, the pages in a stack, and one button bar.

Navigation asks app.core.flow (next_target, previous_page, is_valid, page_for_error),
the button bar is flow.bar_for's; the state, the pairing and the undo are the GUI-free
app.core.controller.PairingController's (this window is its view). Every network call
runs as a task on the qasync loop in a scope (app.core.tasks: the window's, the
selection's, the page's), so that leaving a page or a choice cancels what was started
for it and closing the window cancels everything and closes the HTTP client.

Only the provider page is built before the first paint; build_pages() builds the
others (app.ui.pairing_pages, imported then): one per event-loop turn right after the
paint, or all at once when a page is needed sooner. asyncio is imported only by the
methods that need it: `run()` paints the window before it imports asyncio and qasync.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import flow
from app.core.controller import PairingController
from app.core.flow import Page
from app.core.tasks import TaskScope
from app.ui import theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import flow_text
from app.ui.pages import ProviderPage, WizardPage
from app.ui.services import DemoSandbox, Services
from app.ui.widgets import DemoBanner, label
from app.ui.window_geometry import WindowPlacement

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QCloseEvent


log = logging.getLogger(__name__)

# What the first pairing imports between the click on Pair and the filled result page
# (the provider clients, the sign-in errors, the history and its sqlite3, the result's
# html): imported in a worker thread once the later pages are built, so that path
# imports nothing on the GUI thread (tests/ui/test_first_pair_imports.py). GUI-free
# modules only: nothing that builds Qt objects may run off the GUI thread.
WARM_UP_MODULES = ("app.core.http", "app.auth.errors", "app.core.rufus", "app.core.zype",
                   "app.core.xee", "app.core.history", "html")


def page_class(which: Page) -> type[WizardPage]:
    """The page's class. All but the first page come from app.ui.pairing_pages,
    imported when first needed: after the first paint."""
    if which is Page.PROVIDER:
        return ProviderPage
    from app.ui.pairing_pages import PAGE_CLASSES

    return PAGE_CLASSES[which]


class _PaintWatcher(QObject):
    """Calls `done` once the window's first paint event has been handled (plain Qt:
    it works before any asyncio loop exists)."""

    def __init__(self, done: Callable[[], None]) -> None:
        super().__init__()
        self.done = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)   # after the paint itself, like call_soon
        return False


class _ClickGuard(QObject):
    """Ignores a press on a bar button within CHANGED_MEANING_MS of a press on another one:
    the second click of a double-click on Next (Pair appears in its place) or on Pair
    (Finish appears there once the answer is in). Timed by the events' own timestamps."""

    CHANGED_MEANING_MS = 500

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._last: tuple[QObject, int] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            stamp = int(event.timestamp())  # type: ignore[attr-defined]
            last, self._last = self._last, (watched, stamp)
            if last is not None and last[0] is not watched \
                    and 0 <= stamp - last[1] < self.CHANGED_MEANING_MS:
                log.info("Ignored a click on %s right after one on %s", watched.objectName(),
                         last[0].objectName())
                self._last = last   # still measured from the click that meant something
                return True
        return False


class _StepClicks(QObject):
    """A click on a sidebar step that was already passed goes back to it."""

    def __init__(self, wizard: PairingWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease:
            for page, step in self.wizard.step_labels.items():
                if step is watched:
                    self.wizard.go_to_step(page)
                    return True
        return False


class PairingWizard(QWidget):
    closed = Signal()
    painted = Signal()   # once: the window's first paint
    page_changed = Signal(str)
    outcome = Signal()   # a pairing or an undo finished (success, failure, cancel)
    restart_failed = Signal()   # "Restart now" could not start the new process
    DEFAULT_SIZE = (920, 640)
    # Room for the sidebar and a page in English, French and Spanish; a page that needs
    # more (long values, a larger font) scrolls.
    MINIMUM_SIZE = (760, 560)

    def __init__(self, demo: bool = False, *, settings: QSettings | None = None,
                 sandbox_url: str | None = None, render_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairingWizard")
        self.setWindowTitle("Pairing Wizard")
        self.demo = demo
        self.render_only = render_only     # screenshots: no network, no sandbox
        settings = settings or QSettings()
        self.services = Services(settings, demo, DemoSandbox(external_url=sandbox_url))
        # The window's tasks (shutdown cancels them), the current selection's (another
        # provider or environment cancels them) and the current page's (leaving it
        # cancels them): see app.core.tasks.
        self.window_scope = TaskScope("window", on_error=self._task_failed)
        self.selection_scope = self.window_scope.child("selection")
        self.page_scope = self.selection_scope.child("page")
        self._busy: list[str] = []
        self._closing = False
        self._confirming_cancel = False
        self._restarting = False
        self._closed_clean = False
        self.deviceid_kept = False
        self.has_painted = False
        self._warm_up_started = False
        self.warmed_up_at = 0.0   # perf_counter() when the warm-up was done
        self._paint_watcher: _PaintWatcher | None = None
        # The state, the choice, the pairing and the undo (GUI-free); this window is its
        # view: the last-pin question, the pairing page, busy.
        self.controller = PairingController(self.services, self, demo=demo)
        self.current = Page.PROVIDER

        self._build()
        theme.follow_palette(self)  # now, and when the OS switches light/dark
        self.setMinimumSize(*self.MINIMUM_SIZE)
        # The size and place of the last run, on a screen (screenshots and layout tests
        # size it themselves).
        self.placement = WindowPlacement(self, settings, "wizard", QSize(*self.DEFAULT_SIZE),
                                         enabled=not render_only)
        # The first page now (styled and placed first: one polish), the others after the
        # first paint (see _after_first_paint); the screenshots have no paint to wait for.
        self._add_page(Page.PROVIDER)
        if render_only:
            self.build_pages()
        self.go(Page.PROVIDER)

    # -- construction ------------------------------------------------------------------

    @property
    def state(self) -> dict[str, Any]:
        """The wizard's state (flow.new_state's dict), the controller's."""
        return self.controller.state

    @state.setter
    def state(self, state: dict[str, Any]) -> None:
        self.controller.state = state

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = DemoBanner()
        outer.addWidget(self.banner)

        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        # At least 190 px; wider when a language's button texts need it (steps wrap).
        sidebar.setMinimumWidth(190)
        sidebar.setMaximumWidth(300)
        sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(16, 24, 12, 16)
        side.setSpacing(4)
        app_title = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(theme.svg_pixmap("app", 22, theme.colors()["accent"]))
        app_title.addWidget(logo)
        app_title.addWidget(label("Pairing Wizard", "sectionTitle", wrap=False))
        app_title.addStretch(1)
        side.addLayout(app_title)
        side.addSpacing(18)
        self.step_labels: dict[Page, QLabel] = {}
        self._step_clicks = _StepClicks(self)
        for index, page in enumerate(flow.PAGE_ORDER, start=1):
            step = label(f"{index}  {flow_text(flow.PAGE_TITLES[page])}", "step", wrap=True)
            step.setMinimumWidth(1)   # long titles wrap inside the fixed sidebar
            # The state the wizard opens in, set before any polish (see theme.set_flags).
            step.setProperty("current", "true" if page is self.current else "false")
            step.setProperty("done", "false")
            step.setObjectName(f"step{page.value.capitalize()}")
            step.setAccessibleName(self.tr("Step {number}: {title}").format(
                number=index, title=flow_text(flow.PAGE_TITLES[page])))
            self.step_labels[page] = step
            step.installEventFilter(self._step_clicks)   # a passed step: click to go back
            side.addWidget(step)
        side.addStretch(1)
        self.history_button = self._tool_button(
            self.tr("History"), "historyButton", "search",
            self.tr("Every pairing made on this computer (Ctrl+H)"))
        self.batch_button = self._tool_button(
            self.tr("Batch from CSV…"), "batchButton", "save",
            self.tr("Pair many devices from a CSV file, with the provider and credentials "
                    "entered here"))
        side.addWidget(self.history_button)
        side.addWidget(self.batch_button)
        side.addSpacing(12)
        self.where = label("", "help", object_name="sidebarEnvironment")
        self.where.setMinimumWidth(1)   # wraps inside the fixed sidebar
        side.addWidget(self.where)
        middle.addWidget(sidebar)

        content = QVBoxLayout()
        content.setContentsMargins(28, 22, 28, 12)
        content.setSpacing(4)
        self.page_title = label("", "pageTitle", object_name="pageTitle")
        self.page_subtitle = label("", "pageSubtitle", object_name="pageSubtitle")
        content.addWidget(self.page_title)
        content.addWidget(self.page_subtitle)
        content.addSpacing(14)
        self.stack = QStackedWidget()
        # The pages built so far: the provider page now, the others by build_pages().
        self.pages: dict[Page, WizardPage] = {}
        self.scrolls: dict[Page, QScrollArea] = {}
        content.addWidget(self.stack, 1)
        middle.addLayout(content, 1)
        outer.addLayout(middle, 1)

        bar = QFrame()
        bar.setObjectName("buttonBar")
        buttons = QHBoxLayout(bar)
        buttons.setContentsMargins(20, 12, 20, 12)
        buttons.setSpacing(8)
        self.back_button = self._bar_button(self.tr("&Back"), "backButton",
                                            self.tr("Back to the previous page (Alt+B)"))
        self.cancel_button = self._bar_button(
            self.tr("Cancel"), "cancelButton",
            self.tr("Stop waiting for the request, or close the wizard (Esc)"))
        self.next_button = self._bar_button(self.tr("&Next"), "nextButton",
                                            self.tr("On to the next page (Alt+N)"))
        self.pair_button = self._bar_button(self.tr("Pair"), "pairButton",
                                            self.tr("Send the one request shown on this "
                                                    "page"))
        self.finish_button = self._bar_button(self.tr("&Finish"), "finishButton",
                                              self.tr("Close the wizard (Alt+F)"))
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.pair_button)
        buttons.addWidget(self.finish_button)
        outer.addWidget(bar)
        # Cancel keeps its place on every page (hidden on the result, its room kept), so a
        # double-click or a late click never lands on another button (see _ClickGuard).
        policy = self.cancel_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.cancel_button.setSizePolicy(policy)
        self._click_guard = _ClickGuard(self)
        for bar_button in (self.back_button, self.cancel_button, self.next_button,
                           self.pair_button, self.finish_button):
            bar_button.installEventFilter(self._click_guard)
        self._outcome_at = -1.0

        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.pair_button.clicked.connect(self.start_pairing)
        self.cancel_button.clicked.connect(self.cancel)
        self.finish_button.clicked.connect(self.close)
        self.history_button.clicked.connect(self.open_history)
        self.banner.reset.clicked.connect(self.reset_demo_data)
        self.batch_button.clicked.connect(self.open_batch)
        self.history_window: Any = None
        self.batch_dialog: Any = None
        self.network_check: Any = None   # NetworkCheckDialog, built when first opened

    def build_pages(self) -> None:
        """Build every page not built yet (importing app.ui.pairing_pages)."""
        for page in flow.PAGE_ORDER:
            if page not in self.pages:
                self._add_page(page)

    def _add_page(self, which: Page) -> WizardPage:
        page = page_class(which)(self)
        page.changed.connect(self.refresh)
        self.pages[which] = page
        # Longer languages, large fonts, the advanced settings: a page may need more
        # height than the window has. It scrolls rather than squeezing its text.
        scroll = QScrollArea()
        scroll.setObjectName(f"{which.value}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only when a page cannot be as narrow as the window (a long value at
        # the minimum width): it scrolls rather than cutting off its right side. Text
        # wraps: no scroll bar otherwise.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Into the window first, then the page into it: the page is polished once, under
        # the window's style sheet (the other way round, it is polished without the sheet
        # and again when the scroll area joins the window).
        self.scrolls[which] = scroll
        self.stack.addWidget(scroll)
        scroll.setWidget(page)
        page.setAutoFillBackground(False)
        # A widget made now joins the end of the focus chain, after the button bar:
        # put the bar back last, so Tab goes sidebar -> page -> buttons as before.
        last: QWidget = self.previousInFocusChain()
        for bar_button in (self.back_button, self.cancel_button, self.next_button,
                           self.pair_button, self.finish_button):
            QWidget.setTabOrder(last, bar_button)
            last = bar_button
        return page

    def _build_next_page(self) -> None:
        """After the first paint: the pages not built yet, one per event-loop turn; then
        the warm-up for the first pairing."""
        if not shiboken6.isValid(self):
            return
        missing = [page for page in flow.PAGE_ORDER if page not in self.pages]
        if missing:
            self._add_page(missing[0])
        QTimer.singleShot(0, self._build_next_page if len(missing) > 1 else self._warm_up)

    def _warm_up(self) -> None:
        """Import, off the GUI thread, what the first pairing would import on it between
        the click on Pair and the result (tens of ms of stalls): see WARM_UP_MODULES."""
        asyncio = sys.modules.get("asyncio")
        if self._warm_up_started or not shiboken6.isValid(self) or self.render_only \
                or asyncio is None or asyncio._get_running_loop() is None:
            return
        self._warm_up_started = True
        self.spawn(self._warm_up_imports(), "warm-up")
        self._polish_next_page(list(flow.PAGE_ORDER[1:]))

    def _polish_next_page(self, pages: list[Page]) -> None:
        """The later pages' style sheet and icons, one page per event-loop turn: the first
        time a page is shown (Pairing, Result: right after a click) needs only its
        layout and paint."""
        if pages and shiboken6.isValid(self):
            if (page := self.pages.get(pages[0])) is not None \
                    and page is not self.pages.get(self.current):
                page.warm_up()
            QTimer.singleShot(0, lambda: self._polish_next_page(pages[1:]))

    async def _warm_up_imports(self) -> None:
        import time

        from app.ui.services import imported

        for name in WARM_UP_MODULES:   # one at a time: each hop lets the GUI thread run
            try:
                await imported(name)
            except ImportError:   # then it is imported when needed, as before
                log.exception("Warm-up: could not import %s", name)
        self.warmed_up_at = time.perf_counter()

    def _bar_button(self, text: str, name: str, description: str) -> QPushButton:
        widget = QPushButton(text)
        widget.setObjectName(name)
        widget.setAccessibleName(text.replace("&", ""))
        widget.setAccessibleDescription(description)
        widget.setMinimumWidth(96)
        widget.setMinimumHeight(32)
        widget.setAutoDefault(False)
        return widget

    def _tool_button(self, text: str, name: str, icon_name: str, tip: str) -> QToolButton:
        widget = QToolButton()
        widget.setObjectName(name)
        widget.setText(text)
        widget.setToolTip(tip)
        widget.setAccessibleName(text.rstrip("…"))
        widget.setAccessibleDescription(tip)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.setIcon(theme.icon(icon_name, theme.colors()["muted"], 16))
        widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        widget.setAutoRaise(True)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return widget

    # -- support tools (imported on first use: nothing heavy before the first paint) ---

    def open_history(self) -> None:
        from app.ui.history_window import HistoryWindow

        if self.history_window is None:
            self.history_window = HistoryWindow(self)
        window = self.history_window
        if window.isVisible():
            window.reload()      # showing it loads it; already shown: fresh rows
        window.show()
        window.raise_()
        window.activateWindow()

    def open_batch(self) -> None:
        if not self.batch_button.isEnabled():
            return
        from app.ui.batch_dialog import BatchDialog

        if self.batch_dialog is None:
            self.batch_dialog = BatchDialog(self)
        self.batch_dialog.sync()
        self.batch_dialog.show()
        self.batch_dialog.raise_()
        self.batch_dialog.activateWindow()

    def check_network(self) -> None:
        """The network check for the provider and environment chosen, shown and run: one
        window, which the Advanced settings' button and the failed result's open alike."""
        if not (self.state.get("provider") and self.state.get("environment")):
            return
        from app.ui.network_check import NetworkCheckDialog

        if self.network_check is None:
            self.network_check = NetworkCheckDialog(self)
        self.network_check.show()
        self.network_check.raise_()
        self.network_check.start()

    def batch_problem(self) -> str | None:
        """Why the batch cannot start from here (None: it can), in the UI language."""
        problem = flow.batch_problem(self.state,
                                     signed_in=self.services.xee_signed_in)
        return flow_text(problem) if problem else None

    # -- start-up --------------------------------------------------------------------

    def watch_first_paint(self) -> None:
        """Emit `painted` once the window has painted (call before show())."""
        if self._paint_watcher is None and not self.has_painted:
            self._paint_watcher = _PaintWatcher(self._after_first_paint)
            self.installEventFilter(self._paint_watcher)

    def first_paint(self) -> asyncio.Future[None]:
        """A future set on the window's first paint (needs the asyncio loop)."""
        import asyncio

        future = asyncio.get_event_loop().create_future()
        if self.has_painted:
            future.set_result(None)
        else:
            self.watch_first_paint()
            self.painted.connect(lambda: future.done() or future.set_result(None))
        return future

    def showEvent(self, event: Any) -> None:  # noqa: N802
        if not self.render_only:
            self.watch_first_paint()
        super().showEvent(event)

    def _after_first_paint(self) -> None:
        if not shiboken6.isValid(self) or self.has_painted:
            return
        self.has_painted = True
        self.painted.emit()
        QTimer.singleShot(0, self._add_shortcuts)   # not in the paint's own turn
        QTimer.singleShot(0, self._build_next_page)
        # Only now: the sandbox (uvicorn, in its thread) must not delay the first paint.
        # Without a running asyncio loop yet (app.ui.main paints first), run() calls
        # start_demo_sandbox() once it has installed the loop.
        asyncio = sys.modules.get("asyncio")
        if asyncio is not None and asyncio._get_running_loop() is not None:
            self.start_demo_sandbox()

    def _add_shortcuts(self) -> None:
        # After the first paint: QKeySequence's enums cost ~4 ms to create.
        if not shiboken6.isValid(self):
            return
        from PySide6.QtGui import QKeySequence, QShortcut

        QShortcut(QKeySequence("Esc"), self, activated=self.cancel)
        QShortcut(QKeySequence("Ctrl+H"), self, activated=self.open_history)

    def start_demo_sandbox(self) -> None:
        if shiboken6.isValid(self) and self.state.get("environment") == flow.DEMO:
            self.start_sandbox()

    def start_sandbox(self) -> None:
        sandbox = self.services.sandbox
        if sandbox is None or sandbox.url is not None:
            return
        sandbox.start()
        self.spawn(self._announce_sandbox(), "sandbox-ready")

    async def _announce_sandbox(self) -> None:
        assert self.services.sandbox is not None
        try:
            url = await self.services.sandbox.ready()
        except Exception as exc:
            self.banner.set_detail(self.tr("The offline sandbox did not start ({error}).")
                                   .format(error=type(exc).__name__))
            return
        self.banner.set_detail(self.tr("Nothing leaves this computer · {url}").format(url=url))
        self.pages[self.current].sandbox_ready()

    def reset_demo_data(self) -> None:
        if self.is_busy() or self.state.get("environment") != flow.DEMO:
            return
        self.spawn(self._reset_demo_data(), "reset-demo")

    async def _reset_demo_data(self) -> None:
        """The sandbox's fixtures back (free boxes, fresh pins); the Xee sign-in and the
        keys stay. The boxes' wrong-pin counts start again with them."""
        try:
            async with self.busy("Resetting the demo data"):
                await self.services.reset_demo_data()
        except Exception as exc:   # the sandbox did not answer: say so, keep going
            self.banner.set_detail(self.tr("Could not reset the demo data ({error}): "
                                           "restart the demo.").format(
                                               error=type(exc).__name__))
            return
        self.controller.forget_pin_failures()
        self.banner.set_detail(self.tr("Demo data reset: boxes, devices and pins are as "
                                       "new; the sign-in and the keys are kept."))
        self.refresh()

    async def ready(self) -> None:
        """Resolves when the wizard can pair: with the demo, once the sandbox answers."""
        if self.state.get("environment") == flow.DEMO:
            self.start_sandbox()
            await self.services.fixtures()

    # -- tasks -------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any]:
        """A window-wide task: only shutdown cancels it (a page's or a selection's own
        tasks go to page_scope or selection_scope)."""
        return self.window_scope.spawn(coro, name)

    @staticmethod
    def _task_failed(task: asyncio.Task[Any], exc: BaseException) -> None:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def tasks(self) -> set[asyncio.Task[Any]]:
        """Every task still running: the window's, the selection's and the page's."""
        return self.window_scope.tasks()

    @contextlib.asynccontextmanager
    async def busy(self, reason: str) -> AsyncIterator[None]:
        """While a request runs: no navigation, nothing clickable twice."""
        self._busy.append(reason)
        self.refresh()
        try:
            yield
        finally:
            self._busy.remove(reason)
            self.refresh()

    def is_busy(self) -> bool:
        return bool(self._busy)

    # -- navigation --------------------------------------------------------------------

    def select(self, provider: str | None, environment: str | None) -> None:
        changed = self.controller.selected(provider, environment)
        if changed:
            # What was started for the previous choice ends (the page's tasks with it).
            self.selection_scope.cancel()
            self.selection_scope = self.window_scope.child("selection")
            self.page_scope = self.selection_scope.child("page")
        if changed and self.network_check is not None:
            self.network_check.follow()   # its report is of the provider chosen before
        if changed and not self.render_only:
            self.spawn(self.services.xee_drop(), "xee-drop")
            if self.state.get("environment") == flow.DEMO:
                self.start_sandbox()
        self.refresh()

    def go(self, page: Page) -> None:
        old = self.pages.get(self.current)
        if old is not None and page is not self.current:
            forward = flow.PAGE_ORDER.index(page) > flow.PAGE_ORDER.index(self.current)
            old.leave(forward)
        if page is not self.current:   # what the page left had started ends
            self.page_scope.cancel()
            self.page_scope = self.selection_scope.child("page")
        self.current = page
        if page not in self.pages:   # sooner than the turns after the first paint
            self.build_pages()
        widget = self.pages[page]
        # Filled before it is shown: a child shown in a visible window makes Qt lay out
        # the whole window at once (QWidget::setVisible), each time; hidden, only once.
        # So is the button bar, before the page is shown: one layout of the window with
        # the new page, not one per button shown or hidden.
        widget.enter()
        self.refresh()
        self.stack.setCurrentWidget(self.scrolls[page])
        self.scrolls[page].verticalScrollBar().setValue(0)
        self.page_changed.emit(page.value)
        self._focus_page(page)

    def _bar_buttons(self) -> dict[flow.Control, QPushButton]:
        return {flow.Control.BACK: self.back_button, flow.Control.NEXT: self.next_button,
                flow.Control.PAIR: self.pair_button, flow.Control.CANCEL: self.cancel_button,
                flow.Control.FINISH: self.finish_button}

    def _focus_page(self, page: Page) -> None:
        """Keyboard users start on the page's first control (or its main action): the
        first of the bar's focus targets that the page shows."""
        widget = self.pages[page]
        buttons = self._bar_buttons()
        for control in flow.bar_for(page, self.state).focus:
            focus = widget.first_control() if control is flow.Control.PAGE \
                else buttons[control]
            if focus is not None:
                focus.setFocus()   # the default reason, OtherFocusReason
                return

    def next(self) -> None:
        if self.is_busy():
            return
        target = flow.next_target(self.current, self.state)
        if target is None:
            self.pages[self.current].refresh_errors()
            return
        self.go(target)

    def back(self) -> None:
        if self.is_busy():
            return
        target = flow.previous_page(self.current, self.state)
        if target is None:
            return
        if flow.page_actions(self.current).back_tries_again:
            self.go_fix()
            return
        self.go(target)

    def go_fix(self) -> None:
        """From a failed result to the page where the input can be fixed."""
        if self.is_busy() or (target := flow.try_again(self.state)) is None:
            return
        self.go(target)
        page = self.pages[target]
        page.touch_fields()   # each field's error shown, typed in or not
        page.refresh_errors()

    def cancel(self) -> None:
        """Cancel the request in flight; with none, close the window."""
        import time

        if flow.page_actions(self.current).shows_outcome and \
                time.monotonic() - self._outcome_at < _ClickGuard.CHANGED_MEANING_MS / 1000:
            # A Cancel meant for the request that has just ended: not a wish to close.
            log.info("Ignored a Cancel right after the outcome")
            return
        if self.controller.cancel():   # the pairing's request in flight is stopped
            return
        if (page := self.pages.get(self.current)) is not None and page.cancel_wait():
            return   # the page's own wait (the Xee sign-in's browser) is stopped
        if flow.has_typed_input(self.state) and not self.render_only:
            if not self._confirming_cancel:
                self._confirming_cancel = True
                self.spawn(self._confirm_cancel(), "confirm-cancel")
            return
        self.close()

    async def _confirm_cancel(self) -> None:
        """Cancel with typed input asks first (shown and awaited, never exec())."""
        from app.ui import dialogs

        try:
            leave = await dialogs.ask(
                self, self.tr("Close the wizard?"),
                self.tr("The values typed so far will be lost."),
                yes=self.tr("Close"), no=self.tr("Keep editing"), object_name="cancelDialog")
        finally:
            self._confirming_cancel = False
        if leave and shiboken6.isValid(self):
            self.close()

    def restart(self) -> None:
        """"Restart now" (after a language change): start the app again with the same
        arguments, then quit cleanly. Typed input asks first, as Cancel does."""
        if self._restarting or self.is_busy() or self._closing:
            return
        self._restarting = True
        self.spawn(self._restart(), "restart")

    async def _restart(self) -> bool:
        from app.ui import dialogs
        from app.ui import restart as relaunch

        try:
            if flow.has_typed_input(self.state) and not self.render_only:
                async with self.busy("Confirming the restart"):
                    restart = await dialogs.ask(
                        self, self.tr("Restart Pairing Wizard?"),
                        self.tr("The values typed so far will be lost."),
                        yes=self.tr("Restart now"), no=self.tr("Keep editing"),
                        object_name="restartDialog")
                if not restart:
                    return False
            if not await self._deviceid_safe():
                return False
            if not relaunch.start_again():
                log.warning("Could not start Pairing Wizard again")
                self.restart_failed.emit()
                return False
            log.info("Restarting Pairing Wizard")
            await self.shutdown()
        finally:
            self._restarting = False
        if shiboken6.isValid(self):
            self.close()
        return True

    def go_to_step(self, page: Page) -> None:
        """A click on a sidebar step: back to a step already passed."""
        if self.is_busy():
            return
        target = flow.step_target(self.current, page)
        if target is not None:
            self.go(target)

    def refresh(self) -> None:
        page = self.current
        widget = self.pages.get(page)
        if widget is None:
            return
        busy = self.is_busy()
        pairing = self.controller.sending
        self.page_title.setText(widget.title())
        subtitle = widget.subtitle()
        self.page_subtitle.setText(subtitle)
        self.page_subtitle.setVisible(bool(subtitle))
        widget.refresh_errors()

        bar = flow.bar_for(page, self.state, busy=busy, pairing=pairing,
                           cancelling=self.controller.cancelling)
        self.page_title.setVisible(bar.title)
        for control, button in self._bar_buttons().items():
            shown: flow.Button = getattr(bar, control.value)
            button.setVisible(shown.visible)
            button.setEnabled(shown.enabled)
        info = flow.PROVIDERS.get(self.state.get("provider") or "")
        self.pair_button.setText(flow_text(info.action) if info else self.tr("Pair"))
        self.pair_button.setAccessibleName(self.pair_button.text())
        # One width for Next, Pair and Finish: Cancel, left of them, stays in one place.
        primaries = (self.next_button, self.pair_button, self.finish_button)
        width = max(max(b.sizeHint().width() for b in primaries), 96)
        for candidate in primaries:
            candidate.setMinimumWidth(width)
        primary = self._bar_buttons()[bar.default]
        for candidate in primaries:
            candidate.setDefault(candidate is primary)
        widget.set_actions_enabled(bar.page_actions)

        for step, step_label in self.step_labels.items():
            index, here = flow.PAGE_ORDER.index(step), flow.PAGE_ORDER.index(page)
            theme.set_flags(step_label, current=step is page, done=index < here)
        problem = self.batch_problem()
        running_batch = self.batch_dialog is not None and self.batch_dialog.running()
        self.batch_button.setEnabled(problem is None or running_batch)
        self.batch_button.setToolTip(
            self.tr("Pair many devices from a CSV file, with the provider and credentials "
                    "entered here") if problem is None
            else self.tr("Batch from CSV: {problem}").format(problem=problem))
        if self.batch_dialog is not None and not running_batch:
            self.batch_dialog.sync()
        env = self.state.get("environment")
        demo = env == flow.DEMO
        self.banner.setVisible(demo)
        provider_title = info.title if info else ""
        short_env = flow.ENVIRONMENT_TITLES.get(env or "", "").split(" (")[0]
        self.where.setText("\n".join(x for x in (provider_title, flow_text(short_env)) if x))

    def current_root(self) -> str | None:
        provider, env = self.state.get("provider"), self.state.get("environment")
        if not provider or not env:
            return None
        return (self.services.root_override(provider, env)
                or self.services.default_root(provider, env) or None)

    # -- pairing -----------------------------------------------------------------------

    def start_pairing(self) -> None:
        """Pair: the controller runs it (the last-pin question, the request, its end);
        this window shows the pages."""
        if self.is_busy() or self.controller.running:
            return  # never twice
        if flow.pair_target(self.current, self.state) is None:   # not here, or not valid
            return
        self.controller.start(self.window_scope, ended=self._pair_ended)
        self.refresh()

    # -- app.core.controller.PairingView: what the pairing asks of this window ----------

    async def confirm_last_pin(self) -> bool:
        """Before the attempt that would lock the Xee box: ask (shown and awaited)."""
        from app.ui import dialogs

        # Asked only when flow.is_last_pin_attempt says so: the provider has a pin lock.
        provider = self.state["provider"]
        failed = flow.pin_lock(provider).attempts - 1
        question = (self.tr("Two wrong pins were already sent for this box. If this pin is "
                            "wrong too, {provider} locks the box and only {provider} support "
                            "can unlock it.") if failed == 2 else
                    self.tr("Wrong pins already sent for this box: {failed}. If this pin is "
                            "wrong too, {provider} locks the box and only {provider} support "
                            "can unlock it."))
        async with self.busy("Confirming the last pin attempt"):
            confirmed = await dialogs.ask(
                self, self.tr("Last attempt before the box locks"),
                question.format(provider=flow.PROVIDERS[provider].title, failed=failed),
                informative=self.tr("Check the pin on the box's card (Show reveals it)."),
                yes=self.tr("Send this pin"), no=self.tr("Check the pin first"),
                object_name="lastPinDialog", icon=dialogs.QMessageBox.Icon.Warning)
        return confirmed and flow.pair_target(self.current, self.state) is not None

    def sending(self) -> None:
        """The request leaves: the page that waits for it."""
        self.deviceid_kept = False
        target = flow.pair_target(self.current, self.state)
        if target is not None:
            self.go(target)

    def _pair_ended(self, outcome: flow.Outcome | None) -> None:
        """The pairing's end (not the window's closing): the page that shows it."""
        import time

        if outcome is None or self._closing or self._closed_clean \
                or not shiboken6.isValid(self):
            return   # the last pin not confirmed: nothing was sent, the page stays
        error = outcome.error
        if error and error.get("kind") == "cancelled" \
                and not error.get("may_have_reached_server"):
            log.info("Pairing cancelled before the request was sent")
        elif error:
            log.info("Pairing failed: %s (%s)", error.get("kind"), error.get("status"))
        else:
            log.info("Pairing succeeded with %s", self.state.get("provider"))
        self._outcome_at = time.monotonic()
        self.go(flow.outcome_page())
        self.refresh()
        self.outcome.emit()

    def start_undo(self) -> None:
        if self.is_busy() or not flow.can_undo(self.current, self.state):
            return
        # The page that shows the pairing shows its undo too.
        self.spawn(self._undo(self.pages[self.current]), "undo")

    async def _undo(self, page: WizardPage) -> None:
        state = self.state
        info = flow.PROVIDERS[state["provider"]]
        what = flow_text(flow.undo_confirm(state))
        done = flow_text(info.undo_done)
        undo_action = flow_text(info.undo_action)
        from app.ui import dialogs  # not before the first paint (QMessageBox, QFileDialog)

        async with self.busy("Confirming undo"):
            confirmed = await dialogs.ask(self, self.tr("{action}?").format(action=undo_action),
                                          what, yes=undo_action, no=self.tr("Keep it"),
                                          object_name="undoDialog")
        if not confirmed:
            return
        page.show_action_status("info", self.tr("{action}…").format(action=undo_action))
        outcome = await self.controller.undo()
        if outcome.error is not None:
            page.show_action_status("error", advice_text(outcome.error["advice"],
                                                         outcome.error["kind"]))
        if outcome.undone:
            page.show_outcome()
            page.show_action_status("success", done)
            self.refresh()
        self.outcome.emit()

    def pair_another(self) -> None:
        if self.is_busy():
            return
        self.spawn(self._pair_another(), "pair-another")

    async def _pair_another(self) -> None:
        if not await self._deviceid_safe():
            return
        self.state = flow.pair_another(self.state)
        self.state["uncertain"] = False
        self.deviceid_kept = False
        self.go(flow.start_page_after_pair_another())

    async def _deviceid_safe(self) -> bool:
        """Never lose the id the provider hands over (RUFUS's deviceid: the spec's
        handover). Ask before leaving it uncopied and unsaved."""
        result = self.state.get("result") or {}
        handover = flow.handover(self.state.get("provider"))
        if handover is None or not result.get(handover.key) or self.deviceid_kept \
                or self.state.get("undone"):
            return True
        from app.ui import dialogs

        async with self.busy("Confirming"):
            return await dialogs.ask(
                self, flow_text(handover.keep_title), flow_text(handover.keep_text),
                informative=self.tr("Leave it anyway?"), yes=self.tr("Leave without it"),
                no=self.tr("Go back"),
                object_name="deviceidDialog", icon=dialogs.QMessageBox.Icon.Warning)

    # -- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closed_clean or self.render_only:
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if not self._closing:
            self._closing = True
            self.spawn(self._close_when_safe(), "close")

    async def _close_when_safe(self) -> None:
        try:
            if not await self._deviceid_safe():
                return
        finally:
            self._closing = False
        await self.shutdown()
        if shiboken6.isValid(self):
            self.close()

    @property
    def is_shut_down(self) -> bool:
        """shutdown() has run: no task left, the HTTP clients closed."""
        return self._closed_clean

    async def shutdown(self) -> None:
        """Cancel the running tasks and close the HTTP clients (and the demo sandbox)."""
        import asyncio

        for page in list(self.pages.values()):   # their own waits stop (the Xee sign-in)
            page.leave(False)
        # Every task of the window, the selection and the page (not this one, whose
        # caller closes the window): later ones are refused.
        pending = self.window_scope.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        await self.controller.settle()   # a cancelled pairing's end reaches the history
        await self.services.aclose()
        self._closed_clean = True
