"""#17 item 1: one request timeout (network/timeoutSeconds, default 30 s) for RUFUS, Zype,
Xee and the Xee sign-in, set in Advanced settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from app.auth.session import XeeSession
from app.auth.tokens import SessionOnlyTokenStore

from .conftest import WAIT_MS, run
from .drive import click, find

TOKEN = {"access_token": "a" * 64, "refresh_token": "b" * 64, "token_type": "bearer",
         "expires_at": 4_000_000_000, "expires_in": 3600}


def test_the_xee_session_waits_as_long_as_the_others_by_default():
    session = XeeSession("http://127.0.0.1:9/xee/v3", "cid", "secret",
                         SessionOnlyTokenStore("x"))
    # httpx2's own default is 5 s: Xee gave up six times sooner than RUFUS and Zype.
    assert session.client.timeout.read == 30.0
    assert session.client.timeout.connect == 30.0
    session = XeeSession("http://127.0.0.1:9/xee/v3", "cid", "secret",
                         SessionOnlyTokenStore("x"), request_timeout=12)
    assert session.client.timeout.read == 12.0


def test_advanced_settings_set_one_timeout_for_every_provider_and_the_sign_in(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    services = wizard.services
    assert services.request_timeout() == 30.0
    click(qtbot, wizard, "providerRufus")
    click(qtbot, wizard, "advancedToggle")
    spin = find(wizard, "requestTimeoutSpin", QSpinBox)
    qtbot.waitUntil(spin.isVisible, timeout=WAIT_MS)
    assert spin.value() == 30
    assert spin.accessibleName() and spin.toolTip()
    before = run(qtbot, services.http())
    assert before.timeout.read == 30.0
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "12")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.settings.value("network/timeoutSeconds") is not None,
                    timeout=WAIT_MS)
    assert int(services.settings.value("network/timeoutSeconds")) == 12
    assert services.request_timeout() == 12.0
    qtbot.waitUntil(lambda: services._client is not before, timeout=WAIT_MS)
    client = run(qtbot, services.http())            # RUFUS and Zype
    assert client.timeout.read == 12.0 and client.timeout.connect == 12.0
    assert services.xee_sign_in_options()["request_timeout"] == 12.0   # the sign-in
    session = run(qtbot, services.xee_adopt("http://127.0.0.1:9/xee/v3", "cid", "secret",
                                            TOKEN, SessionOnlyTokenStore("x")))
    assert session.client.timeout.read == 12.0      # Xee's calls
    run(qtbot, services.xee_drop())


def test_a_timeout_setting_out_of_range_is_clamped(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("network/timeoutSeconds", "1")
    assert wizard.services.request_timeout() == 5.0
    wizard.services.settings.setValue("network/timeoutSeconds", "nonsense")
    assert wizard.services.request_timeout() == 30.0
