"""Issue 13, Xee sign-in: the registered redirect URI, a provider that does not echo
`state`, omitting `scope`, and the device scope, each against the sandbox's dialect."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from app.auth.errors import SignInError
from app.auth.oauth import XeeSignIn
from app.auth.redirect import RedirectSettingError, RegisteredRedirect, parse_registered_redirect
from app.core.errors import ProviderError
from app.core.xee import XeeAPI
from tests.auth.helpers import raw_http
from tests.needs import unavailable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def consent(sandbox, attempt_url: str, user: dict, scopes: list[str] | None = None
                  ) -> httpx2.Response:
    """The browser: open the consent page (must be 200), then approve with every box ticked."""
    async with httpx2.AsyncClient() as client:
        page = await client.get(attempt_url)
        assert page.status_code == 200, page.text
        query = query_of(attempt_url)
        requested = scopes if scopes is not None else query.get("scope", "").split()
        form = {
            "client_id": query["client_id"],
            "redirect_uri": query.get("redirect_uri", ""),
            "state": query.get("state", ""),
            "code_challenge": query.get("code_challenge", ""),
            "code_challenge_method": query.get("code_challenge_method", ""),
            "requested_scope": " ".join(requested),
            "scope": requested,
            "login": user["login"],
            "password": user["password"],
            "approve": "1",
        }
        return await client.post(sandbox.xee_root + "/auth/auth", data=form)


def demo_user(sandbox) -> dict:
    return next(u for u in sandbox.fixtures()["xee"]["users"] if not u["disabled"])


def credentials(sandbox) -> tuple[str, str]:
    xee = sandbox.fixtures()["xee"]
    return xee["client_id"], xee["client_secret"]


# --- the setting's parsing ------------------------------------------------------------


def test_registered_redirect_setting_parses_host_ports_and_path():
    assert parse_registered_redirect("", "") == RegisteredRedirect("127.0.0.1", (0,), "/callback")
    one = parse_registered_redirect("http://localhost:8080/oauth/xee")
    assert (one.host, one.ports, one.path) == ("localhost", (8080,), "/oauth/xee")
    assert one.addresses == ("127.0.0.1", "::1")
    assert one.uri(8080) == "http://localhost:8080/oauth/xee"
    listed = parse_registered_redirect("http://localhost/callback", "8081, 8082,8081")
    assert listed.ports == (8081, 8082)
    assert parse_registered_redirect("http://localhost/").ports == (80,)
    assert parse_registered_redirect("http://[::1]:9000/cb").uri(9000) == "http://[::1]:9000/cb"


@pytest.mark.parametrize("uri, ports, words", [
    ("https://example.com/callback", "", "not on this computer"),
    ("http://192.168.1.2:8080/callback", "", "not on this computer"),
    ("http://localhost:99999/callback", "", "not a valid address"),
    ("http://localhost:8080/callback?x=1", "", "query"),
    ("http://localhost/callback", "80,http", "not a port"),
])
def test_a_bad_redirect_setting_is_a_sentence(uri, ports, words):
    with pytest.raises(RedirectSettingError) as caught:
        parse_registered_redirect(uri, ports)
    assert words in str(caught.value)
    assert str(caught.value).endswith(".")


# --- registered redirect URI ----------------------------------------------------------


def test_unregistered_redirect_is_404_and_the_registered_one_signs_in(sandbox):
    port = free_port()
    registered = f"http://localhost:{port}/xee-callback"
    sandbox.set_xee_dialect(registered_redirect_uris=[registered])
    client_id, secret = credentials(sandbox)

    async def scenario():
        default = await XeeSignIn(sandbox.xee_root, client_id, secret).start()
        async with httpx2.AsyncClient() as browser:
            refused = await browser.get(default.url)
        default.cancel()
        with pytest.raises(SignInError):
            await default.result()

        sign_in = XeeSignIn(sandbox.xee_root, client_id, secret,
                            redirect=parse_registered_redirect(registered))
        attempt = await sign_in.start()
        addresses = {a[0] for a in attempt.listener.addresses()}
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox))
        location = redirect.headers["location"]
        # The browser resolves localhost itself; ask on IPv6 when we can, to prove it listens.
        target = location.split(f":{port}", 1)[1]
        address = "::1" if "::1" in addresses else "127.0.0.1"
        status, _, _ = await raw_http(port, target, address=address,
                                      host_header=f"localhost:{port}")
        return refused, attempt, addresses, location, status, await attempt.result()

    refused, attempt, addresses, location, status, token = asyncio.run(scenario())
    assert refused.status_code == 404
    assert "not registered" in refused.text
    assert attempt.redirect_uri == registered
    assert query_of(attempt.url)["redirect_uri"] == registered
    assert "127.0.0.1" in addresses
    if ipv6_loopback():
        assert "::1" in addresses              # localhost: both listen
    assert all(a in ("127.0.0.1", "::1") for a in addresses)   # loopback only
    assert location.startswith(registered + "?code=")
    assert status == 200
    assert len(token["access_token"]) == 64


def test_port_list_is_tried_in_order(sandbox):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    first = busy.getsockname()[1]
    second = free_port()
    client_id, secret = credentials(sandbox)

    async def scenario():
        redirect = parse_registered_redirect("http://127.0.0.1/callback", f"{first},{second}")
        attempt = await XeeSignIn(sandbox.xee_root, client_id, secret, redirect=redirect).start()
        uri = attempt.redirect_uri
        attempt.cancel()
        only_busy = parse_registered_redirect("http://127.0.0.1/callback", str(first))
        with pytest.raises(SignInError) as caught:
            await XeeSignIn(sandbox.xee_root, client_id, secret, redirect=only_busy).start()
        return uri, caught.value

    try:
        uri, error = asyncio.run(scenario())
    finally:
        busy.close()
    assert uri == f"http://127.0.0.1:{second}/callback"
    assert error.kind == "redirect_port_busy"
    assert "redirect ports setting" in error.advice
    assert str(first) in error.provider_message


# --- state not echoed -----------------------------------------------------------------


def test_redirect_without_state_is_refused_by_default_with_the_setting_named(sandbox):
    sandbox.set_xee_dialect(echo_state=False)
    client_id, secret = credentials(sandbox)

    async def scenario():
        attempt = await XeeSignIn(sandbox.xee_root, client_id, secret, timeout=2).start()
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox))
        location = redirect.headers["location"]
        async with httpx2.AsyncClient() as browser:
            page = await browser.get(location)
        refused_at_once = attempt.refused_without_state
        with pytest.raises(SignInError) as caught:
            await asyncio.wait_for(attempt.result(), 10)
        return location, page, caught.value, refused_at_once

    location, page, error, refused_at_once = asyncio.run(scenario())
    assert refused_at_once                      # the app can say it at once
    assert "state" not in query_of(location) and "code" in query_of(location)
    assert error.kind == "state_missing"
    assert "Xee does not echo state" in error.advice
    assert page.status_code == 400
    assert "Xee does not echo state" in page.text.replace("&quot;", '"')


def test_state_not_echoed_setting_accepts_once_on_the_exact_path_then_asks_to_confirm(sandbox):
    sandbox.set_xee_dialect(echo_state=False)
    client_id, secret = credentials(sandbox)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, client_id, secret, state_echoed=False)
        attempt = await sign_in.start()
        port = attempt.listener.port
        # Not the registered path: ignored, the attempt keeps waiting.
        stray, _, _ = await raw_http(port, "/other?code=abc")
        assert not attempt.done()
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox))
        target = redirect.headers["location"].split(f":{port}", 1)[1]
        first, _, _ = await raw_http(port, target)
        token = await attempt.result()
        return stray, first, attempt, token

    stray, first, attempt, token = asyncio.run(scenario())
    assert stray == 404
    assert first == 200
    assert attempt.needs_account_confirmation
    assert len(token["access_token"]) == 64
    # Once: the listener is closed after the first callback.
    assert attempt.listener.closed


def test_state_echoed_sign_in_needs_no_confirmation(sandbox):
    client_id, secret = credentials(sandbox)

    async def scenario():
        attempt = await XeeSignIn(sandbox.xee_root, client_id, secret,
                                  state_echoed=False).start()
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox))
        async with httpx2.AsyncClient() as browser:
            await browser.get(redirect.headers["location"])
        await attempt.result()
        return attempt

    assert not asyncio.run(scenario()).needs_account_confirmation


# --- scope ----------------------------------------------------------------------------


def test_without_scope_parameter_the_client_scopes_are_granted(sandbox):
    client_id, secret = credentials(sandbox)

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, client_id, secret, send_scope=False)
        attempt = await sign_in.start()
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox),
                                 scopes=["devices_management", "users_read"])
        async with httpx2.AsyncClient() as browser:
            await browser.get(redirect.headers["location"])
        token = await attempt.result()
        async with httpx2.AsyncClient() as client:
            me = await XeeAPI(client, sandbox.xee_root, token["access_token"]).me()
        return attempt.url, me

    url, me = asyncio.run(scenario())
    assert "scope" not in query_of(url)
    assert me.id == 1001


def test_app_without_the_device_scope_gets_a_sentence_about_xee_enabling_it(sandbox):
    sandbox.set_xee_dialect(device_scope=False)
    client_id, secret = credentials(sandbox)

    async def scenario():
        attempt = await XeeSignIn(sandbox.xee_root, client_id, secret).start()
        async with httpx2.AsyncClient() as browser:
            page = await browser.get(attempt.url)
        redirect = await consent(sandbox, attempt.url, demo_user(sandbox))
        async with httpx2.AsyncClient() as browser:
            await browser.get(redirect.headers["location"])
        token = await attempt.result()
        async with httpx2.AsyncClient() as client:
            with pytest.raises(ProviderError) as caught:
                await XeeAPI(client, sandbox.xee_root, token["access_token"]).associate(
                    "E133742015", "1234")
        return page, token, caught.value

    page, token, error = asyncio.run(scenario())
    assert 'value="devices_management"' not in page.text   # not offered at all
    assert "devices_management" not in token.get("scope", "")
    assert error.status == 403
    assert error.kind == "xee.associate_scope_missing"
    assert "ask Xee to enable the device scope" in error.advice


# --- the sandbox's dialect control ----------------------------------------------------


def test_dialect_control_validates_and_survives_reset(sandbox):
    with httpx2.Client() as client:
        bad = client.post(f"{sandbox.url}/_sandbox/dialect", json={"xee": {"echo_state": 1}})
        unknown = client.post(f"{sandbox.url}/_sandbox/dialect", json={"xee": {"nope": True}})
        assert client.post(f"{sandbox.url}/_sandbox/dialect",
                           json={"xee": {"open_sandbox": True}}).status_code == 200
        client.post(f"{sandbox.url}/_sandbox/reset")
        kept = client.get(f"{sandbox.url}/_sandbox/dialect").json()
        cleared = client.delete(f"{sandbox.url}/_sandbox/dialect").json()
    assert bad.status_code == 400 and "true or false" in bad.json()["error"]
    assert unknown.status_code == 400 and "unknown dialect" in unknown.json()["error"]
    assert kept["xee"]["open_sandbox"] is True
    assert cleared["xee"]["open_sandbox"] is False


def test_create_app_takes_a_dialect_and_refuses_a_bad_one():
    from app.sandbox.app import create_app

    async def scenario():
        app = create_app(dialect={"xee": {"open_sandbox": True}})
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app),
                                      base_url="http://sandbox") as client:
            me = await XeeAPI(client, "http://sandbox/xee/v3").me()
            associated = await XeeAPI(client, "http://sandbox/xee/v3").associate(
                "E133742015", "1234")
        return me, associated

    me, associated = asyncio.run(scenario())
    assert me.id == 1001 and associated is None
    with pytest.raises(ValueError, match="unknown dialect"):
        create_app(dialect={"xee": {"state": False}})


def test_without_open_sandbox_no_authorization_is_refused():
    from app.sandbox.app import create_app

    async def scenario():
        app = create_app()
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app),
                                      base_url="http://sandbox") as client:
            with pytest.raises(ProviderError) as caught:
                await XeeAPI(client, "http://sandbox/xee/v3").me()
        return caught.value

    assert asyncio.run(scenario()).status == 401


def test_registered_port_80_accepts_the_host_header_without_a_port(sandbox):
    """http://localhost/callback as registered: browsers send `Host: localhost`."""
    from app.auth.loopback import LoopbackListener

    async def scenario():
        listener = LoopbackListener("s" * 20, redirect=parse_registered_redirect(
            "http://localhost/callback"))
        try:
            await listener.start()
        except SignInError:
            unavailable("port 80 cannot be listened on here")
        try:
            bare = await raw_http(80, "/callback?code=c&state=" + "s" * 20,
                                  host_header="localhost")
            code = await listener.wait_for_code()
        finally:
            await listener.aclose()
        return bare, code, listener.redirect_uri

    (status, _, _), code, uri = asyncio.run(scenario())
    assert uri == "http://localhost/callback"           # exactly as registered
    assert status == 200 and code == "c"
