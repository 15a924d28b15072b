"""XeeSession against the sandbox over real HTTP: refresh ahead of expiry, on Xee's 403
"Token has expired", rotation persisted, sign-out, and the keychain through keyring."""

from __future__ import annotations

import asyncio
import functools

import httpx2
import keyring
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client
from keyrings.alt.file import PlaintextKeyring

from app.auth.errors import SignInError
from app.auth.session import XeeSession
from app.auth.tokens import SessionOnlyTokenStore, TokenStore
from app.core.errors import ProviderError


def xee_fixture(sandbox) -> dict:
    return sandbox.fixtures()["xee"]


def active_user(xee: dict) -> dict:
    return next(user for user in xee["users"] if not user.get("disabled"))


def free_devices(xee: dict) -> list[dict]:
    return [d for d in xee["devices"] if d["user_id"] is None and not d["locked"]]


def device_owner(sandbox, device_id: str):
    return next(d for d in xee_fixture(sandbox)["devices"] if d["id"] == device_id)["user_id"]


class RequestLog:
    """httpx2 event hook: which paths the session's client really sent, in order."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    async def __call__(self, request: httpx2.Request) -> None:
        self.paths.append(f"{request.method} {request.url.path}")

    def count(self, suffix: str) -> int:
        return sum(1 for path in self.paths if path.endswith(suffix))


def make_session(sandbox, store, requests: RequestLog | None = None) -> XeeSession:
    xee = xee_fixture(sandbox)
    factory = None
    if requests is not None:
        factory = functools.partial(AsyncOAuth2Client, event_hooks={"request": [requests]})
    return XeeSession(sandbox.xee_root, xee["client_id"], xee["client_secret"], store, factory)


async def refresh_by_hand(sandbox, refresh_token: str) -> httpx2.Response:
    xee = xee_fixture(sandbox)
    async with httpx2.AsyncClient() as client:
        return await client.post(
            sandbox.xee_root + "/auth/access_token",
            data={"grant_type": "refresh_token", "refresh_token": refresh_token},
            auth=(xee["client_id"], xee["client_secret"]),
        )


def test_refreshes_ahead_of_expiry_and_persists_the_rotated_token(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    # 30 s left: inside authlib's 60 s leeway, so the session refreshes before sending.
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 30)
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, store, requests) as session:
            return await session.me()

    me = asyncio.run(scenario())
    assert me.id == user["id"]
    assert requests.paths == ["POST /xee/v3/auth/access_token", "GET /xee/v3/users/me"]
    saved = store.load()
    assert saved["access_token"] != minted["access_token"]
    assert saved["refresh_token"] != minted["refresh_token"]
    assert saved["expires_at"] > minted["expires_at"]
    # Rotation: the sandbox no longer accepts the old refresh token.
    old = asyncio.run(refresh_by_hand(sandbox, minted["refresh_token"]))
    assert old.status_code == 403
    assert old.json() == {"message": "Invalid authentication"}


def test_token_expired_403_refreshes_once_and_retries_once(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    device = free_devices(xee)[0]
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 3600)
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    # Our clock says the token is fresh; Xee's (the sandbox's) says it has expired.
    sandbox.advance_clock(3700)
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, store, requests) as session:
            await session.call(lambda xee_api: xee_api.associate(device["id"], device["pin"]))

    asyncio.run(scenario())
    associate = f"POST /xee/v3/devices/{device['id']}/associate"
    assert requests.paths == [associate, "POST /xee/v3/auth/access_token", associate]
    assert device_owner(sandbox, device["id"]) == user["id"]
    saved = store.load()
    assert saved["refresh_token"] != minted["refresh_token"]
    assert asyncio.run(refresh_by_hand(sandbox, minted["refresh_token"])).status_code == 403


def test_concurrent_expired_calls_refresh_only_once(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 3600)
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    sandbox.advance_clock(3700)
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, store, requests) as session:
            return await asyncio.gather(session.me(), session.me(), session.me())

    users = asyncio.run(scenario())
    assert [u.id for u in users] == [user["id"]] * 3
    # Three 403s, one refresh (the rotated token would reject a second one), three retries.
    assert requests.count("/auth/access_token") == 1
    assert requests.count("/users/me") == 6


def test_dead_refresh_token_means_session_expired_and_forgets_the_sign_in(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 3600)
    # Someone else used (and so rotated away) this refresh token.
    assert asyncio.run(refresh_by_hand(sandbox, minted["refresh_token"])).status_code == 200
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    sandbox.advance_clock(3700)

    async def scenario():
        async with make_session(sandbox, store) as session:
            with pytest.raises(SignInError) as caught:
                await session.me()
            return caught.value, session.signed_in

    error, signed_in = asyncio.run(scenario())
    assert error.kind == "session_expired"
    assert "Sign in again" in error.advice
    assert error.provider_message == "Invalid authentication"
    assert signed_in is False
    assert store.load() is None


def test_dead_refresh_token_in_authlibs_own_refresh_forgets_the_sign_in(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    # 30 s left: inside the 60 s leeway, so authlib refreshes by itself before sending
    # (no XeeSession.refresh() involved) — with a refresh token someone already used.
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 30)
    assert asyncio.run(refresh_by_hand(sandbox, minted["refresh_token"])).status_code == 200
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, store, requests) as session:
            errors = []
            for _ in range(2):
                with pytest.raises(SignInError) as caught:
                    await session.me()
                errors.append(caught.value)
            return errors, session.signed_in

    (first, second), signed_in = asyncio.run(scenario())
    assert first.kind == "session_expired"
    assert first.provider_message == "Invalid authentication"
    # The dead token is gone: the second call says the sign-in died too, sends nothing.
    assert second.kind == "session_expired"
    assert requests.paths == ["POST /xee/v3/auth/access_token"]
    assert signed_in is False
    assert store.load() is None


def test_not_signed_in_is_a_clear_error_and_nothing_is_sent(sandbox):
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, SessionOnlyTokenStore("x"), requests) as session:
            assert session.signed_in is False
            with pytest.raises(SignInError) as caught:
                await session.me()
            return caught.value

    assert asyncio.run(scenario()).kind == "not_signed_in"
    assert requests.paths == []


def test_sign_out_forgets_the_tokens(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    store = SessionOnlyTokenStore("sandbox")

    async def scenario():
        async with make_session(sandbox, store) as session:
            await session.set_token(sandbox.mint_xee_token(user["id"], "users_read", 3600))
            assert session.signed_in
            assert (await session.me()).id == user["id"]
            await session.sign_out()
            assert not session.signed_in
            with pytest.raises(SignInError):
                await session.me()

    asyncio.run(scenario())
    assert store.load() is None


def test_other_provider_errors_pass_through_untouched(sandbox):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    device = free_devices(xee)[0]
    store = SessionOnlyTokenStore("sandbox")
    store.save(sandbox.mint_xee_token(user["id"], "users_read", 3600))  # no devices_management
    requests = RequestLog()

    async def scenario():
        async with make_session(sandbox, store, requests) as session:
            with pytest.raises(ProviderError) as caught:
                await session.call(lambda api: api.associate(device["id"], device["pin"]))
            return caught.value

    error = asyncio.run(scenario())
    assert error.kind.endswith("scope_missing") and error.status == 403
    assert requests.count("/auth/access_token") == 0  # not an expiry: no refresh


@pytest.fixture
def file_keyring(tmp_path):
    previous = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def test_rotated_token_reaches_the_keychain_and_survives_a_restart(sandbox, file_keyring):
    xee = xee_fixture(sandbox)
    user = active_user(xee)
    minted = sandbox.mint_xee_token(user["id"], "devices_management users_read", 30)

    async def first_run():
        async with make_session(sandbox, TokenStore(sandbox.xee_root)) as session:
            await session.set_token(minted)
            await session.me()  # refreshes ahead of expiry

    async def second_run():
        # A fresh session, as after restarting the app: the keychain has the new token.
        async with make_session(sandbox, TokenStore(sandbox.xee_root)) as session:
            assert session.signed_in
            return await session.me()

    asyncio.run(first_run())
    stored = TokenStore(sandbox.xee_root).load()
    assert stored["refresh_token"] != minted["refresh_token"]
    assert asyncio.run(second_run()).id == user["id"]


def test_default_clients_use_the_os_trust_store_and_system_proxies():
    """Like every other client (app.core.transport): TLS-inspecting company proxies work
    with their certificate in the system store, and verification is never off."""
    import ssl

    from app.auth.oauth import system_oauth_client
    from app.auth.tokens import SessionOnlyTokenStore

    async def build() -> None:
        session = XeeSession("https://cloud.xee.com/v3", "id", "secret",
                             SessionOnlyTokenStore("t"))
        try:
            assert session.client.trust_env is True
            context = session.client._transport._pool._ssl_context
            assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
            assert type(context).__module__.startswith("truststore")
        finally:
            await session.aclose()
        plain = system_oauth_client(client_id="id")
        assert plain.trust_env is True
        await plain.aclose()

    asyncio.run(build())


def spent_refresh_token_in_store(sandbox, expires_in: int) -> SessionOnlyTokenStore:
    """A stored sign-in whose refresh token someone else already used (Xee refuses it)."""
    minted = sandbox.mint_xee_token(active_user(xee_fixture(sandbox))["id"],
                                    "devices_management users_read", expires_in)
    assert asyncio.run(refresh_by_hand(sandbox, minted["refresh_token"])).status_code == 200
    store = SessionOnlyTokenStore("sandbox")
    store.save(minted)
    return store


@pytest.mark.parametrize("who_refreshes", ["authlib", "session"])
def test_a_dead_sign_in_ends_every_concurrent_call_in_session_expired(
        sandbox, who_refreshes):
    """Two calls in flight when Xee refuses the refresh token: the one waiting for the
    refresh lock meanwhile (authlib's, which XeeSession.refresh shares) finds the sign-in
    dead, and says so, as "session_expired", never an AttributeError on a vanished token.
    "authlib": 30 s left, authlib refreshes before sending (the other waits inside
    authlib); "session": Xee's 403 "Token has expired" on both, both call refresh() (the
    other waits there). A call after that, too, is "session_expired" (nothing sent); a
    fresh sign-in revives the session; after the user's own sign-out, "not_signed_in"."""
    store = spent_refresh_token_in_store(sandbox, 30 if who_refreshes == "authlib" else 3600)
    if who_refreshes == "session":
        sandbox.advance_clock(3700)   # our clock says fresh, Xee's says expired
    second_started = asyncio.Event()
    both_refused = asyncio.Event()
    refused: list[str] = []
    requests = RequestLog()
    fresh = sandbox.mint_xee_token(active_user(xee_fixture(sandbox))["id"], "users_read")

    async def hold_the_refresh(request: httpx2.Request) -> None:
        # The refresh is under the lock: let the second call reach the lock and wait there.
        if request.url.path.endswith("/auth/access_token") and not requests.count(
                "/auth/access_token"):
            await second_started.wait()
            for _ in range(5):
                await asyncio.sleep(0)

    async def both_expired_first(response: httpx2.Response) -> None:
        # "session": both 403s arrive before either call refreshes.
        if response.status_code == 403 and response.request.url.path.endswith("/users/me"):
            refused.append(response.request.url.path)
            if len(refused) == 2:
                both_refused.set()
            await both_refused.wait()

    async def first(api):
        return await api.me()

    async def second(api):
        second_started.set()
        return await api.me()

    async def scenario():
        client = functools.partial(AsyncOAuth2Client, event_hooks={
            "request": [hold_the_refresh, requests], "response": [both_expired_first]})
        xee = xee_fixture(sandbox)
        async with XeeSession(sandbox.xee_root, xee["client_id"], xee["client_secret"],
                              store, client) as session:
            if who_refreshes == "authlib":
                results = await asyncio.gather(session.call(first), session.call(second),
                                               return_exceptions=True)
            else:
                second_started.set()   # both send at once; the hook orders the 403s
                results = await asyncio.gather(session.call(first), session.call(first),
                                               return_exceptions=True)
            sent = list(requests.paths)
            with pytest.raises(SignInError) as later:
                await session.me()
            assert requests.paths == sent            # a dead sign-in sends nothing
            assert not session.signed_in and session.expires_at is None
            await session.set_token(fresh)           # signed in again
            assert (await session.me()).id == active_user(xee_fixture(sandbox))["id"]
            await session.sign_out()
            with pytest.raises(SignInError) as signed_out:
                await session.me()
            return results, sent, later.value, signed_out.value

    results, sent, later, signed_out = asyncio.run(scenario())
    assert [type(r).__name__ for r in results] == ["SignInError", "SignInError"], results
    assert [r.kind for r in results] == ["session_expired", "session_expired"]
    # One refused refresh: the waiting call did not try the dead refresh token again.
    me_sent = 0 if who_refreshes == "authlib" else 2
    assert sorted(sent) == ["GET /xee/v3/users/me"] * me_sent + ["POST /xee/v3/auth/access_token"]
    assert later.kind == "session_expired"
    assert signed_out.kind == "not_signed_in"
    assert store.load() is None
