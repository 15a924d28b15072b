"""Issue 15 item 2: the device page reads the provider registry when it needs it, not a
snapshot taken when app.ui.pairing_pages was imported: a provider registered later
(providers.register) has its fields on the page, whether it came before the page was
built or after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from app.core import providers
from app.core.flow import Page
from app.ui import pairing_pages  # noqa: F401  (imported before the provider is registered)
from tests.core.test_providers import AcmeSpec


@pytest.fixture
def late_acme():
    def register() -> None:
        providers.register(AcmeSpec())

    yield register
    providers.unregister("acme")


def show_acme_device_page(wizard) -> QLineEdit:
    wizard.select("acme", "production")
    wizard.state["api_key"] = "ror-0123456789abcdef0123"
    wizard.go(Page.DEVICE)
    page = wizard.pages[Page.DEVICE]
    row = page.rows["acme_serial"]
    assert page.stack.currentWidget() is page.panels["acme"]
    assert row.isVisibleTo(page) and row.edit.isVisibleTo(page)
    return row.edit


def type_serial(qtbot, wizard, edit: QLineEdit) -> None:
    qtbot.keyClicks(edit, "GADGET-1")
    assert wizard.state["acme_serial"] == "GADGET-1"
    wizard.next()
    assert wizard.current is Page.REVIEW


def test_a_provider_registered_before_the_wizard_has_its_device_fields(
        qtbot, make_wizard, late_acme):
    late_acme()
    wizard = make_wizard(render_only=True)
    type_serial(qtbot, wizard, show_acme_device_page(wizard))


def test_a_provider_registered_after_the_pages_were_built_has_its_device_fields(
        qtbot, make_wizard, late_acme):
    wizard = make_wizard(render_only=True)
    assert Page.DEVICE in wizard.pages and "acme" not in wizard.pages[Page.DEVICE].panels
    late_acme()
    type_serial(qtbot, wizard, show_acme_device_page(wizard))
