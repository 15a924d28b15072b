"""#13: Xee's API version and id/pin formats in Advanced settings, and a sign-in that never
carries a pairing to another API root than the one chosen (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core import flow
from app.core.validation import set_xee_formats, validate_xee_pin

from .conftest import WAIT_MS, run
from .drive import find, type_into, wait_idle
from .test_xee import adopt_token


@pytest.fixture(autouse=True)
def usual_formats():
    yield
    set_xee_formats()


def xee_advanced(qtbot, sandbox, make_wizard):
    from .drive import click, wait_page

    wizard = make_wizard(sandbox.url)
    wait_page(qtbot, wizard, flow.Page.PROVIDER)
    click(qtbot, wizard, "providerXee")
    find(wizard, "advancedToggle").setChecked(True)
    qtbot.waitUntil(lambda: find(wizard, "xeeApiVersionCombo") is not None
                    and find(wizard, "xeeApiVersionCombo").isVisible(), timeout=WAIT_MS)
    return wizard


def test_choosing_v4_moves_the_roots_and_asks_for_a_new_sign_in(qtbot, sandbox, make_wizard):
    wizard = xee_advanced(qtbot, sandbox, make_wizard)
    user = sandbox.fixtures()["xee"]["users"][0]
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    assert wizard.services.xee_session is not None
    combo = find(wizard, "xeeApiVersionCombo")
    combo.setCurrentIndex(combo.findData("v4"))
    qtbot.waitUntil(lambda: wizard.services.xee_session is None, timeout=WAIT_MS)
    assert wizard.services.settings.value("xee/apiVersion") == "v4"
    assert wizard.state["xee_account"] == ""
    assert run(qtbot, wizard.services.api_root("xee", flow.DEMO)).endswith("/xee/v4")
    assert "sign in again" in find(wizard, "xeeApiNote").text()
    combo.setCurrentIndex(combo.findData("v3"))
    assert wizard.services.settings.value("xee/apiVersion") is None   # the default again
    run(qtbot, wizard.shutdown())


def test_a_session_of_another_root_is_never_used(qtbot, sandbox, make_wizard):
    from app.auth.errors import SignInError

    wizard = xee_advanced(qtbot, sandbox, make_wizard)
    user = sandbox.fixtures()["xee"]["users"][0]
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))   # a v3 sign-in
    wizard.services.settings.setValue("xee/apiVersion", "v4")             # e.g. IT's file
    sent = []

    async def associate(api):
        sent.append(api)

    with pytest.raises(SignInError):
        run(qtbot, wizard.services.call_provider(dict(wizard.state), associate))
    assert sent == []
    run(qtbot, wizard.shutdown())


def test_format_settings_apply_at_once_and_a_bad_one_is_said(qtbot, sandbox, make_wizard):
    wizard = xee_advanced(qtbot, sandbox, make_wizard)
    edit = find(wizard, "xeePinPatternEdit")
    type_into(qtbot, wizard, "xeePinPatternEdit", "[0-9]{5}")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.services.settings.value("xee/pinPattern") == "[0-9]{5}"
    assert validate_xee_pin("12345") == "12345"
    type_into(qtbot, wizard, "xeePinPatternEdit", "[x")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    note = find(wizard, "xeeApiNote")
    assert note.isVisible() and "xee/pinPattern" in note.text()
    from app.core.errors import InputError

    with pytest.raises(InputError):
        validate_xee_pin("12345")                       # the usual 4 digits again
    run(qtbot, wizard.shutdown())
