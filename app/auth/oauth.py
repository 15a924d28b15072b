"""Xee sign-in: authorization code + PKCE (S256) through a loopback listener.

Usage (the wizard shows a countdown, a copyable URL and a Cancel button):

    attempt = await XeeSignIn(root, client_id, client_secret).start()
    open_url(attempt.url)                 # app.auth.browser; show attempt.url if False
    ... attempt.seconds_left() each second, attempt.cancel() on Cancel ...
    token = await attempt.result()        # dict, or SignInError with .kind and .advice
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any

import httpx2
from authlib.integrations.httpx_client import AsyncOAuth2Client

from app.auth.errors import SignInError
from app.auth.loopback import DEFAULT_READ_TIMEOUT, LoopbackListener
from app.auth.redirect import RegisteredRedirect
from app.auth.scopes import DEFAULT_SCOPES
from app.core.http import read_body, xee_error_fields

log = logging.getLogger(__name__)


DEFAULT_TIMEOUT = 300.0
# Xee documents HTTP Basic client_id:client_secret on the token endpoint.
CLIENT_AUTH_METHOD = "client_secret_basic"  # noqa: S105 - a method name, not a secret

# Builds the OAuth HTTP client; tests pass e.g. partial(AsyncOAuth2Client, transport=...).
HttpClientFactory = Callable[..., AsyncOAuth2Client]


def system_oauth_client(**kwargs: Any) -> AsyncOAuth2Client:
    """authlib's client with the OS trust store and the system proxy settings, like every
    other client of the app (app.core.transport): company proxies that inspect TLS work
    without verification ever being turned off."""
    from app.core.transport import DEFAULT_TIMEOUT, system_ssl_context

    kwargs.setdefault("verify", system_ssl_context())
    kwargs.setdefault("trust_env", True)
    # Without a timeout httpx2's default (5 s) applies: Xee would give up long before
    # RUFUS and Zype do. The caller passes the wizard's network/timeoutSeconds setting.
    if kwargs.get("timeout") is None:
        kwargs["timeout"] = DEFAULT_TIMEOUT
    return AsyncOAuth2Client(**kwargs)

__all__ = [
    "DEFAULT_SCOPES",
    "DEFAULT_TIMEOUT",
    "SignInAttempt",
    "SignInError",
    "XeeSignIn",
    "authorization_endpoint",
    "raise_for_token_response",
    "token_endpoint",
]


def _is_v4(api_root: str) -> bool:
    return api_root.rstrip("/").rsplit("/", 1)[-1].lower() == "v4"


def authorization_endpoint(api_root: str) -> str:
    # v4 (sdk-android AuthEndpoint): oauth/authorize and oauth/token; v3: auth/auth and
    # auth/access_token (xee-api-docs api/api/v3/auth/).
    return api_root.rstrip("/") + ("/oauth/authorize" if _is_v4(api_root) else "/auth/auth")


def token_endpoint(api_root: str) -> str:
    return api_root.rstrip("/") + ("/oauth/token" if _is_v4(api_root)
                                   else "/auth/access_token")


def raise_for_token_response(
    kind_for_status: Callable[[int], str],
) -> Callable[[httpx2.Response], httpx2.Response]:
    """An authlib compliance hook: authlib would take Xee's 403 {"message": …} for a token.

    The token endpoint answers 200 with a token, 400 with a PARAMETERS_ERROR array, 403
    with {"message": "Invalid authentication"}: turn every non-200 into a SignInError of
    kind `kind_for_status(status)`, with Xee's own type, message and tip.
    """

    def hook(response: httpx2.Response) -> httpx2.Response:
        if response.status_code == 200:
            return response
        fields = xee_error_fields(read_body(response.content,
                                            response.headers.get("content-type", "")))
        message = fields.message if fields else ""
        tip = fields.tip if fields else ""
        raise SignInError(
            kind_for_status(response.status_code),
            provider_message=message or (
                "" if tip else f"HTTP {response.status_code} from the token endpoint"),
            status=response.status_code,
            type=fields.type if fields else None,
            tip=tip,
        )

    return hook


class SignInAttempt:
    """One sign-in in progress: the listener is bound and the URL is ready."""

    def __init__(
        self,
        *,
        url: str,
        redirect_uri: str,
        deadline: float,
        listener: LoopbackListener,
        exchange: Callable[[str], Any],
        on_finished: Callable[[], Any],
    ) -> None:
        self.url = url
        self.redirect_uri = redirect_uri
        self.deadline = deadline  # in loop.time() seconds
        self._loop = asyncio.get_running_loop()
        self._listener = listener
        self._exchange = exchange
        self._on_finished = on_finished
        self._cancel_requested = False
        self._running = False
        self._task = self._loop.create_task(self._run(), name="xee-sign-in")
        # Retrieve the outcome even if nobody awaits result() (no "never retrieved" noise).
        self._task.add_done_callback(lambda task: task.cancelled() or task.exception())

    def seconds_left(self) -> float:
        """For a countdown: seconds until the attempt times out (0 once over)."""
        if self._task.done():
            return 0.0
        return max(0.0, self.deadline - self._loop.time())

    def done(self) -> bool:
        return self._task.done()

    @property
    def listener(self) -> LoopbackListener:
        return self._listener

    @property
    def refused_without_state(self) -> bool:
        """A callback without `state` came and was refused (the setting expects it): show
        SignInError("state_missing").advice now; the attempt ends with it on timeout."""
        return self._listener.refused_without_state

    @property
    def needs_account_confirmation(self) -> bool:
        """True when the callback came without `state` ("Xee does not echo state"): the
        caller must show who signed in (GET /users/me) and have it confirmed before any
        pairing, since nothing else ties this sign-in to the browser tab we opened."""
        return self._listener.state_missing

    def cancel(self) -> None:
        """Give up at once: the listener closes and result() raises SignInError('cancelled')."""
        if self._task.done():
            return
        self._cancel_requested = True
        self._listener.close()  # free the port now, not on the next loop turn
        # A task that never ran would skip _run's except/finally if cancelled: _run sees
        # the request as it starts instead, and ends the same way.
        if self._running:
            self._task.cancel()

    async def result(self) -> dict[str, Any]:
        """The token (a dict with access_token, refresh_token, expires_at, …).

        Cancelling the coroutine awaiting this also ends the attempt (port freed).
        """
        return await self._task

    async def _run(self) -> dict[str, Any]:
        self._running = True
        try:
            if self._cancel_requested:
                raise asyncio.CancelledError
            try:
                async with asyncio.timeout_at(self.deadline):
                    code = await self._listener.wait_for_code()
            except TimeoutError:
                if self._listener.refused_without_state:
                    raise SignInError("state_missing") from None
                raise SignInError("timeout") from None
            finally:
                self._listener.close()
            return await self._exchange(code)
        except asyncio.CancelledError:
            if self._cancel_requested:
                log.info("Sign-in cancelled")
                raise SignInError("cancelled") from None
            raise
        finally:
            self._listener.close()
            with contextlib.suppress(Exception):
                await self._on_finished()


class XeeSignIn:
    """Builds sign-in attempts against one Xee environment."""

    def __init__(
        self,
        api_root: str,
        client_id: str,
        client_secret: str,
        scopes: Iterable[str] = DEFAULT_SCOPES,
        timeout: float = DEFAULT_TIMEOUT,
        http_client_factory: HttpClientFactory | None = None,
        *,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        redirect: RegisteredRedirect | None = None,
        state_echoed: bool = True,
        send_scope: bool = True,
        request_timeout: float | None = None,
    ) -> None:
        """`request_timeout`: seconds each HTTP request (the token exchange) may take
        (None: app.core.transport.DEFAULT_TIMEOUT).
        `redirect`: the redirect URI registered for the Xee app (app.auth.redirect; the
        default is 127.0.0.1, any free port, /callback). `state_echoed=False` accepts a
        callback without `state` (see SignInAttempt.needs_account_confirmation).
        `send_scope=False` leaves `scope` out of the authorization URL, as Xee's Android
        SDK 3.x does: the scopes are then the ones set on the client at Xee."""
        if not client_id or not client_secret:
            raise ValueError("client_id and client_secret are required")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.api_root = api_root.rstrip("/")
        self.client_id = client_id
        self._client_secret = client_secret
        self.scopes = tuple(scopes)
        self.timeout = float(timeout)
        self._http_client_factory = http_client_factory or system_oauth_client
        self._read_timeout = read_timeout
        self.redirect = redirect or RegisteredRedirect()
        self.state_echoed = state_echoed
        self.send_scope = send_scope
        self.request_timeout = request_timeout

    def __repr__(self) -> str:  # no secret in reprs or logs
        return f"XeeSignIn(api_root={self.api_root!r}, client_id={self.client_id!r})"

    async def start(self) -> SignInAttempt:
        """Bind the listener and build the authorization URL; the timeout starts now."""
        state = secrets.token_urlsafe(32)
        # RFC 7636: 43-128 characters from the unreserved set; token_urlsafe(64) gives 86.
        code_verifier = secrets.token_urlsafe(64)
        listener = LoopbackListener(state, read_timeout=self._read_timeout,
                                    redirect=self.redirect, state_echoed=self.state_echoed)
        await listener.start()
        client: AsyncOAuth2Client | None = None
        try:
            client = self._http_client_factory(
                client_id=self.client_id,
                client_secret=self._client_secret,
                token_endpoint_auth_method=CLIENT_AUTH_METHOD,
                scope=" ".join(self.scopes) if self.send_scope else None,
                redirect_uri=listener.redirect_uri,
                code_challenge_method="S256",
                **({"timeout": self.request_timeout} if self.request_timeout else {}),
            )
            client.register_compliance_hook(
                "access_token_response",
                raise_for_token_response(lambda status: "token_exchange_failed"),
            )
            # authlib does not remember `state`: we keep it (the listener checks it).
            url, _ = client.create_authorization_url(
                authorization_endpoint(self.api_root),
                state=state,
                code_verifier=code_verifier,
            )
        except BaseException:
            listener.close()
            if client is not None:
                await client.aclose()
            raise

        async def exchange(code: str) -> dict[str, Any]:
            try:
                token = await client.fetch_token(
                    token_endpoint(self.api_root),
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=code_verifier,
                    redirect_uri=listener.redirect_uri,
                )
            except SignInError:
                raise
            except httpx2.TransportError as exc:
                raise SignInError("network", provider_message=type(exc).__name__) from None
            except (httpx2.HTTPStatusError, ValueError) as exc:
                raise SignInError(
                    "token_exchange_failed", provider_message=type(exc).__name__
                ) from None
            if not token.get("access_token"):
                raise SignInError(
                    "token_exchange_failed", provider_message="no access token in the answer"
                )
            log.info("Xee sign-in completed")
            return dict(token)

        loop = asyncio.get_running_loop()
        return SignInAttempt(
            url=url,
            redirect_uri=listener.redirect_uri,
            deadline=loop.time() + self.timeout,
            listener=listener,
            exchange=exchange,
            on_finished=client.aclose,
        )

    async def run(
        self,
        open_browser: Callable[[str], bool] | None = None,
        on_started: Callable[[SignInAttempt], Any] | None = None,
    ) -> dict[str, Any]:
        """Start, show (on_started) and open the URL, and wait for the token.

        `on_started` runs before the browser opens, so the caller can always show the
        URL for copying; `open_browser` defaults to app.auth.browser.open_url.
        """
        if open_browser is None:
            from app.auth.browser import open_url as open_browser
        attempt = await self.start()
        try:
            if on_started is not None:
                on_started(attempt)
            if not open_browser(attempt.url):
                log.warning("The browser could not be opened; the URL must be opened by hand")
            return await attempt.result()
        except BaseException:
            attempt.cancel()
            raise
