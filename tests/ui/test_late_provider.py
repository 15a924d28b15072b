"""Issue 15 item 2: the device page reads the provider registry when it needs it, not a
snapshot taken when app.ui.pairing_pages was imported: a provider registered later
(providers.register) has its fields on the page, whether it came before the page was
built or after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QWidget

from app.core import flow, providers
from app.core.flow import Page
from app.core.messages import FLOW, Message
from app.ui import pairing_pages  # noqa: F401  (imported before the provider is registered)
from tests.core.test_providers import AcmeSignInSpec, AcmeSpec

from .conftest import WAIT_MS
from .drive import answer_dialog, click, find


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
    """Issue 15c item 2: the sentence on the id to hand over is the spec's (Handover.note:
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


def shown_result(wizard, provider: str, result: dict[str, str]):
    """The result page after `provider`'s pairing gave `result`."""
    wizard.select(provider, "production")
    wizard.state.update(result=result, error=None, undone=False)
    wizard.go(Page.RESULT)
    page = wizard.pages[Page.RESULT]
    assert wizard.current is Page.RESULT
    return page


def handover_words(page) -> dict[str, str]:
    note = next(w for w in page.deviceid_card.findChildren(QLabel)
                if w.property("role") == "warning")
    return {"shown": str(not page.deviceid_card.isHidden()),
            "note": note.text(), "id": page.deviceid.text(),
            "name": page.deviceid.accessibleName(),
            "description": page.deviceid.accessibleDescription(),
            "copy": page.copy_deviceid.toolTip(), "save": page.save_deviceid.toolTip()}


def test_the_result_page_hands_over_each_providers_own_id(qtbot, make_wizard, late_acme,
                                                          tmp_path: Path):
    """Issue 15e item 1: the result page's card reads the id the spec hands over (Acme's
    gadget_id, not always a deviceid), in the spec's words, and saves it under the spec's
    file name; the window asks before it is lost. RUFUS's English and file name are as
    they were."""
    late_acme()
    wizard = make_wizard(render_only=True)
    page = shown_result(wizard, "acme", {"gadget_id": "GADGET-ID-7", "serial": "GADGET-1"})
    assert handover_words(page) == {
        "shown": "True",
        "note": "Store this gadget_id on the device. Copy it or save it to a file now: it "
                "is what the device authenticates with.",
        "id": "GADGET-ID-7", "name": "gadget_id",
        "description": "The gadget_id Acme returned: store it on the device",
        "copy": "Copy the gadget_id to the clipboard",
        "save": "Save the gadget_id to a text file"}

    # Leaving it neither copied nor saved: the window asks, in Acme's words.
    wizard.pair_another()
    asked = next_question(qtbot)
    assert (asked.windowTitle(), asked.text()) == (
        "Keep the gadget_id?", "The gadget_id was neither copied nor saved. The device "
        "needs it, and Acme will not show it again.")
    answer_dialog(qtbot, "deviceidDialog", yes=False)                   # "Go back"
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=WAIT_MS)
    assert wizard.current is Page.RESULT

    # Saved under the spec's name, with the spec's lines.
    click(qtbot, wizard, "saveDeviceIdButton")
    qtbot.waitUntil(lambda: file_dialog() is not None, timeout=WAIT_MS)
    dialog = file_dialog()
    assert dialog.windowTitle() == "Save the gadget_id"
    assert Path(dialog.selectedFiles()[0]).name == "acme-gadget_id-GADGET-1.txt"
    dialog.setDirectory(str(tmp_path))
    dialog.findChild(QLineEdit, "fileNameEdit").setText("acme-gadget_id-GADGET-1.txt")
    dialog.accept()
    saved = tmp_path / "acme-gadget_id-GADGET-1.txt"
    qtbot.waitUntil(lambda: "Saved" in page.deviceid_status.message(), timeout=WAIT_MS)
    assert saved.read_text(encoding="utf-8") == "gadget_id=GADGET-ID-7\nserial=GADGET-1\n"
    click(qtbot, wizard, "copyDeviceIdButton")
    assert page.deviceid_status.message() == "gadget_id copied to the clipboard."

    # RUFUS: as before, word for word.
    deviceid = "AB" * 32
    page = shown_result(wizard, "rufus", {"deviceid": deviceid, "model": "Model X1",
                                          "serial_number": "S-1", "alias": "",
                                          "firmware": ""})
    assert handover_words(page) == {
        "shown": "True",
        "note": "Store this deviceid on the device. Copy it or save it to a file now: it "
                "is what the device authenticates with.",
        "id": deviceid, "name": "deviceid",
        "description": "The deviceid RUFUS returned: store it on the device",
        "copy": "Copy the deviceid to the clipboard",
        "save": "Save the deviceid to a text file"}
    assert flow.handover("rufus").file(wizard.state["result"]) == (
        "rufus-deviceid-S-1.txt", f"deviceid={deviceid}\nmodel=Model X1\nserial_number=S-1\n")
    wizard.deviceid_kept = False
    wizard.pair_another()
    asked = next_question(qtbot)
    assert (asked.windowTitle(), asked.text()) == (
        "Keep the deviceid?", "The deviceid was neither copied nor saved. The device needs "
        "it, and RUFUS will not show it again.")
    answer_dialog(qtbot, "deviceidDialog", yes=False)
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=WAIT_MS)

    # Zype hands nothing over: no card.
    page = shown_result(wizard, "zype", {"consumer_id": "c1", "pin": "1234"})
    assert page.deviceid_card.isHidden()


def next_question(qtbot):
    from PySide6.QtWidgets import QMessageBox

    def shown():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                     and w.objectName() == "deviceidDialog" and w.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=WAIT_MS)
    return shown()


def file_dialog() -> QFileDialog | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()), None)


class AcmeWithAlias(AcmeSpec):
    """Acme with an optional alias whose example is words (as RUFUS's is)."""

    fields = (*AcmeSpec.fields,
              providers.Field("acme_alias", "acme", Page.DEVICE, "Alias", "Optional.",
                              "rufus.alias", required=False, error_field="alias",
                              object_name="acmeAliasEdit",
                              placeholder=Message(FLOW, "Front door")),
              providers.Field("acme_model", "acme", Page.DEVICE, "Model", "On the box.",
                              "rufus.model", required=False, error_field="model",
                              object_name="acmeModelEdit", placeholder="Model X1"))


def test_a_fields_placeholder_is_the_specs_in_the_ui_language(qtbot, make_wizard, language):
    """Issue 15e item 3: the device page shows each field's placeholder from its spec,
    words (a Message) in the UI language, an example value as typed, for any provider: no
    special case for RUFUS's alias."""
    providers.register(AcmeWithAlias())
    try:
        language("fr")
        wizard = make_wizard(render_only=True)
        show_acme_device_page(wizard)
        page = wizard.pages[Page.DEVICE]
        assert page.rows["acme_alias"].edit.placeholderText() == "Porte d'entrée"
        assert page.rows["acme_model"].edit.placeholderText() == "Model X1"
        assert page.rows["rufus_alias"].edit.placeholderText() == "Porte d'entrée"
        assert page.rows["rufus_serial"].edit.placeholderText() == "DEVICE-123"
    finally:
        providers.unregister("acme")


def test_the_pages_name_the_provider_that_signs_in(qtbot, make_wizard):
    """Issue 15e item 4: the credentials page's title and the online sandbox's note name
    the chosen provider (its spec's title), not Xee for every provider that signs in or
    has a test service of its own; Xee's are as they were."""
    providers.register(AcmeSignInSpec())
    try:
        wizard = make_wizard(render_only=True)
        said = {}
        for provider in ("acme", "xee"):
            wizard.select(provider, providers.ONLINE_SANDBOX)
            wizard.go(Page.PROVIDER)
            note = wizard.pages[Page.PROVIDER].env_note.text()
            wizard.select(provider, providers.PRODUCTION)
            said[provider] = (note, wizard.pages[Page.CREDENTIALS].title())
    finally:
        providers.unregister("acme")
    assert said == {
        "acme": ("Acme's own test service: fake data, real network.", "Sign in to Acme"),
        "xee": ("Xee's own test service: fake data, real network.", "Sign in to Xee")}


def test_the_review_page_masks_the_secret_field_of_a_late_provider(qtbot, make_wizard):
    """Issue 15g item 1: the review page reveals the row of the spec's secret field (Acme's
    activation code, Field.secret) on "Show", not a row labelled "Pin" holding Xee's
    pin, and warns from Acme's own wrong-code count (its PinLock)."""
    from tests.core.test_pin_lock import AcmeLockSpec

    providers.register(AcmeLockSpec())
    try:
        wizard = make_wizard(render_only=True)
        wizard.select("acme", "production")
        wizard.state.update(api_key="acme-key-0123456789", acme_gadget="G-1",
                            acme_secret="SECRET-42", pin_failures={"acme": {"G-1": 1}})
        wizard.go(Page.REVIEW)
        assert wizard.current is Page.REVIEW
        code = find(wizard, "reviewActivationcode")
        assert code.text() == "•" * 9                          # masked by default
        show = find(wizard, "reviewActivationcodeShow")       # #16b: named by its label
        assert show.accessibleName() == "Show Activation code"
        assert show.accessibleDescription() == (
            "Show or hide Activation code, about to be sent")
        click(qtbot, wizard, "reviewActivationcodeShow")
        assert code.text() == "SECRET-42"                      # revealed on demand
        click(qtbot, wizard, "reviewActivationcodeShow")
        assert code.text() == "•" * 9
        assert find(wizard, "reviewGadget").text() == "G-1"    # not a secret: no Show
        assert not [w for w in wizard.findChildren(QWidget, "reviewGadgetShow")]
        assert "one more wrong code locks the gadget" in find(wizard, "reviewWarning").text()
    finally:
        providers.unregister("acme")
