"""The whole Xee sign-in in a real headless Chromium against the sandbox.

Playwright's async API runs on the same loop as the loopback listener (asyncio.run).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.auth.errors import SignInError
from app.auth.oauth import XeeSignIn
from app.auth.session import XeeSession
from app.auth.tokens import SessionOnlyTokenStore
from app.core.errors import ProviderError
from tests.needs import unavailable

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def require_chromium():
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")


def xee_setup(sandbox):
    xee = sandbox.fixtures()["xee"]
    user = next(u for u in xee["users"] if not u.get("disabled"))
    device = next(d for d in xee["devices"] if d["user_id"] is None and not d["locked"])
    return xee, user, device


async def in_browser(attempt, act):
    """Open the authorization URL in Chromium, let `act(page)` use the consent page,
    then wait for the attempt's outcome. Returns (token or error, final page text, url)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = await browser.new_page()
            await page.goto(attempt.url)
            await act(page)
            await page.wait_for_url("**/done", timeout=15_000)
            try:
                outcome = await attempt.result()
            except SignInError as exc:
                outcome = exc
            return outcome, await page.inner_text("body"), page.url
        finally:
            attempt.cancel()
            await browser.close()


def sign_in_with(user, untick: tuple[str, ...] = ()):
    async def act(page):
        await page.fill('input[name="login"]', user["login"])
        await page.fill('input[name="password"]', user["password"])
        for scope in untick:
            await page.uncheck(f'input[name="scope"][value="{scope}"]')
        await page.click('button[name="approve"]')

    return act


async def deny(page):
    await page.click('button[name="deny"]')


def test_sign_in_approve_then_associate_with_the_token(sandbox):
    xee, user, device = xee_setup(sandbox)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"], timeout=60)
        attempt = await sign_in.start()
        token, text, url = await in_browser(attempt, sign_in_with(user))
        port_closed = attempt.listener.closed
        assert not isinstance(token, SignInError), token
        store = SessionOnlyTokenStore(sandbox.xee_root)
        async with XeeSession(
            sandbox.xee_root, xee["client_id"], xee["client_secret"], store
        ) as session:
            await session.set_token(token)
            me = await session.me()
            await session.call(lambda api: api.associate(device["id"], device["pin"]))
        return token, text, url, port_closed, me, store.load()

    token, text, url, port_closed, me, stored = asyncio.run(scenario())
    assert len(token["access_token"]) == 64
    assert token["refresh_token"]
    assert stored["access_token"] == token["access_token"]
    assert "Return to Pairing Wizard" in text
    assert url.endswith("/done") and "code=" not in url
    assert port_closed
    assert me.id == user["id"]
    owner = next(d for d in sandbox.fixtures()["xee"]["devices"] if d["id"] == device["id"])
    assert owner["user_id"] == user["id"]


def test_sign_in_deny_is_a_denied_error(sandbox):
    xee, _, _ = xee_setup(sandbox)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"], timeout=60)
        attempt = await sign_in.start()
        return await in_browser(attempt, deny)

    error, text, url = asyncio.run(scenario())
    assert isinstance(error, SignInError)
    assert error.kind == "denied"
    assert error.provider_message == "access_denied"
    assert "declined" in text
    assert "Return to Pairing Wizard" in text
    assert url.endswith("/done")


def test_sign_in_without_devices_management_then_associate_gets_the_scope_error(sandbox):
    xee, user, device = xee_setup(sandbox)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"], timeout=60)
        attempt = await sign_in.start()
        token, _, _ = await in_browser(attempt, sign_in_with(user, untick=("devices_management",)))
        assert not isinstance(token, SignInError), token
        async with XeeSession(
            sandbox.xee_root, xee["client_id"], xee["client_secret"], SessionOnlyTokenStore("x")
        ) as session:
            await session.set_token(token)
            me = await session.me()  # users_read was kept
            with pytest.raises(ProviderError) as caught:
                await session.call(lambda api: api.associate(device["id"], device["pin"]))
        return me, caught.value

    me, error = asyncio.run(scenario())
    assert me.id == user["id"]
    assert error.kind.endswith("scope_missing")
    assert error.status == 403
    assert error.category == "auth"
    assert "devices_management" in (error.tip + error.advice)


def test_registered_localhost_redirect_without_state_or_scope_in_chromium(sandbox):
    """Issue 13: the Xee app as Xee registers it: http://localhost:PORT/callback, no
    `state` echoed, no `scope` sent. Chromium resolves localhost itself (IPv6 or IPv4):
    both listen."""
    import socket

    from app.auth.redirect import parse_registered_redirect

    xee, user, _ = xee_setup(sandbox)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    registered = f"http://localhost:{port}/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"],
                            timeout=60, redirect=parse_registered_redirect(registered),
                            state_echoed=False, send_scope=False)
        attempt = await sign_in.start()
        token, text, url = await in_browser(attempt, sign_in_with(user))
        return attempt, token, text, url

    attempt, token, text, url = asyncio.run(scenario())
    assert not isinstance(token, SignInError), token
    assert "scope=" not in attempt.url
    assert attempt.needs_account_confirmation
    assert url == f"http://localhost:{port}/done"
    assert "Return to Pairing Wizard" in text
