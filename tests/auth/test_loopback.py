"""The loopback listener under attack: raw sockets against a real asyncio server."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from app.auth.errors import SignInError
from app.auth.loopback import LoopbackListener
from app.auth.oauth import XeeSignIn
from tests.auth.helpers import assert_port_free, assert_refused, non_loopback_ipv4, raw_http
from tests.needs import unavailable

STATE = "s3cr3t-state-value"


def run(coro):
    return asyncio.run(coro)


def test_valid_callback_gives_the_code_a_safe_page_and_frees_the_port():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            port = listener.port
            assert listener.redirect_uri == f"http://127.0.0.1:{port}/callback"
            waiter = asyncio.create_task(listener.wait_for_code())
            status, headers, body = await raw_http(port, f"/callback?code=abc123&state={STATE}")
            assert await waiter == "abc123"
            assert listener.closed
        return port, status, headers, body

    port, status, headers, body = run(scenario())
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-store"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["connection"] == "close"
    assert "Return to Pairing Wizard" in body
    assert 'history.replaceState(null, "", "/done")' in body
    assert "abc123" not in body  # the code is never echoed
    assert_refused(port)
    assert_port_free(port)


def test_wrong_state_gets_an_error_page_and_the_wait_goes_on():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            wrong = await raw_http(listener.port, "/callback?code=evil&state=not-the-state")
            missing = await raw_http(listener.port, "/callback?code=evil")
            # A prefix of the right state is still wrong.
            prefix = await raw_http(listener.port, f"/callback?code=evil&state={STATE[:-1]}")
            assert not waiter.done()
            await raw_http(listener.port, f"/callback?code=good&state={STATE}")
            return wrong, missing, prefix, await waiter

    wrong, missing, prefix, code = run(scenario())
    assert code == "good"
    for status, headers, body in (wrong, missing, prefix):
        assert status == 400
        assert headers["cache-control"] == "no-store"
        assert "evil" not in body
    assert "does not belong" in wrong[2] and "does not belong" in prefix[2]
    # Issue 13: no state at all names the setting (Xee's docs show `code` only).
    assert "Xee does not echo state" in missing[2].replace("&quot;", '"')


def test_other_paths_and_favicon_get_404_without_ending_the_wait():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            answers = [
                await raw_http(listener.port, "/favicon.ico"),
                await raw_http(listener.port, f"/callbackx?code=c&state={STATE}"),
                await raw_http(listener.port, f"/callback/?code=c&state={STATE}"),
                await raw_http(listener.port, f"/?code=c&state={STATE}"),
            ]
            post = await raw_http(listener.port, f"/callback?code=c&state={STATE}", method="POST")
            done_page = await raw_http(listener.port, "/done")
            assert not waiter.done()
            waiter.cancel()
            return answers, post, done_page

    answers, post, done_page = run(scenario())
    assert [status for status, _, _ in answers] == [404, 404, 404, 404]
    assert post[0] == 405
    assert done_page[0] == 200 and "Return to Pairing Wizard" in done_page[2]


def test_foreign_host_header_is_refused_dns_rebinding():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            status, _, _ = await raw_http(
                listener.port,
                f"/callback?code=c&state={STATE}",
                host_header=f"attacker.example:{listener.port}",
            )
            assert not waiter.done()
            waiter.cancel()
            return status

    assert run(scenario()) == 400


def test_an_idle_connection_does_not_block_the_real_callback():
    async def scenario():
        # A long read timeout: the idle socket would hold a one-at-a-time server for 30 s.
        async with LoopbackListener(STATE, read_timeout=30) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            idle_reader, idle_writer = await asyncio.open_connection("127.0.0.1", listener.port)
            half_reader, half_writer = await asyncio.open_connection("127.0.0.1", listener.port)
            half_writer.write(b"GET /callback?code=x")  # an unfinished request line
            await half_writer.drain()
            async with asyncio.timeout(3):
                status, _, _ = await raw_http(listener.port, f"/callback?code=ok&state={STATE}")
                code = await waiter
            # Closing the listener also drops the idle connections.
            async with asyncio.timeout(3):
                leftover = await idle_reader.read()
                half_leftover = await half_reader.read()
            idle_writer.close()
            half_writer.close()
            return status, code, leftover, half_leftover

    status, code, leftover, half_leftover = run(scenario())
    assert (status, code) == (200, "ok")
    assert leftover == b"" and half_leftover == b""


def test_idle_connection_is_dropped_after_the_read_timeout():
    async def scenario():
        async with LoopbackListener(STATE, read_timeout=0.3) as listener:
            reader, writer = await asyncio.open_connection("127.0.0.1", listener.port)
            async with asyncio.timeout(3):
                data = await reader.read()
            writer.close()
            return data, listener.closed

    data, closed = run(scenario())
    assert data == b""  # closed by the listener with no answer
    assert closed is False  # and the listener itself keeps waiting


def test_replayed_callback_finds_nothing_listening():
    async def scenario():
        listener = LoopbackListener(STATE)
        await listener.start()
        waiter = asyncio.create_task(listener.wait_for_code())
        await raw_http(listener.port, f"/callback?code=first&state={STATE}")
        code = await waiter
        with pytest.raises(ConnectionRefusedError):
            await raw_http(listener.port, f"/callback?code=second&state={STATE}")
        await listener.aclose()
        return code, listener.port

    code, port = run(scenario())
    assert code == "first"
    assert_port_free(port)


def test_access_denied_ends_the_wait_and_escapes_the_provider_text():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            target = (
                f"/callback?state={STATE}&error=access_denied"
                "&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27"
            )
            page = await raw_http(listener.port, target)
            with pytest.raises(SignInError) as caught:
                await waiter
            return page, caught.value, listener.port

    (status, headers, body), error, port = run(scenario())
    assert error.kind == "denied"
    assert "declined" in error.advice
    assert error.provider_message == "access_denied: <script>alert(1)</script>\"'"
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;" in body
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert status == 200
    assert_port_free(port)


def test_other_provider_errors_end_the_wait_as_authorization_failed():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            await raw_http(listener.port, f"/callback?state={STATE}&error=invalid_scope")
            with pytest.raises(SignInError) as caught:
                await waiter
            return caught.value

    error = run(scenario())
    assert error.kind == "authorization_failed"
    assert error.provider_message == "invalid_scope"


def test_error_with_a_wrong_state_does_not_end_the_wait():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            status, _, _ = await raw_http(
                listener.port, "/callback?state=forged&error=access_denied"
            )
            assert not waiter.done()
            waiter.cancel()
            return status

    assert run(scenario()) == 400


def test_listens_on_loopback_only():
    async def scenario():
        async with LoopbackListener(STATE) as listener:
            addresses = listener.addresses()
            outward = non_loopback_ipv4()
            reached_from_outside = None
            if outward is not None:
                try:
                    _, writer = await asyncio.open_connection(outward, listener.port)
                except OSError:
                    reached_from_outside = False
                else:
                    writer.close()
                    reached_from_outside = True
            return listener.port, addresses, reached_from_outside

    port, addresses, reached_from_outside = run(scenario())
    assert addresses, "the listener had no socket"
    for address in addresses:
        assert ipaddress.ip_address(address[0]).is_loopback, address
        assert address[1] == port
    assert ("127.0.0.1", port) in [(a[0], a[1]) for a in addresses]
    assert reached_from_outside in (None, False)


def test_ipv6_loopback_serves_the_same_port_when_available():
    if not socket.has_ipv6:
        unavailable("no IPv6 on this machine")

    async def scenario():
        async with LoopbackListener(STATE) as listener:
            families = {len(address) for address in listener.addresses()}
            if 4 not in families:  # an IPv6 sockname has 4 fields
                return None
            status, _, _ = await raw_http(
                listener.port, "/done", address="::1", host_header=f"[::1]:{listener.port}"
            )
            return status

    status = run(scenario())
    if status is None:
        unavailable("[::1] could not be bound here")
    assert status == 200


# -- XeeSignIn on top of the listener ---------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_authorization_url_carries_pkce_state_scopes_and_redirect_uri():
    async def scenario():
        sign_in = XeeSignIn("http://127.0.0.1:9/xee/v3/", "client-1", "secret-1", timeout=30)
        attempt = await sign_in.start()
        try:
            return attempt.url, attempt.redirect_uri
        finally:
            attempt.cancel()

    url, redirect_uri = run(scenario())
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "http://127.0.0.1:9/xee/v3/auth/auth"
    assert query["response_type"] == "code"
    assert query["client_id"] == "client-1"
    assert query["redirect_uri"] == redirect_uri
    assert redirect_uri.startswith("http://127.0.0.1:") and redirect_uri.endswith("/callback")
    assert query["scope"] == "devices_management users_read cars_read"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43  # base64url of a SHA-256, no padding
    assert len(query["state"]) >= 32
    assert "secret-1" not in url


def test_each_attempt_has_its_own_state_and_challenge():
    async def scenario():
        sign_in = XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s", scopes=("users_read",))
        first, second = await sign_in.start(), await sign_in.start()
        first.cancel()
        second.cancel()
        return first.url, second.url

    first, second = (parse_qs(urlsplit(url).query) for url in run(scenario()))
    assert first["state"] != second["state"]
    assert first["code_challenge"] != second["code_challenge"]
    assert first["scope"] == ["users_read"]


def test_timeout_ends_the_attempt_and_frees_the_port():
    async def scenario():
        loop = asyncio.get_running_loop()
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s", timeout=0.5).start()
        assert 0 < attempt.seconds_left() <= 0.5
        assert attempt.deadline <= loop.time() + 0.5
        port = attempt.listener.port
        started = loop.time()
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        return caught.value, port, loop.time() - started, attempt.seconds_left()

    error, port, waited, left = run(scenario())
    assert error.kind == "timeout"
    assert "Start the sign-in again" in error.advice
    assert 0.3 < waited < 3
    assert left == 0
    assert_refused(port)
    assert_port_free(port)


def test_cancel_at_any_moment_frees_the_port_at_once():
    async def scenario():
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s").start()
        port = attempt.listener.port
        # An idle browser connection is open when the user clicks Cancel.
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        await asyncio.sleep(0.05)
        attempt.cancel()
        assert_refused(port)  # synchronously, before the loop turns again
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        writer.close()
        attempt.cancel()  # harmless twice
        return caught.value, port

    error, port = run(scenario())
    assert error.kind == "cancelled"
    assert_port_free(port)


def test_cancelling_the_awaiting_task_also_ends_the_attempt():
    async def scenario():
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s").start()
        waiter = asyncio.create_task(attempt.result())
        await asyncio.sleep(0.05)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        await asyncio.sleep(0)
        return attempt.listener.port, attempt.done()

    port, done = run(scenario())
    assert done
    assert_port_free(port)


def test_token_endpoint_unreachable_is_a_network_error_after_a_valid_callback():
    async def scenario():
        root = f"http://127.0.0.1:{closed_port()}/xee/v3"
        attempt = await XeeSignIn(root, "c", "s").start()
        state = parse_qs(urlsplit(attempt.url).query)["state"][0]
        async with httpx2.AsyncClient() as browser:
            page = await browser.get(attempt.redirect_uri, params={"code": "c0de", "state": state})
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        return page, caught.value, attempt.listener.port

    page, error, port = run(scenario())
    assert page.status_code == 200
    assert error.kind == "network"
    assert "could not be reached" in error.advice
    assert_port_free(port)


def test_run_shows_the_attempt_then_opens_the_browser():
    seen = {}

    async def scenario():
        sign_in = XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s", timeout=0.5)

        def on_started(attempt):
            seen["url"] = attempt.url

        def open_browser(url):
            seen["opened"] = url
            return False  # as if no browser could start: run keeps waiting

        with pytest.raises(SignInError) as caught:
            await sign_in.run(open_browser=open_browser, on_started=on_started)
        return caught.value

    error = run(scenario())
    assert error.kind == "timeout"
    assert seen["url"] == seen["opened"]


@pytest.mark.parametrize(("specs", "said"), [((), "Xee said: access_denied"),
                                             (("acme",), "Acme said: access_denied")])
def test_the_declined_page_names_the_provider_signed_in_to(specs, said):
    """#16b item 3b: the page a declined sign-in shows quotes its provider by name (the
    one app.auth signs in to: Xee's, or another spec that signs in), never always Xee."""
    from app.core import providers
    from tests.core.test_providers import AcmeSignInSpec, registry_of

    async def scenario():
        async with LoopbackListener(STATE) as listener:
            waiter = asyncio.create_task(listener.wait_for_code())
            page = await raw_http(listener.port, f"/callback?state={STATE}&error=access_denied")
            with pytest.raises(SignInError) as caught:
                await waiter
            return page, caught.value

    registry = [AcmeSignInSpec()] if specs else list(providers.SPECS.values())
    with registry_of(*registry):
        (_status, _headers, body), error = run(scenario())
    assert said in body and "said:" in said
    assert (error.provider, "Xee said" in body) == (("acme", False) if specs
                                                    else ("xee", True))
