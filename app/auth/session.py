"""A signed-in Xee session: authlib's AsyncOAuth2Client plus token persistence.

The client refreshes ahead of expiry (authlib, `leeway` seconds early) and `call()`
refreshes once and retries once when Xee answers 403 "Token has expired". Every
rotated token is saved to the store at once (Xee invalidates the old refresh token).

A refresh Xee refuses kills the sign-in: from then on every request of the session,
those already waiting for the refresh lock included, ends in SignInError
"session_expired" (sign in again) and sends nothing, until `set_token` adopts a new
sign-in; after the user's own `sign_out`, "not_signed_in".
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx2
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client

from app.auth.errors import SignInError
from app.auth.oauth import (
    CLIENT_AUTH_METHOD,
    HttpClientFactory,
    raise_for_token_response,
    system_oauth_client,
    token_endpoint,
)
from app.auth.tokens import TokenStorage, TokenStoreError

if TYPE_CHECKING:
    from app.core.xee import XeeAPI, XeeUser

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_LEEWAY = 60  # seconds before expires_at at which authlib refreshes by itself


def _refresh_failure_kind(status: int) -> str:
    # 4xx: the refresh token is dead (rotated, revoked, expired); 5xx: try later.
    return "session_expired" if status < 500 else "network"


class XeeSession:
    def __init__(
        self,
        api_root: str,
        client_id: str,
        client_secret: str,
        store: TokenStorage,
        http_client_factory: HttpClientFactory | None = None,
        *,
        leeway: int = DEFAULT_LEEWAY,
        request_timeout: float | None = None,
    ) -> None:
        # request_timeout: seconds per HTTP request (None: the app's default, 30 s).
        self.api_root = api_root.rstrip("/")
        self.store = store
        self.last_store_error: str | None = None
        factory = http_client_factory or system_oauth_client
        self._client: AsyncOAuth2Client = factory(
            client_id=client_id,
            client_secret=client_secret,
            token_endpoint_auth_method=CLIENT_AUTH_METHOD,
            token_endpoint=token_endpoint(self.api_root),
            token=store.load(),  # may raise TokenStoreError: the caller offers session-only
            update_token=self._on_token_refreshed,
            leeway=leeway,
            **({"timeout": request_timeout} if request_timeout else {}),
        )
        self._client.register_compliance_hook(
            "refresh_token_response", raise_for_token_response(_refresh_failure_kind)
        )
        self._refresh_lock = asyncio.Lock()
        self._sign_in_died = False  # Xee refused a refresh: "session_expired" until set_token

    def __repr__(self) -> str:
        return f"XeeSession(api_root={self.api_root!r}, signed_in={self.signed_in})"

    # -- state -----------------------------------------------------------------------------

    @property
    def client(self) -> AsyncOAuth2Client:
        """The httpx2 client that adds the bearer token (pass it to XeeAPI)."""
        return self._client

    @property
    def signed_in(self) -> bool:
        return bool(self._client.token and self._client.token.get("access_token"))

    @property
    def expires_at(self) -> int | None:
        return self._client.token.get("expires_at") if self.signed_in else None

    async def set_token(self, token: dict[str, Any]) -> None:
        """Adopt the token of a finished sign-in and keep it in the store."""
        if not token.get("access_token"):
            raise ValueError("not a token")
        self._client.token = dict(token)
        self._sign_in_died = False
        await self._save(self._client.token)

    # -- calls -----------------------------------------------------------------------------

    def api(self) -> XeeAPI:
        from app.core.xee import XeeAPI

        # No access_token: the authlib client adds (and refreshes) the bearer itself.
        return XeeAPI(self._client, self.api_root, access_token=None)

    async def call(self, fn: Callable[[XeeAPI], Awaitable[T]]) -> T:
        """Run `fn(xee_api)`; on 403 "Token has expired" refresh once and retry once."""
        from app.core.errors import XeeTokenExpired

        self._require_token()
        used_access_token = self._client.token.get("access_token")
        try:
            return await self._translate(fn(self.api()))
        except XeeTokenExpired:
            log.info("Xee says the access token has expired: refreshing once and retrying")
            await self.refresh(expired_access_token=used_access_token)
            return await self._translate(fn(self.api()))

    async def me(self) -> XeeUser:
        """Who is signed in (GET /users/me, scope users_read)."""
        return await self.call(lambda xee: xee.me())

    async def refresh(self, expired_access_token: str | None = None) -> None:
        """Refresh now. With `expired_access_token`, skip if another call already did."""
        self._require_token()
        # authlib's own lock also guards its refresh-ahead-of-expiry; share it when present,
        # or a refresh here and one inside a request could spend one refresh token twice.
        # A private attribute, checked against authlib 1.9.9 (set in AsyncOAuth2Client's
        # __init__, held by ensure_active_token); tests/auth/test_errors.py fails if it goes.
        lock = getattr(self._client, "_token_refresh_lock", None) or self._refresh_lock
        async with lock:
            self._require_token()   # signed out, or the sign-in died, while this waited
            token = self._client.token
            if (
                expired_access_token is not None
                and token.get("access_token") != expired_access_token
            ):
                return  # a concurrent call refreshed meanwhile: the rotated token is in use
            refresh_token = token.get("refresh_token")
            if not refresh_token:
                raise SignInError("session_expired", provider_message="no refresh token")
            try:
                await self._client.refresh_token(refresh_token=refresh_token)
            except SignInError as exc:
                if exc.kind == "session_expired":
                    await self._forget_dead_token(refresh_token)
                raise
            except httpx2.TransportError as exc:
                raise SignInError("network", provider_message=type(exc).__name__) from None

    async def sign_out(self) -> None:
        """Forget the tokens, here and in the store (Xee v3 has no revocation endpoint)."""
        self._drop_token()
        self._sign_in_died = False
        try:
            await asyncio.to_thread(self.store.clear)
        except TokenStoreError as exc:
            raise SignInError("keychain_failed", provider_message=str(exc)) from None
        log.info("Signed out of Xee")

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> XeeSession:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- internals -------------------------------------------------------------------------

    def _require_token(self) -> None:
        if self._sign_in_died:
            raise SignInError("session_expired")
        if not self.signed_in:
            raise SignInError("not_signed_in")

    def _drop_token(self) -> None:
        """No token any more, emptied in place rather than replaced by None: a request
        waiting for authlib's refresh lock holds the token it started with and, once it
        has the lock, reads `self.token.is_expired()` (None: an AttributeError) and
        refreshes with the held token's refresh token (a signed-out one would sign in
        again). Emptied to an expired token without a refresh token, authlib refuses it
        (InvalidTokenError) before sending anything, and `_translate` says why."""
        token = self._client.token
        if token is not None:
            token.clear()
            token["expires_at"] = 0

    async def _translate(self, awaitable: Awaitable[T]) -> T:
        """authlib's token errors (no token, expired without refresh token) as SignInError.

        authlib also refreshes by itself when the token is inside the leeway window; when
        Xee rejects that refresh token (used, revoked), the refresh hook raises
        "session_expired" from inside the request: forget the dead token then too.
        """
        token = self._client.token
        refresh_token = token.get("refresh_token") if token else None
        try:
            return await awaitable
        except OAuthError as exc:
            self._require_token()   # the token went while this waited: signed out, or died
            raise SignInError("session_expired", provider_message=exc.error) from None
        except SignInError as exc:
            if exc.kind == "session_expired" and refresh_token:
                await self._forget_dead_token(refresh_token)
            raise

    async def _on_token_refreshed(
        self,
        token: dict[str, Any],
        refresh_token: str | None = None,
        access_token: str | None = None,
    ) -> None:
        # authlib's update_token: called after every refresh with the rotated token.
        log.info("Xee access token refreshed")
        await self._save(token)

    async def _save(self, token: dict[str, Any]) -> None:
        try:
            await asyncio.to_thread(self.store.save, dict(token))
            self.last_store_error = None
        except TokenStoreError as exc:
            # Keep working with the token in memory; the UI can warn that it won't persist.
            self.last_store_error = str(exc)
            log.warning("Could not save the Xee sign-in: %s", exc)

    async def _forget_dead_token(self, rejected_refresh_token: str) -> None:
        current = self._client.token
        if current and current.get("refresh_token") != rejected_refresh_token:
            return  # a concurrent call has already rotated in a live token, or it is gone
        self._drop_token()
        self._sign_in_died = True
        try:
            stored = await asyncio.to_thread(self.store.load)
            if stored is None or stored.get("refresh_token") == rejected_refresh_token:
                await asyncio.to_thread(self.store.clear)
        except TokenStoreError as exc:
            log.warning("Could not clear the expired Xee sign-in: %s", exc)


class SessionSlot:
    """The one Xee session in use and the API root it was made for.

    Restoring a sign-in from the keychain is slow (the keychain may even ask the user),
    and the environment, API version or provider can change meanwhile. So: `clear()`
    (called on every such change) closes the session in use and cancels a restore still
    running; a session built for an earlier choice is closed, never installed; a session
    replaced by another is closed (its HTTP client).
    """

    def __init__(self) -> None:
        self.session: Any = None
        self.root: str | None = None
        self._generation = 0           # bumped by clear(): a ticket older than this is stale
        self._restore: asyncio.Task[Any] | None = None
        self._restore_root: str | None = None

    def ticket(self) -> int:
        """Take one before slow work; `install(..., ticket)` refuses it after a clear()."""
        return self._generation

    def current(self, root: str) -> Any:
        """The session in use if it was made for `root`, else None."""
        return self.session if self.session is not None and self.root == _root(root) else None

    @property
    def restoring(self) -> str | None:
        """The root a restore is running for, or None."""
        task = self._restore
        return self._restore_root if task is not None and not task.done() else None

    async def install(self, session: Any, root: str, ticket: int | None = None) -> bool:
        """Put `session` in use for `root`, closing the one it replaces. With a `ticket`
        taken before a clear(), the session belongs to an earlier choice: it is closed
        and False returned."""
        if ticket is not None and ticket != self._generation:
            log.info("Discarding a Xee session made for an earlier environment choice")
            await session.aclose()
            return False
        old, self.session, self.root = self.session, session, _root(root)
        if old is not None and old is not session:
            await old.aclose()
        return True

    async def clear(self) -> None:
        """Another environment, API version or provider: no session, no restore running."""
        self._generation += 1
        task, self._restore, self._restore_root = self._restore, None, None
        if task is not None and not task.done():
            task.cancel()
        old, self.session, self.root = self.session, None, None
        if old is not None:
            await old.aclose()

    async def restore(self, root: str, build: Callable[[], Awaitable[Any]]) -> Any:
        """The session for `root`: the one in use, or the one `build()` makes (None:
        nothing stored). The build runs in a task owned here, one at a time: a clear()
        cancels it, and so does cancelling the caller. Its result is installed only when
        nothing changed meanwhile (else closed, and None returned); a session put in use
        for `root` meanwhile (a fresh sign-in) is kept, the restored one closed."""
        existing = self.current(root)
        if existing is not None:
            return existing
        if self.restoring == _root(root):
            assert self._restore is not None
            return await self._restore       # the same restore, asked twice
        if self.session is not None or self.restoring is not None:
            await self.clear()               # another root's session or restore: gone
        ticket = self.ticket()
        task = asyncio.ensure_future(self._restore_and_install(root, build, ticket))
        self._restore, self._restore_root = task, _root(root)
        try:
            return await task
        finally:
            if self._restore is task:
                self._restore, self._restore_root = None, None

    async def _restore_and_install(self, root: str, build: Callable[[], Awaitable[Any]],
                                   ticket: int) -> Any:
        session = await build()
        if session is None:
            return None
        signed_in_meanwhile = self.current(root)
        if signed_in_meanwhile is not None and ticket == self._generation:
            await session.aclose()
            return signed_in_meanwhile
        return session if await self.install(session, root, ticket) else None


async def in_thread_closed_if_cancelled(make: Callable[[], Any]) -> Any:
    """`make()` (which builds a session) in a worker thread. A thread cannot be stopped:
    if the caller is cancelled meanwhile, the session it goes on to build is closed."""
    future = asyncio.ensure_future(asyncio.to_thread(make))
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        def close(done: asyncio.Future[Any]) -> None:
            if not done.cancelled() and done.exception() is None and done.result() is not None:
                asyncio.ensure_future(done.result().aclose())

        future.add_done_callback(close)
        raise


def _root(root: str) -> str:
    return root.rstrip("/")
