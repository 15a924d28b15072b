"""The Xee sign-in as the wizard runs it, without Qt.

One attempt, in order: the API root and the Xee app's credentials for the environment;
without a usable keychain, ask whether to keep the sign-in for this session only; the
registered-redirect settings; the loopback attempt and the system browser; when Xee
returned no `state`, the signed-in account confirmed before anything is kept; the
session adopted, `GET /users/me`; the attempt recorded in the history (an error too).

What it needs of the app is `SignInServices` (app.ui.services.Services has it); what it
asks of the person is `SignInView` (the Credentials page's Xee panel, or a test's
stand-in). The view only shows: every decision is here, and tests run it against the
sandbox with no window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from app.auth.errors import SignInError
from app.core import flow
from app.core.errors import ProviderError


class SignInServices(Protocol):
    async def api_root(self, provider: str, environment: str) -> str: ...
    async def xee_app_credentials(self, environment: str) -> tuple[str, str] | None: ...
    async def keyring_usable(self) -> bool: ...
    async def xee_token_store(self, root: str, session_only: bool) -> Any: ...
    def xee_sign_in_options(self) -> dict[str, Any]: ...   # ValueError: a bad setting
    def browser_command(self) -> str | None: ...
    async def http(self) -> Any: ...
    async def xee_adopt(self, root: str, client_id: str, client_secret: str,
                        token: dict[str, Any], store: Any) -> Any: ...
    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None: ...


class SignInView(Protocol):
    async def keep_for_this_session(self) -> bool:
        """No usable keychain: keep the sign-in for this session only?"""
    def show_attempt(self, attempt: Any) -> None:
        """The attempt started (its address, its time left): show it."""
    def done_waiting(self) -> None:
        """The browser's part is over (a code, an error, a cancel)."""
    def browser_not_opened(self) -> None:
        """The system browser could not be opened: the address must be copied."""
    def reading_account(self) -> None:
        """Signed in; the account is being read."""
    async def confirm_account(self, who: str) -> bool:
        """Xee returned no state: is `who` the customer's account?"""


@dataclass
class SignInOutcome:
    """How the attempt ended. `kind`: "signed_in", "no_app" (no client id and secret),
    "not_kept" (no keychain and the person declined), "bad_redirect" (the setting cannot
    be used: `reason`), or "failed" (`error`: a SignInError or ProviderError)."""

    kind: str
    user: Any = None
    session: Any = None
    error: SignInError | ProviderError | None = None
    reason: str = ""

    @property
    def kept_for_this_session_only(self) -> bool:
        """Signed in, but the keychain refused to keep it."""
        return bool(getattr(self.session, "last_store_error", None))


def history_error(error: SignInError | ProviderError) -> dict[str, Any]:
    """The history's error data for a failed sign-in (nothing was paired)."""
    if isinstance(error, SignInError):
        return {**flow.sign_in_error(error), "may_have_reached_server": False}
    return flow.error_dict(error)


async def sign_in(services: SignInServices, view: SignInView, environment: str, *,
                  sign_in_class: type | None = None,
                  open_url: Callable[[str, str | None], bool] | None = None,
                  on_attempt: Callable[[Any], None] | None = None) -> SignInOutcome:
    """One Xee sign-in attempt for `environment`, as described at the top.

    `sign_in_class` is app.auth.oauth.XeeSignIn (the caller imports authlib off the GUI
    thread); `open_url` opens the system browser (app.auth.browser.open_url, in a worker
    thread); `on_attempt` receives the attempt, or None once it is over, so that the
    caller can cancel it."""
    if sign_in_class is None:
        from app.auth.oauth import XeeSignIn as sign_in_class
    if open_url is None:
        from app.auth.browser import open_url
    outcome = await _attempt(services, view, environment, sign_in_class, open_url,
                             on_attempt or (lambda _attempt: None))
    if outcome.kind == "failed" and outcome.error is not None:
        await services.record({"provider": "xee", "environment": environment}, "sign-in",
                              error=history_error(outcome.error))
    elif outcome.kind == "signed_in":
        await services.record({"provider": "xee", "environment": environment,
                               "xee_account": outcome.user.display_name}, "sign-in")
    return outcome


async def _attempt(services: SignInServices, view: SignInView, environment: str,
                   sign_in_class: type, open_url: Callable[[str, str | None], bool],
                   on_attempt: Callable[[Any], None]) -> SignInOutcome:
    try:
        root = await services.api_root("xee", environment)
        credentials = await services.xee_app_credentials(environment)
        if credentials is None:
            return SignInOutcome("no_app")
        session_only = False
        if not await services.keyring_usable():
            if not await view.keep_for_this_session():
                return SignInOutcome("not_kept")
            session_only = True
        store = await services.xee_token_store(root, session_only)
        try:
            options = services.xee_sign_in_options()
        except ValueError as exc:   # RedirectSettingError: a sentence
            return SignInOutcome("bad_redirect", reason=str(exc))
        client_id, client_secret = credentials
        attempt = await sign_in_class(root, client_id, client_secret, **options).start()
        on_attempt(attempt)
        try:
            view.show_attempt(attempt)
            if not await asyncio.to_thread(open_url, attempt.url, services.browser_command()):
                view.browser_not_opened()
            token = await attempt.result()
        finally:
            on_attempt(None)
            view.done_waiting()
        view.reading_account()
        if attempt.needs_account_confirmation:
            await _confirm_account(services, view, root, token)
        session = await services.xee_adopt(root, client_id, client_secret, token, store)
        user = await session.me()
    except (SignInError, ProviderError) as error:
        return SignInOutcome("failed", error=error)
    return SignInOutcome("signed_in", user=user, session=session)


async def _confirm_account(services: SignInServices, view: SignInView, root: str,
                           token: dict[str, Any]) -> None:
    """Xee returned no state ("Xee does not echo state"): who signed in (GET /users/me)
    is confirmed before anything is kept or paired."""
    from app.core.xee import XeeAPI

    user = await XeeAPI(await services.http(), root,
                        access_token=token["access_token"]).me()
    if not await view.confirm_account(f"{user.display_name} (user {user.id})"):
        raise SignInError("account_not_confirmed")


__all__ = ["SignInOutcome", "SignInServices", "SignInView", "history_error", "sign_in"]
