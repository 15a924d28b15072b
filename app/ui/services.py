"""What the wizard talks to: the demo sandbox, the HTTP client, provider clients,
the Xee session, the keychain. Heavy imports (httpx2, keyring, authlib, uvicorn)
happen here, on first use, after the window has painted.

Every network call is a coroutine on the qasync loop; blocking calls (keychain,
starting or stopping uvicorn) run in a worker thread, and so do the slow first imports
(authlib: ~130 ms) and the HTTP client's creation (its TLS context: ~20 ms).
asyncio itself is imported by the methods that use it: the wizard paints first.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from app.core import flow

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

REQUEST_TIMEOUT = 30.0
# network/timeoutSeconds: one request timeout for every provider and the Xee sign-in.
TIMEOUT_SETTING = "network/timeoutSeconds"
TIMEOUT_RANGE = (5, 300)


class DemoSandbox:
    """The offline sandbox, started in a background thread (it has its own loop).

    `ready()` resolves with the base URL; pages that need it await it. An
    `external_url` skips starting one (tests pass the sandbox fixture's URL).
    """

    def __init__(self, external_url: str | None = None, latency_ms: int = 0) -> None:
        self._external_url = external_url
        self._latency_ms = latency_ms
        self._server: Any = None
        self._future: asyncio.Future[str] | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        import asyncio

        if self._future is not None:
            return
        loop = asyncio.get_event_loop()
        self._future = loop.create_future()
        if self._external_url:
            self._future.set_result(self._external_url.rstrip("/"))
            return
        future = self._future
        # The providers' demo dialects as registered now (the demo's Zype pins renew when
        # they expire: a demo lasts a training day).
        dialect = flow.demo_dialect()

        def run() -> None:
            try:
                from app.sandbox.server import SandboxServer

                server = SandboxServer(host="127.0.0.1", port=0, latency_ms=self._latency_ms,
                                       dialect=dialect)
                url = server.start()
            except BaseException as exc:  # reported to whoever awaits ready()
                log.exception("The demo sandbox did not start")
                loop.call_soon_threadsafe(_settle, future, None, exc)
                return
            self._server = server
            log.info("Demo sandbox listening on %s", url)
            loop.call_soon_threadsafe(_settle, future, url, None)

        self._thread = threading.Thread(target=run, name="demo-sandbox", daemon=True)
        self._thread.start()

    async def ready(self) -> str:
        import asyncio

        if self._future is None:
            self.start()
        assert self._future is not None
        return await asyncio.shield(self._future)

    @property
    def url(self) -> str | None:
        if self._future is not None and self._future.done() and not self._future.exception():
            return self._future.result()
        return None

    async def stop(self) -> None:
        import asyncio

        server, self._server = self._server, None
        if server is not None:
            await asyncio.to_thread(server.stop)


def _settle(future: asyncio.Future, result: Any, exc: BaseException | None) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)


def attempt_identifiers(state: dict[str, Any],
                        result: dict[str, Any] | None = None) -> dict[str, str]:
    """What identifies the device and the account in the history (the names of
    app.core.history.IDENTIFIER_FIELDS): never a key, a token or the Xee pin."""
    result = result or {}
    provider = state.get("provider") or ""
    info = flow.PROVIDERS.get(provider)

    def text(*values: Any) -> str:
        return next((str(v).strip() for v in values if v not in (None, "")), "")

    ids: dict[str, str] = {}
    if info is None:
        return ids
    # Each field names its identifier (flow.Field.identifier; the result uses the same
    # name); the provider adds those only its result (or the sign-in) knows.
    for fld in flow.FIELDS:
        if fld.provider == provider and fld.page is not None and fld.identifier:
            ids[fld.identifier] = text(result.get(fld.identifier), state.get(fld.key))
    for name, state_key in info.result_identifiers:
        ids[name] = text(result.get(name), state.get(state_key) if state_key else None)
    return {k: v for k, v in ids.items() if v}


def keyring_service(provider: str) -> str:
    return f"pairing-wizard/{provider}"


async def imported(name: str) -> Any:
    """The module `name`, imported in a worker thread: a first import of authlib or
    keyring on the GUI thread would freeze the window (a no-op hop once loaded)."""
    import asyncio
    import importlib

    return await asyncio.to_thread(importlib.import_module, name)


def _new_client(timeout: float = REQUEST_TIMEOUT) -> Any:
    # The OS trust store and the system proxy settings: TLS-inspecting company proxies
    # work with their certificate installed, and verification is never turned off.
    from app.core.transport import make_client

    return make_client(timeout=timeout)


class Services:
    def __init__(self, settings: QSettings, demo: bool, sandbox: DemoSandbox | None,
                 managed: Any = None) -> None:
        from app.core import managed_config

        # IT's managed configuration (app.core.managed_config): a bad file is a sentence
        # the wizard shows (`managed_error`), and the wizard goes on without it.
        self.managed_error: str | None = None
        if managed is None:
            managed, self.managed_error = managed_config.load_or_error()
        self.managed = managed
        self.settings = settings
        self.demo = demo
        self.sandbox = sandbox
        self._client: Any = None
        self._fixtures: dict[str, Any] | None = None
        self._xee_slot: Any = None   # app.auth.session.SessionSlot, made on first use
        self._history: Any = None
        self._history_lock: asyncio.Lock | None = None
        self.xee_format_problem = self.apply_xee_formats()

    # -- HTTP ------------------------------------------------------------------------

    def client(self) -> Any:
        """One httpx2.AsyncClient per wizard, created on first use, closed on close."""
        if self._client is None:
            self._client = _new_client(self.request_timeout())
        return self._client

    async def http(self) -> Any:
        """client(), created in a worker thread the first time (importing httpx2 and
        loading the CA certificates would freeze the window)."""
        if self._client is None:
            import asyncio

            client = await asyncio.to_thread(_new_client, self.request_timeout())
            if self._client is None:
                self._client = client
            else:  # another task made one meanwhile
                await client.aclose()
        return self._client

    async def aclose(self) -> None:
        import asyncio

        await self.xee_drop()
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()
        history, self._history = self._history, None
        if history is not None:
            await asyncio.to_thread(history.close)
        if self.sandbox is not None:
            await self.sandbox.stop()

    # -- environments ------------------------------------------------------------------

    def root_override(self, provider: str, environment: str) -> str:
        return str(self.setting(f"roots/{provider}/{environment}", "") or "")

    def set_root_override(self, provider: str, environment: str, root: str) -> None:
        key = f"roots/{provider}/{environment}"
        if self.locked(key):
            return  # IT manages it: the managed value stays
        if root.strip():
            self.settings.setValue(key, root.strip())
        else:
            self.settings.remove(key)

    def api_version(self, provider: str) -> str:
        """Xee's API version, setting xee/apiVersion ("v3", the default, or "v4")."""
        info = flow.PROVIDERS.get(provider)
        if info is None or not info.api_versions:
            return ""
        return str(self.setting("xee/apiVersion", "v3") or "v3")

    def default_root(self, provider: str, environment: str) -> str:
        from app.core.environments import api_root

        version = self.api_version(provider) or "v3"
        if environment == flow.DEMO:
            base = self.sandbox.url if self.sandbox else None
            return api_root(provider, environment, sandbox_base=base,
                            api_version=version) if base else ""
        return api_root(provider, environment, api_version=version)

    async def api_root(self, provider: str, environment: str) -> str:
        """The root the provider client uses (raises InputError for a bad override or
        a bad xee/apiVersion). Xee's follows xee/apiVersion: v4's roots end in /v4."""
        from app.core.environments import api_root

        version = self.api_version(provider) or "v3"
        if environment == flow.DEMO:
            if self.sandbox is None:
                raise RuntimeError("the offline demo needs the sandbox")
            base = await self.sandbox.ready()
            return api_root(provider, environment, sandbox_base=base, api_version=version)
        override = self.root_override(provider, environment)
        return api_root(provider, environment,
                        overrides={provider: override} if override else None,
                        api_version=version)

    def browser_command(self) -> str | None:
        return str(self.setting("browser/command", "") or "") or None

    # -- the sandbox's own values ------------------------------------------------------

    async def fixtures(self, refresh: bool = True) -> dict[str, Any]:
        """GET /_sandbox/fixtures (fresh by default: pins get linked, devices bound)."""
        if self.sandbox is None:
            raise RuntimeError("demo values exist only in the offline demo")
        if self._fixtures is None or refresh:
            base = await self.sandbox.ready()
            response = await (await self.http()).get(f"{base}/_sandbox/fixtures")
            response.raise_for_status()
            self._fixtures = response.json()
        return self._fixtures

    async def reset_demo_data(self) -> dict[str, Any]:
        """POST /_sandbox/reset keeping the sign-in's tokens (keys are fixtures: they stay)."""
        if self.sandbox is None:
            raise RuntimeError("demo data exist only in the offline demo")
        base = await self.sandbox.ready()
        response = await (await self.http()).post(f"{base}/_sandbox/reset",
                                                  json={"keep_sessions": True})
        response.raise_for_status()
        self._fixtures = response.json()
        return self._fixtures

    # -- provider clients --------------------------------------------------------------

    async def provider_api(self, state: dict[str, Any]) -> Any:
        """The client of a provider with an api key (the key's own check uses it)."""
        provider, environment = state["provider"], state["environment"]
        info = flow.PROVIDERS.get(provider)
        if info is None or not info.has_api_key:
            raise ValueError(provider)
        root = await self.api_root(provider, environment)
        return flow.api_class(provider)(await self.http(), root,
                                        str(state.get("api_key", "")).strip())

    # How a provider call is made, decided here only: the pages, the wizard and the batch
    # dialog ask call_provider (one request) or provider_client (the batch's client).

    async def _session_for(self, state: dict[str, Any]) -> Any:
        """The Xee session the state's requests go through; None for a provider or an
        environment without a sign-in (Xee's online sandbox). SignInError(not_signed_in)
        when one is needed and none is in use for the API root chosen now: a sign-in
        belongs to one root, a pairing never goes to another environment's or API
        version's root."""
        provider = state["provider"]
        info = flow.PROVIDERS.get(provider)
        if info is None or not info.needs_sign_in(state.get("environment")):
            return None
        root = (await self.api_root(provider, state.get("environment") or flow.DEMO)
                ).rstrip("/")
        session = self.xee_session
        if session is None or self.xee_session_root != root or session.api_root != root:
            from app.auth.errors import SignInError

            raise SignInError("not_signed_in")
        return session

    async def provider_client(self, state: dict[str, Any]) -> Any:
        """The provider's client for the state's provider, environment and credential:
        with the api key; for Xee signed in, the session's own (its HTTP client adds and
        refreshes the bearer); in Xee's online sandbox, no sign-in and no Authorization.
        A request that must survive an expired Xee token goes through call_provider."""
        session = await self._session_for(state)
        if session is not None:
            return session.api()
        provider = state["provider"]
        info = flow.PROVIDERS.get(provider)
        if info is not None and info.signs_in:   # a sign-in not needed here
            root = await self.api_root(provider, state["environment"])
            return flow.api_class(provider)(await self.http(), root)
        return await self.provider_api(state)

    async def call_provider(self, state: dict[str, Any], fn) -> Any:
        """Run `fn(api)` with the provider's client (Xee: through the signed-in session,
        which refreshes and retries once on an expired token)."""
        session = await self._session_for(state)
        if session is not None:
            return await session.call(fn)
        return await fn(await self.provider_client(state))

    # -- history ---------------------------------------------------------------------

    async def history(self) -> Any:
        """The History (app.core.history) in the data folder, opened once, off the GUI
        thread (creating the folder and migrating the database touch the disk)."""
        import asyncio

        if self._history_lock is None:
            self._history_lock = asyncio.Lock()
        async with self._history_lock:
            if self._history is None:
                from app.core.history import History

                self._history = await asyncio.to_thread(History)
            return self._history

    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None:
        """Record one attempt (pair, undo, sign-in, sign-out) in the history: identifiers
        only, never a key, token or Xee pin. Every end of a pairing or an undo comes here:
        flow.history_outcome alone decides whether it is an attempt (an input error: nothing
        was sent, nothing recorded) and its outcome. Returns the entry id; a history that
        cannot be written is logged, never in the way of the pairing itself."""
        import asyncio

        provider = state.get("provider")
        if not provider:
            return None
        outcome = flow.history_outcome(error)
        if outcome is None:
            return None
        try:
            from app.core.history import SecretRefused, check_not_secret

            identifiers = {}
            for name, value in attempt_identifiers(state, result).items():
                try:
                    check_not_secret(name, value)
                except SecretRefused:  # e.g. a key pasted into the alias: left out
                    continue
                identifiers[name] = value
            history = await self.history()
            return await asyncio.to_thread(
                history.record, provider, action, outcome,
                environment=str(state.get("environment") or ""), identifiers=identifiers,
                error_kind=(error or {}).get("kind"), error_status=(error or {}).get("status"),
                # A Message (flow.error_dict, sign_in_error, the flow's own sentences):
                # the History window translates its template.
                message=(error or {}).get("advice") or "")
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # never in the way of a pairing: say so in the log
            log.warning("Could not record the %s %s in the history: %s", provider, action,
                        type(exc).__name__)
            return None

    # -- keychain (api keys) -----------------------------------------------------------

    async def keyring_usable(self) -> bool:
        import asyncio

        tokens = await imported("app.auth.tokens")   # imports keyring
        allow = bool(self.settings.value("keyring/allowPlaintext", False, type=bool))
        return await asyncio.to_thread(tokens.TokenStore.backend_usable, allow)

    async def load_key(self, provider: str, environment: str) -> str | None:
        import asyncio

        keyring = await imported("keyring")
        try:
            return await asyncio.to_thread(keyring.get_password, keyring_service(provider),
                                           environment)
        except Exception as exc:  # locked or broken keychain: the user types the key
            log.warning("Could not read the %s key from the keychain: %s", provider,
                        type(exc).__name__)
            return None

    async def save_key(self, provider: str, environment: str, key: str) -> bool:
        """Store `key` in the keychain; False (nothing written) when there is no usable
        one: a plaintext-file backend would put the secret in a readable file."""
        import asyncio

        if not await self.keyring_usable():
            log.warning("No usable keychain: the %s key is not saved", provider)
            return False
        keyring = await imported("keyring")
        try:
            await asyncio.to_thread(keyring.set_password, keyring_service(provider),
                                    environment, key)
            from app.auth.keychain_index import remember

            await asyncio.to_thread(remember, keyring_service(provider), environment)
            return True
        except Exception as exc:
            log.warning("Could not save the %s key in the keychain: %s", provider,
                        type(exc).__name__)
            return False

    async def forget_key(self, provider: str, environment: str) -> None:
        import asyncio

        keyring = await imported("keyring")
        errors = await imported("keyring.errors")
        try:
            await asyncio.to_thread(keyring.delete_password, keyring_service(provider),
                                    environment)
        except errors.PasswordDeleteError:
            pass
        except Exception as exc:
            log.warning("Could not delete the %s key from the keychain: %s", provider,
                        type(exc).__name__)

    # -- settings ----------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A setting's value: the managed configuration's when IT locks it, else the
        user's (QSettings), else the managed preset, else `default`. Booleans come back
        as bool when `default` is one (an INI file stores "true"/"false")."""
        if self.managed.manages(key) and (self.locked(key) or
                                          not self.settings.contains(key)):
            value = self.managed.value(key)
        else:
            value = self.settings.value(key, default)
        if isinstance(default, bool) and not isinstance(value, bool):
            return str(value).strip().lower() in ("true", "1", "yes", "on")
        return value

    def apply_xee_formats(self) -> str | None:
        """Put the settings xee/deviceIdPattern and xee/pinPattern in force for every
        validation (device page, batch). A bad pattern keeps Xee's usual formats and is
        returned as the sentence to show (also logged), else None."""
        from app.core.errors import InputError
        from app.core.validation import set_xee_formats

        try:
            set_xee_formats(str(self.setting("xee/deviceIdPattern", "") or ""),
                            str(self.setting("xee/pinPattern", "") or ""))
        except InputError as error:
            set_xee_formats()
            log.warning("%s", error.advice)
            return error.advice
        return None

    def request_timeout(self) -> float:
        """Seconds any request may take (network/timeoutSeconds, default 30, clamped to
        TIMEOUT_RANGE): the same for RUFUS, Zype, Xee and the Xee sign-in."""
        try:
            seconds = float(self.setting(TIMEOUT_SETTING, REQUEST_TIMEOUT))
        except (TypeError, ValueError):
            return REQUEST_TIMEOUT
        low, high = TIMEOUT_RANGE
        return min(max(seconds, low), high)

    async def set_request_timeout(self, seconds: float) -> None:
        """Store the timeout; the next request uses it (the HTTP client and the Xee
        session are rebuilt with it)."""
        self.settings.setValue(TIMEOUT_SETTING, int(seconds))
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()
        if self.xee_session is not None:
            self.xee_session.client.timeout = self.request_timeout()

    def locked(self, key: str) -> bool:
        """True when IT's managed configuration locks this setting (shown disabled)."""
        return self.managed.is_locked(key)

    def environment_hidden(self, environment: str) -> bool:
        """True when IT's managed configuration hides this environment (not offered)."""
        return environment in self.managed.hidden_environments

    def batch_max_wait(self) -> float:
        """batch/maxRetryAfterSeconds: the longest Retry-After a batch waits for (a longer
        one stops it, resumably); the batch's default when unset or not a number above 0."""
        from app.core.batch import DEFAULT_MAX_RETRY_AFTER

        try:
            value = float(self.setting("batch/maxRetryAfterSeconds", DEFAULT_MAX_RETRY_AFTER))
        except (TypeError, ValueError):
            return DEFAULT_MAX_RETRY_AFTER
        return value if 0 < value < float("inf") else DEFAULT_MAX_RETRY_AFTER

    def xee_sign_in_options(self) -> dict[str, Any]:
        """XeeSignIn's keyword arguments from the settings (xee/redirectUri,
        xee/redirectPorts, xee/stateEchoed, xee/sendScope, xee/scopes). A bad redirect
        setting raises app.auth.redirect.RedirectSettingError (its str() is the sentence)."""
        from app.auth.redirect import parse_registered_redirect

        options: dict[str, Any] = {
            "redirect": parse_registered_redirect(
                str(self.setting("xee/redirectUri", "") or ""),
                str(self.setting("xee/redirectPorts", "") or "")),
            "state_echoed": self.setting("xee/stateEchoed", True),
            "send_scope": self.setting("xee/sendScope", True),
            "request_timeout": self.request_timeout(),
        }
        scopes = str(self.setting("xee/scopes", "") or "").split()
        if scopes:
            options["scopes"] = tuple(scopes)
        return options

    # -- Xee ---------------------------------------------------------------------------

    def xee_client_id_setting(self, environment: str) -> str:
        return str(self.setting(f"xee/{environment}/clientId", "") or "")

    def set_xee_client_id_setting(self, environment: str, client_id: str) -> None:
        key = f"xee/{environment}/clientId"
        if self.locked(key):
            return  # IT manages it: the managed value stays
        if client_id.strip():
            self.settings.setValue(key, client_id.strip())
        else:
            self.settings.remove(key)

    async def xee_app_credentials(self, environment: str) -> tuple[str, str] | None:
        """The OAuth app's client id and secret: the sandbox's in the demo; else the
        XEE_CLIENT_ID environment or the setting (managed or not); the secret from the
        managed configuration file, XEE_CLIENT_SECRET, or the keychain."""
        import os

        if environment == flow.DEMO:
            xee = (await self.fixtures(refresh=False))["xee"]
            return xee["client_id"], xee["client_secret"]
        client_id = os.environ.get("XEE_CLIENT_ID") or self.xee_client_id_setting(environment)
        # The managed file's secret first: support staff never type it.
        secret = (self.managed.xee_client_secret or os.environ.get("XEE_CLIENT_SECRET")
                  or await self.load_key("xee-app", environment))
        if client_id and secret:
            return client_id, secret
        return None

    async def xee_token_store(self, root: str, session_only: bool) -> Any:
        tokens = await imported("app.auth.tokens")
        if session_only:
            return tokens.SessionOnlyTokenStore(root)
        return tokens.TokenStore(root)

    @property
    def xee_session(self) -> Any:
        """The Xee session in use (app.auth.session.XeeSession), or None."""
        return self._xee_slot.session if self._xee_slot is not None else None

    @property
    def xee_signed_in(self) -> bool:
        """A session is in use and still holds its sign-in (one whose refresh Xee
        refused stays installed, signed out: no sign-in for a batch either)."""
        session = self.xee_session
        return session is not None and bool(session.signed_in)

    @property
    def xee_session_root(self) -> str | None:
        """The API root the session in use was made for."""
        return self._xee_slot.root if self._xee_slot is not None else None

    async def xee_slot(self) -> Any:
        if self._xee_slot is None:
            module = await imported("app.auth.session")
            if self._xee_slot is None:   # another task may have made it meanwhile: one slot
                self._xee_slot = module.SessionSlot()
        return self._xee_slot

    async def xee_restore(self, root: str) -> Any:
        """A session from the keychain's stored sign-in for this root, or None.

        The restore belongs to the session slot: xee_drop() (another environment, API
        version or provider) cancels it, so does cancelling the caller (the credentials
        page when left), and a session it builds for a root no longer chosen is closed,
        never put in use."""
        session_module = await imported("app.auth.session")
        slot = await self.xee_slot()
        return await slot.restore(root, lambda: self._xee_from_keychain(root,
                                                                        session_module))

    async def _xee_from_keychain(self, root: str, session_module: Any) -> Any:
        import asyncio

        from app.auth.tokens import TokenStore, TokenStoreError  # loaded with the session

        if not await self.keyring_usable():
            return None
        store = TokenStore(root)
        try:
            saved = await asyncio.to_thread(store.load)
        except TokenStoreError as exc:
            log.warning("Could not read the stored Xee sign-in: %s", exc)
            return None
        if not saved or not saved.get("client_id"):
            return None
        timeout = self.request_timeout()
        return await session_module.in_thread_closed_if_cancelled(
            lambda: session_module.XeeSession(root, saved["client_id"],
                                              saved.get("client_secret", ""), store,
                                              request_timeout=timeout))

    async def xee_adopt(self, root: str, client_id: str, client_secret: str,
                        token: dict[str, Any], store: Any) -> Any:
        session_module = await imported("app.auth.session")
        from app.auth.errors import SignInError
        from app.auth.tokens import SessionOnlyTokenStore  # loaded with the session

        slot = await self.xee_slot()
        await slot.clear()
        ticket = slot.ticket()
        timeout = self.request_timeout()
        session = await session_module.in_thread_closed_if_cancelled(
            lambda: session_module.XeeSession(root, client_id, client_secret,
                                              SessionOnlyTokenStore(root),
                                              request_timeout=timeout))
        session.store = store
        # Keep what a later run needs to refresh (the keychain is for secrets).
        await session.set_token({**token, "client_id": client_id,
                                 "client_secret": client_secret})
        if not await slot.install(session, root, ticket):
            raise SignInError("cancelled")   # the environment changed meanwhile
        return session

    async def xee_drop(self) -> None:
        """No Xee session any more (closed), and no restore still running."""
        if self._xee_slot is not None:
            await self._xee_slot.clear()
