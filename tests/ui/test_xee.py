"""Xee through the whole wizard: sign-in in a real headless Chromium, associate,
dissociate; a wrong pin as it appears on screen, with the lock warning."""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

import pytest

from app.core.flow import Page
from tests.needs import unavailable

from .conftest import WAIT_MS, run
from .drive import (
    answer_dialog,
    choose,
    click,
    find,
    next_enabled,
    result_text,
    type_into,
    wait_idle,
    wait_page,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def chromium_or_skip() -> None:
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")


async def sign_in_in_chromium(url: str, login: str, password: str) -> str:
    """Open the sign-in URL, fill the sandbox's form, Allow; return the final page text."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            await page.goto(url)
            await page.fill("input[name=login]", login)
            await page.fill("input[name=password]", password)
            async with page.expect_navigation():
                await page.click("button[name=approve]")
            await page.wait_for_load_state()
            return await page.inner_text("body")
        finally:
            await browser.close()


class BrowserThread(threading.Thread):
    """Playwright on its own asyncio loop, so the Qt (qasync) loop keeps turning."""

    def __init__(self, url: str, login: str, password: str) -> None:
        super().__init__(daemon=True, name="chromium")
        self.args = (url, login, password)
        self.text: str | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.text = asyncio.run(sign_in_in_chromium(*self.args))
        except BaseException as exc:  # reported by the test
            self.error = exc


def sign_in(qtbot, wizard, user: dict) -> None:
    click(qtbot, wizard, "xeeSignInButton")
    url_edit = find(wizard, "xeeSignInUrlEdit")
    qtbot.waitUntil(lambda: url_edit.text().startswith("http"), timeout=WAIT_MS)
    assert "Waiting for the browser" in find(wizard, "xeeCountdownLabel").text()
    browser = BrowserThread(url_edit.text(), user["login"], user["password"])
    browser.start()
    qtbot.waitUntil(lambda: not browser.is_alive(), timeout=60_000)
    assert browser.error is None, browser.error
    account = find(wizard, "xeeAccountLabel")
    qtbot.waitUntil(lambda: account.isVisible() and "Signed in as" in account.text(),
                    timeout=WAIT_MS)


@pytest.mark.browser
def test_xee_sign_in_associate_and_dissociate(qtbot, sandbox, make_wizard):
    chromium_or_skip()
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    assert not next_enabled(wizard)
    sign_in(qtbot, wizard, user)
    assert wizard.state["xee_user_id"] == str(user["id"])
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)

    type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
    type_into(qtbot, wizard, "xeePinEdit", device["pin"])
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)
    assert find(wizard, "reviewDeviceid").text() == device["id"]
    assert device["pin"] not in find(wizard, "reviewPin").text()   # the pin stays masked
    click(qtbot, wizard, "pairButton")
    wait_page(qtbot, wizard, Page.RESULT)
    assert "Device associated" in result_text(wizard)
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] == user["id"]

    click(qtbot, wizard, "undoButton")
    answer_dialog(qtbot, "undoDialog", yes=True)
    qtbot.waitUntil(lambda: wizard.state.get("undone"), timeout=WAIT_MS)
    wait_idle(qtbot, wizard)
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] is None

    # Sign out: the credentials page asks for a sign-in again.
    click(qtbot, wizard, "pairAnotherButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    click(qtbot, wizard, "backButton")
    wait_page(qtbot, wizard, Page.CREDENTIALS)
    click(qtbot, wizard, "xeeSignOutButton")
    qtbot.waitUntil(lambda: find(wizard, "xeeSignInButton").isVisible(), timeout=WAIT_MS)
    assert not next_enabled(wizard)
    run(qtbot, wizard.shutdown())


def test_xee_wrong_pin_on_screen_then_lock_warning(qtbot, sandbox, make_wizard):
    """The session from a token the sandbox mints (the browser step is tested above)."""
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wrong = "0000" if device["pin"] != "0000" else "1111"
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    token = sandbox.mint_xee_token(user["id"])
    run(qtbot, adopt_token(wizard, token))
    wait_idle(qtbot, wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)

    for attempt in (1, 2):
        type_into(qtbot, wizard, "xeeDeviceIdEdit", device["id"])
        type_into(qtbot, wizard, "xeePinEdit", wrong)
        click(qtbot, wizard, "nextButton")
        click(qtbot, wizard, "pairButton")
        wait_page(qtbot, wizard, Page.RESULT)
        text = result_text(wizard)
        assert "Xee rejected the device id or the pin" in text        # the advice
        assert "Check the device id and the pin" in text              # Xee's own tip
        assert "HTTP 400" in text
        click(qtbot, wizard, "fixInputButton")
        wait_page(qtbot, wizard, Page.DEVICE)
        warning = find(wizard, "xeePinWarning")
        assert f"{attempt} wrong pin" in warning.text()
    assert "one more wrong pin locks the box" in find(wizard, "xeePinWarning").text()
    run(qtbot, wizard.shutdown())


async def adopt_token(wizard, token: dict) -> None:
    """What a finished browser sign-in hands over, here from the sandbox's minting."""
    from app.auth.tokens import SessionOnlyTokenStore

    services = wizard.services
    root = await services.api_root("xee", "demo")
    fixtures = await services.fixtures()
    session = await services.xee_adopt(root, fixtures["xee"]["client_id"],
                                       fixtures["xee"]["client_secret"], token,
                                       SessionOnlyTokenStore(root))
    user = await session.me()
    wizard.state["xee_account"] = user.display_name
    wizard.state["xee_user_id"] = str(user.id)
    wizard.pages[Page.CREDENTIALS].xee.show_account()
    wizard.refresh()


def xee_review(qtbot, wizard, sandbox, user: dict, device: str, pin: str) -> None:
    """Choose Xee, signed in as `user` (a minted token), type the box, reach Review."""
    choose(qtbot, wizard, "xee")
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    type_into(qtbot, wizard, "xeeDeviceIdEdit", device)
    type_into(qtbot, wizard, "xeePinEdit", pin)
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.REVIEW)


def test_no_keychain_asks_for_session_only_then_cancel_sign_in(qtbot, sandbox, make_wizard):
    wizard = make_wizard(sandbox.url)
    # The plaintext test keychain does not count as usable unless allowed: as on a
    # machine without a keychain.
    wizard.services.settings.setValue("keyring/allowPlaintext", False)
    choose(qtbot, wizard, "xee")
    click(qtbot, wizard, "xeeSignInButton")
    answer_dialog(qtbot, "sessionOnlyDialog", yes=True)
    url_edit = find(wizard, "xeeSignInUrlEdit")
    qtbot.waitUntil(lambda: url_edit.text().startswith(sandbox.url), timeout=WAIT_MS)
    countdown = find(wizard, "xeeCountdownLabel")
    assert "left" in countdown.text()
    assert not find(wizard, "nextButton").isEnabled()
    click(qtbot, wizard, "xeeCancelSignInButton")
    status = find(wizard, "xeeSignInStatus")
    qtbot.waitUntil(lambda: "cancelled" in status.text(), timeout=WAIT_MS)
    assert find(wizard, "xeeSignInButton").isVisible()
    assert not url_edit.isVisible()

    click(qtbot, wizard, "xeeSignInButton")
    answer_dialog(qtbot, "sessionOnlyDialog", yes=False)
    qtbot.waitUntil(lambda: "nothing kept" in status.text(), timeout=WAIT_MS)
    run(qtbot, wizard.shutdown())
