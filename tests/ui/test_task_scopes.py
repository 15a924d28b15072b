"""#14: the wizard's tasks are scoped (app.core.tasks). A page's own tasks end when the
page is left, the selection's when another provider or environment is chosen, and a
window-wide task goes on until the window shuts down (pytest-qt, offscreen, the
sandbox over real HTTP, keychains slowed by fault injection)."""

from __future__ import annotations

import asyncio

import keyring
import pytest

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import choose, click, wait_page
from .test_xee_restore_race import CLICK_GAP_MS, store_sign_in
from .test_xee_restore_race import SlowKeyring as RaceKeyring

READ_SECONDS = 1.5


class SlowKeyring(RaceKeyring):
    """The race test's slow keychain, slowing every read of the wizard's own secrets
    (sign-ins, api keys)."""

    read_seconds = READ_SECONDS

    def slowed(self, service: str) -> bool:
        return service.startswith("pairing-wizard")


@pytest.fixture
def slow_keychain(keychain):
    backend = SlowKeyring(keychain.file_path)
    keyring.set_keyring(backend)   # the keychain fixture puts the original back
    return backend


def named(wizard, name: str) -> asyncio.Task:
    return next(t for t in wizard.tasks() if t.get_name() == name)


def test_leaving_the_page_cancels_its_tasks_a_window_task_goes_on(
        qtbot, sandbox, slow_keychain, make_wizard):
    store_sign_in(sandbox.url, sandbox.xee_root)
    wizard = make_wizard(sandbox.url)
    window_wide = wizard.spawn(asyncio.sleep(60), "window-wide")
    choose(qtbot, wizard, "xee")                    # the stored sign-in's check starts
    qtbot.waitUntil(lambda: slow_keychain.reading > 0, timeout=WAIT_MS)
    restore = named(wizard, "xee-restore")
    qtbot.wait(CLICK_GAP_MS)
    click(qtbot, wizard, "backButton")              # left before the keychain answers
    wait_page(qtbot, wizard, Page.PROVIDER)
    qtbot.waitUntil(restore.done, timeout=WAIT_MS)
    assert restore.cancelled()
    qtbot.waitUntil(lambda: slow_keychain.reading == 0, timeout=WAIT_MS)
    qtbot.wait(200)
    assert not wizard.state.get("xee_account")      # its end was never applied
    assert not window_wide.done()
    run(qtbot, wizard.shutdown())
    assert window_wide.cancelled()                  # the window's end ends it


def test_another_provider_cancels_the_selection_tasks_not_a_page_change(
        qtbot, sandbox, slow_keychain, make_wizard):
    wizard = make_wizard(sandbox.url)
    window_wide = wizard.spawn(asyncio.sleep(60), "window-wide")
    choose(qtbot, wizard, "rufus")                  # the remembered key's read starts
    qtbot.waitUntil(lambda: slow_keychain.reading > 0, timeout=WAIT_MS)
    load = named(wizard, "load-key")
    qtbot.wait(CLICK_GAP_MS)
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.PROVIDER)
    qtbot.wait(200)                                 # a cancel would have ended it by now
    assert not load.done()                          # still this provider and environment
    click(qtbot, wizard, "providerZype")
    assert wizard.state["provider"] == "zype"
    qtbot.waitUntil(load.done, timeout=WAIT_MS)
    assert load.cancelled()
    assert not window_wide.done()
    run(qtbot, wizard.shutdown())


def test_the_scopes_the_wizard_offers_its_pages(qtbot, sandbox, make_wizard):
    """What a page gets: page_scope ends with the page, selection_scope with the choice
    of provider and environment, spawn() with the window."""
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "rufus")
    page_task = wizard.page_scope.spawn(asyncio.sleep(60), "page")
    selection_task = wizard.selection_scope.spawn(asyncio.sleep(60), "selection")
    window_task = wizard.spawn(asyncio.sleep(60), "window")
    wizard.go(Page.PROVIDER)
    qtbot.waitUntil(page_task.done, timeout=WAIT_MS)
    assert page_task.cancelled() and not selection_task.done()
    later_page_task = wizard.page_scope.spawn(asyncio.sleep(60), "page")   # a new scope
    qtbot.wait(50)
    assert not later_page_task.done()
    wizard.select("rufus", wizard.state["environment"])                   # no change
    qtbot.wait(50)
    assert not selection_task.done() and not later_page_task.done()
    wizard.select("zype", wizard.state["environment"])
    qtbot.waitUntil(selection_task.done, timeout=WAIT_MS)
    assert selection_task.cancelled() and later_page_task.cancelled()
    assert not window_task.done()
    assert not wizard.page_scope.spawn(asyncio.sleep(60), "page").done()  # open again
    run(qtbot, wizard.shutdown())
    assert window_task.cancelled()
