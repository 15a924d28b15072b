"""The wizard builds its first page before the first paint and the others by an explicit
call (build_pages): one per event-loop turn after the paint, or all at once when a page
is needed sooner. Reading `wizard.pages` never builds anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.core import flow
from app.core.flow import Page
from app.ui.wizard import PairingWizard

from .conftest import WAIT_MS


@pytest.fixture
def unshown_wizard(qtbot, qloop, settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    wizard = PairingWizard(demo=True, settings=settings)
    qtbot.addWidget(wizard)
    yield wizard
    wizard.close()


def test_reading_the_pages_builds_none_build_pages_builds_them_all(unshown_wizard):
    wizard = unshown_wizard
    assert list(wizard.pages) == [Page.PROVIDER]
    with pytest.raises(KeyError):
        wizard.pages[Page.REVIEW]  # noqa: B018 - a read, to show it builds nothing
    assert Page.REVIEW not in wizard.pages and list(wizard.pages) == [Page.PROVIDER]
    wizard.build_pages()
    assert list(wizard.pages) == list(flow.PAGE_ORDER)
    assert set(wizard.scrolls) == set(flow.PAGE_ORDER)
    assert wizard.stack.count() == len(flow.PAGE_ORDER)


def test_a_page_needed_before_the_paint_turns_is_built_then(unshown_wizard):
    wizard = unshown_wizard
    wizard.select("rufus", flow.DEMO)
    wizard.go(Page.CREDENTIALS)   # sooner than the turns after the first paint
    assert wizard.current is Page.CREDENTIALS
    assert wizard.stack.currentWidget() is wizard.scrolls[Page.CREDENTIALS]
    assert wizard.scrolls[Page.CREDENTIALS].widget() is wizard.pages[Page.CREDENTIALS]
    assert list(wizard.pages) == list(flow.PAGE_ORDER)


def test_after_the_first_paint_every_page_comes(qtbot, unshown_wizard):
    wizard = unshown_wizard
    wizard.show()
    qtbot.waitUntil(lambda: wizard.has_painted, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(wizard.pages) == len(Page), timeout=WAIT_MS)
    assert list(wizard.pages) == list(flow.PAGE_ORDER)
