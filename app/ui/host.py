"""What a page, a dialog or a tool window may use of the wizard that hosts it.

Pages and windows are given the wizard but know it only through this protocol, so no
module of app/ui imports app.ui.wizard but the entry point (app.ui.main): the package
has no import cycle (tests/test_layers.py), and a page's dependencies are this short
list, not the whole window.
"""

from __future__ import annotations

from collections.abc import Coroutine
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QPushButton, QWidget

    from app.core.flow import Page, ProviderInfo
    from app.core.tasks import TaskScope
    from app.ui.services import Services


class WizardHost(Protocol):
    services: Services
    state: dict[str, Any]
    pages: dict[Page, Any]
    render_only: bool          # screenshots: no network, no sandbox
    deviceid_kept: bool        # the handed-over id (RUFUS's deviceid) was copied or saved
    next_button: QPushButton
    network_check: Any         # the network check window, once opened (check_network)
    restart_failed: SignalInstance
    # Where a page's tasks go (app.core.tasks): page_scope ends when the page is left,
    # selection_scope when another provider or environment is chosen; spawn() is
    # window-wide (only the window's shutdown cancels it). Read them at each spawn: a
    # new scope opens for each page and each choice.
    page_scope: TaskScope
    selection_scope: TaskScope

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any]: ...
    def busy(self, reason: str) -> AbstractAsyncContextManager[None]: ...
    def is_busy(self) -> bool: ...
    def select(self, provider: str | None, environment: str | None) -> None: ...
    def next(self) -> None: ...
    def go_fix(self) -> None: ...
    def start_undo(self) -> None: ...
    def pair_another(self) -> None: ...
    def current_root(self) -> str | None: ...
    def check_network(self) -> None: ...
    def restart(self) -> None: ...
    def window(self) -> QWidget: ...


class SettingsHost(Protocol):
    """What the Advanced settings box uses of the provider page it sits on."""

    wizard: WizardHost

    @property
    def state(self) -> dict[str, Any]: ...
    @property
    def provider(self) -> str | None: ...
    @property
    def info(self) -> ProviderInfo | None: ...
