"""Issue 15 item 2: the device page reads the provider registry when it needs it, not a
snapshot taken when app.ui.pairing_pages was imported: a provider registered later
(providers.register) has its fields on the page, whether it came before the page was
built or after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

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


def test_the_device_page_says_what_each_provider_hands_over(qtbot, make_wizard, late_acme):
    """Issue 15c item 2: the sentence on the id to hand over is the spec's (handover_note:
    its title and its id), not RUFUS's for every provider that hands one over."""
    late_acme()
    wizard = make_wizard(render_only=True)
    show_acme_device_page(wizard)
    page = wizard.pages[Page.DEVICE]

    def notes(provider: str) -> list[str]:
        return [w.text() for w in page.panels[provider].findChildren(QLabel)
                if "must be stored on the device" in w.text()]

    assert notes("acme") == ["Acme answers with a gadget_id that must be stored on the "
                             "device: the result page shows it with Copy and Save."]
    assert notes("rufus") == ["RUFUS answers with a deviceid that must be stored on the "
                              "device: the result page shows it with Copy and Save."]
    assert notes("xee") == [] and notes("zype") == []
