"""Sign-in pieces around the browser: the code exchange against the sandbox, the Qt loop,
and finding the HTML pages when frozen."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from app.auth import pages
from app.auth.errors import SignInError
from app.auth.oauth import XeeSignIn
from tests.auth.helpers import assert_port_free


def state_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["state"][0]


async def consent_by_form(sandbox, attempt, user) -> httpx2.Response:
    """What the browser does on the consent page, as a plain form post (no redirects)."""
    query = {k: v[0] for k, v in parse_qs(urlsplit(attempt.url).query).items()}
    form = {
        "client_id": query["client_id"],
        "redirect_uri": query["redirect_uri"],
        "state": query["state"],
        "code_challenge": query["code_challenge"],
        "code_challenge_method": query["code_challenge_method"],
        "requested_scope": query["scope"],
        "scope": query["scope"].split(),
        "login": user["login"],
        "password": user["password"],
        "approve": "1",
    }
    async with httpx2.AsyncClient() as client:
        return await client.post(sandbox.xee_root + "/auth/auth", data=form)


def test_bogus_code_is_token_exchange_failed_with_xee_message(sandbox):
    xee = sandbox.fixtures()["xee"]

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"])
        attempt = await sign_in.start()
        async with httpx2.AsyncClient() as browser:
            await browser.get(
                attempt.redirect_uri, params={"code": "f" * 40, "state": state_of(attempt.url)}
            )
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        return caught.value, attempt.listener.port

    error, port = asyncio.run(scenario())
    assert error.kind == "token_exchange_failed"
    assert error.status == 403
    assert error.provider_message == "Invalid authentication"
    assert "Xee said: Invalid authentication" in str(error)
    assert "f" * 40 not in str(error)
    assert_port_free(port)


def test_wrong_client_secret_is_refused_at_the_exchange(sandbox):
    xee = sandbox.fixtures()["xee"]
    user = next(u for u in xee["users"] if not u.get("disabled"))

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], "not-the-secret")
        attempt = await sign_in.start()
        redirect = await consent_by_form(sandbox, attempt, user)
        assert redirect.status_code == 302
        async with httpx2.AsyncClient() as browser:
            await browser.get(redirect.headers["location"])
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        return caught.value

    error = asyncio.run(scenario())
    assert error.kind == "token_exchange_failed"
    assert error.provider_message == "Invalid authentication"
    assert "client id and secret" in error.advice


def test_code_from_the_consent_form_exchanges_with_pkce(sandbox):
    xee = sandbox.fixtures()["xee"]
    user = next(u for u in xee["users"] if not u.get("disabled"))

    async def scenario():
        sign_in = XeeSignIn(sandbox.xee_root, xee["client_id"], xee["client_secret"])
        attempt = await sign_in.start()
        redirect = await consent_by_form(sandbox, attempt, user)
        location = redirect.headers["location"]
        assert location.startswith(attempt.redirect_uri + "?")
        async with httpx2.AsyncClient() as browser:
            page = await browser.get(location)
        token = await attempt.result()
        return page, token

    page, token = asyncio.run(scenario())
    assert page.status_code == 200
    assert len(token["access_token"]) == 64
    assert token["token_type"].lower() == "bearer"
    assert token["expires_at"] > 0


def test_sign_in_runs_on_the_qt_event_loop(qapp):
    qasync = pytest.importorskip("qasync")

    async def scenario():
        attempt = await XeeSignIn("http://127.0.0.1:9/xee/v3", "c", "s", timeout=0.3).start()
        with pytest.raises(SignInError) as caught:
            await attempt.result()
        return caught.value.kind, attempt.listener.port

    loop = qasync.QEventLoop(qapp)
    try:
        kind, port = loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert kind == "timeout"
    assert_port_free(port)


def test_pages_are_found_in_a_pyinstaller_bundle(tmp_path, monkeypatch):
    bundle_pages = tmp_path / "resources" / "oauth"
    bundle_pages.mkdir(parents=True)
    (bundle_pages / "done.html").write_text("<p>bundled</p>", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert pages.oauth_resource("done.html") == bundle_pages / "done.html"
    # Not in the bundle: fall back to the repository's copy.
    repo_pages = Path(pages.__file__).resolve().parents[2] / "resources" / "oauth"
    assert pages.oauth_resource("error.html") == repo_pages / "error.html"
    with pytest.raises(FileNotFoundError):
        pages.oauth_resource("missing.html")


def test_every_inserted_value_is_escaped():
    body = pages.render("error.html", title="<b>t</b>", message='"m"', detail="<img src=x>")
    text = body.decode()
    assert "<b>t</b>" not in text and "&lt;b&gt;t&lt;/b&gt;" in text
    assert "&quot;m&quot;" in text
    assert "<img src=x>" not in text
