"""Issue 13, Xee sign-in settings through the wizard: the registered redirect URI, a Xee
app that does not echo `state` (the account is confirmed before any pairing), the
Advanced settings that hold them, and Xee's online sandbox without any sign-in."""

from __future__ import annotations

import html
import re
import socket
import threading
from urllib.parse import parse_qs, urlsplit

import httpx2
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit

from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import (
    answer_dialog,
    choose,
    click,
    find,
    next_enabled,
    result_text,
    type_into,
    wait_page,
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FormBrowser(threading.Thread):
    """What a browser does with the sandbox's consent page: open it, post the form as the
    user, follow the redirect to the loopback listener. Real HTTP, in its own thread so
    the Qt loop keeps turning."""

    def __init__(self, url: str, user: dict) -> None:
        super().__init__(daemon=True, name="form-browser")
        self.url, self.user = url, user
        self.location = ""
        self.callback_status = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            root = self.url.split("/auth/auth", 1)[0]
            with httpx2.Client(timeout=10) as client:
                page = client.get(self.url)
                assert page.status_code == 200
                # The form as the page shows it: hidden fields, the boxes ticked.
                form: dict = {html.unescape(n): html.unescape(v) for n, v in re.findall(
                    r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page.text)}
                form["scope"] = [html.unescape(v) for v in re.findall(
                    r'name="scope" value="([^"]*)" checked', page.text)]
                form.update(login=self.user["login"], password=self.user["password"],
                            approve="1")
                answer = client.post(root + "/auth/auth", data=form)
                self.location = answer.headers["location"]
                self.callback_status = client.get(self.location).status_code
        except BaseException as exc:  # reported by the test
            self.error = exc


def start_sign_in(qtbot, wizard, user: dict) -> FormBrowser:
    url_edit = find(wizard, "xeeSignInUrlEdit")
    before = url_edit.text()     # the previous attempt's address stays until the new one
    click(qtbot, wizard, "xeeSignInButton")
    qtbot.waitUntil(lambda: url_edit.text().startswith("http") and url_edit.text() != before,
                    timeout=WAIT_MS)
    browser = FormBrowser(url_edit.text(), user)
    browser.start()
    return browser


def alice(sandbox) -> dict:
    return next(u for u in sandbox.fixtures()["xee"]["users"] if u["id"] == 1001)


def test_registered_redirect_and_no_state_asks_to_confirm_the_account(
        qtbot, sandbox, make_wizard):
    port = free_port()
    registered = f"http://localhost:{port}/xee/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("xee/redirectUri", registered)
    wizard.services.settings.setValue("xee/stateEchoed", False)
    choose(qtbot, wizard, "xee")

    # "Not this account": nothing kept, still signed out.
    browser = start_sign_in(qtbot, wizard, alice(sandbox))
    answer_dialog(qtbot, "xeeConfirmAccountDialog", yes=False)
    status = find(wizard, "xeeSignInStatus")
    qtbot.waitUntil(lambda: "not confirmed" in status.text(), timeout=WAIT_MS)
    browser.join(10)
    assert browser.error is None, browser.error
    assert browser.location.startswith(registered + "?code=")
    assert "state=" not in browser.location
    assert not wizard.state.get("xee_account")
    assert wizard.services.xee_session is None
    assert not next_enabled(wizard)

    # "This is the right account": signed in, then Next.
    browser = start_sign_in(qtbot, wizard, alice(sandbox))
    answer_dialog(qtbot, "xeeConfirmAccountDialog", yes=True)
    account = find(wizard, "xeeAccountLabel")
    qtbot.waitUntil(lambda: account.isVisible() and "Alice" in account.text(),
                    timeout=WAIT_MS)
    browser.join(10)
    assert browser.callback_status == 200
    assert next_enabled(wizard)
    run(qtbot, wizard.shutdown())


def test_missing_state_by_default_names_the_setting_at_once(qtbot, sandbox, make_wizard):
    sandbox.set_xee_dialect(echo_state=False)
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    browser = start_sign_in(qtbot, wizard, alice(sandbox))
    status = find(wizard, "xeeSignInStatus")
    qtbot.waitUntil(lambda: "Xee does not echo state" in status.text(), timeout=WAIT_MS)
    browser.join(10)
    assert browser.callback_status == 400
    assert find(wizard, "xeeCountdownLabel").isVisible()   # still waiting, not silent
    click(qtbot, wizard, "xeeCancelSignInButton")
    run(qtbot, wizard.shutdown())


def test_no_scope_setting_leaves_scope_out_of_the_sign_in_address(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    wizard.services.settings.setValue("xee/sendScope", False)
    choose(qtbot, wizard, "xee")
    browser = start_sign_in(qtbot, wizard, alice(sandbox))
    account = find(wizard, "xeeAccountLabel")
    qtbot.waitUntil(lambda: account.isVisible() and "Alice" in account.text(),
                    timeout=WAIT_MS)
    browser.join(10)
    assert "scope" not in parse_qs(urlsplit(browser.url).query)
    run(qtbot, wizard.shutdown())


def test_advanced_settings_check_and_save_the_xee_sign_in_settings(
        qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    click(qtbot, wizard, "providerXee")
    click(qtbot, wizard, "advancedToggle")
    uri = find(wizard, "xeeRedirectUriEdit", QLineEdit)
    qtbot.waitUntil(uri.isVisible, timeout=WAIT_MS)
    note = find(wizard, "xeeSignInNote")
    settings = wizard.services.settings

    type_into(qtbot, wizard, "xeeRedirectUriEdit", "https://example.com/callback")
    qtbot.keyClick(uri, Qt.Key.Key_Return)
    assert "not on this computer" in note.text()
    assert uri.property("invalid") == "true"
    assert not settings.value("xee/redirectUri")

    type_into(qtbot, wizard, "xeeRedirectUriEdit", "http://localhost/callback")
    type_into(qtbot, wizard, "xeeRedirectPortsEdit", "8080,8081")
    qtbot.keyClick(find(wizard, "xeeRedirectPortsEdit", QLineEdit), Qt.Key.Key_Return)
    assert "Saved" in note.text()
    assert settings.value("xee/redirectUri") == "http://localhost/callback"
    assert settings.value("xee/redirectPorts") == "8080,8081"
    options = wizard.services.xee_sign_in_options()
    assert options["redirect"].ports == (8080, 8081)
    assert options["redirect"].host == "localhost"

    find(wizard, "xeeNoStateEchoCheck", QCheckBox).setChecked(True)
    find(wizard, "xeeNoScopeCheck", QCheckBox).setChecked(True)
    assert wizard.services.setting("xee/stateEchoed", True) is False
    assert wizard.services.setting("xee/sendScope", True) is False
    assert not find(wizard, "xeeScopesEdit", QLineEdit).isEnabled()
    find(wizard, "xeeNoScopeCheck", QCheckBox).setChecked(False)
    type_into(qtbot, wizard, "xeeScopesEdit", "devices_management  users_read cars_read")
    qtbot.keyClick(find(wizard, "xeeScopesEdit", QLineEdit), Qt.Key.Key_Return)
    assert wizard.services.xee_sign_in_options()["scopes"] == (
        "devices_management", "users_read", "cars_read")
    assert wizard.services.setting("xee/sendScope", True) is True
    run(qtbot, wizard.shutdown())


def test_online_sandbox_pairs_without_any_sign_in(qtbot, sandbox, make_wizard):
    sandbox.set_xee_dialect(open_sandbox=True)
    device = next(d for d in sandbox.fixtures()["xee"]["devices"]
                  if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    wizard.services.set_root_override("xee", "sandbox", sandbox.xee_root)
    choose(qtbot, wizard, "xee", environment="sandbox")
    assert find(wizard, "xeeNoSignInNote").isVisible()
    assert not find(wizard, "xeeSignInButton").isVisible()
    assert next_enabled(wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device associated" in result_text(wizard)
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] == 1001
    run(qtbot, wizard.shutdown())


def test_online_sandbox_batch_runs_without_any_sign_in(qtbot, sandbox, make_wizard, tmp_path,
                                                       monkeypatch):
    from .test_batch_dialog import open_file, wait_result

    monkeypatch.setenv("PAIRING_WIZARD_DATA_DIR", str(tmp_path / "data"))
    sandbox.set_xee_dialect(open_sandbox=True)
    free = [d for d in sandbox.fixtures()["xee"]["devices"]
            if d["user_id"] is None and not d["locked"]][:2]
    path = tmp_path / "xee.csv"
    path.write_text("device_id,pin\n" + "".join(f"{d['id']},{d['pin']}\n" for d in free),
                    encoding="utf-8")
    wizard = make_wizard(sandbox.url)
    wizard.services.set_root_override("xee", "sandbox", sandbox.xee_root)
    choose(qtbot, wizard, "xee", environment="sandbox")
    assert find(wizard, "batchButton").isEnabled()
    click(qtbot, wizard, "batchButton")
    dialog = wizard.batch_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert "no sign-in needed" in find(dialog, "batchSubtitle").text()
    open_file(qtbot, dialog, path)
    click(qtbot, dialog, "batchStartButton")
    text = wait_result(qtbot, dialog, "finished")
    assert "2 done, 0 failed" in text
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert all(owners[d["id"]] == 1001 for d in free)
    dialog.close()
    run(qtbot, wizard.shutdown())
