"""The wizard's Xee sign-in without Qt (issue 14: its orchestration out of the widget),
against the sandbox over real HTTP, with a stand-in for the person (the view) and for
the browser (the consent form, then the redirect to the loopback listener)."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx2
import pytest

from app.auth.oauth import XeeSignIn
from app.auth.redirect import parse_registered_redirect
from app.auth.session import XeeSession
from app.auth.tokens import SessionOnlyTokenStore
from app.auth.wizard_sign_in import sign_in
from tests.auth.test_signin_xee_settings import consent, credentials, demo_user


class Services:
    """What the sign-in needs of the app (app.ui.services.Services, minus Qt)."""

    def __init__(self, sandbox, client: httpx2.AsyncClient, *, keychain: bool = True,
                 app: bool = True, options: dict[str, Any] | None = None,
                 bad_redirect: str = "") -> None:
        self.sandbox, self.client = sandbox, client
        self.keychain, self.app, self.options = keychain, app, options or {}
        self.bad_redirect = bad_redirect
        self.recorded: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
        self.stores: list[Any] = []
        self.sessions: list[XeeSession] = []

    async def api_root(self, provider: str, environment: str) -> str:
        assert provider == "xee"
        return self.sandbox.xee_root

    async def xee_app_credentials(self, environment: str) -> tuple[str, str] | None:
        return credentials(self.sandbox) if self.app else None

    async def keyring_usable(self) -> bool:
        return self.keychain

    async def xee_token_store(self, root: str, session_only: bool) -> Any:
        store = SessionOnlyTokenStore(root)
        self.stores.append((session_only, store))
        return store

    def xee_sign_in_options(self) -> dict[str, Any]:
        if self.bad_redirect:
            raise ValueError(self.bad_redirect)
        return self.options

    def browser_command(self) -> str | None:
        return None

    async def http(self) -> httpx2.AsyncClient:
        return self.client

    async def xee_adopt(self, root: str, client_id: str, client_secret: str,
                        token: dict[str, Any], store: Any) -> XeeSession:
        session = XeeSession(root, client_id, client_secret, store)
        await session.set_token(token)
        self.sessions.append(session)
        return session

    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None:
        self.recorded.append((action, state, error))
        return len(self.recorded)


class View:
    """The person in front of the wizard: answers and what they were shown."""

    def __init__(self, *, keep: bool = True, confirm: bool = True) -> None:
        self.keep, self.confirm = keep, confirm
        self.shown: list[str] = []
        self.asked_to_confirm: list[str] = []

    async def keep_for_this_session(self) -> bool:
        self.shown.append("no keychain?")
        return self.keep

    def show_attempt(self, attempt: Any) -> None:
        assert attempt.url.startswith("http")
        self.shown.append("waiting")

    def done_waiting(self) -> None:
        self.shown.append("done waiting")

    def browser_not_opened(self) -> None:
        self.shown.append("browser not opened")

    def reading_account(self) -> None:
        self.shown.append("reading account")

    async def confirm_account(self, who: str) -> bool:
        self.asked_to_confirm.append(who)
        return self.confirm


def browser(sandbox, *, opens: bool = True):
    """The system browser: the consent form with every box ticked, then the redirect.
    `opens=False`: the browser did not open, and the person copied the address."""
    def open_url(url: str, _command: str | None) -> bool:
        async def consent_and_follow() -> None:
            redirect = await consent(sandbox, url, demo_user(sandbox), scopes=[
                "devices_management", "users_read", "cars_read"])
            async with httpx2.AsyncClient() as client:
                await client.get(redirect.headers["location"])
        asyncio.run(consent_and_follow())
        return opens
    return open_url


def run(sandbox, services_kw: dict[str, Any] | None = None, *, opens: bool = True,
        **view_kw: Any) -> tuple[Any, Services, View]:
    view = View(**view_kw)

    async def scenario() -> tuple[Any, Services]:
        async with httpx2.AsyncClient() as client:
            services = Services(sandbox, client, **(services_kw or {}))
            try:
                outcome = await sign_in(services, view, "demo", sign_in_class=XeeSignIn,
                                        open_url=browser(sandbox, opens=opens))
            finally:
                for session in services.sessions:
                    await session.aclose()
            return outcome, services

    outcome, services = asyncio.run(scenario())
    return outcome, services, view


def test_a_sign_in_reads_the_account_and_is_recorded(sandbox):
    outcome, services, view = run(sandbox)
    assert outcome.kind == "signed_in" and outcome.user.id == demo_user(sandbox)["id"]
    assert view.shown == ["waiting", "done waiting", "reading account"]
    assert view.asked_to_confirm == []                        # Xee echoed the state
    assert services.stores[0][0] is False                      # kept in the keychain
    [(action, state, error)] = services.recorded
    assert action == "sign-in" and error is None
    assert state["xee_account"] == outcome.user.display_name


def test_no_keychain_asks_and_a_no_keeps_nothing_and_starts_nothing(sandbox):
    outcome, services, view = run(sandbox, {"keychain": False}, keep=False)
    assert outcome.kind == "not_kept" and view.shown == ["no keychain?"]
    assert services.recorded == [] and services.stores == []
    kept, services, view = run(sandbox, {"keychain": False}, keep=True)
    assert kept.kind == "signed_in" and services.stores[0][0] is True   # this session only


def test_no_app_credentials_and_a_bad_redirect_setting_end_before_the_browser(sandbox):
    no_app, services, view = run(sandbox, {"app": False})
    assert no_app.kind == "no_app" and view.shown == [] and services.recorded == []
    bad, services, view = run(sandbox, {"bad_redirect": "the port is not a number"})
    assert bad.kind == "bad_redirect" and bad.reason == "the port is not a number"
    assert view.shown == [] and services.recorded == []


def test_a_browser_that_did_not_open_is_said_and_the_copied_address_still_signs_in(sandbox):
    outcome, _services, view = run(sandbox, opens=False)
    assert "browser not opened" in view.shown and outcome.kind == "signed_in"


@pytest.mark.parametrize("confirm", [True, False])
def test_without_state_the_account_is_confirmed_before_anything_is_kept(sandbox, confirm):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    registered = f"http://localhost:{port}/callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered], echo_state=False)
    options = {"redirect": parse_registered_redirect(registered, ""), "state_echoed": False}
    outcome, services, view = run(sandbox, {"options": options}, confirm=confirm)
    who = demo_user(sandbox)
    assert len(view.asked_to_confirm) == 1 and f"(user {who['id']})" in view.asked_to_confirm[0]
    [(action, _state, error)] = services.recorded
    if confirm:
        assert outcome.kind == "signed_in" and error is None
    else:
        assert outcome.kind == "failed" and outcome.error.kind == "account_not_confirmed"
        assert services.sessions == []                          # nothing was kept
        assert action == "sign-in" and error["kind"].endswith("account_not_confirmed")
