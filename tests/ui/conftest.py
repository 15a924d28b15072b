"""Qt + qasync for the GUI tests.

pytest-qt's waits (qtbot.waitUntil, waitSignal) spin Qt's event loop; a qasync loop
created with `already_running=True` rides on it, so the wizard's coroutines and the
real HTTP to the sandbox progress while a test waits.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import PySide6.QtWidgets  # noqa: F401  (PySide6 before qasync)
import pytest

# isort: split
import qasync
from PySide6.QtCore import QSettings

from app.core.flow import Page
from app.ui import i18n
from app.ui.wizard import PairingWizard

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402

WAIT_MS = 20_000   # generous: a wait is never a timing assertion


@pytest.fixture(scope="session", autouse=True)
def built_catalogues():
    """The .qm files are built, not committed: build them as `make setup` does."""
    if any(i18n.qm_path(lang) is None or i18n.qm_path(lang).stat().st_mtime
           < tool.ts_path(lang).stat().st_mtime for lang in ("fr", "es")):
        assert tool.build() == 0


@pytest.fixture
def language(qapp):
    """Switch the UI language for one test: `language("fr")`."""
    def use(code: str) -> None:
        assert i18n.install(qapp, code) == code
    yield use
    i18n.uninstall(qapp)


@pytest.fixture
def french(qapp):
    assert i18n.install(qapp, "fr") == "fr"
    yield
    i18n.uninstall(qapp)


@pytest.fixture
def qloop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    """One loop per test; afterwards this thread has no running loop again (so
    asyncio.run works in the GUI-free tests that follow)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    for _ in range(3):
        qapp.processEvents()
    # Not loop.stop(): it calls QApplication.exit(), which would end the next waits.
    executor = getattr(loop, "_QEventLoop__default_executor", None)
    if executor is not None:
        executor.shutdown(wait=True)   # joins the worker threads of asyncio.to_thread
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def keychain(tmp_path: Path) -> Iterator[Any]:
    """keyring's own plaintext file backend, in tmp_path (tests only)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    before = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_wizard(qtbot, qloop, keychain, settings_path: Path, monkeypatch
                ) -> Iterator[Callable[..., PairingWizard]]:
    """Build a shown wizard on the test sandbox; shut it down cleanly afterwards."""
    # The sign-in must never start a real desktop browser: `true` opens nothing.
    monkeypatch.setenv("PAIRING_WIZARD_BROWSER", "true")
    made: list[PairingWizard] = []

    def make(sandbox_url: str | None = None, demo: bool = True, **kwargs: Any
             ) -> PairingWizard:
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        settings.setValue("keyring/allowPlaintext", True)
        wizard = PairingWizard(demo=demo, settings=settings, sandbox_url=sandbox_url,
                               **kwargs)
        wizard.show()
        qtbot.waitExposed(wizard)
        made.append(wizard)
        if not wizard.render_only:   # the pages after the first come after the first paint
            qtbot.waitUntil(lambda: len(wizard.pages) == len(Page), timeout=WAIT_MS)
        return wizard

    yield make
    for wizard in made:
        if not wizard._closed_clean:
            run(qtbot, wizard.shutdown())
        wizard.close()
        wizard.deleteLater()
    qtbot.wait(10)


def run(qtbot, awaitable: Any, timeout: int = WAIT_MS) -> Any:
    """Run a coroutine on the qasync loop while Qt's event loop turns."""
    task = asyncio.ensure_future(awaitable)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()
