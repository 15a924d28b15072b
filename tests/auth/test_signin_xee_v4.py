"""Sign-in against Xee API v4's OAuth endpoints (oauth/authorize, oauth/token), with the
sandbox over real HTTP, then a v4 call with the token."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx2

from app.auth.oauth import XeeSignIn, authorization_endpoint, token_endpoint
from app.core.xee import XeeAPI


def test_v4_root_uses_v4_endpoints_v3_keeps_its_own():
    assert authorization_endpoint("https://api.xee.com/v4") == (
        "https://api.xee.com/v4/oauth/authorize")
    assert token_endpoint("https://api.xee.com/v4/") == "https://api.xee.com/v4/oauth/token"
    assert authorization_endpoint("https://cloud.xee.com/v3") == (
        "https://cloud.xee.com/v3/auth/auth")
    assert token_endpoint("https://cloud.xee.com/v3") == (
        "https://cloud.xee.com/v3/auth/access_token")


def test_sign_in_on_v4_then_pair_through_v4(sandbox):
    xee = sandbox.fixtures()["xee"]
    user = next(u for u in xee["users"] if not u.get("disabled"))
    device = next(d for d in xee["devices"] if d["user_id"] is None and not d["locked"])
    root = sandbox.url + "/xee/v4"

    async def scenario():
        attempt = await XeeSignIn(root, xee["client_id"], xee["client_secret"]).start()
        assert urlsplit(attempt.url).path == "/xee/v4/oauth/authorize"
        query = {k: v[0] for k, v in parse_qs(urlsplit(attempt.url).query).items()}
        async with httpx2.AsyncClient() as browser:
            page = await browser.get(attempt.url)
            assert 'action="/xee/v4/oauth/authorize"' in page.text
            form = {k: query[k] for k in ("client_id", "redirect_uri", "state",
                                          "code_challenge", "code_challenge_method")}
            form.update(requested_scope=query["scope"], scope=query["scope"].split(),
                        login=user["login"], password=user["password"], approve="1")
            redirect = await browser.post(root + "/oauth/authorize", data=form)
            await browser.get(redirect.headers["location"])
        token = await attempt.result()
        async with httpx2.AsyncClient() as client:
            await XeeAPI(client, root, token["access_token"]).associate(device["id"],
                                                                        device["pin"])

    asyncio.run(scenario())
    owners = {d["id"]: d["user_id"] for d in sandbox.fixtures()["xee"]["devices"]}
    assert owners[device["id"]] == user["id"]
